import type { Message } from '../engine/model';
import { utf8Bytes } from '../lib/utf8';
import { marketZone } from '../time/markets';
import { parseTime } from '../time/parseTime';
import { DateColumns, type DateColumnsState } from './dateColumns';
import { type Dialect, type DialectMatch, recognizeDialect } from './dialects';
import { fieldsOf, headerNames, KINDS, type Kind, type NamedField, ONE_OF } from './fields';
import { isPrivateHeader, normalizeHeader } from './headers';
import { type MoneyColumnState, MoneyColumns } from './moneyColumns';
import { OrderCollapser, type OrderRow, type PerLine } from './orderCollapse';
import { CONVERTERS, type RecordOf, RowReader } from './records';
import { isTwitterRaw, SUPPORT_LOG_HEADER, threadTweets } from './twitterThreads';
import { ImportError, type ImportWarning, isRefusal } from './warnings';

/**
 * Rows to records, whatever the rows came from (a CSV text, a pasted table, a range of a sheet):
 * finds the header row, recognizes the dialect, maps the fields, converts and checks every row.
 * No CSV parser here, so the Apps Script bundle can use it without carrying one.
 */

/** Field → the column(s) to read it from, as the user overrides the automatic mapping. */
export type ColumnMapping = Record<string, string | readonly string[]>;

export interface RowsRequest {
  file: string;
  timeZone: string;
  /** What the file holds, when the caller knows (`--orders FILE`); otherwise recognized from the header. */
  kind?: Kind;
  overrides?: ColumnMapping;
  /**
   * Choices remembered from an earlier file (the sidebar's): each taken like an override where its
   * column exists in this file, and passed over where it does not.
   */
  remembered?: ColumnMapping;
  /** The delimiter the rows were split on, when they came from text (reported back). */
  delimiter: string;
  /** A key to replace buyer IDs with stable keyed hashes (HMAC-SHA-256), so chats and orders still join. */
  pseudonymKey?: string;
  /**
   * Chats only: each message is handed over as it is read instead of kept, and `records` stays empty,
   * so that a large export goes straight into columns without a million objects held.
   */
  onMessage?: (message: Message) => void;
  /**
   * Ratings, complaints, online time and issues: each record handed over as it is read instead of
   * kept, as onMessage does for chats (the command line's DuckDB engine).
   */
  onRecord?: (record: unknown) => void;
  /**
   * The text is the first part of a file read in parts: its last row is not the file's last. An order
   * export's orders are then left open for the rest's rows (TableImport.openOrders), and the reading's
   * context at its end is given (TableImport.context).
   */
  continues?: boolean;
  /**
   * The text is a later part of a file (its header row, then the file's rows from a record on), read
   * as the whole file reads those rows: in the context its rows before gave (ReadingContext); its
   * first data row is then no dialect's description row.
   */
  resume?: ReadingContext;
  /**
   * Orders: each row's order handed over as read, not collapsed here, and `records` left empty (a
   * later part of a file, whose rows are collapsed with the first part's: orderParts.ts).
   */
  onOrderRow?: (row: OrderRow) => void;
  /** The run's clock (epoch ms), to refuse times more than a day after it; the computer's by default. */
  now?: number;
  /**
   * A file given no zone of its own: when its dialect names a market with one zone (time/markets.ts),
   * its times are read there rather than in `timeZone` (the command line's FILE without @ZONE).
   */
  marketZones?: boolean;
}

export interface FieldMatch {
  field: string;
  column: string | null;
  /** 1 for a user's choice, the dialect's confidence for its columns, lower for a guessed synonym. */
  confidence: number;
  source: 'user' | 'dialect' | 'synonym' | 'none';
  required: boolean;
}

