import { displayText } from '../../src/core/sheets/displayText';
import type { FakeSheet, FakeSpreadsheet } from '../../test/fakes/spreadsheet';
import { type FormulaValue, formulaValues } from './formulas';

/** A chart as the preview draws it: its categories and, per series, a name and a value per category. */
export interface ChartView {
  type: string;
  title: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/** A tab as the preview shows it: each cell's text as its number format shows it, widths, charts. */
export interface SheetView {
  name: string;
  /** What each cell holds (a formula's text for a formula cell), of the first rows shown. */
  cells: unknown[][];
  /** How many rows the tab has. */
  rows: number;
  /**
   * What each cell shows: numbers and date-times through their number formats, as Sheets would; a
   * formula cell its value (the formula's text for a formula the preview does not evaluate).
   */
  shown: string[][];
  /** Each shown cell's note ('' where none): Sheets shows it when the pointer rests on the cell. */
  notes: string[][];
  /** Column widths in pixels (Sheet.setColumnWidth; 100 where none was set). */
  widths: number[];
  charts: ChartView[];
}

export function sheetView(
  sheet: FakeSheet,
  maxRows = Number.POSITIVE_INFINITY,
  spreadsheet?: FakeSpreadsheet,
): SheetView {
  const formulas = spreadsheet ? formulaValues(spreadsheet) : null;
  /** A cell's value, its formula's when there is one (null: a formula the preview does not evaluate). */
  const valueAt = (row: number, column: number): FormulaValue | null => {
    const cell = sheet.peek(row, column);
    if (cell.formula === '') return cell.value as FormulaValue;
    return formulas?.formulaValue(sheet, row, column) ?? null;
  };
  const all = sheet.dump();
  const cells = all.slice(0, maxRows);
  const shown = cells.map((row, r) =>
    row.map((_, c) => {
      const cell = sheet.peek(r + 1, c + 1);
      const value = valueAt(r + 1, c + 1);
      return value === null ? cell.formula : displayText(value, cell.format);
    }),
  );
  const notes = cells.map((row, r) => row.map((_, c) => sheet.peek(r + 1, c + 1).note ?? ''));
  let width = 0;
  for (const row of cells) if (row.length > width) width = row.length;
  const widths = Array.from({ length: width }, (_, c) => sheet.getColumnWidth(c + 1));
  /** A chart's range, read from its own tab: the first row names the series, the rest are its values. */
  const column = (a1: string) => {
    const range = sheet.getRange(a1);
    const [head, ...values] = Array.from({ length: range.numRows }, (_, i) =>
      valueAt(range.row + i, range.column),
    );
    return { head: String(head ?? ''), values };
  };
  const charts = sheet.charts.map((chart) => {
    const [categories, ...series] = chart.ranges.map(column);
    return {
      type: chart.type,
      title: String(chart.options.title ?? ''),
      categories: (categories?.values ?? []).map(String),
      series: series.map((s) => ({
        name: s.head,
        values: s.values.map((v) => (typeof v === 'number' ? v : null)),
      })),
    };
  });
  return { name: sheet.peekName(), cells, rows: all.length, shown, notes, widths, charts };
}
