import { type OrderConversion, UNKNOWN_CURRENCY } from '../../core/engine/currencies';
import { type AutoReplyRules, hashText, marksAutoReply } from '../../core/engine/messageColumns';
import type { Message, Order } from '../../core/engine/model';
import { orderWithoutCancelledLines } from '../../core/engine/report';
import { RECORD_TABLES, ZONE } from './recordTables';
import type { CanonicalColumn, RowSink } from './sqlTypes';

export type { CanonicalColumn, RowSink } from './sqlTypes';

/**
 * The canonical tables the SQL views read: what the importer made of the exports (recognized,
 * mapped, converted, bad rows refused), one row per record, in file order (`seq`). Texts are not
 * carried (buyers' phones and addresses stay behind): a message's text is two 32-bit hashes, which is
 * all the engine reads of it (duplicates, suspected auto replies), and the auto-reply prefixes and
 * keywords of the settings are applied on the way in, as the JS engine applies them on import.
 */
const BIGQUERY_TYPE: Record<CanonicalColumn['duckdb'], string> = {
  BIGINT: 'INT64',
  INTEGER: 'INT64',
  VARCHAR: 'STRING',
  BOOLEAN: 'BOOL',
  DOUBLE: 'FLOAT64',
};

export const MESSAGE_COLUMNS: readonly CanonicalColumn[] = [
  {
    name: 'seq',
    duckdb: 'BIGINT',
    means: 'place in the exports, in the order read (file order decides repeats)',
  },
  { name: 'time_ms', duckdb: 'BIGINT', means: 'epoch milliseconds' },
  { name: 'agent', duckdb: 'VARCHAR', means: 'agent account' },
  { name: 'customer', duckdb: 'VARCHAR', means: 'customer (buyer) as the chat export names them' },
  { name: 'session', duckdb: 'VARCHAR', means: "the export's conversation ID, or NULL" },
  { name: 'sender', duckdb: 'VARCHAR', means: 'customer, agent or system' },
  {
    name: 'auto',
    duckdb: 'BOOLEAN',
    means: 'an auto reply (flagged, or by the auto-reply prefixes and keywords)',
  },
  { name: 'invite', duckdb: 'BOOLEAN', means: 'a rating invitation' },
  { name: 'offline', duckdb: 'BOOLEAN', means: 'left while no agent was online (留言)' },
  { name: 'transfer_out', duckdb: 'BOOLEAN', means: 'moved the customer to another account' },
  { name: 'transfer_in', duckdb: 'BOOLEAN', means: 'moved the customer from another account' },
  { name: 'id_a', duckdb: 'INTEGER', means: "hash of the export's message ID (NULL: none)" },
  { name: 'id_b', duckdb: 'INTEGER', means: "second hash of the export's message ID" },
  { name: 'text_a', duckdb: 'INTEGER', means: 'hash of the text' },
  { name: 'text_b', duckdb: 'INTEGER', means: 'second hash of the text' },
  {
    name: 'row_print',
    duckdb: 'INTEGER',
    means: 'hash of the cells no field reads; NULL: a row nothing tells from another (never a repeat)',
  },
  {
    name: 'no_response',
    duckdb: 'BOOLEAN',
    means:
      "a customer message marked as needing no response (Amazon's): platform_response_rate leaves it out",
  },
];

/**
 * The canonical orders table: one row per order the importer read, in file order (`seq`; a repeated
 * order ID keeps its first row, as the JS engine's dedupeOrders does). Amounts are the order's as
 * paid: cancelled lines (Order.cancelledLines) are left out on the way in, as report.ts leaves them
 * out. The buyer is the name the chats know them by; no phone, address or line text is carried.
 */
export const ORDER_COLUMNS: readonly CanonicalColumn[] = [
  { name: 'seq', duckdb: 'BIGINT', means: 'place in the order exports, in the order read' },
  { name: 'order_id', duckdb: 'VARCHAR', means: "the export's order ID (a repeat keeps its first row)" },
  { name: 'customer', duckdb: 'VARCHAR', means: 'the buyer as the chats name them, or NULL: none' },
  { name: 'created_ms', duckdb: 'BIGINT', means: 'placed at, epoch milliseconds (NULL: not given)' },
  { name: 'paid_ms', duckdb: 'BIGINT', means: 'paid at, epoch milliseconds (NULL: not paid)' },
  { name: 'amount', duckdb: 'DOUBLE', means: 'amount paid (cancelled lines left out)' },
  { name: 'items', duckdb: 'DOUBLE', means: 'items (cancelled lines left out)' },
  { name: 'cod', duckdb: 'BOOLEAN', means: 'cash on delivery (paid at the door)' },
  { name: 'refund_amount', duckdb: 'DOUBLE', means: 'amount refunded' },
  { name: 'refunded', duckdb: 'BOOLEAN', means: 'the status says refunded' },
  { name: 'currency', duckdb: 'VARCHAR', means: 'ISO 4217 currency, or NULL: the export does not say' },
  ZONE,
];

