import type { TabCell } from './tabs';

/** Days from 1899-12-30 (day 0 of Sheets serial dates) to 1970-01-01. */
const SERIAL_EPOCH_DAYS = 25_569;

/**
 * Text that Sheets would read as a formula (=, +, -, @) or that starts with a tab or carriage return
 * is written with a leading apostrophe, so pasted text never becomes a formula.
 */
export function sheetSafeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * A tab cell as setValues takes it: escaped text, numbers, formulas, serial date-times. In a column
 * formatted as plain text (`inTextColumn`) text is written as it is: such a cell never turns text into a
 * formula, and would keep an escaping apostrophe as part of the text.
 */
export function toSheetValue(cell: TabCell, inTextColumn = false): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell === 'string') return inTextColumn ? cell : sheetSafeText(cell);
  if (typeof cell === 'object') {
    return 'formula' in cell ? `=${cell.formula}` : cell.localTime / 86_400_000 + SERIAL_EPOCH_DAYS;
  }
  return cell;
}

/** FNV-1a of a grid's cells, to tell whether a tab changed since the add-on wrote it. */
export function fingerprint(cells: readonly (readonly unknown[])[]): string {
  let hash = 0x811c9dc5;
  for (const row of cells) {
    for (const cell of row) {
      const text =
        Object.prototype.toString.call(cell) === '[object Date]'
          ? String((cell as Date).getTime())
          : String(cell);
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
      hash = Math.imul(hash ^ 0x1e, 0x01000193);
    }
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
