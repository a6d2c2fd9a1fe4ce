import Papa from 'papaparse';

/** Rows of a CSV text, quoted fields with line breaks and doubled quotes included; a BOM is dropped. */
export function parseCsvRows(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false });
  return parsed.data;
}

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}
