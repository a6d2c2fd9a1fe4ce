import { closeSync, openSync, readSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AutoReplyRules } from '../../core/engine/messageColumns';
import { decodeBytes } from '../../core/import/decode';
import { type ColumnMapping, importTable, type TableImport } from '../../core/import/importer';
import { FUTURE_SLACK_MS, SENDERS, TRANSFERS } from '../../core/import/records';
import { TOTALS } from '../../core/import/tableReader';
import { parseFlag, trimCell } from '../../core/import/values';
import { parseTime } from '../../core/time/parseTime';
import type { ExportRead } from '../readExport';
import type { Timing } from '../render';
import { MESSAGE_COLUMNS } from './canonical';
import { csvShape } from './csvShape';
import { sqlLap } from './sqlTimes';

/**
 * DuckDB reading a chat export itself (`read_csv`) into the canonical `messages` table, instead of the
 * importer reading it and the appender taking its rows one value at a time: only where the rows are
 * certainly the importer's, which is checked, and otherwise not at all (the caller then imports the
 * file as before, so that refusals, warnings and rows are exactly the importer's).
 *
 * The importer still decides what the file is: it reads the file's start (recognition, header row,
 * delimiter, mapping, notes), and a file it reads otherwise than plainly is left to it (a title above
 * the header, a zone of its own, --pseudonymize, 千牛 text, Twitter's raw file …). csvShape.ts checks
 * that DuckDB's CSV reader splits the file as Papa Parse does. One pass of SQL over the rows then
 * checks every value (a time written YYYY-MM-DD HH:MM:SS, no empty agent or buyer, no `="123"` or
 * rounded ID, no totals row …) and gathers the few words of the sender and flag columns and the
 * minutes the times fall in; those are read by the importer's own functions here, so a word reads as
 * the importer reads it or the file is left to it. A second pass converts every row and appends it.
 */

/** What reading a chat export needs to know of the run (as readExport is given it). */
export interface ChatCsvRequest {
  path: string;
  /** The zone the importer would read the file in: FILE@ZONE's, else --tz. */
  timeZone: string;
  /** --tz, the zone the views count days in. */
  reportZone: string;
  /** A file given no zone: the importer would read it in its dialect's market's zone, where it has one. */
  marketZones?: boolean;
  overrides: ColumnMapping;
  pseudonymKey?: string;
  rules: AutoReplyRules;
  /** The run's clock (epoch ms), as the importer refuses times more than a day after it. */
  now?: number;
}

/** The file's import, as the importer would give it, with its rows in DuckDB; or why it was not read. */
export type ChatCsvRead = { read: TableImport<'chats'> } | { fallback: string };

/** Bytes of the file's start that the importer reads to recognize it (its header and first rows). */
const HEAD_BYTES = 1 << 20;

/** Distinct words a sender or flag column may hold and still be read here. */
const MAX_WORDS = 64;

/** What String.prototype.trim (trimCell) removes: white space and line terminators. */
const TRIMMED = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

/** How each word column reads a word (trimmed): undefined when the importer refuses it. */
const WORDS: Record<string, (word: string) => string | boolean | null | undefined> = {
  from: (word) => (word === '' ? undefined : SENDERS(word)),
  auto: (word) => parseFlag(word) ?? undefined,
  invite: (word) => parseFlag(word) ?? undefined,
  offline: (word) => parseFlag(word) ?? undefined,
  no_response: (word) => parseFlag(word) ?? undefined,
  transfer: (word) => (word === '' ? null : TRANSFERS(word)),
};

/** The chat fields this reads; a mapping of any other (a field added later) is left to the importer. */
const FIELDS = new Set([
  ...Object.keys(WORDS),
  'time',
  'agent',
  'customer',
  'text',
  'session',
  'message_id',
  'shop',
]);

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const sqlValue = (value: string | boolean | null) =>
  value === null ? 'NULL' : typeof value === 'boolean' ? String(value) : literal(value);

