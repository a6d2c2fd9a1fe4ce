import { statSync } from 'node:fs';
import { type ReportOptions, UsageError } from '../options';
import { SQL_KINDS } from './coverage';

/** DuckDB cannot give the JS engine's figures for this report: said, never a different number. */
export class EngineRefusal extends Error {}

/**
 * The size of chat exports from which `--engine auto` lets DuckDB compute: 1 GiB, about ten million
 * messages. Below it the JS engine is the faster end to end; from about there its memory passes the
 * 4 GB the issue sets (0.54 GB for 92 MB of chats, 1.93 GB for 465 MB, over 4 GB for 1.9 GB), while
 * DuckDB's stays within its limit (README's Speed section, docs/scale.md "Which engine").
 * CS_KPI_DUCKDB_FROM_BYTES sets another size (0: DuckDB for every report it computes).
 */
export const DUCKDB_FROM_BYTES = 1024 ** 3;

function duckdbFromBytes(): number {
  const given = process.env.CS_KPI_DUCKDB_FROM_BYTES;
  if (given === undefined || given === '') return DUCKDB_FROM_BYTES;
  const bytes = Number(given);
  if (!Number.isFinite(bytes) || bytes < 0)
    throw new UsageError(`CS_KPI_DUCKDB_FROM_BYTES is a size in bytes (such as 1073741824); got "${given}".`);
  return bytes;
}

/** Why DuckDB cannot compute this report at all, before a file is read; null when it may. */
function duckdbRefusal(options: ReportOptions): string | null {
  const kinds = Object.entries(options.files)
    .filter(([kind, files]) => (files ?? []).length > 0 && !SQL_KINDS.has(kind))
    .map(([kind]) => `--${kind}`);
  if (kinds.length > 0) return `it does not read ${kinds.join(', ')} yet`;
  if (options.rates) return "converting currencies with --rates is the JS engine's so far";
  const zoned = Object.values(options.zones)
    .flatMap((files) => Object.entries(files ?? {}))
    .find(([, zone]) => zone !== options.settings.timeZone);
  if (zoned) return `it reads every export in --tz, and ${zoned[0]} was given a zone of its own`;
  return null;
}

/** The engine that computes this report: as asked, or for auto by the size of the chat exports. */
export function chooseEngine(options: ReportOptions): 'js' | 'duckdb' {
  const refusal = duckdbRefusal(options);
  if (options.engine === 'duckdb') {
    if (refusal)
      throw new EngineRefusal(
        `--engine duckdb does not compute this report yet: ${refusal}. Use --engine js.`,
      );
    return 'duckdb';
  }
  if (options.engine === 'js' || refusal) return 'js';
  const bytes = (options.files.chats ?? []).reduce((sum, path) => sum + sizeOf(path), 0);
  return bytes >= duckdbFromBytes() ? 'duckdb' : 'js';
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the import says what is wrong with the file
  }
}
