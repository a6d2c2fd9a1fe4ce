import { statSync } from 'node:fs';
import { type ReportOptions, UsageError } from '../options';
import { SQL_KINDS } from './coverage';

/** DuckDB cannot give the JS engine's figures for this report: said, never a different number. */
export class EngineRefusal extends Error {}

/**
 * The size of chat exports from which `--engine auto` lets DuckDB compute: none yet. Measured by
 * `npm run bench` on a quiet machine (2026-12-06 09:24, README's Speed section), the JS engine is the
 * faster at every size (5.1 s against 10.1 s at 1M messages, 26.1 s against 41.9 s at 5M) and the
 * leaner up to 5M (2.03 GB against 2.61 GB); at 20M both passed 4 GB in the bench. DuckDB's gain is
 * memory at 20M and beyond (3.70 GiB through the importer, docs/scale.md), where the JS engine needs
 * about 7 GB. CS_KPI_DUCKDB_FROM_BYTES sets a size (0: DuckDB for every report it computes), for a
 * machine where DuckDB wins or memory is short.
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
