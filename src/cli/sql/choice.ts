import { statSync } from 'node:fs';
import { type ReportOptions, UsageError } from '../options';
import { SQL_KINDS } from './coverage';

/** DuckDB cannot give the JS engine's figures for this report: said, never a different number. */
export class EngineRefusal extends Error {}

/**
 * The size of chat exports from which `--engine auto` lets DuckDB compute: none yet. Measured by
 * `npm run bench` on a quiet machine (2026-12-06, README's Speed section), the JS engine is the faster
 * at every size (5.3 s against 11.9 s at 1M messages, 27.6 s against 49.4 s at 5M) and the leaner (1.95
 * GB against 5.35 GB at 5M); at 20M both pass 4 GB. CS_KPI_DUCKDB_FROM_BYTES sets a size (0: DuckDB
 * for every report it computes), for a machine where DuckDB wins.
 */
export const DUCKDB_FROM_BYTES = Number.POSITIVE_INFINITY;

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
