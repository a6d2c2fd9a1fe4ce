import Papa from 'papaparse';
import { forEachCsvRow, guessNewline } from './csv';
import { refuseGarbledText } from './decode';
import { isQianniuPaste, QIANNIU_HEADER, qianniuRows } from './qianniuPaste';
import type { Kind } from './records';
import { DELIMITERS, type RowsRequest, readRows, type TableImport } from './tableReader';
import { ImportError } from './warnings';

export type { ColumnMapping, FieldMatch, TableImport } from './tableReader';
export { detectKind } from './tableReader';

/** What readRows takes, from a text: the delimiter is detected unless one is given. */
export type ImportRequest = Omit<RowsRequest, 'delimiter'> & {
  text: string;
  /** Forces a delimiter; by default it is detected. */
  delimiter?: string;
  /**
   * The rest of a text too long for one JavaScript string (the command line's largest exports): the
   * table's text is `text` and these pieces joined by its line ending, each piece starting a record.
   * Taken one at a time, so only one piece is held as text.
   */
  more?: Iterable<string>;
};

/** The delimiter that splits the first lines into the most consistent number of columns. */
export function detectDelimiter(text: string): string {
  const lines = text
    .slice(0, 65_536)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 30);
  let best = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((l) => l.replace(/"[^"]*"/g, '').split(delimiter).length - 1);
    const modal = mode(counts.filter((c) => c > 0));
    if (modal === 0) continue;
    const score = counts.filter((c) => c === modal).length * Math.log2(modal + 1);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function mode(values: number[]): number {
  const tally = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const n = (tally.get(v) ?? 0) + 1;
    tally.set(v, n);
    if (n > bestCount || (n === bestCount && v > best)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Reads one export: detects the delimiter and the header row (skipping title lines above it), maps
 * each field to a column (user's choice, recognized dialect, or header synonyms), converts every row,
 * and reports what it could not read by file, row and column.
 */
export function importTable<K extends Kind>(request: ImportRequest & { kind: K }): TableImport<K>;
export function importTable(request: ImportRequest): TableImport;
export function importTable(request: ImportRequest): TableImport {
  const { file } = request;
  const body = request.text.charCodeAt(0) === 0xfeff ? request.text.slice(1) : request.text;
  if (body.trim() === '') {
    throw new ImportError(`${file}: the file is empty; export it again with its header row.`);
  }
  refuseGarbledText(body, file);
  if ((request.kind === undefined || request.kind === 'chats') && isQianniuPaste(body)) {
    // A chat copied from a 千牛 window: the agent override names the agent's nickname.
    const agentNick = request.overrides?.agent;
    const { rows, problem } = qianniuRows(
      body,
      typeof agentNick === 'string' ? [agentNick] : (agentNick ?? []),
    );
    if (problem)
      throw new ImportError(`${file}: this looks like chat text copied from 千牛, but ${problem}.`);
    const { agent: _agent, ...rest } = request.overrides ?? {};
    const result = importTable({
      ...request,
      text: Papa.unparse({ fields: QIANNIU_HEADER, data: rows }),
      kind: 'chats',
      overrides: rest,
      delimiter: ',',
    });
    result.notes.unshift('read as chat text copied from 千牛 (one message per nickname-and-time line)');
    return result;
  }
  const delimiter = request.delimiter ?? detectDelimiter(body);
  const { text: _text, more, ...rest } = request;
  return readRows({ ...rest, delimiter }, (push, warn) => {
    const onUnterminatedQuote = (row: number) =>
      warn({
        file,
        row: row + 1,
        column: '',
        message:
          'a quoted field never ends: the file may be cut off; the row is skipped. Check the last rows of the export, or export it again',
      });
    if (!more) {
      forEachCsvRow(body, push, { delimiter, onUnterminatedQuote });
      return;
    }
    // Each piece numbered on from the last, split with the line ending the first piece has; the
    // pieces are taken one by one (never spread), so that only one is held as text at a time.
    const newline = guessNewline(body, delimiter);
    let before = 0;
    const readPiece = (piece: string) => {
      let rows = 0;
      const offset = before;
      forEachCsvRow(
        piece,
        (row, index) => {
          rows = index + 1;
          push(row);
        },
        { delimiter, newline, onUnterminatedQuote: (row) => onUnterminatedQuote(offset + row) },
      );
      before += rows;
    };
    readPiece(body);
    for (const piece of more) readPiece(piece);
  });
}
