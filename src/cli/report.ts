import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { MessageColumnsBuilder } from '../core/engine/messageColumns';
import type { Message } from '../core/engine/model';
import { computeReport } from '../core/engine/report';
import { decodeBytes } from '../core/import/decode';
import { type ColumnMapping, importTable, type TableImport } from '../core/import/importer';
import type { Kind, RecordOf } from '../core/import/records';
import type { ImportWarning } from '../core/import/warnings';
import type { ReportOptions } from './options';
import type { CliReport, ImportSummary, Timing } from './render';

function mappingFor(kind: Kind, options: ReportOptions): ColumnMapping {
  const mapping: Record<string, string | string[]> = {};
  // A mapping given for all files applies where the column exists, else the field is mapped as usual.
  for (const [field, column] of Object.entries(options.mapping.all)) mapping[field] = [column, field];
  for (const [field, column] of Object.entries(options.mapping[kind])) mapping[field] = column;
  return mapping;
}

/** A file's text, its encoding detected (UTF-8, GB18030, UTF-16). */
export function readExport(path: string): { text: string; encoding: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  return decodeBytes(bytes, basename(path));
}

export function runReport(options: ReportOptions): CliReport {
  const zone = options.settings.timeZone;
  const warnings: ImportWarning[] = [];
  const imports: ImportSummary[] = [];
  const timings: Timing[] = [];
  const timed = <T>(step: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    timings.push({ step, ms: performance.now() - started });
    return result;
  };
  // Messages go straight into columns as they are read: a million message objects held until the
  // engine runs would cost more in garbage collection than the engine's own work.
  const messages = new MessageColumnsBuilder(options.settings);
  let messageCount = 0;
  const onMessage = (message: Message) => {
    messages.add(message);
    messageCount++;
  };
  /** Every file given for a kind, read and joined (messages into `messages`); null when none was given. */
  const load = <K extends Kind>(kind: K): { records: RecordOf[K][]; mapped: Set<string> } | null => {
    const paths = options.files[kind] ?? [];
    if (paths.length === 0) return null;
    const records: RecordOf[K][] = [];
    let mapped = null as Set<string> | null;
    for (const path of paths) {
      const file = basename(path);
      const { text, encoding } = timed(`read ${file}`, () => readExport(path));
      const messagesBefore = messageCount;
      const result: TableImport<K> = timed(`import ${file}`, () =>
        importTable({
          file,
          text,
          kind,
          timeZone: zone,
          overrides: mappingFor(kind, options),
          ...(options.pseudonymKey ? { pseudonymKey: options.pseudonymKey } : {}),
          ...(kind === 'chats' ? { onMessage } : {}),
        }),
      );
      // Not push(...records): a spread of a million arguments overflows the stack.
      for (const warning of result.warnings) warnings.push(warning);
      for (const record of result.records) records.push(record);
      // A field counts as present only if every file of the kind has it.
      const before: Set<string> | null = mapped;
      mapped =
        before === null
          ? new Set(result.mapped)
          : new Set([...before].filter((f: string) => result.mapped.has(f)));
      imports.push({
        file: result.file,
        kind,
        dialect: result.dialect?.id ?? null,
        encoding,
        rows: result.rows,
        records: kind === 'chats' ? messageCount - messagesBefore : result.records.length,
        duplicateRows: result.duplicates,
        skipped: result.warnings.length,
      });
    }
    return { records, mapped: mapped ?? new Set() };
  };
  const chats = load('chats');
  const orders = load('orders');
  const ratings = load('ratings');
  const refunds = load('refunds');
  const complaints = load('complaints');
  const online = load('online');
  const issues = load('issues');
  const report = timed('compute', () =>
    computeReport(
      {
        messages: messages.build(),
        orders: orders?.records ?? [],
        ratings: ratings?.records ?? [],
        refunds: refunds?.records ?? [],
        complaints: complaints?.records ?? [],
        online: online?.records ?? [],
        issues: issues?.records ?? [],
        available: {
          chats: chats !== null,
          orders: orders !== null,
          ratings: ratings !== null,
          refunds: refunds !== null,
          complaints: complaints !== null,
          online: online !== null,
          issues: issues !== null,
          amounts: orders?.mapped.has('amount') ?? false,
          itemCounts: orders?.mapped.has('items') ?? false,
          refundAmounts: orders?.mapped.has('refund_amount') ?? false,
          invites: chats?.mapped.has('invite') ?? false,
        },
        hasSessions: chats?.mapped.has('session') ?? false,
      },
      options.settings,
    ),
  );
  return { report, warnings, imports, timings };
}
