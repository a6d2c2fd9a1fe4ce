import { isWideChar } from '../lib/wideChars';
import { displayText } from './displayText';
import type { Tab, TabCell } from './tabModel';

/**
 * Column widths in pixels, from what each column shows: a date-time needs its 19 characters (a
 * narrower column shows ### in Excel and LibreOffice), a number its formatted digits; a header
 * wraps (row 1 is written with wrapping on), so it widens its column only up to HEADER_MAX.
 * Widths are estimated for Arial 10 pt, Sheets' default: 7 px a digit or Latin letter, 13 px a
 * CJK character, 12 px of padding.
 */
const LATIN = 7;
const WIDE = 13;
const PADDING = 12;
const MIN = 48;
const HEADER_MAX = 112;
const MAX = 260;
/** Rows past this many add nothing a reader would see in the first screens; the work stays small. */
export const SAMPLED_ROWS = 2000;

export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWideChar(ch) ? WIDE : LATIN;
  return width;
}

function cellWidth(cell: TabCell, format: string | null): number {
  if (cell === null) return 0;
  if (typeof cell === 'number') return displayText(cell, format).length * LATIN;
  if (typeof cell === 'boolean') return 5 * LATIN;
  if (typeof cell === 'string') return textWidth(cell);
  // A formula's result is a number of the column's format; a local time shows as the format says.
  if ('localTime' in cell) return (format ?? 'yyyy-mm-dd hh:mm:ss').length * LATIN;
  return displayText(1234.5, format).length * LATIN;
}

export function columnWidths(tab: Pick<Tab, 'rows' | 'formats'>): number[] {
  const [header = [], ...body] = tab.rows;
  let columns = header.length;
  for (const row of body) if (row.length > columns) columns = row.length;
  const widths: number[] = [];
  for (let c = 0; c < columns; c++) {
    const format = tab.formats[c] ?? null;
    let widest = Math.min(cellWidth(header[c] ?? null, null), HEADER_MAX);
    const rows = Math.min(body.length, SAMPLED_ROWS);
    for (let r = 0; r < rows; r++) {
      const w = cellWidth(body[r]?.[c] ?? null, format);
      if (w > widest) widest = w;
    }
    widths.push(Math.max(MIN, Math.min(MAX, Math.ceil(widest + PADDING))));
  }
  return widths;
}
