import type { Complaint, Issue, Message, OnlineSpan, Order, Rating, Refund, Sender } from '../engine/model';
import { parseTime } from '../time/parseTime';
import { forEachCsvRow, isBlankRow } from './csv';
import { ImportError, type ImportWarning } from './warnings';

/**
 * Reads CSV files with the canonical column names (chats: time, agent, customer, from, text, session,
 * auto; orders: order_id, customer, created_at, paid_at, amount, items, status, refund_amount, cod;
 * ratings: time, agent, customer, level). `mapping` names another column for a field. Unreadable rows
 * are skipped and reported; a missing required column is an error naming the columns there are.
 */

export type Kind = 'chats' | 'orders' | 'ratings' | 'refunds' | 'complaints' | 'online' | 'issues';

export const FIELDS: Record<Kind, { required: readonly string[]; optional: readonly string[] }> = {
  chats: { required: ['time', 'agent', 'customer', 'from'], optional: ['text', 'session', 'auto'] },
  orders: {
    required: ['order_id', 'customer', 'created_at', 'paid_at', 'amount', 'items'],
    optional: ['status', 'refund_amount', 'cod'],
  },
  ratings: { required: ['time', 'agent', 'customer', 'level'], optional: [] },
  refunds: {
    required: ['order_id', 'applied_at'],
    optional: ['completed_at', 'completed_by', 'dispute', 'agent'],
  },
  complaints: { required: ['time'], optional: ['agent', 'customer'] },
  online: { required: ['agent', 'start', 'end'], optional: [] },
  issues: { required: ['time', 'agent', 'resolved'], optional: [] },
};

export interface ReadResult<T> {
  records: T[];
  warnings: ImportWarning[];
  /** Data rows in the file, blank lines not counted. */
  rows: number;
  /** Fields that have a column in this file. */
  mapped: Set<string>;
}

const normalize = (header: string) => header.trim().toLowerCase();

/** Field → the column names to look for, in order; a field not listed is looked for under its own name. */
export type ColumnMapping = Record<string, string | readonly string[]>;

function columnIndexes(kind: Kind, file: string, header: readonly string[], mapping: ColumnMapping) {
  const names = header.map(normalize);
  const indexes = new Map<string, number>();
  const { required, optional } = FIELDS[kind];
  for (const field of [...required, ...optional]) {
    const mapped = mapping[field];
    const candidates = mapped === undefined ? [field] : typeof mapped === 'string' ? [mapped] : mapped;
    const at = candidates.map((c) => names.indexOf(normalize(c))).find((i) => i >= 0);
    if (at !== undefined) indexes.set(field, at);
    else if (required.includes(field)) {
      const hint =
        mapped === undefined
          ? `map one with --map ${field}=COLUMN`
          : `--map ${field}=${candidates.join(' or ')} names no column`;
      throw new ImportError(
        `${file}: no column for "${field}" (${hint}). The columns are: ${header.map((h) => h.trim()).join(', ')}.`,
      );
    }
  }
  return indexes;
}

const SENDERS: Record<string, Sender> = {
  customer: 'customer',
  buyer: 'customer',
  买家: 'customer',
  顾客: 'customer',
  agent: 'agent',
  seller: 'agent',
  客服: 'agent',
  system: 'system',
  系统: 'system',
};

const TRUE = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '']);

const LEVELS: Record<string, number> = { 非常满意: 5, 满意: 4, 一般: 3, 不满意: 2, 非常不满意: 1 };

class RowReader {
  constructor(
    private readonly file: string,
    private readonly header: readonly string[],
    private readonly indexes: Map<string, number>,
    private readonly warnings: ImportWarning[],
  ) {}

  row = 0;
  cells: readonly string[] = [];

  text(field: string): string {
    const at = this.indexes.get(field);
    return at === undefined ? '' : (this.cells[at] ?? '').trim();
  }

  has(field: string): boolean {
    return this.indexes.has(field);
  }

  /** Records a problem with this row's field and returns null, so the row is skipped. */
  fail(field: string, message: string): null {
    const at = this.indexes.get(field);
    const column = at === undefined ? field : (this.header[at] ?? field).trim();
    this.warnings.push({ file: this.file, row: this.row, column, message });
    return null;
  }

  required(field: string): string | null {
    const value = this.text(field);
    return value === '' ? this.fail(field, `${field} is empty; the row is skipped`) : value;
  }

  time(field: string, zone: string, optional = false): number | null | undefined {
    const value = this.text(field);
    if (value === '') return optional ? null : this.fail(field, `${field} is empty; the row is skipped`);
    const time = parseTime(value, zone);
    return time === null
      ? this.fail(field, `"${value}" is not a date and time (use 2020-02-20 23:59:54 or ISO 8601)`)
      : time;
  }

  number(field: string, fallback: number | null): number | null | undefined {
    const value = this.text(field).replace(/[¥￥$,\s]/g, '');
    if (value === '')
      return fallback === null ? this.fail(field, `${field} is empty; the row is skipped`) : fallback;
    const n = Number(value);
    return Number.isFinite(n) ? n : this.fail(field, `"${this.text(field)}" is not a number`);
  }

  flag(field: string): boolean | null {
    const value = this.text(field).toLowerCase();
    if (TRUE.has(value)) return true;
    if (FALSE.has(value)) return false;
    return this.fail(field, `"${this.text(field)}" is not true or false`);
  }
}

