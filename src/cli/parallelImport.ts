import { isUtf8 } from 'node:buffer';
import { existsSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { AutoReplyRules, NameLists, RenumberedColumns } from '../core/engine/messageColumns';
import { parseCsvRows } from '../core/import/csv';
import { type ColumnMapping, importTable } from '../core/import/importer';
import { isQianniuPaste } from '../core/import/qianniuPaste';
import type { Kind } from '../core/import/records';
import { findRecordCut } from '../core/import/split';
import { isTwitterRaw } from '../core/import/twitterThreads';
import { ImportError, type ImportWarning } from '../core/import/warnings';
import type { DiskPiece, DiskPlan } from './diskPieces';

/**
 * A large chat export read on both cores: this thread reads the first part while a worker reads the
 * rest, the header row given to both. The parts meet again in file order, so the figures are those of
 * reading the file in one piece (a test compares them).
 */

/** Below this size a file is read in one piece: a worker costs more to start than it saves. */
export const PARALLEL_MIN_BYTES = Number(process.env.CS_KPI_PARALLEL_MIN_BYTES ?? 16 * 2 ** 20);

export interface PartRequest {
  file: string;
  /** The part's bytes: the header's, then the file's from the cut on; or, instead, `disk`. */
  bytes?: Uint8Array;
  /** The part on disk (the DuckDB engine's): the header's bytes, then these pieces, read by the worker. */
  disk?: { path: string; headerEnd: number; pieces: DiskPiece[] };
  timeZone: string;
  overrides: ColumnMapping;
  delimiter: string;
  /** Rows through the header row (title rows above it included), the same in the part as in the file. */
  headerRow: number;
  pseudonymKey?: string;
  rules: AutoReplyRules;
  /** Only count the messages (inspect): the part comes back without columns. */
  countOnly?: boolean;
  /** Read in the zone of the dialect's market, as the first part is (RowsRequest.marketZones). */
  marketZones?: boolean;
  /**
   * The DuckDB engine's: the part's canonical messages go into a DuckDB database file at this path
   * (sql/canonicalPart.ts), and the part comes back without columns.
   */
  canonicalFile?: string;
}

export interface PartResult {
  /** null when only counted, or written to PartRequest.canonicalFile. */
  columns: RenumberedColumns | null;
  messages: number;
  warnings: ImportWarning[];
  rows: number;
}

export interface ChatParts {
  /** The first part is the file's bytes before this one, to read on this thread. */
  cut: number;
  /** Rows through the header row, and the delimiter: what cutting the first part into pieces needs. */
  headerRow: number;
  delimiter: string;
  /**
   * The second part's result, its rows numbered as in the whole file and its names as in `names`:
   * called once the first part is read, with the names numbered by then.
   */
  second(names: NameLists): Promise<PartResult>;
  /** Stops the worker (a report that failed has no use for its part, and should not wait for it). */
  stop(): void;
}

/**
 * How much of the file's start is read to find its header row, delimiter and kind before cutting: the
 * header is within the first 30 rows (see tableReader), and delimiters are detected from the first
 * 64 KB. The probe is on the critical path while the worker waits: 256 KB cost 60–80 ms more.
 */
const PROBE_BYTES = 64 * 1024;

// The worker is built beside the command (build/importWorker.js); without it, files are read in one piece.
const WORKER_SCRIPT = new URL('./importWorker.js', import.meta.url);

/**
 * A worker for a file large enough to be read in parts, started before the file is read so that its
 * own start (loading its code, about a tenth of a second) happens meanwhile; null for a smaller file.
 * Hand it to startSecondPart, and stop it if that gives no parts.
 */
export function startWorkerFor(path: string): Worker | null {
  try {
    if (statSync(path).size < PARALLEL_MIN_BYTES || !existsSync(WORKER_SCRIPT)) return null;
  } catch {
    return null; // reading the file reports it
  }
  const worker = new Worker(WORKER_SCRIPT);
  // A worker that fails before it is given its part is noted, and the file is read in one piece.
  worker.once('error', () => stoppedEarly.add(worker));
  worker.once('exit', () => stoppedEarly.add(worker));
  return worker;
}

const stoppedEarly = new WeakSet<Worker>();

export interface TableProbe {
  kind: Kind;
  /** Rows through the header row (title rows above it included). */
  headerRow: number;
  delimiter: string;
  /** Twitter's raw tweets, threaded by reply links across the whole file. */
  twitterRaw: boolean;
}

/**
 * What a UTF-8 export's first 64 KB say about it (its kind, header row and delimiter), read as the
 * import will read it; null when the file is not UTF-8, is a 千牛 paste (turned into rows as a whole)
 * or its start cannot be read (reading the whole file then says why).
 */
export function probeTable(
  bytes: Uint8Array,
  request: Pick<PartRequest, 'file' | 'timeZone' | 'overrides'>,
  kind: Kind | undefined,
): TableProbe | null {
  if (!isUtf8(bytes)) return null;
  const head = new TextDecoder().decode(bytes.subarray(0, PROBE_BYTES), { stream: true });
  if (isQianniuPaste(head)) return null;
  try {
    const probe = importTable({
      file: request.file,
      text: head,
      ...(kind ? { kind } : {}),
      timeZone: request.timeZone,
      overrides: request.overrides,
    });
    return {
      kind: probe.kind,
      headerRow: probe.headerRow,
      delimiter: probe.delimiter,
      twitterRaw: isTwitterRaw(parseCsvRows(head)[probe.headerRow - 1] ?? []),
    };
  } catch {
    return null;
  }
}

/**
 * Starts reading the second part of a chat export in the worker started for it (startWorkerFor), or
 * returns null when the file cannot be cut safely (not UTF-8, a 千牛 paste, a raw Twitter file that
 * needs every row, quoting that does not follow the rules) or the worker stopped. `share` of the data
 * is left for this thread.
 */
export function startSecondPart(
  bytes: Uint8Array,
  request: Omit<PartRequest, 'bytes' | 'delimiter' | 'headerRow'>,
  share: number,
  /**
   * undefined: whatever the header says, read in parts only if it is a chat export. (No default: a
   * default would replace an undefined argument, and the header would never be asked.)
   */
  kind: 'chats' | undefined,
  /** The worker startWorkerFor started for the file. */
  worker: Worker,
): ChatParts | null {
  // The worker's script and the file's size were checked when the worker was started.
  if (stoppedEarly.has(worker)) return null;
  const probe = probeTable(bytes, request, kind);
  if (probe?.kind !== 'chats') return null;
  const { headerRow, delimiter } = probe;
  // Raw tweets are threaded by reply links across the whole file: never in parts.
  if (probe.twitterRaw) return null;
  const cut = findRecordCut(bytes, delimiter, headerRow, share);
  if (!cut) return null;
  const part = new Uint8Array(cut.headerEnd + bytes.length - cut.cut);
  part.set(bytes.subarray(0, cut.headerEnd));
  part.set(bytes.subarray(cut.cut), cut.headerEnd);
  const second = sendPart(
    worker,
    { ...request, bytes: part, delimiter, headerRow },
    cut.rowsBeforeCut - headerRow,
    [part.buffer as ArrayBuffer],
  );
  return { cut: cut.cut, headerRow, delimiter, ...second };
}

/**
 * Starts the worker reading the pieces of a chat export on disk after the plan's cut (diskPieces.ts),
 * itself from the file: no bytes of the file pass between the threads.
 */
export function startSecondPartFromDisk(
  plan: DiskPlan & { split: NonNullable<DiskPlan['split']> },
  request: Omit<PartRequest, 'bytes' | 'delimiter' | 'headerRow' | 'disk'>,
  table: { headerRow: number; delimiter: string },
  worker: Worker,
): Pick<ChatParts, 'second' | 'stop'> | null {
  if (stoppedEarly.has(worker)) return null;
  const disk = { path: plan.path, headerEnd: plan.headerEnd, pieces: plan.pieces.slice(plan.split.index) };
  return sendPart(worker, { ...request, ...table, disk }, plan.split.rowsBeforeCut - table.headerRow, []);
}

/** The part handed to the worker, and its result to come, its rows numbered `shift` on. */
function sendPart(
  worker: Worker,
  request: PartRequest,
  shift: number,
  transfer: ArrayBuffer[],
): Pick<ChatParts, 'second' | 'stop'> {
  worker.postMessage(request, transfer);
  const second = new Promise<PartResult>((resolve, reject) => {
    worker.once('message', (reply: PartResult | { error: string }) => {
      void worker.terminate();
      if ('error' in reply) reject(new ImportError(reply.error));
      else
        resolve({
          ...reply,
          warnings: reply.warnings.map((w) => (w.row > 0 ? { ...w, row: w.row + shift } : w)),
        });
    });
    worker.once('error', reject);
    // Settled already when the worker is stopped after replying; otherwise it died without a word.
    worker.once('exit', (code) =>
      reject(new Error(`the worker reading ${request.file} stopped (exit code ${code})`)),
    );
  });
  // A part nobody waits for any more (the report stopped at another error) is no new error.
  second.catch(() => {});
  return {
    second: (names) => {
      worker.postMessage(names);
      return second;
    },
    stop: () => void worker.terminate(),
  };
}
