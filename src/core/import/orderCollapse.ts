import type { RecordOf } from './records';
import { ROUNDED_ID } from './values';
import type { ImportWarning } from './warnings';

export type OrderRow = RecordOf['orders'];

/** Which money fields an export gives per line (sub-order), to be summed over an order's lines. */
export interface PerLine {
  amount: boolean;
  refundAmount: boolean;
}

/** What tells two rows of one order apart: the sub-order ID, or else all the row's cells. */
const partOf = (row: OrderRow) => row.subOrderId ?? `row:${row.rowPrint}`;

/**
 * One order per order ID, as the rows are read: SKU rows add their items (and per-line amounts);
 * order-level values come from the first row that has them; a row read twice counts once. Collapsing
 * as the rows come spares holding every row in a list and a second pass over them afterwards.
 */
export class OrderCollapser {
  /** In the order their first rows came. */
  readonly orders: OrderRow[] = [];
  /** Rows that repeated one already read (same order ID and sub-order, or the same row twice). */
  duplicates = 0;
  private readonly places = new OrderPlaces();
  // Most orders have one row: a set of parts is made only for an order that repeats, and nothing else
  // per order but its place in the list.
  private readonly partsAt = new Map<number, Set<string>>();
  /** The rows of each order that has several (for refusing all of them), and its warnings so far. */
  private readonly rowsAt = new Map<number, number[]>();
  private readonly warnedAt = new Map<number, ImportWarning[]>();
  /** Of those orders, the rows that repeated one already read: not duplicates once the order is refused. */
  private readonly duplicatesAt = new Map<number, number>();
  /** Orders whose ID a spreadsheet rounded: rows of different buyers share a zero-tailed ID. */
  private readonly rounded = new Set<number>();
  /** Whether a row left its amount empty (NaN): only then may an order's amount be unknown at the end. */
  private unknownAmounts = false;

  constructor(
    private readonly perLine: PerLine,
    private readonly warnings: ImportWarning[],
    private readonly file: string,
    /** The file's column for a field, as warnings name it. */
    private readonly columnOf: (field: 'order_id' | 'amount') => string = (field) => field,
  ) {}

  add(row: OrderRow): void {
    if (Number.isNaN(row.amount)) this.unknownAmounts = true;
    const orders = this.orders;
    const at = this.places.get(row.orderId);
    if (at === undefined) {
      this.places.set(row.orderId, orders.length);
      orders.push(row);
      return;
    }
    let parts = this.partsAt.get(at);
    const first = orders[at] as OrderRow;
    if (!parts) {
      parts = new Set([partOf(first)]);
      this.partsAt.set(at, parts);
      // Rows are listed only for an order that may yet be refused as a whole (finish): a zero-tailed
      // ID, or an amount still unknown; the many orders of several rows otherwise cost no list.
      if (isZeroTailed(row.orderId) || this.perLine.amount || Number.isNaN(first.amount))
        this.rowsAt.set(at, [first.row ?? 0]);
      orders[at] = { ...first }; // the row read stays as read
    }
    this.rowsAt.get(at)?.push(row.row ?? 0);
    const order = orders[at] as OrderRow;
    if (
      order.customer !== null &&
      row.customer !== null &&
      order.customer !== row.customer &&
      isZeroTailed(row.orderId)
    )
      this.rounded.add(at);
    const part = partOf(row);
    if (parts.has(part)) {
      this.duplicates++;
      if (this.rowsAt.has(at)) this.duplicatesAt.set(at, (this.duplicatesAt.get(at) ?? 0) + 1);
      return;
    }
    parts.add(part);
    if (
      !this.perLine.amount &&
      order.amount !== row.amount &&
      row.amount !== 0 &&
      order.amount !== 0 &&
      !Number.isNaN(row.amount) &&
      !Number.isNaN(order.amount) &&
      row.subOrderId === null
    ) {
      const warning = {
        file: this.file,
        row: row.row ?? 0,
        column: this.columnOf('amount'),
        message: `order ${row.orderId} appears on several rows with different amounts; the first row's amount is used (order-level amounts are not summed)`,
        counted: true as const,
      };
      this.warnings.push(warning);
      this.warnedAt.set(at, [...(this.warnedAt.get(at) ?? []), warning]);
    }
    order.items += row.items;
    order.customer ??= row.customer;
    order.createdAt ??= row.createdAt;
    order.paidAt ??= row.paidAt;
    if (row.refunded) order.refunded = true;
    order.currency ??= row.currency;
    // NaN is an amount left empty (records.ts): unknown, taken from another row where one gives it.
    if (this.perLine.amount) order.amount += row.amount;
    else if (
      Number.isNaN(order.amount) ||
      (order.amount === 0 && row.amount !== 0 && !Number.isNaN(row.amount))
    )
      order.amount = row.amount;
    if (this.perLine.refundAmount) order.refundAmount += row.refundAmount;
    if (row.cancelledLines) {
      const sum = order.cancelledLines ?? { amount: 0, items: 0 };
      order.cancelledLines = {
        amount: sum.amount + row.cancelledLines.amount,
        items: sum.items + row.cancelledLines.items,
      };
    } else if (order.refundAmount === 0 && row.refundAmount !== 0) order.refundAmount = row.refundAmount;
  }

