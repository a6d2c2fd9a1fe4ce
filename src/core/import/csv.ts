import Papa from 'papaparse';

/**
 * Calls `onRow` for every row of a CSV text (quoted fields with line breaks and doubled quotes
 * included; a BOM dropped), with its 0-based index. Rows are handed over in chunks rather than
 * collected, so a large export is never held twice in memory.
 */
export function forEachCsvRow(text: string, onRow: (row: string[], index: number) => void): void {
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
    chunk: (results) => {
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

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}
