import { readFileSync } from 'node:fs';
import { fastReplyName } from '../core/engine/catalog';
import { effectiveSplit } from '../core/engine/consultations';
import { type MessageColumns, MessageColumnsBuilder } from '../core/engine/messageColumns';
import type { Message } from '../core/engine/model';
import { readRateTable } from '../core/engine/rateTable';
import { parseCsvRows } from '../core/import/csv';
import { fieldNames, type Given } from '../core/import/fields';
import { normalizeHeader } from '../core/import/headers';
import type { ColumnMapping } from '../core/import/importer';
import { KINDS, type Kind, type RecordOf } from '../core/import/records';
import type { OrderGaps, TableImport } from '../core/import/tableReader';
import { ImportError, type ImportWarning, isRefusal } from '../core/import/warnings';
import type { Note } from '../core/pipeline/notes';
import {
  type ExportRead,
  type Imports,
  type KindRead,
  pipelineInputs,
  pipelineNotes,
  runPipeline,
} from '../core/pipeline/pipeline';
import { agentZonesAcross } from '../core/pipeline/zones';
import type { DetailConsultation } from '../core/sheets/tabs';
import { type ReportOptions, UsageError } from './options';
import type { PartResult } from './parallelImport';
import { observedTimings } from './progress';
import { type ExportRead as FileRead, readExport } from './readExport';
import { type CliReport, type ImportSummary, stepTimer, type Timing, timedWait } from './render';
import { chooseEngine, EngineRefusal } from './sql/choice';
import { ORDER_GIVES, REFUND_GIVES } from './sql/coverage';
import type { DuckdbEngine } from './sql/engine';
import { readChatsItself } from './sql/nativeCsv';
import { isRecordTable, RECORD_TABLE_NAMES, type RecordTable } from './sql/recordTables';

function mappingFor(kind: Kind, options: ReportOptions): ColumnMapping {
  const mapping: Record<string, string | string[]> = {};
  // A mapping given for all files applies where the column exists, else the field is mapped as usual.
  for (const [field, column] of Object.entries(options.mapping.all)) mapping[field] = [column, field];
  for (const [field, column] of Object.entries(options.mapping[kind])) mapping[field] = column;
  return mapping;
}

/**
 * A --map that would change nothing is refused before any file is read: one for a kind of export not
 * given (`ratings.level=…` without --ratings), or for a field of no export given.
 */
function refuseIdleMappings(options: ReportOptions): void {
  const given = KINDS.filter((kind) => (options.files[kind] ?? []).length > 0);
  for (const kind of KINDS) {
    const [field, column] = Object.entries(options.mapping[kind])[0] ?? [];
    if (field !== undefined && !given.includes(kind))
      throw new UsageError(
        `--map ${kind}.${field}=${column} maps a column of the ${kind} export, but no --${kind} FILE was given: give the file, or leave the --map out.`,
      );
  }
  for (const [field, column] of Object.entries(options.mapping.all)) {
    if (given.some((kind) => fieldNames(kind).includes(field))) continue;
    const kinds = KINDS.filter((kind) => fieldNames(kind).includes(field));
    throw new UsageError(
      `--map ${field}=${column}: ${field} is read from ${kinds.map((k) => `--${k}`).join(' or ')} exports, and none was given: give the file, or leave the --map out.`,
    );
  }
}

/**
 * A --map for all files names a column at least one of them has: a column none has (a typo) would
 * otherwise leave every file mapped as if the --map were not there.
 */
function refuseUnusedColumns(
  options: ReportOptions,
  taken: ReadonlySet<string>,
  read: readonly Pick<TableImport, 'file' | 'header' | 'fields'>[],
) {
  for (const [field, column] of Object.entries(options.mapping.all)) {
    if (taken.has(`${field}=${normalizeHeader(column)}`)) continue;
    const files = read.filter((r) => r.fields.some((f) => f.field === field));
    throw new ImportError(
      `--map ${field}=${column}: no file has a column "${column}". The columns are: ${files.map((r) => `${r.file}: ${r.header.join(', ')}`).join('; ')}.`,
    );
  }
}

/**
 * How much of a large chat export this thread reads while a worker reads the rest: less than half,
 * since this thread reads the other files after it (docs/decisions.md, "a smaller first part").
 */
const FIRST_PART_SHARE = 0.42;

