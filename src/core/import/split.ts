/**
 * Where to cut an export's bytes in two at a record boundary, so that the parts can be read on two
 * cores at once. The cut is found by following the quoting of RFC 4180 byte by byte (a quote opens a
 * field only at the field's start; a doubled quote inside one is a quote), never by guessing; anything
 * the rules do not cover plainly gives no cut, and the file is read in one piece as before. Bytes after
 * the cut's look-ahead (see LOOKAHEAD) are read the same way whole or in parts, so they are not followed.
 * Only for encodings in which the delimiter, quote and line feed bytes never occur inside a character
 * (UTF-8, GB18030); not for UTF-16.
 */
export interface RecordCut {
  /** Byte just after the header row (and any title rows above it). */
  headerEnd: number;
  /** Byte where the second part starts: the start of a record. */
  cut: number;
  /** Rows of the file before the cut, header and title rows included, as Papa Parse numbers them. */
  rowsBeforeCut: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * How far past the cut the line endings are checked. After a record boundary, the whole file and the
 * second part are the same bytes read the same way, but for the one thing Papa Parse decides from the
 * start of its input: the line ending, from the first million characters (4 MB of UTF-8 at most).
 */
export const LOOKAHEAD = 4 * 2 ** 20;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

/**
 * @param rowsThroughHeader rows up to and including the header row
 * @param share how much of the data goes before the cut (0.5: half)
 */
export function findRecordCut(
  bytes: Uint8Array,
  delimiter: string,
  rowsThroughHeader: number,
  share: number,
): RecordCut | null {
  if (delimiter.length !== 1) return null;
  const separator = delimiter.charCodeAt(0);
  if (separator === QUOTE || separator === LF || separator === CR || separator > 0x7f) return null;
  let state = FIELD_START;
  let rows = 0;
  let headerEnd = -1;
  let target = Number.POSITIVE_INFINITY;
  // Papa Parse takes one line ending for the whole file: a file that mixes them is not cut.
  let crlf: boolean | null = null;
  let cut: RecordCut | null = null;
  // Where the next quote and carriage return are: a line without either is one whole record, passed
  // over with indexOf instead of byte by byte.
  let nextQuote = -1;
  let nextCr = -1;
  for (let i = 0; i < bytes.length; i++) {
    if (state === FIELD_START) {
      const lf = bytes.indexOf(LF, i);
      if (lf < 0) break;
      if (nextQuote < i && nextQuote !== Number.POSITIVE_INFINITY) {
        nextQuote = bytes.indexOf(QUOTE, i);
        if (nextQuote < 0) nextQuote = Number.POSITIVE_INFINITY;
      }
      if (nextCr < i && nextCr !== Number.POSITIVE_INFINITY) {
        nextCr = bytes.indexOf(CR, i);
        if (nextCr < 0) nextCr = Number.POSITIVE_INFINITY;
      }
      if (nextQuote > lf && (nextCr >= lf - 1 || nextCr < i)) i = lf; // on to the line feed itself
    }
    const byte = bytes[i] as number;
    if (state === QUOTED) {
      if (byte === QUOTE) state = QUOTE_IN_QUOTED;
      continue;
    }
    if (state === QUOTE_IN_QUOTED) {
      if (byte === QUOTE) state = QUOTED;
      else if (byte === separator) state = FIELD_START;
      else if (byte === CR && bytes[i + 1] === LF) state = UNQUOTED;
      else if (byte !== LF) return null;
    } else if (byte === separator) {
      state = FIELD_START;
      continue;
    } else if (state === FIELD_START && byte === QUOTE) {
      state = QUOTED;
      continue;
    } else if (byte === CR && bytes[i + 1] !== LF) {
      return null; // a bare CR ends rows for Papa Parse, not for this count
    } else if (byte !== LF) {
      state = UNQUOTED;
      continue;
    }
    if (byte !== LF) continue;
    const afterCr = i > 0 && bytes[i - 1] === CR;
    if (crlf === null) crlf = afterCr;
    else if (crlf !== afterCr) return null;
    rows++;
    state = FIELD_START;
    if (rows === rowsThroughHeader) {
      headerEnd = i + 1;
      target = headerEnd + Math.floor((bytes.length - headerEnd) * share);
    } else if (cut === null && i + 1 >= target && i + 1 < bytes.length) {
      cut = { headerEnd, cut: i + 1, rowsBeforeCut: rows };
    } else if (cut !== null && i >= cut.cut + LOOKAHEAD) {
      return cut;
    }
  }
  // The file ended within the look-ahead: a quote still open at its end gives no cut.
  return state === QUOTED || state === QUOTE_IN_QUOTED ? null : cut;
}