/**
 * Reads a chat export into `messages` with DuckDB's CSV reader, numbering its rows from `firstSeq`,
 * where every check passes; otherwise appends nothing and says why.
 */
export async function readChatCsv(
  connection: DuckDBConnection,
  request: ChatCsvRequest,
  firstSeq: number,
): Promise<ChatCsvRead> {
  const fallback = (why: string): ChatCsvRead => ({ fallback: why });
  const t0 = performance.now();
  const lap = (step: string) => sqlLap(step, t0);
  if (process.env.CS_KPI_DUCKDB_CSV === 'off') return fallback('CS_KPI_DUCKDB_CSV=off');
  if (request.pseudonymKey) return fallback('--pseudonymize replaces buyers by keyed hashes');
  if (request.timeZone !== request.reportZone) return fallback(`it is read in ${request.timeZone}`);
  const path = resolve(request.path);
  // DuckDB takes these for a pattern of several files.
  if (/[*?[\]{}]/.test(path)) return fallback('its path has characters DuckDB reads as a pattern');
  const file = basename(request.path);

  const head = recognize(path, file, request);
  if ('fallback' in head) return head;
  const { table } = head;
  const columns = table.header.length;
  lap('head');
  const shape = csvShape(path, table.delimiter, columns);
  lap('shape');
  if ('refused' in shape) return fallback(shape.refused);

  const at = new Map<string, number>();
  for (const m of table.fields) if (m.column !== null) at.set(m.field, table.header.indexOf(m.column));
  const other = [...at.keys()].find((field) => !FIELDS.has(field));
  if (other !== undefined) return fallback(`its ${other} column is not read here`);
  const source = readCsvSql(path, table.delimiter, columns);
  const raw = (field: string) => `coalesce(c${at.get(field)}, '')`;
  const trimmed = (field: string) => (at.has(field) ? trimSql(raw(field)) : "''");

  // The first pass: every check, the words and the minutes. The cells are trimmed once, in the inner
  // SELECT; a row's first failed check (if any) is one number, so that one aggregate takes them all.
  const checks = rowChecks(at);
  const wordFields = Object.keys(WORDS).filter((field) => at.has(field));
  // A row that passes has text in its time cell, which starts with a digit: only the cells before it
  // can be a totals label.
  const before = Array.from({ length: at.get('time') as number }, (_, i) => `coalesce(c${i}, '')`);
  const inner = {
    time: raw('time'),
    ...Object.fromEntries(CHECKED.filter((f) => at.has(f)).map((f) => [f, trimmed(f)])),
    first_text:
      before.length === 0
        ? raw('time')
        : `CASE ${before.map((cell) => `WHEN ${trimSql(cell)} <> '' THEN ${cell} `).join('')}ELSE ${raw('time')} END`,
    ...Object.fromEntries(wordFields.map((field) => [`words_${field}`, raw(field)])),
  };
  const firstSql = `SELECT count(*) AS n, list(DISTINCT substr(time, 1, 16)) FILTER (WHERE ${timeWritten('time')}) AS minutes,
  min(CASE ${checks.map((c, i) => `WHEN ${c.sql} THEN ${i}`).join(' ')} END) AS failed${wordFields
    .map((field) => `, list(DISTINCT words_${field}) AS words_${field}`)
    .join('')}
FROM (SELECT ${Object.entries(inner)
    .map(([name, sql]) => `${sql} AS ${name}`)
    .join(', ')} FROM ${source})`;
  let found: Record<string, unknown> | undefined;
  try {
    [found] = (await connection.runAndReadAll(firstSql)).getRowObjectsJS() as Record<string, unknown>[];
  } catch (error) {
    // A line longer than DuckDB reads, a byte it will not take …: the importer says what it makes of it.
    return fallback(`DuckDB's reader stops (${(error as Error).message.split('\n')[0]})`);
  }
  lap('checks');
  if (!found) return fallback('DuckDB read nothing');
  const rows = Number(found.n);
  if (rows !== shape.records)
    return fallback(`DuckDB read ${rows} records where the file has ${shape.records}`);
  if (found.failed !== null) return fallback(checks[Number(found.failed)]?.why ?? '');
  const words: Record<string, string> = {};
  for (const field of wordFields) {
    const read = readWords(field, (found[`words_${field}`] ?? []) as (string | null)[]);
    if (typeof read !== 'string') return fallback(read.why);
    words[field] = read;
  }
  const times = timeShift((found.minutes ?? []) as string[], request.timeZone, request.now ?? Date.now());
  if ('why' in times) return fallback(times.why);

  // The second pass: each row converted and appended, numbered in file order.
  for (const macro of HASH_MACROS) await connection.run(macro);
  const inserted = await connection.runAndReadAll(
    convertSql(at, columns, source, firstSeq, times.sql, words, raw, trimmed, request.rules),
  );
  lap('insert');
  const count = Number((inserted.getRowsJS()[0] ?? [])[0]);
  if (count !== rows) {
    // Never seen; the file changed between the passes, say: its rows go, and the importer reads it.
    await connection.run(`DELETE FROM messages WHERE seq >= ${firstSeq}`);
    return fallback(`DuckDB read ${count} rows of ${rows} the second time`);
  }
  return { read: { ...table, records: [], warnings: [], rows, duplicates: 0 } };
}

