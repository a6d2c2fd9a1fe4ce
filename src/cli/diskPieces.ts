import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { findRecordCut, LOOKAHEAD } from '../core/import/split';
import { PIECE_BYTES } from './pieces';

/**
 * A chat export read from disk a piece at a time (the DuckDB engine's, whose table holds the rows):
 * JavaScript holds one piece's bytes and text, never the file's, so its memory stays flat however
 * large the export. The pieces are runs of whole records, found before any is read as pieces.ts finds
 * them in bytes held whole (core/import/split.ts follows the quoting); a file that cannot be cut so,
 * everywhere, is read as before.
 */

/** Pieces read from disk are at most about this many bytes (CS_KPI_PIECE_BYTES, when smaller). */
export const DISK_PIECE_BYTES = Math.min(PIECE_BYTES, 32 * 2 ** 20);

/** Bytes [start, end) of the file: whole records, the line ending after the last left out. */
export interface DiskPiece {
  start: number;
  end: number;
}

export interface DiskPlan {
  path: string;
  /** The pieces in file order; together with the line endings between them, the whole file. */
  pieces: DiskPiece[];
  /** Bytes through the header row (title rows above it included); -1 when the file is one piece. */
  headerEnd: number;
  /** Where a second part begins (a worker's): its first piece and the file's rows before it; or null. */
  split: { index: number; rowsBeforeCut: number } | null;
}

const CR = 0x0d;

/**
 * The pieces of a UTF-8 table on disk, and, given `share`, a cut after about that share of its bytes
 * for a second part; null when some piece is not UTF-8, the line endings differ, or the quoting gives
 * no cut for sure (the file is then read whole, as before). The file is read through once.
 */
export function planDiskPieces(
  path: string,
  table: { delimiter: string; headerRow: number },
  share: number | null,
  pieceBytes = DISK_PIECE_BYTES,
): DiskPlan | null {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(Math.min(size, pieceBytes + LOOKAHEAD + 2 ** 20));
    const pieces: DiskPiece[] = [];
    const target = share === null ? Number.POSITIVE_INFINITY : Math.floor(size * share);
    let split: DiskPlan['split'] = null;
    let headerEnd = -1;
    let start = 0;
    let rows = 0;
    let crlf: boolean | null = null;
    for (;;) {
      const splitting = split === null && target < size;
      const want = splitting ? Math.min(pieceBytes, Math.max(1, target - start)) : pieceBytes;
      const rest = size - start;
      const length = Math.min(rest, buffer.length);
      readFully(fd, buffer, length, start);
      const window = buffer.subarray(0, length);
      if (rest <= want) {
        if (!isUtf8(window)) return null;
        pieces.push({ start, end: size });
        return { path, pieces, headerEnd, split };
      }
      const cut = findRecordCut(window, table.delimiter, start === 0 ? table.headerRow : 1, want / length);
      if (!cut) {
        // Near the end, no record may end after the cut asked for: the rest is the last piece.
        if (length === rest && splitting && rest <= pieceBytes) {
          if (!isUtf8(window)) return null;
          pieces.push({ start, end: size });
          return { path, pieces, headerEnd, split };
        }
        return null;
      }
      const afterCr = window[cut.cut - 2] === CR;
      if (crlf !== null && afterCr !== crlf) return null;
      crlf = afterCr;
      if (!isUtf8(window.subarray(0, cut.cut))) return null;
      if (start === 0) headerEnd = cut.headerEnd;
      pieces.push({ start, end: start + cut.cut - (afterCr ? 2 : 1) });
      rows += cut.rowsBeforeCut;
      start += cut.cut;
      if (splitting && (start >= target || want < pieceBytes))
        split = { index: pieces.length, rowsBeforeCut: rows };
    }
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, buffer: Uint8Array, length: number, position: number): void {
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position + read);
    if (n === 0)
      throw new Error(`the file ended before byte ${position + length}: was it changed while read?`);
    read += n;
  }
}

/**
 * The text of `pieces` of the file, read from disk: the first (after the bytes `head`, the header's,
 * when given) at once, the others only as they are asked for, each into the same buffer.
 */
export function diskText(
  path: string,
  pieces: readonly DiskPiece[],
  head?: DiskPiece,
): { text: string; more: Iterable<string> } {
  const [first, ...others] = pieces as [DiskPiece, ...DiskPiece[]];
  const largest = Math.max(...pieces.map((p) => p.end - p.start)) + (head ? head.end - head.start : 0);
  const buffer = Buffer.allocUnsafe(largest);
  const fd = openSync(path, 'r');
  let text: string;
  try {
    let at = 0;
    for (const piece of head ? [head, first] : [first]) {
      readFully(fd, buffer.subarray(at), piece.end - piece.start, piece.start);
      at += piece.end - piece.start;
    }
    // As decodeBytes decodes a whole file: a byte order mark at its start is dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, at));
  } finally {
    closeSync(fd);
  }
  return {
    text,
    more: {
      *[Symbol.iterator]() {
        const fd = openSync(path, 'r');
        try {
          for (const piece of others) {
            const length = piece.end - piece.start;
            readFully(fd, buffer, length, piece.start);
            // Within a file, a U+FEFF starting a record is text, as in the whole file's one text.
            yield new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
              buffer.subarray(0, length),
            );
          }
        } finally {
          closeSync(fd);
        }
      },
    },
  };
}
