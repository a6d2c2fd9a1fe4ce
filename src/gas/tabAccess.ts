import { SETTINGS_TAB } from '../core/sheets/settingsTab';

/** A tab the user pasted an export into, read as rows of text for the sidebar's importer. */
export function readTab(name: string): { name: string; rows: string[][] } {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`找不到工作表「${name}」。There is no tab named "${name}".`);
  return { name, rows: textRows(sheet) };
}

/** The team's 设置 as rows of text, or null when the spreadsheet has none yet. */
export function readSettingsTab(): { rows: string[][] | null } {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SETTINGS_TAB);
  return { rows: sheet ? textRows(sheet) : null };
}

function textRows(sheet: GoogleAppsScript.Spreadsheet.Sheet): string[][] {
  const values = sheet.getDataRange().getValues();
  // Dates travel as ISO instants: google.script.run cannot carry Date objects.
  return values.map((row) =>
    row.map((cell) =>
      Object.prototype.toString.call(cell) === '[object Date]'
        ? (cell as Date).toISOString()
        : String(cell ?? ''),
    ),
  );
}

/** Brings one of the tabs just written to the front: the links of the sidebar's summary. */
export function showTab(name: string): { shown: boolean } {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) return { shown: false };
  sheet.activate();
  return { shown: true };
}
