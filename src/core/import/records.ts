import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import type { Complaint, Issue, Message, OnlineSpan, Order, Rating, Refund, Sender } from '../engine/model';
import { lazy } from '../lib/lazy';
import { utf8Bytes } from '../lib/utf8';
import { numericDateOrder, parseTime } from '../time/parseTime';
import { currencyOfAmount, readCurrency } from './currency';
import type { DateColumns } from './dateColumns';
import { type FieldOf, type FieldReadAs, IMPORT_FIELDS, type Kind } from './fields';
import type { MoneyColumns } from './moneyColumns';
import { type OrderStatus, orderStatusOf } from './orderStatus';
import {
  isRoundedId,
  parseCount,
  parseFlag,
  plainDecimal,
  ROUNDED_ID,
  readMoney,
  trimCell,
  unwrapId,
} from './values';
import type { ImportWarning } from './warnings';

export type { Kind } from './fields';
export { KINDS } from './fields';

export interface RecordOf {
  chats: Message;
  /** `rowPrint` fingerprints every cell of the row, to tell a SKU row from a repeated row. */
  orders: Order & { subOrderId: string | null; rowPrint: number };
  ratings: Rating;
  refunds: Refund;
  complaints: Complaint;
  online: OnlineSpan;
  issues: Issue;
}

/**
 * One data row, read field by field. A problem is recorded as a warning naming file, row and column,
 * and the row is refused: whatever the converter returns, the table reader drops a row that failed
 * (so that a field read after the failing one can never let the row through), and it is counted
 * nowhere.
 */
export class RowReader<K extends Kind = Kind> {
  row = 0;
  cells: readonly string[] = [];
  /** Each money column's decimal mark, decided from the column (null: every amount read with a point). */
  moneyColumns: MoneyColumns | null = null;
  /** The file's day/month order for dates written with the year last, decided from its dates (dateColumns.ts). */
  dateColumns: DateColumns | null = null;
  /** The dialect writes a negative amount in parentheses, "(12.00)". */
  parenthesesNegative = false;
  /** The dialect's own order status words (orderStatus.ts), where a word means something else there. */
  statusWords: Readonly<Record<string, OrderStatus>> | undefined = undefined;
  /** The dialect's amounts are per line (dialects.ts perLine): a row's status is its line's. */
  perLineMoney = false;
  /** The currency of the dialect's market, for orders whose export says none (Shopee TW: TWD). */
  marketCurrency: string | null = null;
  /** Whether a field of this row failed: the row is then counted nowhere, whatever was read besides. */
  refused = false;

  constructor(
    private readonly file: string,
    private readonly header: readonly string[],
    private readonly indexes: ReadonlyMap<string, number>,
    private readonly warnings: ImportWarning[],
    readonly zone: string,
    private readonly pseudonymKey: Uint8Array | null,
    /** The run's clock (epoch ms): a time more than a day after it is refused (FUTURE_SLACK_MS). */
    private readonly now: number = Date.now(),
  ) {}

  text(field: FieldOf<K>): string {
    const at = this.indexes.get(field);
    return at === undefined ? '' : trimCell(this.cells[at] ?? '');
  }

  /** Reads another row: its 1-based number in the file and its cells. */
  start(row: number, cells: readonly string[]): void {
    this.row = row;
    this.cells = cells;
    this.refused = false;
  }

  has(field: FieldOf<K>): boolean {
    return this.indexes.has(field);
  }

  /** FNV-1a over every cell of the row: equal for repeated rows, different for two SKUs of one order. */
  fingerprint(): number {
    let hash = 0x811c9dc5;
    for (const cell of this.cells) {
      for (let i = 0; i < cell.length; i++) hash = Math.imul(hash ^ cell.charCodeAt(i), 0x01000193);
      hash = Math.imul(hash ^ 0x1f, 0x01000193);
    }
    return hash >>> 0;
  }

  /** Which columns no field reads, found on first use (see otherCellsPrint). */
  private unread: number[] | null = null;

  /**
   * FNV-1a over the cells of the columns no field reads: with the fields' values, what tells a row
   * repeated from another row alike in every field. Most chat exports have few such columns, so this
   * costs far less than fingerprint() where it runs for every message.
   */
  otherCellsPrint(): number {
    if (this.unread === null) {
      const read = new Set(this.indexes.values());
      this.unread = this.header.map((_, i) => i).filter((i) => !read.has(i));
    }
    let hash = 0x811c9dc5;
    const unread = this.unread;
    for (let u = 0; u < unread.length; u++) {
      const cell = this.cells[unread[u] as number] ?? '';
      for (let i = 0; i < cell.length; i++) hash = Math.imul(hash ^ cell.charCodeAt(i), 0x01000193);
      hash = Math.imul(hash ^ 0x1f, 0x01000193);
    }
    return hash >>> 0;
  }