export interface TableImport<K extends Kind = Kind> {
  file: string;
  kind: K;
  dialect: { id: string; name: { zh: string; en: string }; basis: string; confidence: number } | null;
  delimiter: string;
  /** 1-based row of the header (rows above it, such as a title and a date range, are skipped). */
  headerRow: number;
  header: string[];
  fields: FieldMatch[];
  /** Receiver names, phones and addresses: never read. */
  privateColumns: string[];
  records: RecordOf[K][];
  warnings: ImportWarning[];
  /** Data rows in the file, blank lines not counted. */
  rows: number;
  /** Rows that repeated one already read (same order ID and sub-order, or the same row twice). */
  duplicates: number;
  /** Fields that have a column. */
  mapped: Set<string>;
  /** Things the user may want to know that lost nothing. */
  notes: string[];
  /** The first data rows as the file has them, mapped fields only (never private columns): for a preview. */
  firstRows: PreviewRow[];
  /** The zone its times were read in, where its dialect's market gave it (see RowsRequest.marketZones). */
  timeZone?: string;
  /** Orders only: what it leaves unread that money figures rest on, when anything (pipeline notes). */
  gaps?: OrderGaps;
  /**
   * A first part (RowsRequest.continues): the context its rows leave for the rows after them; null
   * when rows still wait for a decision that later rows make.
   */
  context?: ReadingContext | null;
  /**
   * A first part of an order export (RowsRequest.continues): its orders, still open for the later
   * rows (orderParts.ts joinOrderParts); `records` is then empty.
   */
  openOrders?: OrderCollapser;
}

/**
 * What the reading of a row depends on besides the row, decided by the rows before it: each money
 * column's decimal mark, the dates' day/month order (with the cells that showed them, which warnings
 * quote), and the empty cells rows may end with. Read from the same context, the rows after a record
 * read the same in a part of the file as in the whole of it.
 */
export interface ReadingContext {
  slack: number;
  money: MoneyColumnState[] | null;
  dates: DateColumnsState | null;
}

/**
 * What an order export leaves unread that its figures rest on, which the report must say: without it
 * sales would be empty, or count cancelled orders, and nothing would say why.
 */
export interface OrderGaps {
  /** Neither a payment time nor a status is read: no order is known to be paid. */
  noPayment?: true;
  /** No amount is read, in an export not known to have none (Olist's orders have none). */
  noAmount?: true;
  /**
   * A column whose name says it is the orders' status, not read, and not one the recognized export is
   * known to have (a known column is read as that export needs: Taobao's 订单状态 is not).
   */
  statusColumn?: string;
  /** The recognized export names no buyer at all (dialects.ts noBuyer): its English name. */
  noBuyer?: string;
}

/** Header names (normalized, hyphens dropped) that say a column is the orders' status. */
const STATUS_NAMES = ['status', 'orderstatus', '订单状态', '訂單狀態', '交易状态', '交易狀態'];

/** The orders' gaps, from the fields mapped (see OrderGaps); undefined when there are none. */
function orderGaps(header: readonly string[], fields: readonly FieldMatch[], match: DialectMatch | null) {
  const mapped = (field: string) => fields.some((m) => m.field === field && m.column !== null);
  const gaps: OrderGaps = {};
  if (!mapped('paid_at') && !mapped('status')) gaps.noPayment = true;
  if (!mapped('amount') && !(match && match.dialect.columns.amount === undefined)) gaps.noAmount = true;
  if (!mapped('status')) {
    const known = new Set((match?.dialect.signature ?? []).map(normalizeHeader));
    const column = header.find((h) => {
      const name = normalizeHeader(h).replace(/-/g, '');
      const says = STATUS_NAMES.some((s) => name === s || (!/^[a-z]/.test(s) && name.startsWith(s)));
      return says && !known.has(normalizeHeader(h));
    });
    if (column !== undefined) gaps.statusColumn = column;
  }
  if (match?.dialect.noBuyer && !mapped('customer')) gaps.noBuyer = match.dialect.name.en;
  return Object.keys(gaps).length > 0 ? gaps : undefined;
}

export interface PreviewRow {
  /** 1-based row in the file, as warnings name it. */
  row: number;
  /** Mapped field → the cell's text. */
  cells: Record<string, string>;
}

/** How many data rows a preview shows. */
export const PREVIEW_ROWS = 8;

interface ImportState {
  kind: Kind;
  header: string[];
  headerIndex: number;
  reader: RowReader;
  convert: (r: RowReader) => unknown;
  width: number;
  /**
   * Empty cells a row may have past the header's last column: an export that ends every data row
   * with a delimiter (and not its header) has one. Any other cell past the header is refused.
   */
  slack: number;
  fields: FieldMatch[];
  dialect: DialectMatch | null;
  /** The zone the times are read in. */
  zone: string;
  records: unknown[];
  /** Orders only: the orders so far, one per order ID (records stays empty). */
  orders: OrderCollapser | null;
  /** The money columns' decimal marks, where the kind has money fields. */
  money: MoneyColumns | null;
  /** The file's day/month order for dates written with the year last, where the kind has time fields. */
  dates: DateColumns | null;
  /** Rows waiting for a money column's decimal mark or the file's day/month order, in order. */
  held: { cells: string[]; index: number }[];
  /** Where the dialect's description row would show itself (dialects.ts descriptionRow), until the first row is read. */
  descriptionAt: number;
}

