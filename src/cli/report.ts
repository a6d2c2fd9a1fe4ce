import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { computeReport } from '../core/engine/report';
import {
  type ColumnMapping,
  type Kind,
  type ReadResult,
  readChats,
  readComplaints,
  readIssues,
  readOnline,
  readOrders,
  readRatings,
  readRefunds,
} from '../core/import/canonical';
import type { ImportWarning } from '../core/import/warnings';
import type { ReportOptions } from './options';
import type { CliReport } from './render';

function mappingFor(kind: Kind, options: ReportOptions): ColumnMapping {
  const mapping: Record<string, string | string[]> = {};
  // A mapping given for all files applies where the column exists, else the field's own name is used.
  for (const [field, column] of Object.entries(options.mapping.all)) mapping[field] = [column, field];
  for (const [field, column] of Object.entries(options.mapping[kind])) mapping[field] = column;
  return mapping;
}

type Reader<T> = (file: string, text: string, mapping: ColumnMapping, zone: string) => ReadResult<T>;

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

export function runReport(options: ReportOptions): CliReport {
  const zone = options.settings.timeZone;
  const warnings: ImportWarning[] = [];
  const load = <T>(kind: Kind, reader: Reader<T>): ReadResult<T> | null => {
    const path = options.files[kind];
    if (!path) return null;
    const result = reader(basename(path), read(path), mappingFor(kind, options), zone);
    warnings.push(...result.warnings);
    return result;
  };
  const chats = load('chats', readChats);
  const orders = load('orders', readOrders);
  const ratings = load('ratings', readRatings);
  const refunds = load('refunds', readRefunds);
  const complaints = load('complaints', readComplaints);
  const online = load('online', readOnline);
  const issues = load('issues', readIssues);
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
      },
      hasSessions: chats?.mapped.has('session') ?? false,
    },
    options.settings,
  );
  return { report, warnings };
}