  fail(field: FieldOf<K>, message: string, code?: ImportWarning['code']): null {
    const at = this.indexes.get(field);
    const column = at === undefined ? field : (this.header[at] ?? field).trim();
    this.warnings.push({ file: this.file, row: this.row, column, message, ...(code ? { code } : {}) });
    this.refused = true;
    return null;
  }

  required(field: FieldReadAs<K, 'text' | 'word'>): string | null {
    const value = this.text(field);
    return value === '' ? this.fail(field, `${field} is empty; the row is skipped`) : value;
  }

  id(field: FieldReadAs<K, 'id'>): string | null {
    const value = unwrapId(this.text(field));
    if (isRoundedId(value)) return this.fail(field, `"${value}" ${ROUNDED_ID}`);
    return value === '' ? this.fail(field, `${field} is empty; the row is skipped`) : value;
  }

  /** An ID the row may leave empty (''); undefined when a spreadsheet rounded it (a warning says so). */
  optionalId(field: FieldReadAs<K, 'id'>): string | undefined {
    const value = unwrapId(this.text(field));
    if (value !== '' && isRoundedId(value)) {
      this.fail(field, `"${value}" ${ROUNDED_ID}`);
      return undefined;
    }
    return value;
  }

  /** A buyer ID, replaced by a keyed hash when pseudonymization is on, so chats and orders still join. */
  person(field: FieldReadAs<K, 'buyer'>, required: boolean): string | null | undefined {
    const value = unwrapId(this.text(field));
    if (value === '') return required ? this.fail(field, `${field} is empty; the row is skipped`) : null;
    if (isRoundedId(value)) {
      this.fail(field, `"${value}" ${ROUNDED_ID}`);
      return undefined;
    }
    return this.pseudonymKey ? pseudonym(this.pseudonymKey, value) : value;
  }

  time(field: FieldReadAs<K, 'time'>, optional = false): number | null | undefined {
    const value = this.text(field);
    if (value === '') return optional ? null : this.fail(field, `${field} is empty; the row is skipped`);
    const time = parseTime(value, this.zone, this.dateColumns?.order ?? null);
    if (time === null) return this.fail(field, unreadTime(value, this.dateColumns));
    if (time > this.now + FUTURE_SLACK_MS)
      return this.fail(
        field,
        `"${value}" is more than a day after now (${new Date(this.now).toISOString().slice(0, 16).replace('T', ' ')} UTC): a date typed or read wrong (a year such as 2099, day and month swapped?); the row is skipped`,
        'future-time',
      );
    return time;
  }

  /**
   * An amount of money, read with its column's decimal mark (moneyColumns.ts). `blank` is what an empty
   * cell is: 0 for a refund amount (no refund), NaN for an order's amount (unknown: orderCollapse.ts
   * refuses a sale with none). A negative amount is refused: a refund goes in the refund columns or file.
   */
  money(field: FieldReadAs<K, 'money'>, blank: number): number | null {
    const value = this.text(field);
    if (value === '') return blank;
    const column = this.moneyColumns?.of(field);
    const mark = column ? column.mark : '.';
    // The plain decimals nearly every cell holds: a point is read as the decimal mark only in a column
    // known to have one.
    let n: number | string | null = plainDecimal(value, mark === '.');
    if (n === null) n = readMoney(value, mark, column?.example ?? '', this.parenthesesNegative);
    if (typeof n === 'string') return this.fail(field, `"${value}" ${n}`);
    if (n < 0) {
      return this.fail(
        field,
        `"${value}" is a negative amount; the row is refused. An order's amounts are 0 or more: a refund goes in the refund amount column or the --refunds file`,
      );
    }
    return n;
  }

