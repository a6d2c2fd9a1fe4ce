import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Whether a CSV file is one that DuckDB's CSV reader and Papa Parse (the importer's) split alike,
 * checked on the file's bytes before DuckDB reads it (nativeCsv.ts). The two parsers agree on a file
 * written strictly: every quote opens a field or closes it (doubled inside), every record has the
 * header's number of fields, one line ending throughout. They part where a file is not: DuckDB reads
 * `a, "b"` as `b` where Papa Parse keeps ` "b"`, drops the empty cell a row ends with past the header's
 * columns (which the importer refuses as a spilt row), and reads nothing of a quote never closed at the
 * end of the file; so any such file is left to the importer. Quoted cells may hold any bytes (line
 * breaks too): both parsers keep them as written.
 */
export type CsvShape = { records: number } | { refused: string };

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const CHUNK_BYTES = 8 << 20;

/** The scanner's states, outside quotes unless said. */
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote seen inside a quoted field: doubled (an escaped quote) or the field's end. */
const QUOTE_IN_QUOTED = 3;
/** A carriage return outside quotes: a line feed must follow. */
const AFTER_CR = 4;

/**
 * Scans `path` (UTF-8, a BOM allowed) for the shape above with `delimiter` (one ASCII byte) and
 * `columns` fields a record: the data records (the header and blank lines not counted), or why not.
 */
export function csvShape(path: string, delimiter: string, columns: number): CsvShape {
  const delim = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || delim > 0x7e || delim === QUOTE || delim === CR || delim === LF)
    return { refused: `the delimiter ${JSON.stringify(delimiter)} is not one ASCII character` };
  // Bytes above this one are plain cell content outside quotes: the loop's fast path.
  const highest = Math.max(delim, QUOTE, CR, LF);
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES + 4);
  let carried = 0;
  let state = FIELD_START;
  let fields = 0;
  /** Whether the record under way has any byte: a line with none is blank (both parsers skip it). */
  let begun = false;
  /** Line ending: 0 not seen yet, LF, or CR (CR LF). */
  let newline = 0;
  let records = 0;
  let first = true;
  let offset = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, carried, CHUNK_BYTES, null);
      const length = carried + read;
      // A character cut by the chunk's end waits for the next chunk, so that each chunk is whole UTF-8.
      const cut = read === 0 ? length : wholeCharacters(buffer, length);
      const bytes = buffer.subarray(0, cut);
      if (!isUtf8(bytes)) return { refused: 'it is not UTF-8 throughout' };
      let i = 0;
      if (first) {
        first = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
      }
      const refuse = (what: string) => ({
        refused: `${what} (byte ${offset + i + 1})`,
      });
      for (; i < cut; i++) {
        const b = bytes[i] as number;
        if (state === UNQUOTED) {
          if (b > highest) continue;
          if (b === delim) {
            fields++;
            state = FIELD_START;
          } else if (b === QUOTE) return refuse('a quote inside an unquoted cell');
          else if (b === LF || b === CR) {
            const end = endLine(b);
            if (end) return refuse(end);
          }
          continue;
        }
        if (state === FIELD_START) {
          if (b === QUOTE) {
            state = QUOTED;
            begun = true;
          } else if (b === delim) {
            fields++;
            begun = true;
          } else if (b === LF || b === CR) {
            const end = endLine(b);
            if (end) return refuse(end);
          } else {
            state = UNQUOTED;
            begun = true;
          }
          continue;
        }
        if (state === QUOTED) {
          if (b === QUOTE) state = QUOTE_IN_QUOTED;
          continue;
        }
        if (state === QUOTE_IN_QUOTED) {
          if (b === QUOTE) state = QUOTED;
          else if (b === delim) {
            fields++;
            state = FIELD_START;
          } else if (b === LF || b === CR) {
            const end = endLine(b);
            if (end) return refuse(end);
          } else return refuse('text after a quoted cell’s closing quote');
          continue;
        }
        // AFTER_CR
        if (b !== LF) return refuse('a carriage return not followed by a line feed');
        const end = endRecord();
        if (end) return refuse(end);
      }
      offset += cut;
      buffer.copy(buffer, 0, cut, length);
      carried = length - cut;
      if (read === 0) break;
    }
  } finally {
    closeSync(fd);
  }
  if (state === QUOTED) return { refused: 'a quoted cell never ends' };
  if (state === AFTER_CR) return { refused: 'the file ends in a carriage return' };
  if (begun) {
    const end = endRecord();
    if (end) return { refused: end };
  }
  // The header is the first record (nativeCsv.ts reads only files whose header is on the first line).
  return { records: Math.max(0, records - 1) };

  /** A line break outside quotes: LF, or CR (then LF must follow), alike throughout the file. */
  function endLine(b: number): string | null {
    if (newline === 0) newline = b;
    if (b !== newline)
      return newline === LF
        ? 'a carriage return in a file whose lines end in line feeds'
        : 'a line feed without a carriage return in a file whose lines end in both';
    if (b === CR) {
      state = AFTER_CR;
      return null;
    }
    return endRecord();
  }

  function endRecord(): string | null {
    state = FIELD_START;
    if (!begun) return null;
    const count = fields + 1;
    fields = 0;
    begun = false;
    if (count !== columns) return `a record of ${count} fields where the header has ${columns}`;
    records++;
    return null;
  }
}

/** How many of the buffer's first `length` bytes end on a whole UTF-8 character. */
function wholeCharacters(buffer: Buffer, length: number): number {
  let lead = length - 1;
  while (lead > 0 && lead > length - 4 && ((buffer[lead] as number) & 0xc0) === 0x80) lead--;
  const byte = buffer[lead] as number;
  const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead >= 0 && length - lead < size ? lead : length;
}
