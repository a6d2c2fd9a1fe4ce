import type { Tab } from './tabs';

/**
 * google.script.run has no documented size limit; a few MB a call is known to work. A tab set larger
 * than this many cells is sent in blocks of rows instead of in one call.
 */
export const MAX_CELLS_PER_CALL = 150_000;

export function cellCount(tabs: readonly Tab[]): number {
  return tabs.reduce((sum, tab) => sum + tab.rows.reduce((n, row) => n + row.length, 0), 0);
}

/**
 * The widest row's length (at least 1). A loop, not Math.max(...rows): spreading ~125,000 rows into
 * one call overflows V8's stack ("Maximum call stack size exceeded"), in Apps Script as in a browser.
 */
export function rowsWidth(rows: readonly (readonly unknown[])[]): number {
  let width = 1;
  for (const row of rows) if (row.length > width) width = row.length;
  return width;
}

export interface RowBlock {
  name: string;
  /** 1-based row of the block's first row. */
  startRow: number;
  rows: Tab['rows'];
  formats: Tab['formats'];
}

/** Each tab's rows cut into blocks of at most `maxCells` cells (at least one row each). */
export function rowBlocks(tabs: readonly Tab[], maxCells = MAX_CELLS_PER_CALL): RowBlock[] {
  const blocks: RowBlock[] = [];
  for (const tab of tabs) {
    const width = rowsWidth(tab.rows);
    const perBlock = Math.max(1, Math.floor(maxCells / width));
    for (let start = 0; start < tab.rows.length; start += perBlock) {
      blocks.push({
        name: tab.name,
        startRow: start + 1,
        rows: tab.rows.slice(start, start + perBlock),
        formats: tab.formats,
      });
    }
  }
  return blocks;
}

/** A tab without its rows: what the commit of a large import needs. */
export function withoutRows(tab: Tab): Omit<Tab, 'rows'> {
  const { rows: _rows, ...rest } = tab;
  return rest;
}
