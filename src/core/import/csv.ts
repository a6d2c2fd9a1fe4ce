import Papa from 'papaparse';

export interface CsvOptions {
  /** The delimiter, when detected beforehand; Papa Parse guesses otherwise. */
  delimiter?: string;
  /** Called for a quoted field that never ends (a file cut off), with its 0-based row. */
  onUnterminatedQuote?: (row: number) => void;
}

/**
 * Calls `onRow` for every row of a CSV text (quoted fields with line breaks and doubled quotes
 * included; a BOM dropped), with its 0-based index. Rows are handed over in chunks rather than
 * collected, so a large export is never held twice in memory. The one place Papa Parse is set up.
 */
export function forEachCsvRow(
  text: string,
  onRow: (row: string[], index: number) => void,
  options: CsvOptions = {},
): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let index = 0;
  // Papa Parse runs chunk callbacks synchronously for string input; its types only admit them for files.
  const config: Papa.ParseConfig<string[]> & {
    chunkSize: number;
    chunk(results: Papa.ParseResult<string[]>): void;
  } = {
    header: false,
    skipEmptyLines: false,
    chunkSize: 1 << 20,
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    chunk: (results) => {
      for (const error of results.errors) {
        if (error.code === 'MissingQuotes') options.onUnterminatedQuote?.(error.row ?? 0);
      }
      for (const row of results.data) onRow(row, index++);
    },
  };
  Papa.parse<string[]>(body, config);
}

export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  forEachCsvRow(text, (row) => rows.push(row));
  return rows;
}
