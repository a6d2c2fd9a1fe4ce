import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { computeReport } from '../core/engine/report';
import { type ColumnMapping, type Kind, readChats, readOrders, readRatings } from '../core/import/canonical';
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
  const { chats, orders, ratings } = options.files;
  const chatRead = chats ? readChats(basename(chats), read(chats), mappingFor('chats', options), zone) : null;
  const orderRead = orders
    ? readOrders(basename(orders), read(orders), mappingFor('orders', options), zone)
    : null;
  const ratingRead = ratings
    ? readRatings(basename(ratings), read(ratings), mappingFor('ratings', options), zone)
    : null;
  for (const result of [chatRead, orderRead, ratingRead]) if (result) warnings.push(...result.warnings);
  const report = computeReport(
    {
      messages: chatRead?.records ?? [],
      orders: orderRead?.records ?? [],
      ratings: ratingRead?.records ?? [],
      available: { chats: chatRead !== null, orders: orderRead !== null, ratings: ratingRead !== null },
      hasSessions: chatRead?.mapped.has('session') ?? false,
    },
    options.settings,
  );
  return { report, warnings };
}