  /**
   * An order's currency: its currency column, else the sign its amounts carry (NT$, RM), else the
   * market's. A sign that disagrees with the column, or two amounts of one row with different signs,
   * refuse the row. '' when nothing says; null when refused.
   */
  currency(field: FieldReadAs<K, 'currency'>, amounts: readonly FieldReadAs<K, 'money'>[]): string | null {
    const text = this.text(field);
    const column = text === '' ? null : readCurrency(text);
    if (text !== '' && column === null)
      return this.fail(
        field,
        `"${text}" is not a currency: write its ISO code (TWD, USD, MYR, THB, IDR, CNY…) or a sign that names one alone (NT$, US$, RM, ฿, Rp)`,
      );
    let signed: string | null = null;
    for (const amount of amounts) {
      const cell = this.text(amount);
      const sign = cell === '' ? null : currencyOfAmount(cell);
      if (sign === null) continue;
      const said: string | null = column ?? signed;
      if (said !== null && said !== sign)
        return this.fail(
          amount,
          `"${cell}" is in ${sign}, but the row's ${column !== null ? 'currency column says' : 'other amount is in'} ${said}; the row is refused. Export one currency per order, or correct the currency column`,
        );
      signed = sign;
    }
    return column ?? signed ?? this.marketCurrency ?? '';
  }

  /** An order's status word as paid/unpaid/cancelled/refunded; '' when empty; null when refused. */
  status(field: FieldReadAs<K, 'word'>): OrderStatus | '' | null {
    const text = this.text(field);
    if (text === '') return '';
    const status = orderStatusOf(text, this.statusWords);
    return (
      status ??
      this.fail(
        field,
        `"${text}" is an order status this does not know, so whether the ${field === 'status' ? 'order is a sale' : 'line was cancelled'} is unknown; the row is refused. Known: paid, unpaid, cancelled, refunded and the platforms' words in docs/dialects.md; map another column with --map ${field}=COLUMN`,
      )
    );
  }

  count(field: FieldReadAs<K, 'count'>, empty: number): number | null | undefined {
    const value = this.text(field);
    if (value === '') return empty;
    const n = parseCount(value);
    return n === null ? this.fail(field, `"${value}" is not a whole number of items`) : n;
  }

  flag(field: FieldReadAs<K, 'flag'>): boolean | null {
    const value = parseFlag(this.text(field));
    return value === null
      ? this.fail(field, `"${this.text(field)}" is not yes or no (true/false, 是/否)`)
      : value;
  }
}

/** Why a time cell was not read: a date of two readings or against the file's order, else no time. */
function unreadTime(value: string, dates: DateColumns | null): string {
  const said = numericDateOrder(value);
  if (said === 'either' && !dates?.order)
    return `"${value}" reads two ways (day/month or month/day) and no date in the file settles which comes first (one after the 12th of a month would); the row is refused. Export the file with the whole month in it, or with dates written year first (2024-06-03)`;
  if (dates?.order && (said === 'dmy' || said === 'mdy') && said !== dates.order)
    return `"${value}" puts the ${said === 'dmy' ? 'day' : 'month'} first, but "${dates.example}" (${dates.exampleColumn}) in the same file puts the ${dates.order === 'dmy' ? 'day' : 'month'} first; the row is refused. Correct the date, or export the file again`;
  return `"${value}" is not a date and time (write 2020-02-20 23:59:54, 2020/2/20 23:59 or ISO 8601)`;
}

/**
 * How far after the run's clock a time may be: a day, for exports made in a zone ahead of the
 * computer's and clocks a little off. Anything later is no event that happened, but a date written
 * or read wrong (docs/decisions.md).
 */
export const FUTURE_SLACK_MS = 24 * 3600_000;

export function pseudonym(key: Uint8Array, id: string): string {
  const digest = hmac(sha256, key, utf8Bytes(id));
  let hex = '';
  for (const byte of digest.subarray(0, 8)) hex += byte.toString(16).padStart(2, '0');
  return `buyer-${hex}`;
}

/**
 * Words a column may hold, looked up as written and then in lower case (exports write True, TRUE and
 * true). A Map rather than an object, so that a cell saying "constructor" is no word of ours.
 */
function table<T>(words: Record<string, T>): (text: string) => T | undefined {
  // Made on first use: Code.js loads for every formula cell, and most never read a chat export.
  const map = lazy(() => new Map(Object.entries(words)));
  return (text) => map().get(text) ?? map().get(text.toLowerCase());
}

