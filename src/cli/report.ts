import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { computeReport } from '../core/engine/report';
import { decodeBytes } from '../core/import/decode';
import { type ColumnMapping, importTable, type TableImport } from '../core/import/importer';
import type { Kind, RecordOf } from '../core/import/records';
import type { ImportWarning } from '../core/import/warnings';
import type { ReportOptions } from './options';
import type { CliReport } from './render';

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
  const load = <K extends Kind>(kind: K): TableImport<K> | null => {
    const path = options.files[kind];
    if (!path) return null;
    const result = importTable({
      file: basename(path),
      text: readExport(path).text,
      kind,
      timeZone: zone,
      overrides: mappingFor(kind, options),
      ...(options.pseudonymKey ? { pseudonymKey: options.pseudonymKey } : {}),
    });
    warnings.push(...result.warnings);
    return result;
  };
  const chats = load('chats');
  const orders = load('orders');
  const ratings = load('ratings');
  const refunds = load('refunds');
  const complaints = load('complaints');
  const online = load('online');
  const issues = load('issues');
  const report = computeReport(
    {
      messages: chats?.records ?? [],
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
      },
      hasSessions: chats?.mapped.has('session') ?? false,
    },
    options.settings,
  );
  return { report, warnings };
}
