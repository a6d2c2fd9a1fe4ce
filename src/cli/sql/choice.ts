import { statSync } from 'node:fs';
import { freemem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { type ReportOptions, UsageError } from '../options';
import { SQL_KINDS } from './coverage';

/** DuckDB cannot give the JS engine's figures for this report: said, never a different number. */
export class EngineRefusal extends Error {}

/**
 * The JS engine's peak memory for a report on exports of this many bytes: a base and a slope drawn
 * above every month `npm run bench` measured on a quiet machine (2026-12-06, README's Speed section):
 * 545 MiB for the 1M-message month's 94.5 MiB of CSV (the line: 547), 2,077 MiB for 5M's 465 MiB
 * (2,103), 6,939 MiB for 20M's 1,889 MiB with its heap limit raised (8,084). It keeps every message's
 * columns until the end, so it grows with the exports; DuckDB's stays within its memory limit
 * (memory.ts) and spills the rest to disk.
 */
export function jsEnginePeakBytes(exportBytes: number): number {
  return JS_BASE_BYTES + JS_BYTES_PER_EXPORT_BYTE * exportBytes;
}
const JS_BASE_BYTES = 150 * 2 ** 20;
const JS_BYTES_PER_EXPORT_BYTE = 4.2;

/**
 * What the JS engine may take here: this process's JavaScript heap limit (Node's default is about
 * 4 GiB on a 64-bit machine; --max-old-space-size sets another) or the machine's free memory, the
 * less. Past the heap limit Node stops with "JavaScript heap out of memory" and no report.
 */
export function memoryRoom(): { heap: number; free: number } {
  return { heap: getHeapStatistics().heap_size_limit, free: freemem() };
}

export interface EngineChoice {
  engine: 'js' | 'duckdb';
  /** Why auto chose DuckDB, said on stderr before the exports are read; null when asked or JS. */
  why: string | null;
}

/**
 * The engine that computes this report: as asked, or for auto the JS engine, the faster at every size
 * measured (5.1 s against 10.1 s at 1M messages, 26.1 s against 41.9 s at 5M), unless it would not fit
 * in memory: then DuckDB, which gives the same figures within its memory limit. CS_KPI_DUCKDB_FROM_BYTES
 * sets a size of chat exports from which auto takes DuckDB instead of judging by memory (0: always).
 */
export function chooseEngine(options: ReportOptions, room = memoryRoom()): EngineChoice {
  const refusal = duckdbRefusal(options);
  if (options.engine === 'duckdb') {
    if (refusal)
      throw new EngineRefusal(
        `--engine duckdb does not compute this report yet: ${refusal}. Use --engine js.`,
      );
    return { engine: 'duckdb', why: null };
  }
  if (options.engine === 'js' || refusal) return { engine: 'js', why: null };
  const fromBytes = duckdbFromBytes();
  if (fromBytes !== null) {
    const chatBytes = (options.files.chats ?? []).reduce((sum, path) => sum + sizeOf(path), 0);
    return { engine: chatBytes >= fromBytes ? 'duckdb' : 'js', why: null };
  }
  const exportBytes = Object.values(options.files)
    .flat()
    .reduce((sum, path) => sum + sizeOf(path as string), 0);
  const needs = jsEnginePeakBytes(exportBytes);
  const may = Math.min(room.heap, room.free);
  if (needs <= may) return { engine: 'js', why: null };
  return {
    engine: 'duckdb',
    why: `DuckDB computes this report (the same figures): the JS engine would need about ${sizeText(needs)} for these ${sizeText(exportBytes)} of exports, more than it may take here (${sizeText(room.heap)} of JavaScript heap, ${sizeText(room.free)} of memory free). --engine js chooses it all the same.`,
  };
}

/** A size as people read it: 1.9 GiB, 312 MiB, 40 KiB. */
function sizeText(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  if (bytes >= 2 ** 20) return `${Math.round(bytes / 2 ** 20)} MiB`;
  return `${Math.ceil(bytes / 2 ** 10)} KiB`;
}

/** CS_KPI_DUCKDB_FROM_BYTES as a size, or null when it is not set. */
function duckdbFromBytes(): number | null {
  const given = process.env.CS_KPI_DUCKDB_FROM_BYTES;
  if (given === undefined || given === '') return null;
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

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the import says what is wrong with the file
  }
}
