import type ExcelJS from 'exceljs';
import type { Report } from '../core/engine/report';
import type { PreviousFigures } from '../core/payPeriod/previous';
import { noteWords } from '../core/sheets/headerNotes';
import { buildTabs, type Tab, type TabCell } from '../core/sheets/tabs';

/**
 * The add-on's tabs as an .xlsx for people without a Google account. The scorecard uses native
 * formulas (nested IF, sums) so it recalculates in Excel, LibreOffice and Google Sheets alike.
 */

const FILLS = {
  good: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFD9EAD3' } },
  bad: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF4CCCC' } },
} as const;

function cellValue(cell: TabCell): ExcelJS.CellValue {
  if (cell !== null && typeof cell === 'object') {
    // Excel has no time zones: shop-local wall-clock times are written as such.
    return 'formula' in cell ? { formula: cell.formula } : new Date(cell.localTime);
  }
  return cell;
}

/** A row's cells as exceljs takes them. */
export const rowValues = (row: readonly TabCell[]): ExcelJS.CellValue[] => row.map(cellValue);

/** What a sheet is made with: its frozen header rows and columns. */
export function sheetOptions(tab: Tab): Partial<ExcelJS.AddWorksheetOptions> {
  return { views: [{ state: 'frozen', xSplit: tab.frozenColumns, ySplit: tab.frozenRows }] };
}

/**
 * A tab's looks, the same in the workbook held in memory and the streamed one: its columns' formats
 * and widths (`columns`), then what its rows' cells carry (`rows`: notes, greyed figures, the bold
 * header, conditional formats), once those rows are in.
 */
export function dressSheet(sheet: ExcelJS.Worksheet, tab: Tab, part: 'columns' | 'rows'): void {
  if (part === 'columns') {
    tab.formats.forEach((format, i) => {
      if (format) sheet.getColumn(i + 1).numFmt = format;
    });
    // Excel measures a column in characters of its default font, about 7 px each.
    tab.widths?.forEach((px, i) => {
      sheet.getColumn(i + 1).width = Math.ceil(px / 7);
    });
    return;
  }
  // The definition behind each indicator header, what a change column compares with: as comments.
  for (const { row, column, note } of tab.notes ?? []) sheet.getCell(row + 1, column + 1).note = note;
  // A low-sample figure greyed, with its note (样本不足：2 < 5), as the add-on writes it.
  for (const flag of tab.flagged ?? []) {
    const cell = sheet.getCell(flag.row + 1, flag.column + 1);
    cell.note = flag.note;
    cell.font = { color: { argb: 'FF999999' } };
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  tab.conditional.forEach((rule, i) => {
    sheet.addConditionalFormatting({
      ref: rule.range,
      rules: [
        { type: 'expression', priority: i + 1, formulae: [rule.formula], style: { fill: FILLS[rule.fill] } },
      ],
    });
  });
}

function writeTab(book: ExcelJS.Workbook, tab: Tab) {
  const sheet = book.addWorksheet(tab.name, sheetOptions(tab));
  for (const row of tab.rows) sheet.addRow(rowValues(row));
  dressSheet(sheet, tab, 'columns');
  dressSheet(sheet, tab, 'rows');
}

/**
 * Tabs as an .xlsx. exceljs cannot draw charts: the scorecard's chart is left out. exceljs is loaded
 * here, not with the command line: it takes longer to load (about 0.4 s) than most reports take to
 * compute, and only --xlsx needs it.
 */
export async function workbookOf(tabs: readonly Tab[]): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = '客服绩效 (CS KPI)';
  for (const tab of tabs) writeTab(book, tab);
  return book;
}

/**
 * The workbook with a new 设置 (the default scheme), each indicator header with its definition as a
 * comment; with an earlier period's figures, each indicator followed by its change.
 */
export function buildWorkbook(report: Report, previous?: PreviousFigures): Promise<ExcelJS.Workbook> {
  return workbookOf(workbookTabs(report, previous));
}

/** The workbook's tabs: native formulas, Chinese headers with their notes. */
export function workbookTabs(report: Report, previous?: PreviousFigures): Tab[] {
  return buildTabs(report, {
    formulas: 'native',
    language: 'zh-CN',
    noteWords: noteWords('zh-CN', report.settings),
    ...(previous ? { previous } : {}),
  });
}

export async function writeWorkbook(report: Report, path: string, previous?: PreviousFigures): Promise<void> {
  await (await buildWorkbook(report, previous)).xlsx.writeFile(path);
}
