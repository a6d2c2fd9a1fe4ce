import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { AutoReplyRules } from '../core/engine/messageColumns';
import type { Message } from '../core/engine/model';
import { decodeBytes } from '../core/import/decode';
import { type ColumnMapping, importTable, type TableImport } from '../core/import/importer';
import type { Kind } from '../core/import/records';
import { ImportError } from '../core/import/warnings';
import { type ChatParts, probeTable, startSecondPart, startWorkerFor } from './parallelImport';
import { PIECE_BYTES, pieceRanges, textInPieces } from './pieces';
import { stepTimer, type Timing } from './render';

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
  /** Only count the second part's messages: `report` wants their columns, `inspect` only how many. */
  countOnly?: boolean;
  onMessage?: (message: Message) => void;
  /** Each record of another kind (not orders), as it is read (RowsRequest.onRecord). */
  onRecord?: (record: unknown) => void;
  /** A file given no zone: read in its dialect's market's, where it names one (RowsRequest.marketZones). */
  marketZones?: boolean;
  /** Read on this thread only, every message through onMessage (the DuckDB engine's stream). */
  inOnePiece?: boolean;
  /**
   * The DuckDB engine's, for a chat export: a worker reading a second part writes its canonical
   * messages into a DuckDB database file at this path (PartRequest.canonicalFile).
   */
  canonicalFile?: string;
}

/** A file read on this thread: the whole of it, or the first part while a worker reads the rest. */
export interface ExportRead<K extends Kind> {
  result: TableImport<K>;
  encoding: string;
  /** The worker's part (a large chat export), or null: the file was read in one piece. */
  parts: Pick<ChatParts, 'second'> | null;
  /** Stops the worker, if one was started. */
  stop(): void;
}

/**
 * Reads an export as `report` and `inspect` both do: a chat export of 16 MB or more on both cores (see
 * parallelImport.ts), any other in one piece; each step timed into `timings`. The file's bytes go as
 * they are decoded and its text once imported: nothing this returns keeps them.
 */
export function readExport<K extends Kind>(
  path: string,
  options: ExportOptions<K>,
  timings: Timing[],
): ExportRead<K> {
  const timed = stepTimer(timings);
  const file = basename(path);
  // Only a chat export is read in parts; without a kind, the header says whether this is one.
  const worker =
    !options.inOnePiece && (options.kind === undefined || options.kind === 'chats')
      ? startWorkerFor(path)
      : null;
  const stop = stopper(worker);
  try {
    let bytes: Uint8Array | null = timed(`read ${file}`, () => readBytes(path));
    const parts = worker
      ? timed(`cut ${file}`, () =>
          startSecondPart(
            bytes as Uint8Array,
            {
              file,
              timeZone: options.timeZone,
              overrides: options.overrides,
              ...(options.pseudonymKey ? { pseudonymKey: options.pseudonymKey } : {}),
              rules: options.rules,
              ...(options.countOnly ? { countOnly: true } : {}),
              ...(options.marketZones ? { marketZones: true } : {}),
              ...(options.canonicalFile ? { canonicalFile: options.canonicalFile } : {}),
            },
            options.share,
            options.kind === 'chats' ? 'chats' : undefined,
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
      importTable({
        file,
        text,
        ...(more ? { more } : {}),
        ...(options.kind ? { kind: options.kind } : {}),
        timeZone: options.timeZone,
        overrides: options.overrides,
        ...(options.pseudonymKey ? { pseudonymKey: options.pseudonymKey } : {}),
        ...(options.onMessage ? { onMessage: options.onMessage } : {}),
        ...(options.onRecord ? { onRecord: options.onRecord } : {}),
        ...(parts ? { continues: true } : {}),
        ...(options.marketZones ? { marketZones: true } : {}),
      }),
    ) as TableImport<K>;
    return { result, encoding, parts, stop };
  } catch (error) {
    stop();
    throw error;
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
