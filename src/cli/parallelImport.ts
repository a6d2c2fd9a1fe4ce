import { isUtf8 } from 'node:buffer';
import { existsSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { AutoReplyRules, NameLists, RenumberedColumns } from '../core/engine/messageColumns';
import { parseCsvRows } from '../core/import/csv';
import { type ColumnMapping, importTable } from '../core/import/importer';
import { isQianniuPaste } from '../core/import/qianniuPaste';
import type { Kind } from '../core/import/records';
import { findRecordCut } from '../core/import/split';
import type { PreviewRow, ReadingContext } from '../core/import/tableReader';
import { isTwitterRaw } from '../core/import/twitterThreads';
import { ImportError, type ImportWarning } from '../core/import/warnings';
import type { DiskPiece, DiskPlan } from './diskPieces';
import type { OrderRowsBlock } from './orderRows';

/**
 * A large chat or order export read on both cores: this thread reads the first part while a worker
 * reads the rest, the header row given to both. The parts meet again in file order, so the figures are
 * those of reading the file in one piece (tests compare them). An order export's second part comes back
 * as its rows' orders, uncollapsed, to be collapsed with the first part's (core/import/orderParts.ts).
 */

/** Below this size a file is read in one piece: a worker costs more to start than it saves. */
export const PARALLEL_MIN_BYTES = Number(process.env.CS_KPI_PARALLEL_MIN_BYTES ?? 16 * 2 ** 20);

export interface PartRequest {
  file: string;
  /** What the file is: a chat export unless said. */
  kind?: 'chats' | 'orders';
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
  /** The clock both parts refuse times after (RowsRequest.now). */
  now?: number;
  /** An order export's: the context the first part's rows are expected to leave (RowsRequest.resume). */
  resume?: ReadingContext;
  /**
   * The DuckDB engine's: the part's canonical messages go into a DuckDB database file at this path
   * (sql/canonicalPart.ts), and the part comes back without columns.
   */
  canonicalFile?: string;
}

export interface PartResult {
  /** null when only counted, or written to PartRequest.canonicalFile, or an order export's. */
  columns: RenumberedColumns | null;
  messages: number;
  warnings: ImportWarning[];
  rows: number;
  /** An order export's: its first data rows (TableImport.firstRows), numbered as in the whole file. */
  firstRows?: PreviewRow[];
}

export interface ChatParts {
  kind: 'chats' | 'orders';
  /** The first part is the file's bytes before this one, to read on this thread. */
  cut: number;
  /** The second part's rows are the file's rows this many on (rows of its orders are moved on by it). */
  shift: number;
  /** An order export's: the context the second part is read in (PartRequest.resume). */
  context?: ReadingContext;
  /**
   * An order export's: its rows' orders, uncollapsed, a block at a time as the worker reads them, rows
   * numbered within the part; ends when the part is read (or the worker fails: `second` says why).
   */
  blocks?: AsyncIterable<OrderRowsBlock>;
  /** Rows through the header row, and the delimiter: what cutting the first part into pieces needs. */
  headerRow: number;
  delimiter: string;
  /**
   * The second part's result, its rows numbered as in the whole file and its names as in `names`:
   * called once the first part is read, with the names numbered by then (an order export's has none).
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
  /** What the start's whole rows leave for the rows after them (TableImport.context). */
  context: ReadingContext | null;
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
  const start = new TextDecoder().decode(bytes.subarray(0, PROBE_BYTES), { stream: true });
  if (isQianniuPaste(start)) return null;
  // Its whole lines, so that a row cut short says nothing of the context.
  const head = start.slice(0, start.lastIndexOf('\n') + 1) || start;
  try {
    const probe = importTable({
      file: request.file,
      text: head,
      ...(kind ? { kind } : {}),
      timeZone: request.timeZone,
      overrides: request.overrides,
      continues: true,
    });
    return {
      kind: probe.kind,
      headerRow: probe.headerRow,
      delimiter: probe.delimiter,
      twitterRaw: isTwitterRaw(parseCsvRows(head)[probe.headerRow - 1] ?? []),
      context: probe.context ?? null,
    };
  } catch {
    return null;
  }
}

/** The kinds of export read in parts, each with how much of its data this thread reads. */
export type PartShares = Partial<Record<'chats' | 'orders', number>>;

/**
 * How much of a large order export this thread reads when it has nothing else to read meanwhile: less
 * than half, as it then collapses the second part's rows with its own.
 */
export const ORDER_FIRST_PART_SHARE = 0.3;

/**
 * Starts reading the second part of a chat or order export in the worker started for it
 * (startWorkerFor), or returns null when the file cannot be cut safely (not UTF-8, a 千牛 paste, a raw
 * Twitter file that needs every row, quoting that does not follow the rules, an order export whose
 * start leaves rows waiting for a decimal mark or a day/month order), is of a kind not in `shares`, or
 * the worker stopped. `shares` says what of the data is left for this thread.
 */
export function startSecondPart(
  bytes: Uint8Array,
  request: Omit<PartRequest, 'bytes' | 'delimiter' | 'headerRow'>,
  shares: PartShares,
  /**
   * undefined: whatever the header says. (No default: a default would replace an undefined argument,
   * and the header would never be asked.)
   */
  kind: 'chats' | 'orders' | undefined,
  /** The worker startWorkerFor started for the file. */
  worker: Worker,
): ChatParts | null {
  // The worker's script and the file's size were checked when the worker was started.
  if (stoppedEarly.has(worker)) return null;
  const probe = probeTable(bytes, request, kind);
  if (probe?.kind !== 'chats' && probe?.kind !== 'orders') return null;
  const share = shares[probe.kind];
  if (share === undefined) return null;
  const { headerRow, delimiter } = probe;
  // Raw tweets are threaded by reply links across the whole file: never in parts.
  if (probe.twitterRaw) return null;
  // An order export's second part is read in the context its start leaves (checked when joined).
  const context = probe.kind === 'orders' ? probe.context : undefined;
  if (context === null) return null;
  const cut = findRecordCut(bytes, delimiter, headerRow, share);
  if (!cut) return null;
  const part = new Uint8Array(cut.headerEnd + bytes.length - cut.cut);
  part.set(bytes.subarray(0, cut.headerEnd));
  part.set(bytes.subarray(cut.cut), cut.headerEnd);
  const shift = cut.rowsBeforeCut - headerRow;
  const blocks = context ? blockQueue() : undefined;
  const second = sendPart(
    worker,
    {
      ...request,
      bytes: part,
      delimiter,
      headerRow,
      ...(context ? { kind: 'orders' as const, resume: context } : {}),
    },
    shift,
    [part.buffer as ArrayBuffer],
    blocks,
  );
  return {
    kind: probe.kind,
    cut: cut.cut,
    shift,
    headerRow,
    delimiter,
    ...(context && blocks ? { context, blocks } : {}),
    ...second,
  };
}

/** Blocks as the worker sends them, taken in order by one reader until the part ends. */
function blockQueue() {
  const blocks: (OrderRowsBlock | undefined)[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  const notify = () => {
    wake?.();
    wake = null;
  };
  return {
    push(block: OrderRowsBlock) {
      blocks.push(block);
      notify();
    },
    end() {
      ended = true;
      notify();
    },
    async *[Symbol.asyncIterator]() {
      for (let i = 0; ; ) {
        if (i < blocks.length) {
          const block = blocks[i] as OrderRowsBlock;
          blocks[i++] = undefined; // collapsed rows need their block no more
          yield block;
        } else if (ended) return;
        else
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
      }
    },
  };
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

/**
 * The part handed to the worker, and its result to come, its rows numbered `shift` on; an order
 * export's blocks of rows into `blocks` as they come.
 */
function sendPart(
  worker: Worker,
  request: PartRequest,
  shift: number,
  transfer: ArrayBuffer[],
  blocks?: { push(block: OrderRowsBlock): void; end(): void },
): Pick<ChatParts, 'second' | 'stop'> {
  worker.postMessage(request, transfer);
  const second = new Promise<PartResult>((resolve, reject) => {
    const onMessage = (reply: PartResult | { error: string } | { block: OrderRowsBlock }) => {
      if ('block' in reply) {
        blocks?.push(reply.block);
        return;
      }
      worker.off('message', onMessage);
      blocks?.end();
      void worker.terminate();
      if ('error' in reply) reject(new ImportError(reply.error));
      else
        resolve({
          ...reply,
          warnings: reply.warnings.map((w) => (w.row > 0 ? { ...w, row: w.row + shift } : w)),
          ...(reply.firstRows
            ? { firstRows: reply.firstRows.map((r) => ({ ...r, row: r.row + shift })) }
            : {}),
        });
    };
    worker.on('message', onMessage);
    worker.once('error', (error) => {
      blocks?.end();
      reject(error);
    });
    // Settled already when the worker is stopped after replying; otherwise it died without a word.
    worker.once('exit', (code) => {
      blocks?.end();
      reject(new Error(`the worker reading ${request.file} stopped (exit code ${code})`));
    });
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