/** What `cs-kpi export` wrote, and what the views over it must be told (`cs-kpi sql` flags). */
export interface ParquetExport {
  file: string;
  /** The orders' table, when order exports were given: its file and rows. */
  orders?: { file: string; rows: number };
  /** What the order exports' columns gave (fields' `gives`), when given: `cs-kpi sql --order-columns`. */
  orderColumns?: Given[];
  /** The tables of the other exports given (ratings, refunds …): `cs-kpi sql --records`. */
  records?: { table: RecordTable; file: string; rows: number }[];
  /** What the refund exports' columns gave, when given: `cs-kpi sql --refund-columns`. */
  refundColumns?: Given[];
  /** The split `auto` took for these exports: id when every chat export has a session ID column. */
  split: 'id' | 'day' | 'gap';
  /** Whether the chat exports have a rating-invitation column (邀评率). */
  invites: boolean;
  /** Whether chat exports were given: without, the messages' table is written empty (`--no-chats`). */
  chats: boolean;
}

/**
 * The DuckDB engine's 明细 rows, read page by page while the workbook is written (engine.ts
 * detailPages); `close` ends the engine once it is written.
 */
export interface DetailPages {
  pages: AsyncIterable<(DetailConsultation & { firstCustomerAt: number })[]>;
  close(): void;
}

/**
 * `onStep` hears of each step as it finishes (progress on a terminal). With `parquetDir` (and the
 * DuckDB engine), the canonical tables are also written there as Parquet (`cs-kpi export`).
 */
