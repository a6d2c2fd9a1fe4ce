import type { AgentZones } from '../engine/consultations';
import type { RateTable } from '../engine/currencies';
import { type Available, availableFrom, type MappedFields } from '../engine/facts';
import type { MessageColumns } from '../engine/messageColumns';
import type { Complaint, Issue, Message, OnlineSpan, Order, Rating, Refund } from '../engine/model';
import { computeReport, type Report } from '../engine/report';
import type { Settings } from '../engine/settings';
import { fieldsOf } from '../import/fields';
import type { Kind, RecordOf } from '../import/records';
import type { OrderGaps, TableImport } from '../import/tableReader';
import type { ImportWarning } from '../import/warnings';
import { type Note, notesOf } from './notes';

/** What one export gave besides its records: its name, the fields it mapped, the rows it skipped. */
export interface ExportRead {
  /** The file, paste or range the export came from, as notes name it. */
  file: string;
  mapped: ReadonlySet<string>;
  warnings: readonly ImportWarning[];
  /** Data rows the export had (0: a header and nothing under it). */
  rows: number;
  /** An order export's columns that money figures rest on and that it leaves unread (notes say so). */
  gaps?: OrderGaps;
}

/** Every export of one kind, read: their records together, and each export. */
export interface KindRead<R> {
  records: R;
  exports: readonly ExportRead[];
}

/** One export the importer read, as the only one of its kind (the sidebar, CS_INDICATORS). */
export function singleExport<K extends Kind>(imported: TableImport<K>): KindRead<RecordOf[K][]> {
  const { file, mapped, warnings, records, rows, gaps } = imported;
  return { records, exports: [{ file, mapped, warnings, rows, ...(gaps ? { gaps } : {}) }] };
}

/** The exports given, by kind; a kind not given is absent. */
export interface Imports {
  chats?: KindRead<readonly Message[] | MessageColumns>;
  orders?: KindRead<readonly Order[]>;
  ratings?: KindRead<readonly Rating[]>;
  refunds?: KindRead<readonly Refund[]>;
  complaints?: KindRead<readonly Complaint[]>;
  online?: KindRead<readonly OnlineSpan[]>;
  issues?: KindRead<readonly Issue[]>;
  /** Agents whose chats were read in another zone than the report's (a shop in another market). */
  agentZones?: AgentZones;
}

export interface PipelineResult {
  report: Report;
  notes: Note[];
  /** Which inputs each figure could rest on (availableFrom). */
  available: Available;
}

/** The kinds in the order they are read, and their notes shown. */
const KINDS = ['chats', 'orders', 'ratings', 'refunds', 'complaints', 'online', 'issues'] as const;

/** A field counts as mapped only if every export of the kind has it: a figure never rests on part of the data. */
function mappedByAll(kind: Kind, read: KindRead<unknown> | undefined): ReadonlySet<string> | null {
  if (!read) return null;
  const [first, ...others] = read.exports;
  if (!first) return new Set();
  const common = new Set([...first.mapped].filter((field) => others.every((e) => e.mapped.has(field))));
  // What a figure rests on may come from different fields in different exports (payment times, or a
  // status that says paid): given when every export gives it, through whichever field it has.
  const fields = fieldsOf(kind);
  for (const field of fields) {
    if (field.gives === undefined || common.has(field.name)) continue;
    const givers = fields.filter((f) => f.gives === field.gives).map((f) => f.name);
    if (read.exports.every((e) => givers.some((name) => e.mapped.has(name)))) common.add(field.name);
  }
  return common;
}

/**
 * The one way from exports read to figures and notes, for the command line, the sidebar and
 * CS_INDICATORS alike: what is available, the report, and the notes each front end words.
 */
export function runPipeline(
  imports: Imports,
  settings: Settings,
  /** The run's clock (epoch ms), which the notes of times after it name. */
  now: number = Date.now(),
  /** Rates into one report currency, for orders in several currencies (currencies.ts). */
  rates?: RateTable,
): PipelineResult {
  const { available, hasSessions } = pipelineInputs(imports);
  const report = computeReport(
    {
      messages: imports.chats?.records ?? [],
      orders: imports.orders?.records ?? [],
      ratings: imports.ratings?.records ?? [],
      refunds: imports.refunds?.records ?? [],
      complaints: imports.complaints?.records ?? [],
      online: imports.online?.records ?? [],
      issues: imports.issues?.records ?? [],
      available,
      hasSessions,
      ...(imports.agentZones ? { agentZones: imports.agentZones } : {}),
      ...(rates ? { rates } : {}),
    },
    settings,
  );
  return { report, notes: pipelineNotes(imports, report, available, now), available };
}

/** What the exports give: which inputs each figure may rest on, and whether sessions were mapped. */
export function pipelineInputs(imports: Imports): { available: Available; hasSessions: boolean } {
  const mapped: MappedFields = {};
  for (const kind of KINDS) mapped[kind] = mappedByAll(kind, imports[kind]);
  return { available: availableFrom(mapped), hasSessions: mapped.chats?.has('session') ?? false };
}

/** The notes of a report however it was computed (the JS engine here, or the command line's DuckDB). */
export function pipelineNotes(imports: Imports, report: Report, available: Available, now: number): Note[] {
  const exports = KINDS.flatMap((kind) => imports[kind]?.exports ?? []);
  const warnings = exports.flatMap((e) => e.warnings);
  const ordersWithoutBuyer = (imports.orders?.exports ?? [])
    .filter((e) => !e.mapped.has('customer'))
    .map((e) => e.file);
  const empty = exports.filter((e) => e.rows === 0).map((e) => e.file);
  const gaps = (imports.orders?.exports ?? []).flatMap((e) => (e.gaps ? [{ file: e.file, ...e.gaps }] : []));
  return notesOf(report, available, warnings, ordersWithoutBuyer, empty, now, gaps);
}