/** A chat export's sender word (trimmed) as a sender, as the importer reads it (also nativeCsv.ts). */
export const SENDERS = table<Sender>({
  customer: 'customer',
  buyer: 'customer',
  requester: 'customer',
  'end-user': 'customer',
  enduser: 'customer',
  inbound: 'customer',
  true: 'customer',
  买家: 'customer',
  買家: 'customer',
  顾客: 'customer',
  顧客: 'customer',
  客户: 'customer',
  agent: 'agent',
  seller: 'agent',
  outbound: 'agent',
  false: 'agent',
  客服: 'agent',
  卖家: 'agent',
  賣家: 'agent',
  system: 'system',
  系统: 'system',
  系統: 'system',
});

/** A chat export's transfer word (trimmed), as the importer reads it (also nativeCsv.ts). */
export const TRANSFERS = table<'in' | 'out'>({
  out: 'out',
  in: 'in',
  转出: 'out',
  转入: 'in',
  轉出: 'out',
  轉入: 'in',
});

const LEVELS = table<number>({
  非常满意: 5,
  满意: 4,
  一般: 3,
  不满意: 2,
  非常不满意: 1,
  非常滿意: 5,
  滿意: 4,
  不滿意: 2,
  非常不滿意: 1,
  好评: 5,
  中评: 3,
  差评: 1,
});

const COMPLETED_BY = table<Refund['completedBy']>({
  shop: 'shop',
  seller: 'shop',
  商家: 'shop',
  卖家: 'shop',
  platform: 'platform',
  平台: 'platform',
  小二: 'platform',
  buyer: 'buyer',
  买家: 'buyer',
});

const orNull = (text: string) => (text === '' ? null : text);