export async function runReport(
  options: ReportOptions,
  onStep: (timing: Timing) => void = () => undefined,
  parquetDir?: string,
): Promise<CliReport & { parquet?: ParquetExport; detail?: DetailPages }> {
  refuseIdleMappings(options);
  const zone = options.settings.timeZone;
  /** `field=column` of each column a --map named and a file had; and what each file was read as. */
  const taken = new Set<string>();
  const tables: Pick<TableImport, 'file' | 'header' | 'fields'>[] = [];
  const summaries: ImportSummary[] = [];
  /** Each file's warnings, in the order the files are read (a file read in parts fills its list late). */
  const fileWarnings: ImportWarning[][] = [];
  const timings = observedTimings(onStep);
  const timed = stepTimer(timings);
  const { engine } = chooseEngine(options);
  // DuckDB converts each order as it is read, so it takes the rate table before any file; a table
  // that cannot be read is said where the JS engine says it, after the files (the same refusal first).
  const early =
    engine === 'duckdb' && options.rates ? attempt(() => rateTableOf(options.rates as string)) : null;
  const earlyRates = early && 'value' in early ? { rates: early.value } : {};
  // With DuckDB, messages stream into its table as they are read and JavaScript keeps none of them.
  const sql: DuckdbEngine | null =
    engine === 'duckdb'
      ? await (await import('./sql/engine')).DuckdbEngine.open(options.settings, earlyRates)
      : null;
  // Messages go straight into columns as they are read: a million message objects held until the
  // engine runs would cost more in garbage collection than the engine's own work.
  const messages = new MessageColumnsBuilder(options.settings);
  let messageCount = 0;
  const onMessage = (message: Message) => {
    if (sql) sql.addMessage(message);
    else messages.add(message);
    messageCount++;
  };
  /** Each chat export, its zone, and where its messages begin among the others (they come file by file). */
  const chatFiles: { file: string; zone: string; from: number }[] = [];
  /** The exports of other kinds read in a zone other than --tz (their records keep it). */
  const zonedRecords: { file: string; zone: string }[] = [];
  /** The second part of the last chat export, still being read by a worker. */
  let pending: (() => Promise<void>) | null = null;
  const workers: { stop(): void }[] = [];
  // A file given no zone is read in its dialect's market's, where it has one; else in --tz.
  const importOptions = (kind: Kind, given: string | undefined) => ({
    timeZone: given ?? zone,
    ...(given === undefined ? { marketZones: true } : {}),
    overrides: mappingFor(kind, options),
    ...(options.pseudonymKey ? { pseudonymKey: options.pseudonymKey } : {}),
  });

  // The second part of a chat export, joined once the worker has read it.
  const joinLater =
    (
      second: Promise<PartResult>,
      summary: ImportSummary,
      own: ExportRead & { warnings: ImportWarning[] },
      canonicalFile: string | undefined,
    ) =>
    () =>
      timedWait(
        timings,
        `wait for ${summary.file} (second part)`,
        second.then(async ({ columns, warnings, rows, messages: read }) => {
          if (columns) messages.addRenumbered(columns);
          if (canonicalFile) await sql?.addPart(canonicalFile, read);
          messageCount += read;
          for (const warning of warnings) own.warnings.push(warning);
          own.rows += rows;
          summary.rows += rows;
          summary.records += read;
          summary.skipped += warnings.filter(isRefusal).length;
        }),
      );

  /** Every file given for a kind, read and joined (messages into `messages`); null when none was given. */
  const load = async <K extends Kind>(kind: K): Promise<KindRead<RecordOf[K][]> | undefined> => {
    const paths = options.files[kind] ?? [];
    if (paths.length === 0) return undefined;
    const records: RecordOf[K][] = [];
    const exports: ExportRead[] = [];
    for (const path of paths) {
      // A chat file read in parts must be whole before the next chat file's messages come.
      if (kind === 'chats' && pending) {
        await pending();
        pending = null;
      }
      const messagesBefore = messageCount;
      const recordsBefore = sql && isRecordTable(kind) ? sql.records[kind].count : 0;
      const given = options.zones[kind]?.[path];
      // DuckDB reads a chat export itself where its rows are certainly the importer's (nativeCsv.ts).
      const itself =
        sql && kind === 'chats'
          ? await readChatsItself(sql, { path, ...importOptions(kind, given) }, timings)
          : null;
      if (itself) messageCount += itself.result.rows;
      // With DuckDB, a worker reading a chat export's second part writes its rows into a file of its own.
      const canonicalFile = sql && kind === 'chats' && !itself ? sql.partFile() : undefined;
      const read =
        (itself as FileRead<K> | null) ??
        readExport(
          path,
          {
            kind,
            ...importOptions(kind, given),
            rules: options.settings,
            share: FIRST_PART_SHARE,
            ...(kind === 'chats' ? { onMessage } : {}),
            ...(canonicalFile
              ? { canonicalFile, fromDisk: true }
              : (sql && kind !== 'orders') || (kind === 'orders' && pending)
                ? // A large order export on both cores only when no worker still reads a chat export's
                  // part: the other core is busy, and its share of the chats counts what this one reads.
                  { inOnePiece: true }
                : {}),
            ...(sql && isRecordTable(kind) ? { onRecord: sql.recordSink(kind) } : {}),
          },
          timings,
        );
      const { encoding, parts, stop } = read;
      workers.push({ stop });
      // A large order export read in parts: its whole import, once the worker's part is joined.
      const result = read.joined ? await read.joined() : read.result;
      const fileZone = given ?? result.timeZone ?? zone;
      if (kind === 'chats') chatFiles.push({ file: result.file, zone: fileZone, from: messagesBefore });
      else if (fileZone !== zone) {
        zonedRecords.push({ file: result.file, zone: fileZone });
        if (sql && isRecordTable(kind))
          sql.zoneRecords(kind, recordsBefore, sql.records[kind].count, fileZone);
      }
      tables.push({ file: result.file, header: result.header, fields: result.fields });
      for (const f of result.fields)
        if (f.source === 'user' && f.column !== null) taken.add(`${f.field}=${normalizeHeader(f.column)}`);
      const own = {
        file: result.file,
        mapped: result.mapped,
        warnings: [...result.warnings],
        rows: result.rows,
        ...(result.gaps ? { gaps: result.gaps } : {}),
      };
      fileWarnings.push(own.warnings);
      // A record of a shop in another market keeps its zone: its days follow it (engine/model.ts).
      for (const record of result.records) {
        const kept = fileZone === zone ? record : ({ ...record, zone: fileZone } as RecordOf[K]);
        // DuckDB takes the orders (collapsed from their lines by the importer) into its table;
        // JavaScript keeps none of them.
        if (sql && kind === 'orders') sql.addOrder(kept as RecordOf['orders']);
        else records.push(kept);
      }
      exports.push(own);
      const summary: ImportSummary = {
        file: result.file,
        kind,
        dialect: result.dialect?.id ?? null,
        encoding,
        rows: result.rows,
        records:
          kind === 'chats'
            ? messageCount - messagesBefore
            : sql && isRecordTable(kind)
              ? sql.records[kind].count - recordsBefore
              : result.records.length,
        duplicateRows: result.duplicates,
        skipped: result.warnings.filter(isRefusal).length,
        ...(fileZone !== zone ? { timeZone: fileZone } : {}),
      };
      summaries.push(summary);
      // The worker renumbers its part into these names while this thread reads the other files.
      if (parts) pending = joinLater(parts.second(messages.names()), summary, own, canonicalFile);
    }
    return { records, exports };
  };
  const loadAll = async () => {
    const loaded = {
      chats: await load('chats'),
      orders: await load('orders'),
      ratings: await load('ratings'),
      refunds: await load('refunds'),
      complaints: await load('complaints'),
      online: await load('online'),
      issues: await load('issues'),
    };
    await (pending as (() => Promise<void>) | null)?.();
    return loaded;
  };
  let loaded: Awaited<ReturnType<typeof loadAll>>;
  let handedOver = false;
  try {
    try {
      loaded = await loadAll();
    } finally {
      // When a file cannot be read, the command stops now rather than when the worker is done.
      for (const worker of workers) worker.stop();
    }
    refuseUnusedColumns(options, taken, tables);
    const warnings: ImportWarning[] = [];
    for (const list of fileWarnings) for (const warning of list) warnings.push(warning);
    const { chats, ...others } = loaded;
    const columns = messages.build();
    // An export read in its market's zone (its dialect's, or FILE@ZONE): the views `cs-kpi sql` prints
    // count days in one zone.
    const zoned = chatFiles.find((f) => f.zone !== zone) ?? zonedRecords[0];
    if (sql && parquetDir && zoned)
      throw new EngineRefusal(
        `cs-kpi export reads every export in one zone, --tz ${zone}, as the views count days in one; ${zoned.file} is read in ${zoned.zone}. Export it in a run of its own with --tz ${zoned.zone}.`,
      );
    const agentZones = sql
      ? await sqlAgentZones(sql, chatFiles, zone)
      : zonesOfAgents(columns, chatFiles, zone);
    const rates = early ? unwrap(early) : options.rates ? rateTableOf(options.rates) : undefined;
    const imports: Imports = {
      ...others,
      ...(chats ? { chats: { records: columns, exports: chats.exports } } : {}),
      ...(agentZones.size > 0 ? { agentZones } : {}),
    };
    const inputs = pipelineInputs(imports);
    const parquet =
      sql && parquetDir
        ? {
            ...(await timedWait(
              timings,
              'write parquet',
              parquetFiles(
                sql,
                parquetDir,
                !!imports.orders,
                RECORD_TABLE_NAMES.filter((table) => imports[table]),
              ),
            )),
            split: effectiveSplit(options.settings, inputs.hasSessions) as ParquetExport['split'],
            invites: inputs.available.invites,
            chats: inputs.available.chats,
            ...(imports.orders
              ? { orderColumns: ORDER_GIVES.filter((given) => inputs.available[given]) }
              : {}),
            ...(imports.refunds
              ? { refundColumns: REFUND_GIVES.filter((given) => inputs.available[given]) }
              : {}),
          }
        : undefined;
    const { report, notes } = sql
      ? await timedWait(timings, 'compute (duckdb)', async () => {
          const { available, hasSessions } = inputs;
          const report = await sql.report(available, hasSessions);
          return { report, notes: pipelineNotes(imports, report, available, Date.now()) };
        })
      : timed('compute', () => runPipeline(imports, options.settings, Date.now(), rates));
    // The workbook's 明细 rows stay in DuckDB until the workbook is written: the engine is handed over.
    const detail: DetailPages | undefined =
      sql && !parquetDir && (options.format === 'xlsx' || options.xlsx)
        ? { pages: sql.detailPages(), close: () => sql.close() }
        : undefined;
    handedOver = detail !== undefined;
    return {
      report,
      warnings,
      imports: summaries,
      timings,
      notes: notes.flatMap((note) => noteText(note) ?? []),
      ...(parquet ? { parquet } : {}),
      ...(detail ? { detail } : {}),
    };
  } finally {
    if (!handedOver) sql?.close();
  }
}

