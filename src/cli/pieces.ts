import { decodeBytes } from '../core/import/decode';
import { findRecordCut } from '../core/import/split';

/**
 * The command line's largest exports as text in pieces. JavaScript holds at most about 512 million
 * characters in one string, so a chat export of 20 million messages (1.8 GB) cannot be one text; and
 * one text of a few hundred MB costs as much memory again as its bytes. Such a file is decoded a piece
 * at a time, each piece a run of whole records (cut where the quoting rules say a record ends, as the
 * cut between the two cores is: core/import/split.ts), and importTable reads the pieces in turn.
 */

/** Pieces are at most about this many bytes; CS_KPI_PIECE_BYTES sets it (the tests make it small). */
export const PIECE_BYTES = Number(process.env.CS_KPI_PIECE_BYTES ?? 256 * 2 ** 20);

const LF = 0x0a;
const CR = 0x0d;

/**
 * Byte ranges of `bytes` (UTF-8 of one table, its header within the first `rowsThroughHeader` rows)
 * that together are the whole of it: each ends before the line ending of its last record, except the
 * last piece, which ends where the bytes do. Null when the bytes are small enough for one text, or when
 * they cannot be cut for sure (then they are read in one piece, as before).
 */
export function pieceRanges(
  bytes: Uint8Array,
  delimiter: string,
  rowsThroughHeader: number,
  pieceBytes = PIECE_BYTES,
): { start: number; end: number }[] | null {
  if (bytes.length <= pieceBytes) return null;
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  let headerRows = rowsThroughHeader;
  while (bytes.length - start > pieceBytes) {
    const rest = bytes.subarray(start);
    // A cut about pieceBytes after the start, or halfway through a rest under twice that (a cut
    // near the end might find no record ending after it); after the first piece, its first record
    // stands in for the header row findRecordCut counts from.
    const cut = findRecordCut(rest, delimiter, headerRows, Math.min(0.5, pieceBytes / rest.length));
    if (!cut) return null;
    const at = start + cut.cut;
    ranges.push({ start, end: at - (bytes[at - 2] === CR && bytes[at - 1] === LF ? 2 : 1) });
    start = at;
    headerRows = 1;
  }
  ranges.push({ start, end: bytes.length });
  return ranges;
}

/** The first piece's text, and the others decoded only as they are asked for. */
export function textInPieces(
  bytes: Uint8Array,
  ranges: readonly { start: number; end: number }[],
): { text: string; more: Iterable<string> } {
  // Only the file's first bytes can be its byte-order mark: a U+FEFF starting a later piece is a
  // character of its first cell, kept as the whole file's one text keeps it.
  const decode = (range: { start: number; end: number }, ignoreBOM: boolean) =>
    new TextDecoder('utf-8', { fatal: true, ignoreBOM }).decode(bytes.subarray(range.start, range.end));
  const [first, ...others] = ranges;
  return {
    text: decode(first as { start: number; end: number }, false),
    more: {
      *[Symbol.iterator]() {
        for (const range of others) yield decode(range, true);
      },
    },
  };
}

/**
 * A part's bytes as text: in pieces when too large for one text and the file's start says how to cut
 * it (`cutting`), in one text otherwise (decodeBytes says why when that cannot be).
 */
export function decodeOwnPart(
  bytes: Uint8Array,
  file: string,
  cutting: { headerRow: number; delimiter: string } | null,
): { text: string; encoding: string; more?: Iterable<string> } {
  const ranges = cutting && pieceRanges(bytes, cutting.delimiter, cutting.headerRow);
  if (ranges) return { ...textInPieces(bytes, ranges), encoding: 'utf-8' };
  return decodeBytes(bytes, file);
}
