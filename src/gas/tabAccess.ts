import { APPEALS_TAB } from '../core/payPeriod/appeals';
import { cellText } from '../core/sheets/cellText';
import { rowsPerBlock } from '../core/sheets/chunks';
import { SETTINGS_TAB } from '../core/sheets/settingsTab';

/**
 * A tab the user pasted an export into, read as rows of text for the sidebar's importer: a block of rows
 * at a time (a pasted 1M-message tab is 8M cells, too much for one getValues or one reply).
 */
export function readTab(
  name: string,
  startRow = 1,
): { name: string; rows: string[][]; nextRow: number | null } {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`找不到工作表「${name}」。There is no tab named "${name}".`);
  const lastRow = Math.max(sheet.getLastRow(), 1);
  const columns = Math.max(sheet.getLastColumn(), 1);
  const count = Math.min(rowsPerBlock(columns), lastRow - startRow + 1);
  const rows = textRows(sheet.getRange(startRow, 1, count, columns));
  const next = startRow + count;
  return { name, rows, nextRow: next > lastRow ? null : next };
}

/** The team's 设置 as rows of text (null when the spreadsheet has none yet), and whether 申诉 exists. */
export function readSettingsTab(): { rows: string[][] | null; appeals: boolean } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(SETTINGS_TAB);
  return {
    rows: sheet ? textRows(sheet.getDataRange()) : null,
    appeals: spreadsheet.getSheetByName(APPEALS_TAB) !== null,
  };
}

/**
 * A range's cells as the text an export had (src/core/sheets/cellText.ts): dates as the wall-clock time
 * they show in the spreadsheet's zone, percentages as shown, numbers of 16 or more digits (IDs Sheets
 * rounded when they were pasted) in scientific notation, which the importer refuses as IDs.
 * google.script.run could not carry Date objects anyway.
 */
export function textRows(range: GoogleAppsScript.Spreadsheet.Range): string[][] {
  const zone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const formats = range.getNumberFormats();
  return range.getValues().map((row, r) => row.map((cell, c) => cellText(cell, zone, formats[r]?.[c])));
}

/** Brings one of the tabs just written to the front: the links of the sidebar's summary. */
export function showTab(name: string): { shown: boolean } {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) return { shown: false };
  sheet.activate();
  return { shown: true };
}
