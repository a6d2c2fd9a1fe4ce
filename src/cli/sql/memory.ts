import { UsageError } from '../options';

/**
 * How much memory DuckDB may take for its tables and the views it computes, beyond which it writes
 * them into its temporary folder (the engine's own, removed with it). DuckDB's own default is 80% of
 * the machine, which it takes on a large month (7.3 GB at 20M messages) while JavaScript holds its
 * part too; and its limit bounds its buffers, not the process, which held about 1.6–2.1 GiB more on the
 * 20M month. 1 GiB keeps that month within 4 GB (peaks of 2.56–2.61 GiB, no slower than at 1536 MiB, where
 * they were 3.02–3.59 GiB; past 4 GB at 2 GiB: docs/scale.md): the DuckDB engine is `auto`'s for the months the JS engine cannot hold,
 * where memory, not time, is short. CS_KPI_DUCKDB_MEMORY sets another (such as 6GB on a large
 * machine, where DuckDB writes less to disk and computes faster).
 */
export const DUCKDB_MEMORY_BYTES = 2 ** 30;

/**
 * The memory a worker's DuckDB (a chat export's second part appended into a file, canonicalPart.ts)
 * may take: it only appends, and its file holds the rows.
 */
export const PART_MEMORY_BYTES = 256 * 2 ** 20;

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Below this DuckDB cannot hold even a few of its blocks (256 KB each) per thread. */
const LEAST_BYTES = 64 * 2 ** 20;

/** DuckDB's memory limit in bytes: CS_KPI_DUCKDB_MEMORY's, else DUCKDB_MEMORY_BYTES. */
export function duckdbMemoryBytes(given = process.env.CS_KPI_DUCKDB_MEMORY): number {
  if (given === undefined || given.trim() === '') return DUCKDB_MEMORY_BYTES;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(given);
  const unit = match ? UNITS[(match[2] as string).toLowerCase()] : undefined;
  const bytes = match && unit ? Math.floor(Number(match[1]) * unit) : Number.NaN;
  if (!(bytes >= LEAST_BYTES))
    throw new UsageError(
      `CS_KPI_DUCKDB_MEMORY is the memory DuckDB may take before it writes to its temporary folder, a size of at least 64MiB such as 2GB, 1536MiB or 3000000000 (bytes); got "${given}".`,
    );
  return bytes;
}

/** A size as DuckDB's settings take it. */
export function duckdbSize(bytes: number): string {
  return `${Math.floor(bytes / 2 ** 20)}MiB`;
}