/** Row → record for each kind; null when the row cannot be read (a warning says why). */
export const CONVERTERS: { [K in Kind]: (r: RowReader<K>) => RecordOf[K] | null } = {
  chats(r) {
    const time = r.time('time');
    const agent = r.required('agent');
    const customer = r.person('customer', true);
    const fromText = r.required('from');
    if (time == null || agent === null || customer == null || fromText === null) return null;
    const from = SENDERS(fromText);
    if (!from) return r.fail('from', `"${fromText}" is not customer, agent or system (买家/客服/系统)`);
    const auto = r.has('auto') ? r.flag('auto') : false;
    const invite = r.has('invite') ? r.flag('invite') : false;
    const offline = r.has('offline') ? r.flag('offline') : false;
    const noResponse = r.has('no_response') ? r.flag('no_response') : false;
    if (auto === null || invite === null || offline === null || noResponse === null) return null;
    const transferText = r.text('transfer');
    const transfer = transferText === '' ? null : TRANSFERS(transferText);
    if (transfer === undefined) return r.fail('transfer', `"${transferText}" is not out or in (转出/转入)`);
    const messageId = r.optionalId('message_id');
    if (messageId === undefined) return null;
    const text = r.text('text');
    // Each shop's agents apart, written as the platforms write sub-accounts (店铺名:小美).
    const shop = r.text('shop');
    return {
      time,
      agent: shop === '' || agent.startsWith(`${shop}:`) ? agent : `${shop}:${agent}`,
      customer,
      from,
      text,
      session: orNull(unwrapId(r.text('session'))),
      auto,
      transfer,
      invite,
      offline,
      ...(noResponse ? { noResponse } : {}),
      // Always set (undefined when none), so that every message has one shape.
      messageId: messageId === '' ? undefined : messageId,
      // With an ID the ID alone tells rows apart; without one, a row with its text column empty (a
      // picture, a sticker) is told from another by nothing.
      rowPrint: messageId !== '' ? 0 : text === '' && r.has('text') ? null : r.otherCellsPrint(),
      row: r.row,
    };
  },
  orders(r) {
    const orderId = r.id('order_id');
    const createdAt = r.time('created_at', true);
    let paidAt = r.time('paid_at', true);
    // An order's amount left empty is unknown, not 0: orderCollapse.ts refuses a sale without one.
    const amount = r.has('amount') ? r.money('amount', Number.NaN) : 0;
    const items = r.count('items', IMPORT_FIELDS.orders.items.empty);
    const refundAmount = r.money('refund_amount', IMPORT_FIELDS.orders.refund_amount.empty);
    let cod = r.has('cod') ? r.flag('cod') : false;
    const customer = r.person('customer', false);
    const subOrderId = r.optionalId('sub_order_id');
    const currency = r.currency('currency', ['amount', 'refund_amount']);
    const status = r.has('status') ? r.status('status') : '';
    const lineStatus = r.has('line_status') ? r.status('line_status') : '';
    if (currency === null || status === null || lineStatus === null) return null;
    if (status === 'cancelled' || status === 'unpaid') {
      // Never a sale, whatever payment time the row has: a cancelled order's money went back.
      paidAt = null;
      cod = false;
    } else if ((status === 'paid' || status === 'refunded') && paidAt === null && !r.has('paid_at')) {
      // An export with no payment time (Lazada) says by its status that the order was paid: it counts
      // as paid when it was placed.
      paidAt = createdAt;
    }
    // A cancelled line of an order whose other lines were paid was never paid (report.ts leaves it out
    // of the order's sales): said by the line's own status where the export gives one (Amazon's
    // item-status), else by the status where amounts are per line, as the status is then the line's.
    const cancelledLine = r.has('line_status')
      ? lineStatus === 'cancelled'
      : status === 'cancelled' && r.perLineMoney;
    if (
      orderId === null ||
      createdAt === undefined ||
      paidAt === undefined ||
      customer === undefined ||
      subOrderId === undefined
    )
      return null;
    if (amount === null || items == null || refundAmount === null || cod === null) return null;
    // An order-level amount already leaves out what its cancelled lines cost: only their items go.
    const cancelledAmount = r.perLineMoney && !Number.isNaN(amount) ? amount : 0;
    const order: RecordOf['orders'] = {
      orderId,
      subOrderId: orNull(subOrderId),
      rowPrint: r.fingerprint(),
      customer,
      createdAt,
      paidAt,
      amount,
      items,
      cod,
      refundAmount,
    };
    // Set one by one, in this order (the order inspect's sample shows), rather than spread into the
    // literal: no empty object made and copied in per row for the fields most orders lack.
    if (status === 'refunded') order.refunded = true;
    if (currency !== '') order.currency = currency;
    if (cancelledLine) order.cancelledLines = { amount: cancelledAmount, items };
    order.row = r.row;
    return order;
  },
  ratings(r) {
    const time = r.time('time');
    const levelText = r.required('level');
    const customer = r.person('customer', false);
    if (time == null || levelText === null || customer === undefined) return null;
    const level = LEVELS(levelText) ?? Number(levelText);
    if (!Number.isInteger(level) || level < 1 || level > 5) {
      return r.fail('level', `"${levelText}" is not a rating from 1 to 5 or 非常满意…非常不满意`);
    }
    // Olist gives one review to several orders: a rating is its review for one order.
    const ratingId = r.optionalId('rating_id');
    const orderId = r.optionalId('order_id');
    if (ratingId === undefined || orderId === undefined) return null;
    const id = ratingId && orderId ? `${ratingId}/${orderId}` : ratingId || orderId;
    const agent = orNull(r.text('agent'));
    // Two literals rather than a spread of an optional id: no array, closure or spread object is made
    // per row for it.
    return id
      ? { time, agent, customer: customer ?? '', level, id, row: r.row }
      : { time, agent, customer: customer ?? '', level, row: r.row };
  },
  refunds(r) {
    const orderId = r.id('order_id');
    const appliedAt = r.time('applied_at');
    const completedAt = r.has('completed_at') ? r.time('completed_at', true) : null;
    const dispute = r.has('dispute') ? r.flag('dispute') : false;
    const byText = r.text('completed_by');
    const completedBy = byText === '' ? null : COMPLETED_BY(byText);
    if (completedBy === undefined)
      return r.fail('completed_by', `"${byText}" is not shop, platform or buyer`);
    if (orderId === null || appliedAt == null || completedAt === undefined || dispute === null) return null;
    if (completedAt !== null && completedAt < appliedAt) {
      return r.fail('completed_at', 'the refund was completed before it was requested');
    }
    return {
      orderId,
      agent: orNull(r.text('agent')),
      appliedAt,
      completedAt,
      completedBy,
      dispute,
      row: r.row,
    };
  },
  complaints(r) {
    const time = r.time('time');
    if (time == null) return null;
    return { time, agent: orNull(r.text('agent')), row: r.row };
  },
  online(r) {
    const agent = r.required('agent');
    const start = r.time('start');
    const end = r.time('end');
    if (agent === null || start == null || end == null) return null;
    if (end < start) return r.fail('end', 'the span ends before it starts');
    return { agent, start, end, row: r.row };
  },
  issues(r) {
    const time = r.time('time');
    const agent = r.required('agent');
    const resolved = r.flag('resolved');
    if (time == null || agent === null || resolved === null) return null;
    return { time, agent, resolved, row: r.row };
  },
};
