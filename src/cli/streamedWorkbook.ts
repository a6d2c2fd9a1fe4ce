import type ExcelJS from 'exceljs';
import type { Report } from '../core/engine/report';
import type { PreviousFigures } from '../core/payPeriod/previous';
import { columnWidths, SAMPLED_ROWS } from '../core/sheets/columnWidths';
import type { TabCell } from '../core/sheets/tabModel';
import { type DetailConsultation, detailRow, TAB_NAMES } from '../core/sheets/tabs';
import { dressSheet, rowValues, sheetOptions, workbookTabs } from './workbook';

/**
 * The workbook written as it is made (exceljs' streaming writer), for `--engine duckdb`: the tabs of
 * the JS engine's workbook, cell for cell, with 明细's rows (one per consultation, which the report
 * does not hold) taken page by page from `pages` and each written out as it comes, so that JavaScript
 * holds the first SAMPLED_ROWS (its column widths come from them, as columnWidths samples them) and
 * then a page at a time. The other tabs are a few rows per agent, held until written, as in the JS
 * engine's workbook.
 */
export async function writeStreamedWorkbook(
  report: Report,
  path: string,
  pages: AsyncIterable<readonly (DetailConsultation & { firstCustomerAt: number })[]>,
  previous?: PreviousFigures,
): Promise<void> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: true,
  });
  book.creator = '客服绩效 (CS KPI)';
  const reader = pages[Symbol.asyncIterator]();
  let done = false;
  /** The next page's rows; null once every page is read. */
  const nextRows = async (): Promise<TabCell[][] | null> => {
    const next = await reader.next();
    if (next.done) done = true;
    return next.done ? null : next.value.map(detailRow);
  };
  for (const made of workbookTabs(report, previous)) {
    const detail = made.name === TAB_NAMES.detail;
    const first: TabCell[][] = [];
    while (detail && !done && first.length < SAMPLED_ROWS) first.push(...((await nextRows()) ?? []));
    const tab = detail
      ? { ...made, widths: columnWidths({ rows: [...made.rows, ...first], formats: made.formats }) }
      : made;
    // The streaming writer's sheet has the in-memory one's methods that dressSheet calls.
    const sheet = book.addWorksheet(tab.name, sheetOptions(tab)) as unknown as ExcelJS.Worksheet & {
      commit(): void;
    };
    // Column formats before any row is written out: each row's cells take them as they are made.
    dressSheet(sheet, tab, 'columns');
    for (const row of tab.rows) sheet.addRow(rowValues(row));
    dressSheet(sheet, tab, 'rows');
    if (detail) {
      for (const row of first) sheet.addRow(rowValues(row)).commit();
      while (!done) for (const row of (await nextRows()) ?? []) sheet.addRow(rowValues(row)).commit();
    }
    sheet.commit();
  }
  await book.commit();
}
