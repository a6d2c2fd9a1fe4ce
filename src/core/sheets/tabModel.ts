import type { PeriodChange } from '../payPeriod/previous';

/**
 * The shape of a tab as plain data: the add-on writes it with setValues, the command line as an
 * .xlsx. Apart from tabs.ts, which builds the tabs, so the scorecard it calls can share the shape.
 */

/** A cell: a value, or a formula (written as such, never escaped). */
export type TabCell = string | number | boolean | null | { formula: string } | { localTime: number };

export interface ConditionalRule {
  /** A1 range, e.g. "C2:C9". */
  range: string;
  /** A formula on the range's first cell, e.g. AND(C2<>"",C2>=INDIRECT("'设置'!E2")). */
  formula: string;
  fill: 'good' | 'bad';
}

/** A column chart drawn from ranges of its own tab, the first row of each range as the series name. */
export interface ChartSpec {
  title: string;
  /** A1 ranges: the categories first, then one per series. */
  ranges: string[];
  /** 1-based row and column of the chart's top-left corner. */
  anchor: [number, number];
}

/** A note on a cell: 0-based row and column in the tab's rows. */
export interface CellNote {
  row: number;
  column: number;
  note: string;
}

/** A figure shown greyed with a note on its cell: one over too few cases (样本不足：2 < 5). */
export type FlaggedCell = CellNote;

/**
 * The words of the indicator tabs' notes that Code.js does not carry (headerNotes.ts builds them in
 * the sheet's language): each report column's header note (definition and settings), and what a
 * change column compares with.
 */
export interface NoteWords {
  header(columnId: string): string | null;
  /** A change column's header note: the previous period, agents gone, settings that differ. */
  change(change: PeriodChange): string;
  /** The note on the name of an agent the previous period does not have. */
  newAgent(change: PeriodChange): string;
}

export interface Tab {
  name: string;
  rows: TabCell[][];
  /** Number format per column (null: general). */
  formats: (string | null)[];
  frozenRows: number;
  frozenColumns: number;
  conditional: ConditionalRule[];
  charts?: ChartSpec[];
  /** Figures greyed with a note; the writers clear every other note of the tab. */
  flagged?: FlaggedCell[];
  /**
   * Notes on cells not greyed: the definition behind each indicator header, what a change column
   * compares with. Written with the flags' (in Sheets as notes, in the .xlsx as comments).
   */
  notes?: CellNote[];
  /** Column widths in pixels, header row wrapped (columnWidths.ts); none: the sheet's defaults. */
  widths?: number[];
}
