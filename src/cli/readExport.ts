import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { AutoReplyRules } from '../core/engine/messageColumns';
import type { Message } from '../core/engine/model';
import { decodeBytes } from '../core/import/decode';
import { type ColumnMapping, importTable, type TableImport } from '../core/import/importer';
import { joinOrderParts } from '../core/import/orderParts';
import type { Kind } from '../core/import/records';
import type { ReadingContext } from '../core/import/tableReader';
import { ImportError } from '../core/import/warnings';
import { type DiskPiece, diskText, planDiskPieces } from './diskPieces';
import { type OrderRowsBlock, orderRowsOf } from './orderRows';
import {
  type ChatParts,
  ORDER_FIRST_PART_SHARE,
  probeTable,
  startSecondPart,
  startSecondPartFromDisk,
  startWorkerFor,
} from './parallelImport';
import { decodeOwnPart, PIECE_BYTES, pieceRanges, textInPieces } from './pieces';
import { stepTimer, type Timing, timedWait } from './render';

/** The file's bytes; a file that cannot be read is said in words, never as the system's code (ENOENT). */
export function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ImportError(unreadable(path, error as NodeJS.ErrnoException));
  }
}

function unreadable(path: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `there is no file ${path} (looked for in ${resolve(dirname(path))}). Check the file's name and folder, or give its full path.`;
    case 'EISDIR':
      return `${path} is a folder, not an export: give the file inside it, for example ${join(path, 'orders.csv')}.`;
    case 'EACCES':
    case 'EPERM':
      return `${path} cannot be opened: this user is not allowed to read it. Copy the export somewhere of yours, or ask for read access.`;
    default:
      return `${path} cannot be read: ${error.message}`;
  }
}

export interface ExportOptions<K extends Kind> {
  /** undefined: whatever the header says. */
  kind: K | undefined;
  timeZone: string;
  overrides: ColumnMapping;
  pseudonymKey?: string;
  /** How the worker marks auto replies in a chat export's second part. */
  rules: AutoReplyRules;
  /** How much of a large chat export this thread reads. */
  share: number;
  /** How much of a large order export this thread reads (ORDER_FIRST_PART_SHARE unless said). */
  orderShare?: number;
  /** Only count the second part's messages: `report` wants their columns, `inspect` only how many. */
  countOnly?: boolean;
  onMessage?: (message: Message) => void;
  /** Each record of another kind (not orders), as it is read (RowsRequest.onRecord). */
  onRecord?: (record: unknown) => void;
  /** A file given no zone: read in its dialect's market's, where it names one (RowsRequest.marketZones). */
  marketZones?: boolean;
  /**
   * Read on this thread only: every message through onMessage (the DuckDB engine's stream), or an
   * order export while a worker still reads a chat export's part (`report`).
   */
  inOnePiece?: boolean;
  /**
   * The DuckDB engine's, for a chat export: a worker reading a second part writes its canonical
   * messages into a DuckDB database file at this path (PartRequest.canonicalFile).
   */
  canonicalFile?: string;
  /**
   * The DuckDB engine's, for a chat export: read from disk a piece at a time, by each thread its own
   * part (diskPieces.ts), where the file can be cut into pieces; as before otherwise.
   */
  fromDisk?: boolean;
}

/** A file read on this thread: the whole of it, or the first part while a worker reads the rest. */
export interface ExportRead<K extends Kind> {
  /** The file's import; of a large order export read in parts, its first part's (see `joined`). */
  result: TableImport<K>;
  encoding: string;
  /** The worker's part of a large chat export, or null: the file was read in one piece. */
  parts: Pick<ChatParts, 'second'> | null;
  /**
   * A large order export read in parts: waits for the worker's part and gives the whole file's import,
   * the part's rows collapsed with this thread's (core/import/orderParts.ts); use it instead of `result`.
   */
  joined?: () => Promise<TableImport<K>>;
  /** Stops the worker, if one was started. */
  stop(): void;
}

/**
 * Reads an export as `report` and `inspect` both do: a chat or order export of 16 MB or more on both
 * cores (see parallelImport.ts), any other in one piece; each step timed into `timings`. The file's
 * bytes go as they are decoded and its text once imported: nothing this returns keeps them.
 */