/**
 * The canonical tables written as Parquet: the messages', the orders' when order exports were given,
 * and each other kind's that was given.
 */
async function parquetFiles(
  sql: DuckdbEngine,
  dir: string,
  orders: boolean,
  records: readonly RecordTable[],
): Promise<Pick<ParquetExport, 'file' | 'orders' | 'records'>> {
  const [file, ...others] = await sql.exportParquet(dir, [
    'messages',
    ...(orders ? ['orders'] : []),
    ...records,
  ]);
  const ordersFile = orders ? others.shift() : undefined;
  return {
    file: file as string,
    ...(ordersFile ? { orders: { file: ordersFile, rows: sql.orders.count } } : {}),
    ...(records.length > 0
      ? {
          records: records.map((table, i) => ({
            table,
            file: others[i] as string,
            rows: sql.records[table].count,
          })),
        }
      : {}),
  };
}

/**
 * The agents of chat exports read in a zone other than the report's, with that zone. An agent account
 * named in exports of two zones could be counted in either: refused, saying which files.
 */
function zonesOfAgents(
  columns: MessageColumns,
  files: readonly { file: string; zone: string; from: number }[],
  reportZone: string,
): ReadonlyMap<string, string> {
  // Each file's accounts once (a Set of numbers per message), then by name.
  const agentsOf = (from: number, to: number) => {
    const seen = new Set<number>();
    for (let i = from; i < to; i++) seen.add(columns.agent[i] as number);
    return [...seen].map((agent) => columns.agents.names[agent] as string);
  };
  return agentZonesAcross(
    files.map(({ file, zone, from }, f) => ({
      file,
      zone,
      agents: agentsOf(from, files[f + 1]?.from ?? columns.length),
    })),
    reportZone,
  );
}