export const DELIMITERS = [',', '\t', ';', '|'];
/** A totals row's label, as normalizeHeader writes it: the row is skipped with a warning. */
export const TOTALS = new Set([
  '合计',
  '总计',
  '小计',
  '汇总',
  '合計',
  '總計',
  '小計',
  'total',
  'totals',
  'grandtotal',
  'sum',
]);
const HEADER_SCAN_ROWS = 30;

/** Cheap test before normalizing: totals labels are short words, never numbers or times. */
function mayBeTotals(cell: string): boolean {
  const code = cell.charCodeAt(0);
  return cell.length <= 12 && !(code >= 48 && code <= 57);
}

export const isBlankRow = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/** How many cells of a row are header names the catalog knows, for `kind` or for any kind. */
function headerScore(row: readonly string[], kind: Kind | undefined): number {
  const known = new Set<string>();
  for (const k of kind ? [kind] : KINDS) {
    for (const field of fieldsOf(k)) for (const name of headerNames(field)) known.add(normalizeHeader(name));
  }
  return row.filter((cell) => known.has(normalizeHeader(cell)) || isPrivateHeader(cell)).length;
}

function chooseHeader(rows: string[][], kind: Kind | undefined, file: string, zone: string): number {
  let best = -1;
  let bestScore = 0;
  rows.forEach((row, i) => {
    const score = headerScore(row, kind) + (recognizeDialect(row, kind) ? 10 : 0);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  if (best >= 0 && bestScore >= 2) return best;
  const first = rows.findIndex((row) => !isBlankRow(row));
  if (first < 0) throw new ImportError(`${file}: the file is empty; export it again with its header row.`);
  const cells = (rows[first] as string[]).filter((c) => c.trim() !== '');
  // A header names columns: a date-time in it, or mostly numbers, means the header row is missing.
  const dated = cells.find((c) => parseTime(c, zone) !== null);
  const numbers = cells.filter((c) => /^[-+]?[\d,.]+%?$/.test(c.trim()));
  const dataCell = dated ?? (numbers.length >= Math.max(1, cells.length / 2) ? numbers[0] : undefined);
  if (dataCell !== undefined) {
    throw new ImportError(
      `${file}: no header row. Row ${first + 1} starts with data ("${dataCell}" in column ${(rows[first] as string[]).indexOf(dataCell) + 1}); export the file with its header row, or paste the header line above the data.`,
    );
  }
  return first;
}

/** Which kind of export a header is, by its dialect or by the fields the synonyms find. */
export function detectKind(header: readonly string[]): Kind | null {
  const dialect = recognizeDialect(header);
  if (dialect) return dialect.dialect.kind;
  const present = new Set(header.map(normalizeHeader));
  let best: Kind | null = null;
  let bestShare = 0;
  let bestRequired = 0;
  for (const kind of KINDS) {
    const required = fieldsOf(kind).filter((field) => field.required);
    const found = required.filter((field) =>
      headerNames(field).some((name) => present.has(normalizeHeader(name))),
    ).length;
    const share = found / required.length;
    if (share > bestShare || (share === bestShare && share > 0 && required.length > bestRequired)) {
      bestRequired = required.length;
      best = kind;
      bestShare = share;
    }
  }
  return bestShare >= 0.75 ? best : null;
}

/** A name of Latin letters, digits and separators only. */
const isLatin = (name: string) => /^[\x20-\x7e]+$/.test(name.trim());

/** Lower-case words between spaces, underscores and other separators, padded: " order paid at ". */
const latinWords = (text: string) =>
  ` ${text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ')} `;

function mapFields(
  kind: Kind,
  header: readonly string[],
  dialect: DialectMatch | null,
  overrides: ColumnMapping,
  remembered: ColumnMapping,
  file: string,
): FieldMatch[] {
  const names = header.map(normalizeHeader);
  const used = new Set<number>();
  const all = fieldsOf(kind);
  const indexOf = (column: string) => {
    const at = names.indexOf(normalizeHeader(column));
    return at >= 0 && !isPrivateHeader(header[at] ?? '') ? at : -1;
  };
  const chosen = new Map<string, FieldMatch>();
  const take = (field: NamedField, at: number, confidence: number, source: FieldMatch['source']) => {
    used.add(at);
    chosen.set(field.name, {
      field: field.name,
      column: header[at] as string,
      confidence,
      source,
      required: field.required === true,
    });
  };
  // The user's choices first, then the recognized dialect's columns, so that a guess never takes a
  // column they name; then exact synonyms; then headers that contain a synonym of three characters
  // or more (a two-character one such as 买家 is in too many headers to guess from).
  for (const field of all) {
    const override = overrides[field.name];
    if (override === undefined) continue;
    const candidates = typeof override === 'string' ? [override] : override;
    const at = candidates.map(indexOf).find((i) => i >= 0);
    if (at === undefined) {
      throw new ImportError(
        `${file}: --map ${field.name}=${candidates[0]} names no column. The columns are: ${header.map((h) => h.trim()).join(', ')}.`,
      );
    }
    take(field, at, 1, 'user');
  }
  for (const field of all) {
    const column = remembered[field.name];
    if (chosen.has(field.name) || column === undefined) continue;
    const at = (typeof column === 'string' ? [column] : column).map(indexOf).find((i) => i >= 0);
    if (at !== undefined && !used.has(at)) take(field, at, 1, 'user');
  }
  for (const field of all) {
    const column = dialect?.dialect.columns[field.name];
    if (chosen.has(field.name) || column === undefined) continue;
    const at = indexOf(column);
    if (at >= 0) take(field, at, Math.round((dialect as DialectMatch).confidence * 100) / 100, 'dialect');
  }
  const synonymsOf = (field: NamedField) => headerNames(field).map(normalizeHeader);
  const free = (i: number) => !used.has(i) && !isPrivateHeader(header[i] ?? '');
  for (const field of all) {
    if (chosen.has(field.name)) continue;
    if (field.mappedOnly) continue;
    const synonyms = synonymsOf(field);
    const at = names.findIndex((name, i) => free(i) && synonyms.includes(name));
    if (at >= 0) take(field, at, 0.9, 'synonym');
  }
  // A Latin-letter name is found only as whole words ("paid at" in "Order paid at"), never inside
  // a word: "cod" is not in "Discount Code".
  const wordsOf = header.map(latinWords);
  for (const field of all) {
    if (chosen.has(field.name) || field.mappedOnly) continue;
    const synonyms = headerNames(field).filter((s) => normalizeHeader(s).length >= 3);
    const latin = synonyms.filter(isLatin).map(latinWords);
    const other = synonyms.filter((s) => !isLatin(s)).map(normalizeHeader);
    const at = names.findIndex(
      (name, i) =>
        free(i) &&
        (other.some((s) => name.includes(s)) || latin.some((s) => (wordsOf[i] as string).includes(s))),
    );
    if (at >= 0) take(field, at, 0.6, 'synonym');
  }
  const matches = all.map(
    (field) =>
      chosen.get(field.name) ?? {
        field: field.name,
        column: null,
        confidence: 0,
        source: 'none' as const,
        required: field.required === true,
      },
  );
  const missing = matches.filter((m) => m.required && m.column === null);
  for (const either of ONE_OF[kind] ?? []) {
    if (matches.some((m) => m.column !== null && (either as readonly string[]).includes(m.field))) continue;
    missing.push({ field: either.join(' or '), column: null, confidence: 0, source: 'none', required: true });
  }
  if (missing.length > 0) {
    const [first] = missing;
    const single = header.length === 1 ? DELIMITERS.find((d) => (header[0] ?? '').includes(d)) : undefined;
    const hint = single
      ? ` The header is one column that contains "${single}": the file seems to use "${single === '\t' ? 'tab' : single}" between columns.`
      : ` Map it with --map ${first?.field.split(' ')[0]}=COLUMN, or choose the column in the sidebar.`;
    throw new ImportError(
      `${file}: no column for ${missing.map((m) => `"${m.field}"`).join(', ')} in this ${kind} export.${hint} The columns are: ${header.map((h) => h.trim()).join(', ')}.`,
    );
  }
  return matches;
}

/** A dialect's per-line amounts are summed only where the field is read from the dialect's column. */
function perLineOf(match: DialectMatch | null, fields: FieldMatch[]): PerLine {
  const dialect = match?.dialect;
  const fromDialect = (field: 'amount' | 'refund_amount') =>
    dialect?.perLine?.includes(field) === true &&
    fields.some(
      (m) =>
        m.field === field &&
        m.column !== null &&
        normalizeHeader(m.column) === normalizeHeader(dialect.columns[field] ?? ''),
    );
  return { amount: fromDialect('amount'), refundAmount: fromDialect('refund_amount') };
}

/** Whether a row has a non-empty cell past the header's columns, or more empty ones than `slack`. */
function spills(cells: readonly string[], columns: number, slack: number): boolean {
  if (cells.length > columns + slack) return true;
  for (let i = columns; i < cells.length; i++) if ((cells[i] as string).trim() !== '') return true;
  return false;
}

/**
 * How many empty cells the data rows end with past the header's columns, when most of the first rows
 * do (every data row ending with a delimiter the header has not); otherwise 0.
 */
function trailingSlack(rows: readonly string[][], columns: number): number {
  const data = rows.filter((row) => !isBlankRow(row));
  const trailing = data.filter(
    (row) => row.length > columns && row.slice(columns).every((cell) => cell.trim() === ''),
  );
  return trailing.length * 2 > data.length ? Math.max(...trailing.map((row) => row.length - columns)) : 0;
}

/** Feeds rows, in order, to `push`; parser-level problems go to `warn`. */
export type RowFeed = (push: (cells: string[]) => void, warn: (warning: ImportWarning) => void) => void;

export function readRows<K extends Kind>(request: RowsRequest & { kind: K }, feed: RowFeed): TableImport<K>;
export function readRows(request: RowsRequest, feed: RowFeed): TableImport;
export function readRows(request: RowsRequest, feed: RowFeed): TableImport {
  const { file, timeZone } = request;
  const warnings: ImportWarning[] = [];
  const notes: string[] = [];
  const key = request.pseudonymKey ? utf8Bytes(request.pseudonymKey) : null;

  const pending: string[][] = [];
  // Assigned inside the parser's callbacks, which TypeScript's narrowing cannot follow.
  let state = null as ImportState | null;
  let rows = 0;
  let lastRowIndex = -1;
  let shortRows: { index: number; cells: number }[] = [];
  /** 1-based rows the parser already refused (a quoted cell that never ends): read no further. */
  const refusedRows = new Set<number>();
  const firstRows: PreviewRow[] = [];

  // The raw Twitter file needs every row before any can be read: its threads come from reply links.
  let threading = false;
  const start = () => {
    let headerIndex = chooseHeader(pending, request.kind, file, timeZone);
    let header = (pending[headerIndex] as string[]).map((h) => h.trim());
    if (isTwitterRaw(header) && !threading) {
      threading = true;
      return;
    }
    if (threading) {
      const threaded = threadTweets(header, pending.slice(headerIndex + 1));
      notes.push('tweets were grouped into conversations by their reply links');
      pending.length = 0;
      pending.push(SUPPORT_LOG_HEADER);
      for (const row of threaded) pending.push(row);
      headerIndex = 0;
      header = [...SUPPORT_LOG_HEADER];
    }
    const kind = request.kind ?? detectKind(header);
    if (!kind) {
      throw new ImportError(
        `${file}: cannot tell whether this is a chat, order or rating export from its columns (${header.join(', ')}). Give it as --chats, --orders or --ratings, and map the columns with --map.`,
      );
    }
    const dialect = recognizeDialect(header, kind);
    const fields = mapFields(kind, header, dialect, request.overrides ?? {}, request.remembered ?? {}, file);
    const indexes = new Map<string, number>();
    for (const m of fields) if (m.column !== null) indexes.set(m.field, header.indexOf(m.column));
    if (headerIndex > 0)
      notes.push(`rows 1–${headerIndex} above the header were skipped (a title or date range)`);
    const zone = (request.marketZones && marketZoneOf(dialect?.dialect)) || timeZone;
    const reader = new RowReader(file, header, indexes, warnings, zone, key, request.now);
    const moneyFields = fieldsOf(kind)
      .filter((field) => field.cell === 'money' && indexes.has(field.name))
      .map((field) => ({ field: field.name, at: indexes.get(field.name) as number }));
    const money = moneyFields.length > 0 ? new MoneyColumns(moneyFields) : null;
    reader.moneyColumns = money;
    const timeFields = fieldsOf(kind)
      .filter((field) => field.cell === 'time' && indexes.has(field.name))
      .map((field) => indexes.get(field.name) as number)
      .map((at) => ({ header: header[at] as string, at }));
    const dates = timeFields.length > 0 ? new DateColumns(timeFields) : null;
    reader.dateColumns = dates;
    reader.parenthesesNegative = dialect?.dialect.parenthesesNegative === true;
    reader.statusWords = dialect?.dialect.statuses;
    reader.perLineMoney = dialect?.dialect.perLine?.includes('amount') === true;
    reader.marketCurrency = dialect?.dialect.market?.currency ?? null;
    const width = Math.max(...indexes.values()) + 1;
    const slack = trailingSlack(pending.slice(headerIndex + 1), header.length);
    state = {
      kind,
      header,
      headerIndex,
      reader,
      convert: CONVERTERS[kind] as (r: RowReader) => unknown,
      width,
      slack,
      fields,
      dialect,
      zone,
      records: [],
      orders:
        kind === 'orders' && !request.onOrderRow
          ? new OrderCollapser(perLineOf(dialect, fields), warnings, file, (field) =>
              (header[indexes.get(field) ?? -1] ?? field).trim(),
            )
          : null,
      money,
      dates,
      held: [],
      descriptionAt: dialect?.dialect.descriptionRow
        ? header.findIndex(
            (h) => normalizeHeader(h) === normalizeHeader(dialect.dialect.descriptionRow ?? ''),
          )
        : -1,
    };
    if (request.resume) {
      // A later part: the whole file's rows before it decided these, and its first row is data.
      state.slack = request.resume.slack;
      if (request.resume.money) money?.restore(request.resume.money);
      if (request.resume.dates) dates?.restore(request.resume.dates);
      state.descriptionAt = -1;
    }
    for (let i = headerIndex + 1; i < pending.length; i++) consume(pending[i] as string[], i);
    pending.length = 0;
  };

  const consume = (cells: string[], index: number) => {
    const s = state as ImportState;
    const lead = cells[0] ?? '';
    if (lead === '' || lead.charCodeAt(0) <= 32) {
      if (isBlankRow(cells)) return;
    }
    if (s.descriptionAt >= 0) {
      const id = cells[s.descriptionAt] ?? '';
      s.descriptionAt = -1;
      if (!/\d/.test(id)) {
        notes.push(
          `row ${index + 1} describes the columns in words ("${id.trim()}" under ${s.dialect?.dialect.descriptionRow}), as ${s.dialect?.dialect.name.en} writes under its header; skipped`,
        );
        return;
      }
    }
    rows++;
    lastRowIndex = index;
    if (firstRows.length < PREVIEW_ROWS) {
      const shown: Record<string, string> = {};
      for (const m of s.fields)
        if (m.column !== null) shown[m.field] = cells[s.header.indexOf(m.column)] ?? '';
      firstRows.push({ row: index + 1, cells: shown });
    }
    const first = lead.trim() !== '' ? lead : (cells.find((c) => c.trim() !== '') ?? '');
    if (mayBeTotals(first) && TOTALS.has(normalizeHeader(first))) {
      warnings.push({
        file,
        row: index + 1,
        column: s.header[cells.indexOf(first)] ?? '',
        message: `a totals row ("${first.trim()}"), not a record; skipped`,
      });
      return;
    }
    if (refusedRows.has(index + 1)) return;
    if (cells.length < s.width) {
      shortRows.push({ index, cells: cells.length });
      return;
    }
    if (cells.length > s.header.length && spills(cells, s.header.length, s.slack)) {
      warnings.push({
        file,
        row: index + 1,
        column: s.header.at(-1) ?? '',
        message: `the row has ${cells.length} cells but the header ${s.header.length} columns: a cell holds the delimiter ("${request.delimiter === '\t' ? 'tab' : request.delimiter || ','}") without quotes (a comma in a chat text?), so its cells would be read in the wrong columns; the row is skipped. Export the file again with texts in quotes, or put that cell in double quotes`,
      });
      return;
    }
    if (s.money !== null || s.dates !== null) {
      // Both read every row: a row that waits for one may settle the other.
      const waitsForMark = s.money?.read(cells) === true;
      const waitsForOrder = s.dates?.read(cells) === true;
      if (waitsForMark || waitsForOrder || s.held.length > 0) {
        s.held.push({ cells, index });
        if ((s.money === null || s.money.ready()) && (s.dates === null || s.dates.ready())) release(s);
        return;
      }
    }
    convert(s, cells, index);
  };

  const release = (s: ImportState) => {
    for (const { cells, index } of s.held) convert(s, cells, index);
    s.held = [];
  };

  const convert = (s: ImportState, cells: string[], index: number) => {
    s.reader.start(index + 1, cells);
    const record = s.convert(s.reader);
    if (record === null || s.reader.refused) return;
    if (s.orders) s.orders.add(record as OrderRow);
    else if (s.kind === 'orders' && request.onOrderRow) request.onOrderRow(record as OrderRow);
    else if (s.kind === 'chats' && request.onMessage) request.onMessage(record as Message);
    else if (s.kind !== 'chats' && request.onRecord) request.onRecord(record);
    else s.records.push(record);
  };

  let index = 0;
  const push = (cells: string[]) => {
    if (state === null) {
      pending.push(cells);
      if (pending.length >= HEADER_SCAN_ROWS && !threading) start();
    } else consume(cells, index);
    index++;
  };
  feed(push, (warning) => {
    warnings.push(warning);
    if (isRefusal(warning)) refusedRows.add(warning.row);
  });
  if (state === null) start();
  if (state === null && threading) start();
  const s = state as unknown as ImportState;
  // Taken before the money columns are settled as at the file's end: this is not the file's end.
  const context: ReadingContext | null | undefined = request.continues
    ? s.held.length > 0
      ? null
      : { slack: s.slack, money: s.money?.state() ?? null, dates: s.dates?.state() ?? null }
    : undefined;
  if (s.money !== null) s.money.finish();
  if (s.held.length > 0) release(s);
  for (const short of shortRows) {
    const last = short.index === lastRowIndex && !request.continues;
    warnings.push({
      file,
      row: short.index + 1,
      column: s.header[short.cells] ?? '',
      message: last
        ? `the last row has ${short.cells} of ${s.header.length} columns: the file looks cut off; the row is skipped`
        : `the row has ${short.cells} of ${s.header.length} columns; it is skipped (a line break inside an unquoted cell, or another delimiter?)`,
    });
  }
  shortRows = [];
  // A first part's orders stay open for the rows after it.
  const open = request.continues && s.orders !== null;
  const orders = open ? [] : s.orders?.finish();
  // In row order, whenever each was found (short rows are reported once the reading is done): so that
  // a file read in two parts reports what it reports read in one piece, in the same order.
  warnings.sort((a, b) => a.row - b.row);
  const privateColumns = s.header.filter((h) => isPrivateHeader(h));
  if (privateColumns.length > 0) notes.push(`not read, for privacy: ${privateColumns.join(', ')}`);
  return {
    file,
    kind: s.kind,
    dialect: s.dialect
      ? {
          id: s.dialect.dialect.id,
          name: s.dialect.dialect.name,
          basis: s.dialect.dialect.basis,
          confidence: s.dialect.confidence,
        }
      : null,
    delimiter: request.delimiter,
    headerRow: s.headerIndex + 1,
    header: s.header,
    fields: s.fields,
    privateColumns,
    records: (orders ?? s.records) as TableImport['records'],
    warnings,
    rows,
    duplicates: s.orders?.duplicates ?? 0,
    mapped: new Set(s.fields.filter((f) => f.column !== null).map((f) => f.field)),
    notes,
    firstRows,
    ...(s.zone !== timeZone ? { timeZone: s.zone } : {}),
    ...(s.kind === 'orders' ? withGaps(orderGaps(s.header, s.fields, s.dialect)) : {}),
    ...(context !== undefined ? { context } : {}),
    ...(open && s.orders ? { openOrders: s.orders } : {}),
  };
}

const withGaps = (gaps: OrderGaps | undefined) => (gaps ? { gaps } : {});

/** The zone of the market a dialect names, when it has one (time/markets.ts). */
export function marketZoneOf(dialect: Dialect | undefined): string | null {
  // The market of an export (dialects.ts), where the dialect names one.
  const market = (dialect as (Dialect & { market?: { country: string } }) | undefined)?.market;
  return market ? marketZone(market.country) : null;
}