function readTable<T>(
  kind: Kind,
  file: string,
  text: string,
  mapping: ColumnMapping,
  convert: (reader: RowReader) => T | null,
): ReadResult<T> {
  let header: string[] | null = null;
  let reader: RowReader | null = null;
  let indexes = new Map<string, number>();
  const warnings: ImportWarning[] = [];
  const records: T[] = [];
  let dataRows = 0;
  forEachCsvRow(text, (cells, index) => {
    if (isBlankRow(cells)) return;
    if (header === null) {
      header = cells;
      indexes = columnIndexes(kind, file, header, mapping);
      reader = new RowReader(file, header, indexes, warnings);
      return;
    }
    dataRows++;
    const r = reader as RowReader;
    r.row = index + 1;
    r.cells = cells;
    const record = convert(r);
    if (record !== null) records.push(record);
  });
  if (header === null)
    throw new ImportError(`${file}: the file is empty; export it again with its header row.`);
  return { records, warnings, rows: dataRows, mapped: new Set(indexes.keys()) };
}

export function readChats(
  file: string,
  text: string,
  mapping: ColumnMapping,
  zone: string,
): ReadResult<Message> {
  return readTable('chats', file, text, mapping, (r) => {
    const time = r.time('time', zone);
    const agent = r.required('agent');
    const customer = r.required('customer');
    const fromText = r.required('from');
    if (time == null || agent === null || customer === null || fromText === null) return null;
    const from = SENDERS[fromText.toLowerCase()];
    if (!from) return r.fail('from', `"${fromText}" is not customer, agent or system`);
    const auto = r.has('auto') ? r.flag('auto') : false;
    if (auto === null) return null;
    const session = r.text('session');
    return {
      time,
      agent,
      customer,
      from,
      text: r.text('text'),
      session: session === '' ? null : session,
      auto,
      transfer: null,
      invite: false,
      offline: false,
      row: r.row,
    };
  });
}

export function readOrders(
  file: string,
  text: string,
  mapping: ColumnMapping,
  zone: string,
): ReadResult<Order> {
  return readTable('orders', file, text, mapping, (r) => {
    const orderId = r.required('order_id');
    const createdAt = r.time('created_at', zone, true);
    const paidAt = r.time('paid_at', zone, true);
    const amount = r.number('amount', 0);
    const items = r.number('items', 0);
    const refundAmount = r.has('refund_amount') ? r.number('refund_amount', 0) : 0;
    const cod = r.has('cod') ? r.flag('cod') : false;
    if (orderId === null || createdAt === undefined || paidAt === undefined) return null;
    if (amount == null || items == null || refundAmount == null || cod === null) return null;
    const customer = r.text('customer');
    return {
      orderId,
      customer: customer === '' ? null : customer,
      createdAt,
      paidAt,
      amount,
      items,
      status: r.text('status'),
      cod,
      refundAmount,
      row: r.row,
    };
  });
}

export function readRatings(
  file: string,
  text: string,
  mapping: ColumnMapping,
  zone: string,
): ReadResult<Rating> {
  return readTable('ratings', file, text, mapping, (r) => {
    const time = r.time('time', zone);
    const agent = r.required('agent');
    const customer = r.required('customer');
    const levelText = r.required('level');
    if (time == null || agent === null || customer === null || levelText === null) return null;
    const level = LEVELS[levelText] ?? Number(levelText);
    if (!Number.isInteger(level) || level < 1 || level > 5) {
      return r.fail('level', `"${levelText}" is not a rating from 1 to 5 or 非常满意…非常不满意`);
    }
    return { time, agent, customer, level, row: r.row };
  });
}

const COMPLETED_BY: Record<string, Refund['completedBy']> = {
  shop: 'shop',
  seller: 'shop',
  商家: 'shop',
  卖家: 'shop',
  platform: 'platform',
  平台: 'platform',
  小二: 'platform',
  buyer: 'buyer',
  买家: 'buyer',
};

const orNull = (text: string) => (text === '' ? null : text);

export function readRefunds(
  file: string,
  text: string,
  mapping: ColumnMapping,
  zone: string,
): ReadResult<Refund> {
  return readTable('refunds', file, text, mapping, (r) => {
    const orderId = r.required('order_id');
    const appliedAt = r.time('applied_at', zone);
    const completedAt = r.has('completed_at') ? r.time('completed_at', zone, true) : null;
    const dispute = r.has('dispute') ? r.flag('dispute') : false;
    const byText = r.text('completed_by');
    const completedBy = byText === '' ? null : (COMPLETED_BY[byText.toLowerCase()] ?? undefined);
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
  });
}

export function readComplaints(
  file: string,
  text: string,
  mapping: ColumnMapping,
  zone: string,
): ReadResult<Complaint> {
  return readTable('complaints', file, text, mapping, (r) => {
    const time = r.time('time', zone);
    if (time == null) return null;
    return { time, agent: orNull(r.text('agent')), customer: orNull(r.text('customer')), row: r.row };
  });
}

export function readOnline(
  file: string,
  text: string,
  mapping: ColumnMapping,
  zone: string,
): ReadResult<OnlineSpan> {
  return readTable('online', file, text, mapping, (r) => {
    const agent = r.required('agent');
    const start = r.time('start', zone);
    const end = r.time('end', zone);
    if (agent === null || start == null || end == null) return null;
    if (end < start) return r.fail('end', 'the span ends before it starts');
    return { agent, start, end, row: r.row };
  });
}

export function readIssues(
  file: string,
  text: string,
  mapping: ColumnMapping,
  zone: string,
): ReadResult<Issue> {
  return readTable('issues', file, text, mapping, (r) => {
    const time = r.time('time', zone);
    const agent = r.required('agent');
    const resolved = r.flag('resolved');
    if (time == null || agent === null || resolved === null) return null;
    return { time, agent, resolved, row: r.row };
  });
}
