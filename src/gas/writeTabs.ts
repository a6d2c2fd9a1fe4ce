import { fingerprint, toSheetValue } from '../core/sheets/cells';
import type { Tab } from '../core/sheets/tabs';
import type { WriteTabsRequest, WriteTabsResult } from '../core/sidebarApi';

/** Marks a tab as the add-on's, with the fingerprint of what it wrote there. */
const OWNED = 'cs-kpi.owned';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function ownership(sheet: Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  return sheet.getDeveloperMetadata().find((m) => m.getKey() === OWNED) ?? null;
}

/** Formulas where there are any, values elsewhere: recalculated results do not count as edits. */
function contentPrint(sheet: Sheet): string {
  const rows = Math.max(sheet.getLastRow(), 1);
  const columns = Math.max(sheet.getLastColumn(), 1);
  const range = sheet.getRange(1, 1, rows, columns);
  const values = range.getValues();
  const formulas = range.getFormulas();
  return fingerprint(values.map((row, r) => row.map((value, c) => formulas[r]?.[c] || value)));
}

function writeTab(sheet: Sheet, tab: Tab) {
  const width = Math.max(...tab.rows.map((row) => row.length), 1);
  const values = tab.rows.map((row) => Array.from({ length: width }, (_, c) => toSheetValue(row[c] ?? null)));
  const range = sheet.getRange(1, 1, values.length, width);
  range.setValues(values);
  if (values.length > 1) {
    const formats = Array.from({ length: values.length - 1 }, () =>
      Array.from({ length: width }, (_, c) => tab.formats[c] ?? 'General'),
    );
    sheet.getRange(2, 1, values.length - 1, width).setNumberFormats(formats);
  }
  sheet.setFrozenRows(tab.frozenRows);
  sheet.setFrozenColumns(tab.frozenColumns);
  if (tab.conditional.length > 0) {
    // Agents colored against the 设置 targets: green where they meet them, red where they miss.
    sheet.setConditionalFormatRules(
      tab.conditional.map((rule) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=${rule.formula}`)
          .setBackground(rule.fill === 'good' ? '#d9ead3' : '#f4cccc')
          .setRanges([sheet.getRange(rule.range)])
          .build(),
      ),
    );
  }
}

/**
 * Writes the tabs computed in the sidebar. All or nothing: every tab is first written to a new
 * temporary tab, and the old ones are replaced only when all succeeded. Never touches a tab the
 * add-on did not create, nor one the user edited since, unless asked.
 */
export function writeTabs(request: WriteTabsRequest): WriteTabsResult {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) {
    throw new Error(
      '另一个导入正在写入表格，请稍后再试。Another import is writing to this spreadsheet; try again in a minute.',
    );
  }
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    for (const tab of request.tabs) {
      const existing = spreadsheet.getSheetByName(tab.name);
      if (!existing) continue;
      const mark = ownership(existing);
      if (!mark) {
        throw new Error(
          `工作表「${tab.name}」不是客服绩效创建的，未做改动；请重命名后再导入。The tab "${tab.name}" was not made by the add-on and was left as it is; rename it and import again.`,
        );
      }
      if (!request.replaceEdited && mark.getValue() !== contentPrint(existing)) {
        throw new Error(
          `工作表「${tab.name}」在上次导入后被修改过。The tab "${tab.name}" was edited since the last import; confirm to replace it.`,
        );
      }
    }
    const fresh: Sheet[] = [];
    try {
      for (const tab of request.tabs) {
        const sheet = spreadsheet.insertSheet(`${tab.name} ·新`);
        fresh.push(sheet);
        writeTab(sheet, tab);
      }
    } catch (error) {
      for (const sheet of fresh) spreadsheet.deleteSheet(sheet);
      throw error;
    }
    request.tabs.forEach((tab, i) => {
      const old = spreadsheet.getSheetByName(tab.name);
      if (old) spreadsheet.deleteSheet(old);
      const sheet = fresh[i] as Sheet;
      sheet.setName(tab.name);
      sheet.addDeveloperMetadata(OWNED, contentPrint(sheet));
    });
    return { written: request.tabs.map((t) => t.name) };
  } finally {
    lock.releaseLock();
  }
}
