import { displayText } from '../../src/core/sheets/displayText';
import type { FakeSheet } from '../../test/fakes/spreadsheet';

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
  /** What each cell shows: numbers and date-times through their number formats, as Sheets would. */
  shown: string[][];
  /** Column widths in pixels (Sheet.setColumnWidth; 100 where none was set). */
  widths: number[];
  charts: ChartView[];
}

/** A chart's range, read from its own tab: the first row names the series, the rest are its values. */
function column(sheet: FakeSheet, a1: string): { head: string; values: unknown[] } {
  const [head, ...values] = sheet
    .getRange(a1)
    .getValues()
    .map((row) => row[0]);
  return { head: String(head ?? ''), values };
}

export function sheetView(sheet: FakeSheet, maxRows = Number.POSITIVE_INFINITY): SheetView {
  const all = sheet.dump();
  const cells = all.slice(0, maxRows);
  const shown = cells.map((row, r) =>
    row.map((value, c) => {
      const cell = sheet.peek(r + 1, c + 1);
      return cell.formula !== '' ? cell.formula : displayText(value, cell.format);
    }),
  );
  let width = 0;
  for (const row of cells) if (row.length > width) width = row.length;
  const widths = Array.from({ length: width }, (_, c) => sheet.getColumnWidth(c + 1));
  const charts = sheet.charts.map((chart) => {
    const [categories, ...series] = chart.ranges.map((a1) => column(sheet, a1));
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
  return { name: sheet.peekName(), cells, rows: all.length, shown, widths, charts };
}
