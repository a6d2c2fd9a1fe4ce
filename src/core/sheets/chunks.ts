import { SETTINGS_TAB } from './settingsTab';
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

/** How many rows of `columns` cells one call reads or writes: at most `maxCells` cells, at least one row. */
export function rowsPerBlock(columns: number, maxCells = MAX_CELLS_PER_CALL): number {
  return Math.max(1, Math.floor(maxCells / columns));
}

/** Each tab's rows cut into blocks of at most `maxCells` cells (at least one row each). */
export function rowBlocks(tabs: readonly Tab[], maxCells = MAX_CELLS_PER_CALL): RowBlock[] {
  const blocks: RowBlock[] = [];
  for (const tab of tabs) {
    const width = rowsWidth(tab.rows);
    const perBlock = rowsPerBlock(width, maxCells);
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

/**
 * A spreadsheet's cells, empty ones included, may not pass 10 million (Google Drive Help, "Files you
 * can store in Google Drive"): every sheet's whole grid counts.
 */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;

export interface Grid {
  rows: number;
  columns: number;
}

/**
 * 设置 is where the team types (schemes, agents): it keeps room below and beside what the add-on wrote,
 * as a new sheet has. Every other tab is cut to its size (a new sheet is 1,000 × 26 cells, all counted).
 */
const SETTINGS_ROOM: Grid = { rows: 1000, columns: 26 };

/** The cells a chart of the default size (600 × 371 px) covers: 6 default columns, 18 default rows. */
const CHART_SPAN: Grid = { rows: 18, columns: 6 };

/** The grid a tab is written into: its rows × its widest row, at least one row and column past the frozen ones. */
export function tabGrid(tab: Pick<Tab, 'name' | 'rows' | 'frozenRows' | 'frozenColumns' | 'charts'>): Grid {
  let rows = Math.max(tab.rows.length, tab.frozenRows + 1);
  let columns = Math.max(rowsWidth(tab.rows), tab.frozenColumns + 1);
  // A chart is anchored to a cell of the grid: room for its anchor and the cells it covers.
  for (const chart of tab.charts ?? []) {
    rows = Math.max(rows, chart.anchor[0] + CHART_SPAN.rows);
    columns = Math.max(columns, chart.anchor[1] + CHART_SPAN.columns);
  }
  return tab.name === SETTINGS_TAB
    ? { rows: Math.max(rows, SETTINGS_ROOM.rows), columns: Math.max(columns, SETTINGS_ROOM.columns) }
    : { rows, columns };
}

/** A tab without its rows: what the commit of a large import needs, with its grid and whether it has formulas. */
export interface TabLayout extends Omit<Tab, 'rows'> {
  grid: Grid;
  /** Whether any cell is a formula: only then does telling edits apart need the formulas read back. */
  formulas: boolean;
}

export function layoutOf(tab: Tab): TabLayout {
  const { rows, ...rest } = tab;
  const formulas = rows.some((row) =>
    row.some((cell) => cell !== null && typeof cell === 'object' && 'formula' in cell),
  );
  return { ...rest, grid: tabGrid(tab), formulas };
}

/** The cells an import's tabs take in the spreadsheet, once written. */
export function gridCells(layouts: readonly { grid: Grid }[]): number {
  return layouts.reduce((sum, l) => sum + l.grid.rows * l.grid.columns, 0);
}