/**
 * The file as the importer recognizes it from its start, where it reads it plainly: a chat export in
 * UTF-8 with its header on the first line, in the zone given, with no notes but the privacy one.
 */
function recognize(
  path: string,
  file: string,
  request: ChatCsvRequest,
): { table: TableImport<'chats'> } | { fallback: string } {
  const fallback = (why: string) => ({ fallback: why });
  const { bytes, whole } = headOf(path);
  let table: TableImport<'chats'>;
  try {
    const { text, encoding } = decodeBytes(bytes, file);
    if (encoding !== 'utf-8') return fallback(`it is ${encoding}, not UTF-8`);
    table = importTable({
      file,
      text,
      kind: 'chats',
      timeZone: request.timeZone,
      overrides: request.overrides,
      ...(request.marketZones ? { marketZones: true } : {}),
      ...(whole ? {} : { continues: true }),
      onMessage: () => undefined,
      ...(request.now !== undefined ? { now: request.now } : {}),
    });
  } catch (error) {
    return fallback(`the importer stops at its start (${(error as Error).message})`);
  }
  if (table.headerRow !== 1) return fallback('its header is not on the first line');
  if (table.timeZone !== undefined) return fallback(`it is read in its market's zone, ${table.timeZone}`);
  if (table.notes.length > (table.privateColumns.length > 0 ? 1 : 0))
    return fallback(`the importer reads it with a note (${table.notes[0]})`);
  return { table };
}

/** The file's first HEAD_BYTES, cut after its last line feed when the file is longer. */
function headOf(path: string): { bytes: Uint8Array; whole: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES + 1);
    const read = readSync(fd, buffer, 0, HEAD_BYTES + 1, 0);
    if (read <= HEAD_BYTES) return { bytes: buffer.subarray(0, read), whole: true };
    return { bytes: buffer.subarray(0, buffer.lastIndexOf(0x0a, HEAD_BYTES - 1) + 1), whole: false };
  } finally {
    closeSync(fd);
  }
}