export function readExport<K extends Kind>(
  path: string,
  options: ExportOptions<K>,
  timings: Timing[],
): ExportRead<K> {
  const timed = stepTimer(timings);
  const file = basename(path);
  // Only a chat or order export is read in parts; without a kind, the header says whether this is one.
  const inParts = options.kind === undefined || options.kind === 'chats' || options.kind === 'orders';
  const worker = !options.inOnePiece && inParts ? startWorkerFor(path) : null;
  // Both parts refuse times after the same clock, as one reading would.
  const now = Date.now();
  const stop = stopper(worker);
  try {
    const streamed = options.fromDisk ? readFromDisk(path, options, worker, timed) : null;
    if (streamed) return { ...streamed, stop };
    let bytes: Uint8Array | null = timed(`read ${file}`, () => readBytes(path));
    const parts = worker
      ? timed(`cut ${file}`, () =>
          startSecondPart(
            bytes as Uint8Array,
            { ...partRequest(file, options), now },
            {
              ...(options.kind !== 'orders' ? { chats: options.share } : {}),
              ...(options.kind !== 'chats' ? { orders: options.orderShare ?? ORDER_FIRST_PART_SHARE } : {}),
            },
            options.kind === 'chats' || options.kind === 'orders' ? options.kind : undefined,
            worker,
          ),
        )
      : null;
    if (!parts) stop();
    // A part too large for one text is decoded a piece at a time, its bytes kept meanwhile (pieces.ts).
    const ownBytes = parts ? parts.cut : (bytes as Uint8Array).length;
    const ranges =
      ownBytes > PIECE_BYTES
        ? timed(`cut ${file} into pieces`, () =>
            piecesOf((bytes as Uint8Array).subarray(0, ownBytes), file, parts, options),
          )
        : null;
    // Taken out of `bytes` as they are decoded: the text is read from now on, and the bytes go meanwhile.
    const decoded: { text: string; encoding: string; more?: Iterable<string> } = timed(
      ranges
        ? `decode ${file} (the first of ${ranges.length} pieces, the others as they are read)`
        : `decode ${file}`,
      () => {
        const own = (bytes as Uint8Array).subarray(0, ownBytes);
        bytes = null;
        return ranges ? { ...textInPieces(own, ranges), encoding: 'utf-8' } : decodeBytes(own, file);
      },
    );
    const { text, encoding, more } = decoded;
    const result = timed(parts ? `import ${file} (first part)` : `import ${file}`, () =>
      importText(file, { text, ...(more ? { more } : {}) }, options, parts !== null, now),
    );
    if (parts?.kind === 'orders') {
      const joined = () => joinOrders(path, result as TableImport<'orders'>, parts, options, timings);
      return { result, encoding, parts: null, joined: joined as () => Promise<TableImport<K>>, stop };
    }
    return { result, encoding, parts, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** What the worker reading a second part is told of the export's options. */
function partRequest(file: string, options: ExportOptions<Kind>) {
  return {
    file,
    timeZone: options.timeZone,
    overrides: options.overrides,
    ...(options.pseudonymKey ? { pseudonymKey: options.pseudonymKey } : {}),
    rules: options.rules,
    ...(options.countOnly ? { countOnly: true } : {}),
    ...(options.marketZones ? { marketZones: true } : {}),
    ...(options.canonicalFile ? { canonicalFile: options.canonicalFile } : {}),
  };
}

/**
 * An order export's first part and the worker's, joined as one reading: the worker's rows collapsed
 * with this thread's as they come; read again in one piece on this thread when the worker's part was
 * read in a context the first part did not leave (orderParts.ts).
 */
async function joinOrders(
  path: string,
  first: TableImport<'orders'>,
  parts: ChatParts,
  options: ExportOptions<Kind>,
  timings: Timing[],
): Promise<TableImport<'orders'>> {
  const file = basename(path);
  const timed = stepTimer(timings);
  // An order export's part has no names to be renumbered into.
  const second = parts.second({ agents: [], customers: [], sessions: [] });
  const join = joinOrderParts(first, parts.context as ReadingContext);
  if (join) {
    const part = await timedWait(
      timings,
      `wait for ${file} (second part, its rows collapsed as they come)`,
      async () => {
        for await (const block of parts.blocks as AsyncIterable<OrderRowsBlock>)
          for (const order of orderRowsOf(block, parts.shift)) join.add(order);
        return second;
      },
    );
    return join.finish({ warnings: part.warnings, rows: part.rows, firstRows: part.firstRows ?? [] });
  }
  parts.stop();
  return timed(`import ${file} again in one piece (its start did not say how to read its end)`, () => {
    const { text, more } = decodeOwnPart(readBytes(path), file, parts);
    return importText(file, { text, ...(more ? { more } : {}) }, { ...options, kind: 'orders' }, false);
  });
}

/** The importer on a text (in pieces or one), with the export's options. */
function importText<K extends Kind>(
  file: string,
  { text, more }: { text: string; more?: Iterable<string> },
  options: ExportOptions<K>,
  continues: boolean,
  now?: number,
): TableImport<K> {
  return importTable({
    file,
    text,
    ...(more ? { more } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
    timeZone: options.timeZone,
    overrides: options.overrides,
    ...(options.pseudonymKey ? { pseudonymKey: options.pseudonymKey } : {}),
    ...(options.onMessage ? { onMessage: options.onMessage } : {}),
    ...(options.onRecord ? { onRecord: options.onRecord } : {}),
    ...(continues ? { continues: true } : {}),
    ...(options.marketZones ? { marketZones: true } : {}),
    ...(now !== undefined ? { now } : {}),
  }) as TableImport<K>;
}

/**
 * A chat export read from disk a piece at a time (fromDisk): this thread reads its part's pieces and
 * a worker, where one was started, the rest's; null when the file is not a UTF-8 chat export that can
 * be cut into pieces everywhere (it is then read as before).
 */
function readFromDisk<K extends Kind>(
  path: string,
  options: ExportOptions<K>,
  worker: Worker | null,
  timed: ReturnType<typeof stepTimer>,
): Omit<ExportRead<K>, 'stop'> | null {
  const file = basename(path);
  let start: Uint8Array;
  try {
    start = startOf(path);
  } catch {
    return null; // reading it as before says why it cannot be read
  }
  const probe = probeTable(
    start,
    { file, timeZone: options.timeZone, overrides: options.overrides },
    options.kind,
  );
  if (probe?.kind !== 'chats' || probe.twitterRaw) return null;
  const plan = timed(`cut ${file} into pieces on disk`, () =>
    planDiskPieces(path, probe, worker ? options.share : null),
  );
  if (!plan) return null;
  const split = plan.split;
  const parts =
    worker && split
      ? startSecondPartFromDisk({ ...plan, split }, partRequest(file, options), probe, worker)
      : null;
  if (!parts) worker?.terminate();
  // This thread's part: the pieces before the cut, the last with its line ending (as the bytes
  // before the cut are), or all of them.
  const own = parts && split ? plan.pieces.slice(0, split.index) : plan.pieces;
  if (parts && split) {
    const last = own.length - 1;
    own[last] = { start: (own[last] as DiskPiece).start, end: (plan.pieces[split.index] as DiskPiece).start };
  }
  const result = timed(
    `import ${file} (${parts ? 'first part, ' : ''}${own.length} ${own.length === 1 ? 'piece' : 'pieces'} read from disk)`,
    () => importText(file, diskText(path, own), options, parts !== null),
  );
  return { result, encoding: 'utf-8', parts };
}

/** The first 64 KB of a file, up to the end of its last whole line there (probeTable reads them). */
function startOf(path: string): Uint8Array {
  const bytes = Buffer.allocUnsafe(64 * 1024);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, bytes, 0, bytes.length, 0);
    const head = bytes.subarray(0, read);
    if (read < bytes.length) return head;
    return head.subarray(0, head.lastIndexOf(0x0a) + 1);
  } finally {
    closeSync(fd);
  }
}

/**
 * Where a part too large for one text is cut into pieces, from what its start says (the header row and
 * delimiter, known already when the file was cut between the cores); null when it cannot be cut.
 */
function piecesOf(
  bytes: Uint8Array,
  file: string,
  known: { headerRow: number; delimiter: string } | null,
  options: ExportOptions<Kind>,
) {
  const cutting =
    known ??
    probeTable(bytes, { file, timeZone: options.timeZone, overrides: options.overrides }, options.kind);
  return cutting && pieceRanges(bytes, cutting.delimiter, cutting.headerRow);
}

/** A worker's stop, made apart from the scope that read the file (which holds its bytes and text). */
function stopper(worker: Worker | null): () => void {
  return () => void worker?.terminate();
}