  /**
   * The orders, once every row is read, without those refused as a whole: an ID a spreadsheet rounded,
   * and a sale (paid, or cash on delivery) whose amount no row gives. Each of their rows gets a warning,
   * and any warning of theirs so far goes: they are counted nowhere. An unpaid order with no amount has
   * none to count: 0.
   */
  finish(): OrderRow[] {
    // Nothing to refuse or set to 0: the orders as they are, without a pass over a million of them.
    if (this.rounded.size === 0 && !this.unknownAmounts) return this.orders;
    const kept: OrderRow[] = [];
    const refusals: ImportWarning[] = [];
    const withdrawn = new Set<ImportWarning>();
    const refuse = (at: number, order: OrderRow, column: string, message: string) => {
      const rows = this.rowsAt.get(at) ?? [order.row ?? 0];
      const all = rows.length > 1 ? ` (all its rows are refused: ${rows.join(', ')})` : '';
      for (const row of rows) refusals.push({ file: this.file, row, column, message: message + all });
      for (const warning of this.warnedAt.get(at) ?? []) withdrawn.add(warning);
      this.duplicates -= this.duplicatesAt.get(at) ?? 0;
    };
    this.orders.forEach((order, at) => {
      if (this.rounded.has(at)) {
        refuse(
          at,
          order,
          this.columnOf('order_id'),
          `"${order.orderId}" ${ROUNDED_ID}. Rows of different buyers share it, and its digits after the 15th are all 0`,
        );
      } else if (!Number.isNaN(order.amount)) kept.push(order);
      else if (order.paidAt !== null || order.cod) {
        refuse(
          at,
          order,
          this.columnOf('amount'),
          `order ${order.orderId} is ${order.paidAt !== null ? 'paid' : 'cash on delivery'} but its amount is empty; its sale is unknown, so the order is refused. Export the amount column filled in`,
        );
      } else {
        order.amount = 0;
        kept.push(order);
      }
    });
    if (refusals.length > 0 || withdrawn.size > 0) {
      const others = this.warnings.filter((warning) => !withdrawn.has(warning));
      this.warnings.length = 0;
      this.warnings.push(...others, ...refusals);
    }
    return kept;
  }
}

/**
 * 16 digits or more, all 0 after the 15th: what a spreadsheet leaves of a long number, since it keeps 15
 * digits. Real order IDs may end so by chance; one shared by rows of different buyers did not.
 */
export function isZeroTailed(id: string): boolean {
  if (id.length < 16) return false;
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    if (i < 15 ? code < 48 || code > 57 : code !== 48) return false;
  }
  return true;
}

/**
 * Each order ID's place in the list. A short run of digits (an anonymized report numbers its orders
 * 1, 2, 3…) is read as its number and found in an array by it, six times faster than a Map; a real
 * order number has 16 to 19 digits, which a Map finds faster than anything else tried.
 */
class OrderPlaces {
  private readonly byIndex: (number | undefined)[] = [];
  private readonly byId = new Map<string, number>();

  get(id: string): number | undefined {
    const index = shortIndex(id);
    return index >= 0 ? this.byIndex[index] : this.byId.get(id);
  }

  set(id: string, place: number): void {
    const index = shortIndex(id);
    if (index >= 0) this.byIndex[index] = place;
    else this.byId.set(id, place);
  }
}

/**
 * Up to nine digits without a leading zero, what JavaScript takes for an array index, as that number
 * (one for each such ID, and no two IDs the same); -1 for any other ID.
 */
function shortIndex(id: string): number {
  if (id.length === 0 || id.length > 9 || (id.charCodeAt(0) === 48 && id.length > 1)) return -1;
  let index = 0;
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    index = index * 10 + code - 48;
  }
  return index;
}