/** DuckDB's reader of the file: every column text, as written, with no guessing. */
function readCsvSql(path: string, delimiter: string, columns: number): string {
  const names = Array.from({ length: columns }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `read_csv(${literal(path)}, header = true, auto_detect = false, delim = ${literal(delimiter)}, quote = '"', escape = '"', strict_mode = true, null_padding = false, encoding = 'utf-8', columns = {${names}})`;
}

/**
 * `text.trim()` in SQL. DuckDB's trim of given characters costs some 2 µs a cell (2.4 s a million), so
 * it runs only on a cell that starts or ends with one of them (most cells neither).
 */
function trimSql(text: string): string {
  const codes = TRIMMED.join(', ');
  return `CASE WHEN unicode(${text}) IN (${codes}) OR unicode(right(${text}, 1)) IN (${codes}) THEN trim(${text}, ${literal(String.fromCharCode(...TRIMMED))}) ELSE ${text} END`;
}
/** The characters normalizeHeader drops, as a character class of RE2 (DuckDB's regular expressions). */
const DROPPED_CLASS = `[_${TRIMMED.map((code) => `\\x{${code.toString(16)}}`).join('')}]`;

/** A time written YYYY-MM-DD HH:MM:SS (its minute is then read by the importer's parseTime: timeShift). */
const timeWritten = (time: string) =>
  `regexp_full_match(${time}, '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-5][0-9]')`;

interface Check {
  sql: string;
  /** Why the file is left to the importer when a row fails it. */
  why: string;
}

/** The ID-like fields whose cells the checks read trimmed (an agent is text, but must not be empty). */
const CHECKED = ['agent', 'customer', 'session', 'message_id'] as const;

/**
 * What every row must pass for the importer to read it as this reads it, over the first pass's inner
 * SELECT: `time` as written, the CHECKED fields trimmed, `first_text` the first cell with text.
 */
function rowChecks(at: ReadonlyMap<string, number>): Check[] {
  const checks: Check[] = [
    { sql: `NOT (${timeWritten('time')})`, why: 'a time is not written YYYY-MM-DD HH:MM:SS' },
    { sql: `agent = ''`, why: 'an agent is empty' },
    { sql: `customer = ''`, why: 'a customer is empty' },
  ];
  for (const field of ['customer', 'session', 'message_id'] as const) {
    if (!at.has(field)) continue;
    checks.push({ sql: `left(${field}, 1) IN ('=', '''')`, why: `a ${field} is wrapped (="…", '… or =…)` });
    if (field !== 'session')
      checks.push({
        sql: `regexp_full_match(${field}, '[+-]?[0-9](\\.[0-9]+)?[Ee]\\+?[0-9]+')`,
        why: `a ${field} was rounded by a spreadsheet (1.2E+18)`,
      });
  }
  // The importer takes a row whose first cell with text is a totals label for a totals row.
  checks.push({
    sql: `length(first_text) <= 12 AND NOT (first_text[1] BETWEEN '0' AND '9') AND lower(regexp_replace(first_text, '${DROPPED_CLASS}', '', 'g')) IN (${[...TOTALS].map(literal).join(', ')})`,
    why: 'a row is a totals row',
  });
  return checks;
}

/** A word column's words as a CASE over its raw cells, or why one is not read. */
function readWords(field: string, cells: readonly (string | null)[]): string | { why: string } {
  if (cells.length > MAX_WORDS) return { why: `its ${field} column has more than ${MAX_WORDS} words` };
  const read = WORDS[field] as (word: string) => string | boolean | null | undefined;
  const cases: string[] = [];
  for (const cell of cells) {
    const value = read(trimCell(cell ?? ''));
    if (value === undefined) return { why: `its ${field} column says "${cell ?? ''}"` };
    cases.push(`WHEN ${literal(cell ?? '')} THEN ${sqlValue(value)}`);
  }
  return cases.length === 0 ? 'NULL' : `CASE ${'{raw}'} ${cases.join(' ')} END`;
}

const MINUTE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/**
 * What a time's wall clock read as UTC is ahead of the instant the importer reads it as (parseTime in
 * the zone): a SQL expression of `naive`, the wall clock's epoch milliseconds, exact for every minute
 * the file's times fall in. Each minute is read by parseTime at its 0th and 59th second (a minute whose
 * reading is not one shift throughout, or not a time, or past the importer's limit, is refused).
 */
function timeShift(minutes: readonly string[], zone: string, now: number): { sql: string } | { why: string } {
  const read: { naive: number; shift: number }[] = [];
  for (const minute of minutes) {
    const parts = MINUTE.exec(minute);
    const start = parseTime(`${minute}:00`, zone);
    const end = parseTime(`${minute}:59`, zone);
    if (!parts || start === null || end === null || end - start !== 59_000)
      return { why: `a time of the minute "${minute}" is not read by one rule` };
    const [year, month, day, hour, min] = parts.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    if (year < 1970) return { why: `a time of ${year} is before 1970` };
    if (end > now + FUTURE_SLACK_MS) return { why: `a time of the minute "${minute}" is after tomorrow` };
    const naive = Date.UTC(year, month - 1, day, hour, min);
    read.push({ naive, shift: naive - start });
  }
  read.sort((a, b) => a.naive - b.naive);
  // Runs of minutes read with one shift: a change of shift between two minutes of the file.
  const runs: { from: number; shift: number }[] = [];
  for (const { naive, shift } of read) if (runs.at(-1)?.shift !== shift) runs.push({ from: naive, shift });
  const [only, ...later] = runs;
  if (!only) return { sql: '0' };
  if (later.length === 0) return { sql: String(only.shift) };
  return {
    sql: `CASE ${later.map((run, i) => `WHEN naive < ${run.from} THEN ${runs[i]?.shift}`).join(' ')} ELSE ${later.at(-1)?.shift} END`,
  };
}

/** The INSERT of every row, converted as the importer converts it and as MessageRows appends it. */
function convertSql(
  at: ReadonlyMap<string, number>,
  columns: number,
  source: string,
  firstSeq: number,
  shift: string,
  words: Record<string, string>,
  raw: (field: string) => string,
  trimmed: (field: string) => string,
  rules: AutoReplyRules,
): string {
  const word = (field: string, otherwise: string) =>
    words[field] === undefined ? otherwise : (words[field] as string).replace('{raw}', raw(field));
  const unread = Array.from({ length: columns }, (_, i) => i).filter((i) => ![...at.values()].includes(i));
  const shop = trimmed('shop');
  const agent = at.has('shop')
    ? `CASE WHEN ${shop} = '' OR starts_with(${trimmed('agent')}, ${shop} || ':') THEN ${trimmed('agent')} ELSE ${shop} || ':' || ${trimmed('agent')} END`
    : trimmed('agent');
  const marks = [
    ...rules.autoPrefixes.map((p) => `starts_with(text, ${literal(p)})`),
    ...rules.autoKeywords.map((k) => `contains(text, ${literal(k)})`),
  ];
  const converted = {
    seq: `${firstSeq - 1} + row_number() OVER ()`,
    naive: `epoch_ms(CAST(${raw('time')} AS TIMESTAMP))`,
    agent,
    customer: trimmed('customer'),
    session: at.has('session') ? `nullif(${trimmed('session')}, '')` : 'NULL::VARCHAR',
    sender: word('from', 'NULL'),
    auto_flag: word('auto', 'false'),
    invite: word('invite', 'false'),
    offline: word('offline', 'false'),
    no_response: word('no_response', 'false'),
    transfer: word('transfer', 'NULL::VARCHAR'),
    message_id: trimmed('message_id'),
    text: trimmed('text'),
    // The cells no field reads, each ended by 0x1f, as RowReader.otherCellsPrint hashes them.
    unread:
      unread.length === 0 ? "''" : `concat(${unread.map((i) => `coalesce(c${i}, ''), chr(31)`).join(', ')})`,
  };
  const hashA = (units: string) => `cs_hash_a(${units})`;
  const hashB = (units: string) => `cs_hash_b(${units})`;
  const print = unread.length === 0 ? EMPTY_PRINT : hashA('cs_units(unread)');
  const message: Record<(typeof MESSAGE_COLUMNS)[number]['name'], string> = {
    seq: 'seq',
    time_ms: `naive - (${shift})`,
    agent: 'agent',
    customer: 'customer',
    session: 'session',
    sender: 'sender',
    auto: marks.length === 0 ? 'auto_flag' : `auto_flag OR (sender = 'agent' AND (${marks.join(' OR ')}))`,
    invite: 'invite',
    offline: 'offline',
    transfer_out: `coalesce(transfer = 'out', false)`,
    transfer_in: `coalesce(transfer = 'in', false)`,
    id_a: `CASE WHEN message_id <> '' THEN ${hashA('cs_units(message_id)')} END`,
    id_b: `CASE WHEN message_id <> '' THEN ${hashB('cs_units(message_id)')} END`,
    text_a: hashA('text_units'),
    text_b: hashB('text_units'),
    // MessageRows: 0 with an ID; none for a row whose text column is empty; else the unread cells' print.
    row_print: `CASE WHEN message_id <> '' THEN 0 ${at.has('text') ? "WHEN text = '' THEN NULL " : ''}ELSE ${print} END`,
    no_response: 'no_response',
  };
  const names = MESSAGE_COLUMNS.map((c) => c.name);
  return `INSERT INTO messages (${names.join(', ')})
SELECT ${names.map((name) => `${message[name]} AS ${name}`).join(', ')}
FROM (SELECT *, cs_units(text) AS text_units FROM (SELECT ${Object.entries(converted)
    .map(([name, sql]) => `${sql} AS ${name}`)
    .join(', ')} FROM ${source}))`;
}

/** RowReader.otherCellsPrint of a row with no unread cells (FNV-1a's offset basis), as a signed int. */
const EMPTY_PRINT = String(0x811c9dc5 | 0);

/**
 * hashText (messageColumns.ts) in SQL: FNV-1a and the multiply-rotate hash over the text's UTF-16 code
 * units (a character past U+FFFF is two), each kept as a whole number below 2^32 and returned as the
 * signed 32-bit integer the JS engine keeps. Math.imul is the product's low 32 bits: by 0x01000193 it
 * fits a BIGINT whole; by 0x85ebca6b it is taken in two halves of the multiplier.
 */
const HASH_MACROS = [
  "CREATE OR REPLACE TEMP MACRO cs_units(s) AS CASE WHEN s = '' THEN []::BIGINT[] ELSE flatten(list_transform(string_split(s, ''), ch -> CASE WHEN unicode(ch) > 65535 THEN [55296 + ((unicode(ch) - 65536) >> 10), 56320 + ((unicode(ch) - 65536) & 1023)] ELSE [unicode(ch)::BIGINT] END)) END",
  'CREATE OR REPLACE TEMP MACRO cs_u32_int(h) AS (CASE WHEN h >= 2147483648 THEN h - 4294967296 ELSE h END)::INTEGER',
  'CREATE OR REPLACE TEMP MACRO cs_mul32(x, k) AS ((x * (k & 65535)) + (((x * (k >> 16)) & 65535) << 16)) & 4294967295',
  'CREATE OR REPLACE TEMP MACRO cs_hash_a(u) AS cs_u32_int(list_reduce(u, (h, x) -> (xor(h, x) * 16777619) & 4294967295, 2166136261::BIGINT))',
  'CREATE OR REPLACE TEMP MACRO cs_hash_b(u) AS cs_u32_int(list_reduce(u, (h, x) -> xor(cs_mul32(((h << 5) | (h >> 27)) & 4294967295, 2246822507), x), xor(2654435769, len(u))::BIGINT))',
];

/**
 * A chat export read by DuckDB itself where it can be (readChatCsv), as readExport's result: null when
 * it is left to the importer. Either way a step of `--timings` says which, and why not.
 */
export async function readChatsItself(
  engine: { readChatCsv(request: Omit<ChatCsvRequest, 'rules' | 'reportZone'>): Promise<ChatCsvRead> },
  request: Omit<ChatCsvRequest, 'rules' | 'reportZone'>,
  timings: Timing[],
): Promise<ExportRead<'chats'> | null> {
  const file = basename(request.path);
  const started = performance.now();
  const read = await engine.readChatCsv(request);
  const step =
    'read' in read
      ? `read ${file} with DuckDB's CSV reader`
      : `check ${file} for DuckDB's CSV reader (the importer reads it: ${read.fallback})`;
  timings.push({ step, ms: performance.now() - started });
  return 'read' in read ? { result: read.read, encoding: 'utf-8', parts: null, stop: () => undefined } : null;
}
