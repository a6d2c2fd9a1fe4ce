import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { AutoReplyRules } from '../core/engine/messageColumns';
import type { Message } from '../core/engine/model';
import { decodeBytes } from '../core/import/decode';
import { type ColumnMapping, importTable, type TableImport } from '../core/import/importer';
import type { Kind } from '../core/import/records';
import { ImportError } from '../core/import/warnings';
import { type ChatParts, startSecondPart, startWorkerFor } from './parallelImport';
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
  /** A file given no zone: read in its dialect's market's, where it names one (RowsRequest.marketZones). */
  marketZones?: boolean;
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
  const worker = options.kind === undefined || options.kind === 'chats' ? startWorkerFor(path) : null;
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
            },
            options.share,
            options.kind === 'chats' ? 'chats' : undefined,
            worker,
          ),
        )
      : null;
    if (!parts) stop();
    // Taken out of `bytes` as they are decoded: the text is read from now on, and the bytes go meanwhile.
    const { text, encoding } = timed(`decode ${file}`, () => {
      const all = bytes as Uint8Array;
      bytes = null;
      return decodeBytes(parts ? all.subarray(0, parts.cut) : all, file);
    });
    const result = timed(parts ? `import ${file} (first part)` : `import ${file}`, () =>
      importTable({
        file,
        text,
        ...(options.kind ? { kind: options.kind } : {}),
        timeZone: options.timeZone,
        overrides: options.overrides,
        ...(options.pseudonymKey ? { pseudonymKey: options.pseudonymKey } : {}),
        ...(options.onMessage ? { onMessage: options.onMessage } : {}),
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

/** A worker's stop, made apart from the scope that read the file (which holds its bytes and text). */
function stopper(worker: Worker | null): () => void {
  return () => void worker?.terminate();
}