/** zonesOfAgents for DuckDB's messages (each export's accounts read back from its table), into it. */
async function sqlAgentZones(
  sql: DuckdbEngine,
  files: readonly { file: string; zone: string; from: number }[],
  reportZone: string,
): Promise<ReadonlyMap<string, string>> {
  if (files.every((f) => f.zone === reportZone)) return new Map();
  const agents = await sql.agentsOfExports(files.map((f) => f.from));
  const zones = agentZonesAcross(
    files.map(({ file, zone }, f) => ({ file, zone, agents: agents[f] ?? [] })),
    reportZone,
  );
  await sql.setAgentZones(zones);
  return zones;
}

/** The rate table of `--rates FILE`. */
const rateTableOf = (path: string) => readRateTable(parseCsvRows(readText(path)), path);

/** A value, or what was thrown computing it, to throw later. */
type Attempt<T> = { value: T } | { error: unknown };

function attempt<T>(compute: () => T): Attempt<T> {
  try {
    return { value: compute() };
  } catch (error) {
    return { error };
  }
}

function unwrap<T>(done: Attempt<T>): T {
  if ('error' in done) throw done.error;
  return done.value;
}

/** A small text file (the rate table), without a byte-order mark. */
function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  } catch (error) {
    throw new UsageError(`--rates ${path}: ${(error as Error).message}`);
  }
}

/** A warning as the command lists it: file, row, column and reason. */
const warningLine = (w: ImportWarning) => `  ${w.file} row ${w.row}, column ${w.column}: ${w.message}`;

/** The listed rows, and how many more there are that --format json and inspect list. */
function listing(rows: number, listed: readonly ImportWarning[]): string {
  const more = rows - listed.length;
  const tail =
    more > 0
      ? [`  … and ${more.toLocaleString('en')} more (--format json or cs-kpi inspect FILE lists every one)`]
      : [];
  return [...listed.map(warningLine), ...tail].join('\n');
}

/** What `cs-kpi inspect` says of an order export's gaps: the notes a report of it alone would give. */
export function gapTexts(file: string, gaps: OrderGaps): string[] {
  const { noPayment, noAmount, statusColumn, noBuyer } = gaps;
  const notes: Note[] = [];
  if (noPayment || noAmount || statusColumn)
    notes.push({
      kind: 'money-unread',
      exports: [
        {
          file,
          noPayment: noPayment === true,
          noAmount: noAmount === true,
          statusColumn: statusColumn ?? null,
        },
      ],
    });
  if (noBuyer) notes.push({ kind: 'no-buyer-column', files: [file], noBuyer: [{ file, export: noBuyer }] });
  return notes.flatMap((note) => noteText(note) ?? []);
}

/**
 * What the command says on stderr for a note of the pipeline, whatever the format (the JSON carries
 * every warning besides, under `warnings`).
 */
