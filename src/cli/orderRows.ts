import type { OrderRow } from '../core/import/orderCollapse';

/**
 * An order export's rows passed from the worker that read them to the thread that collapses them
 * (parallelImport.ts), as columns, a block at a time as they are read: half a million objects copied
 * between threads one by one cost more than reading them (1.5 s to write and 7 s to read back, against
 * 5 s to import, for half the bench's Tmall-shaped export); numbers in typed arrays and texts end to
 * end in one string cost almost nothing to pass, and the objects are made again as they are collapsed.
 * Sent block by block, they are collapsed while the worker reads on.
 */
export interface OrderRowsBlock {
  /** Rows in the block. */
  length: number;
  /** Each row's order ID, sub-order ID, buyer and currency, written end to end; `ends` marks them. */
  texts: string;
  ends: Uint32Array;
  numbers: Float64Array;
  rowPrint: Uint32Array;
  flags: Uint8Array;
}

/** What a row has and lacks (the absent texts take no place in `texts`). */
const NO_CUSTOMER = 1;
const NO_SUB_ORDER = 2;
const NO_CREATED = 4;
const NO_PAID = 8;
const COD = 16;
const REFUNDED = 32;
const CANCELLED_LINES = 64;
const CURRENCY = 128;

/** Numbers and texts of a row (see add for which is where). */
const NUMBERS = 8;
const TEXTS = 4;
/** Rows to a block: enough that each message costs little, few enough that the first comes early. */
export const BLOCK_ROWS = 32_768;

/** Collects the rows as the worker reads them, handing over each block once full (and the last at `end`). */
export class OrderRowsWriter {
  private length = 0;
  private ends: Uint32Array;
  private numbers: Float64Array;
  private rowPrint: Uint32Array;
  private flags: Uint8Array;
  private texts: string[] = [];
  private written = 0;

  constructor(
    private readonly onBlock: (block: OrderRowsBlock) => void,
    private readonly rows = BLOCK_ROWS,
  ) {
    this.ends = new Uint32Array(rows * TEXTS);
    this.numbers = new Float64Array(rows * NUMBERS);
    this.rowPrint = new Uint32Array(rows);
    this.flags = new Uint8Array(rows);
  }

  add(row: OrderRow): void {
    const j = this.length++;
    const { ends, numbers } = this;
    let flags = 0;
    const t = j * TEXTS;
    ends[t] = this.text(row.orderId);
    if (row.subOrderId === null) flags |= NO_SUB_ORDER;
    ends[t + 1] = this.text(row.subOrderId ?? '');
    if (row.customer === null) flags |= NO_CUSTOMER;
    ends[t + 2] = this.text(row.customer ?? '');
    if (row.currency !== undefined) flags |= CURRENCY;
    ends[t + 3] = this.text(row.currency ?? '');
    const n = j * NUMBERS;
    if (row.createdAt === null) flags |= NO_CREATED;
    numbers[n] = row.createdAt ?? 0;
    if (row.paidAt === null) flags |= NO_PAID;
    numbers[n + 1] = row.paidAt ?? 0;
    numbers[n + 2] = row.amount;
    numbers[n + 3] = row.items;
    numbers[n + 4] = row.refundAmount;
    numbers[n + 5] = row.row ?? 0;
    if (row.cancelledLines) {
      flags |= CANCELLED_LINES;
      numbers[n + 6] = row.cancelledLines.amount;
      numbers[n + 7] = row.cancelledLines.items;
    }
    if (row.cod) flags |= COD;
    if (row.refunded) flags |= REFUNDED;
    this.flags[j] = flags;
    this.rowPrint[j] = row.rowPrint;
    if (this.length === this.rows) this.end();
  }

  /** Where the text ends among the block's texts. */
  private text(value: string): number {
    if (value !== '') {
      this.texts.push(value);
      this.written += value.length;
    }
    return this.written;
  }

  /** Hands over the rows not yet handed over, if any. */
  end(): void {
    if (this.length === 0) return;
    const full = this.length === this.rows;
    const cut = <T extends Uint32Array | Float64Array | Uint8Array>(array: T, per: number) =>
      (full ? array : array.slice(0, this.length * per)) as T;
    this.onBlock({
      length: this.length,
      texts: this.texts.join(''),
      ends: cut(this.ends, TEXTS),
      numbers: cut(this.numbers, NUMBERS),
      rowPrint: cut(this.rowPrint, 1),
      flags: cut(this.flags, 1),
    });
    this.length = 0;
    this.texts = [];
    this.written = 0;
    // The block's arrays go to the other thread: new ones for the next.
    this.ends = new Uint32Array(this.rows * TEXTS);
    this.numbers = new Float64Array(this.rows * NUMBERS);
    this.rowPrint = new Uint32Array(this.rows);
    this.flags = new Uint8Array(this.rows);
  }
}

export const blockTransferables = (block: OrderRowsBlock): ArrayBuffer[] =>
  [block.ends, block.numbers, block.rowPrint, block.flags].map((array) => array.buffer as ArrayBuffer);

/**
 * A block's rows again, each as the importer made it (the same fields in the same order), its row
 * moved on by `shift` (the part's rows numbered as in the whole file).
 */
export function* orderRowsOf(block: OrderRowsBlock, shift: number): Generator<OrderRow> {
  const { texts, ends, numbers, rowPrint, flags: allFlags } = block;
  const text = (at: number) => texts.slice(at === 0 ? 0 : (ends[at - 1] as number), ends[at] as number);
  for (let j = 0; j < block.length; j++) {
    const flags = allFlags[j] as number;
    const t = j * TEXTS;
    const n = j * NUMBERS;
    const orderId = text(t);
    const subOrderId = text(t + 1);
    const customer = text(t + 2);
    const currency = text(t + 3);
    const order: OrderRow = {
      orderId,
      subOrderId: flags & NO_SUB_ORDER ? null : subOrderId,
      rowPrint: rowPrint[j] as number,
      customer: flags & NO_CUSTOMER ? null : customer,
      createdAt: flags & NO_CREATED ? null : (numbers[n] as number),
      paidAt: flags & NO_PAID ? null : (numbers[n + 1] as number),
      amount: numbers[n + 2] as number,
      items: numbers[n + 3] as number,
      cod: (flags & COD) !== 0,
      refundAmount: numbers[n + 4] as number,
    };
    // Set as the importer sets them (records.ts), so that each order has the importer's shape.
    if (flags & REFUNDED) order.refunded = true;
    if (flags & CURRENCY) order.currency = currency;
    if (flags & CANCELLED_LINES)
      order.cancelledLines = { amount: numbers[n + 6] as number, items: numbers[n + 7] as number };
    order.row = (numbers[n + 5] as number) + shift;
    yield order;
  }
}