export const CANONICAL_TABLES: Readonly<Record<string, readonly CanonicalColumn[]>> = {
  messages: MESSAGE_COLUMNS,
  orders: ORDER_COLUMNS,
  ...RECORD_TABLES,
};

export function createTableSql(
  table: string,
  dialect: 'duckdb' | 'bigquery',
  qualified = table,
  ifNotExists = false,
): string {
  const columns = CANONICAL_TABLES[table] ?? [];
  const type = (c: CanonicalColumn) => (dialect === 'duckdb' ? c.duckdb : BIGQUERY_TYPE[c.duckdb]);
  return `CREATE TABLE ${ifNotExists ? 'IF NOT EXISTS ' : ''}${qualified} (${columns.map((c) => `${c.name} ${type(c)}`).join(', ')})`;
}

/** Messages into canonical rows, as MessageColumnsBuilder takes them into columns. */
export class MessageRows {
  private seq = 0;
  private readonly hashes = new Int32Array(2);
  private readonly marksAuto: boolean;

  constructor(
    private readonly sink: RowSink,
    private readonly rules: AutoReplyRules,
  ) {
    this.marksAuto = rules.autoPrefixes.length > 0 || rules.autoKeywords.length > 0;
  }

  get count(): number {
    return this.seq;
  }

  /** `count` messages taken in otherwise (DuckdbEngine.addPart): the next one is numbered after them. */
  skip(count: number): void {
    this.seq += count;
  }

  add(message: Message): void {
    const s = this.sink;
    if (!Number.isInteger(message.time))
      throw new Error(`a message time of ${message.time} ms is not whole milliseconds: use --engine js`);
    s.bigint(this.seq++);
    s.bigint(message.time);
    s.text(message.agent);
    s.text(message.customer);
    if (message.session === null) s.nothing();
    else s.text(message.session);
    s.text(message.from);
    s.bool(message.auto || (this.marksAuto && marksAutoReply(message, this.rules)));
    s.bool(message.invite);
    s.bool(message.offline);
    s.bool(message.transfer === 'out');
    s.bool(message.transfer === 'in');
    if (message.messageId === undefined) {
      s.nothing();
      s.nothing();
    } else {
      hashText(message.messageId, this.hashes, 0);
      s.integer(this.hashes[0] as number);
      s.integer(this.hashes[1] as number);
    }
    hashText(message.text, this.hashes, 0);
    s.integer(this.hashes[0] as number);
    s.integer(this.hashes[1] as number);
    if (message.messageId === undefined && message.rowPrint === null) s.nothing();
    // As the JS engine keeps it (an Int32Array), so that two prints it takes for equal are equal here.
    else s.integer((message.rowPrint ?? 0) | 0);
    s.bool(message.noResponse === true);
    s.endRow();
  }
}

/**
 * Orders into canonical rows; the orders of each currency are counted. With a rate table (`--rates`),
 * each order's amounts go in converted into its report currency, as the JS engine converts them
 * (OrderConversion): the report then reads them only when it converts (some order is in another
 * currency), and otherwise every order is already in the report currency, unchanged.
 */
export class OrderRows {
  private seq = 0;
  /** The orders of each currency (UNKNOWN_CURRENCY: the export says none), repeats included. */
  readonly currencies = new Map<string, number>();
  /** Whether an order was read in a zone of its own (its market's): the views count its days in it. */
  zoned = false;

  constructor(
    private readonly sink: RowSink,
    readonly conversion?: OrderConversion,
  ) {}

  get count(): number {
    return this.seq;
  }

  add(given: Order): void {
    let order = orderWithoutCancelledLines(given);
    const s = this.sink;
    for (const time of [order.createdAt, order.paidAt])
      if (time !== null && !Number.isInteger(time))
        throw new Error(`an order time of ${time} ms is not whole milliseconds: use --engine js`);
    if (order.zone !== undefined) this.zoned = true;
    const currency = given.currency ?? UNKNOWN_CURRENCY;
    this.currencies.set(currency, (this.currencies.get(currency) ?? 0) + 1);
    if (this.conversion) order = this.conversion.convert(order);
    s.bigint(this.seq++);
    s.text(order.orderId);
    if (order.customer === null) s.nothing();
    else s.text(order.customer);
    if (order.createdAt === null) s.nothing();
    else s.bigint(order.createdAt);
    if (order.paidAt === null) s.nothing();
    else s.bigint(order.paidAt);
    s.double(order.amount);
    s.double(order.items);
    s.bool(order.cod);
    s.double(order.refundAmount);
    s.bool(order.refunded === true);
    if (order.currency === undefined) s.nothing();
    else s.text(order.currency);
    if (order.zone === undefined) s.nothing();
    else s.text(order.zone);
    s.endRow();
  }
}