export function noteText(note: Note): string | null {
  switch (note.kind) {
    case 'no-rows': {
      const { files } = note;
      return `${files.join(', ')} ${files.length === 1 ? 'has' : 'have'} a header row and no data rows: nothing of ${files.length === 1 ? 'it' : 'them'} is in any figure. Export again with the period's rows (check the export's date range).`;
    }
    case 'rows-skipped': {
      const { rows } = note;
      return `${rows.toLocaleString('en')} row${rows === 1 ? '' : 's'} could not be read and ${rows === 1 ? 'is' : 'are'} counted in no figure; fix ${rows === 1 ? 'it' : 'them'} in the export (or export again) and run the report again:\n${listing(rows, note.listed)}`;
    }
    case 'future-times': {
      const { rows, first } = note;
      return `${rows.toLocaleString('en')} of those rows ${rows === 1 ? 'has' : 'have'} a time more than a day after now (${new Date(note.now).toISOString().slice(0, 16).replace('T', ' ')} UTC), first ${first.file} row ${first.row}, column ${first.column}: a date typed or read wrong (a year such as 2099, day and month swapped?). Correct the dates in the export, or the computer's clock.`;
    }
    case 'rows-cautioned': {
      const { rows } = note;
      return `${rows.toLocaleString('en')} row${rows === 1 ? ' was' : 's were'} read and counted, with a caution:\n${listing(rows, note.listed)}`;
    }
    case 'no-buyer-column': {
      const none = note.noBuyer ?? [];
      const others = note.files.filter((file) => !none.some((n) => n.file === file));
      const lines = none.map(
        (n) =>
          `${n.file} (${n.export}) names no buyer at all: its orders cannot be matched to chats and count in the shop's sales only (销售额 of the shop row); conversion and what agents sold are empty. For them, export Amazon's order report (order-id, buyer-email) instead.`,
      );
      if (others.length > 0)
        lines.push(
          `${others.join(', ')} name${others.length === 1 ? 's' : ''} no buyer: orders cannot be matched to chats, so conversion and what agents sold are empty. Map the buyer column with --map customer=COLUMN.`,
        );
      return lines.join('\n');
    }
    case 'money-unread':
      return note.exports
        .flatMap(({ file, noPayment, noAmount, statusColumn }) => {
          const read = statusColumn ? `--map "status=${statusColumn}"` : '';
          return [
            noPayment
              ? `${file} has no payment time and no order status read: no order is known to be paid, so sales, the payment rate and everything built on them are empty. ${statusColumn ? `Its column "${statusColumn}" looks like the orders' status: read it with ${read}` : 'Map its payment time or status column with --map paid_at=COLUMN or --map status=COLUMN'} (docs/dialects.md, Order status words).`
              : statusColumn
                ? `${file}: its column "${statusColumn}" looks like the orders' status and is not read, so an order cancelled after its payment counts as a sale. Read it with ${read} (docs/dialects.md, Order status words).`
                : '',
            noAmount
              ? `${file} has no amount read: sales, 客单价 and every money figure are empty. Map its amount column with --map amount=COLUMN.`
              : '',
          ].filter(Boolean);
        })
        .join('\n');
    case 'no-buyer-in-common': {
      const { orders, windowDays } = note;
      return `no order was matched to a consultation in its ${windowDays}-day window (--window-days; ${orders.toLocaleString('en')} order${orders === 1 ? '' : 's'} read): conversion and what agents sold are 0. Check that the chat and order exports name buyers the same way (a nickname in one and an ID in the other never match).`;
    }
    case 'low-sample':
      // The table marks them * (and says why below it), JSON and CSV list them: no line on stderr.
      return null;
    case 'suspected-auto-replies': {
      const n = note.consultations;
      return `${n.toLocaleString('en')} consultation${n === 1 ? '' : 's'} got a reply within ${note.withinSeconds} s of a customer's message, with a text that at least ${note.sameTextConsultations} consultations got so: these look like auto replies. They count as an agent's replies, raising ${fastReplyName(note, 'zh-CN')} and lowering 首次响应时间 and 平均响应时间. Mark them: map the export's auto-reply column (--map auto=COLUMN), or give their first words with --auto-prefix TEXT or a word in them with --auto-keyword TEXT.`;
    }
    case 'after-sales-as-inquiries': {
      const n = note.consultations;
      const days = note.lookBackDays;
      return `${n.toLocaleString('en')} consultation${n === 1 ? ' was' : 's were'} with a customer who had paid an order in the ${days} days before, bought nothing new in the window and asked that agent nothing else: after-sales questions, counted as inquiries that did not convert, lowering those agents' 询单转化率. Give --after-sales-chat-days N (such as ${days}) to count them as after-sales consultations (售后咨询量) instead.`;
    }
    case 'platform-window-short': {
      const { platform, windowDays: window, dataDays: days } = note;
      return `platform_response_rate counts ${platform}'s ${window} days, and the chats cover ${days} day${days === 1 ? '' : 's'}: the figure rests on those and may differ from the one the platform shows. Export ${window} days of chats (or give --platform-window-days N to count fewer).`;
    }
  }
}
