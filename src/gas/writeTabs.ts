import { fingerprint, toSheetValue } from '../core/sheets/cells';
import { rowsWidth } from '../core/sheets/chunks';
import { type Tab, TEXT_FORMAT } from '../core/sheets/tabs';
import {
  type BeginTabsRequest,
  type CommitTabsRequest,
  EDITED_TAB,
  type TabRowsRequest,
  type WriteTabsRequest,
  type WriteTabsResult,
} from '../core/sidebarApi';
import { ADDON_TITLE } from './title';

/** Marks a tab as the add-on's, with the fingerprint of what it wrote there. */
const OWNED = 'cs-kpi.owned';
/** The import in progress, across the server calls of a large import: a lock that outlives a call. */
const IN_PROGRESS = 'cs-kpi.import';
const IN_PROGRESS_EXPIRES_MS = 10 * 60_000;
const NEW = ' ·新';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function ownership(sheet: Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  return sheet.getDeveloperMetadata().find((m) => m.getKey() === OWNED) ?? null;
}

/** Whether the add-on made this tab: the only tabs it ever changes. */
export function isOwned(sheet: Sheet): boolean {
  return ownership(sheet) !== null;
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

export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) {
    throw new Error(
      '另一个导入正在写入表格，请稍后再试。Another import is writing to this spreadsheet; try again in a minute.',
    );
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** Refuses to go on when a tab of the same name is not the add-on's, or was edited since (unless asked). */
function checkTargets(spreadsheet: Spreadsheet, names: string[], replaceEdited: boolean) {
  for (const name of names) {
    const existing = spreadsheet.getSheetByName(name);
    if (!existing) continue;
    const mark = ownership(existing);
    if (!mark) {
      throw new Error(
        `工作表「${name}」不是客服绩效创建的，未做改动；请重命名后再导入。The tab "${name}" was not made by the add-on and was left as it is; rename it and import again.`,
      );
    }
    if (!replaceEdited && mark.getValue() !== contentPrint(existing)) {
      throw new Error(
        `工作表「${name}」在上次导入后被修改过。The tab "${name}" was ${EDITED_TAB}; confirm to replace it.`,
      );
    }
  }
}

function writeRows(
  sheet: Sheet,
  startRow: number,
  rows: Tab['rows'],
  formats: Tab['formats'],
  width: number,
) {
  if (rows.length === 0) return;
  // Formats first: a plain-text cell keeps "0012", a 19-digit ID or "TRUE" as the text written into it;
  // a General one reads them as typed (12, a rounded number, a boolean). The header row is all text.
  const header = Array.from({ length: width }, () => TEXT_FORMAT);
  const line = Array.from({ length: width }, (_, c) => formats[c] ?? 'General');
  const range = sheet.getRange(startRow, 1, rows.length, width);
  range.setNumberFormats(rows.map((_, i) => (startRow + i === 1 ? header : line)));
  range.setValues(
    rows.map((row) =>
      Array.from({ length: width }, (_, c) => toSheetValue(row[c] ?? null, line[c] === TEXT_FORMAT)),
    ),
  );
}

function finishTab(sheet: Sheet, tab: Omit<Tab, 'rows'>) {
  sheet.setFrozenRows(tab.frozenRows);
  sheet.setFrozenColumns(tab.frozenColumns);
  for (const chart of tab.charts ?? []) {
    let builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder = sheet.newChart().asColumnChart();
    for (const range of chart.ranges) builder = builder.addRange(sheet.getRange(range));
    sheet.insertChart(
      builder
        .setNumHeaders(1)
        .setOption('title', chart.title)
        .setPosition(chart.anchor[0], chart.anchor[1], 0, 0)
        .build(),
    );
  }
}

/** Agents colored against the 设置 targets: green where they meet them, red where they miss. */
export function applyConditionalRules(sheet: Sheet, rules: Tab['conditional']) {
  // Setting the whole list (even an empty one) replaces whatever rules the tab had.
  sheet.setConditionalFormatRules(
    rules.map((rule) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(`=${rule.formula}`)
        .setBackground(rule.fill === 'good' ? '#d9ead3' : '#f4cccc')
        .setRanges([sheet.getRange(rule.range)])
        .build(),
    ),
  );
}

/**
 * Writes tabs from a menu action; when one of them was edited since the add-on wrote it, asks the
 * user first. Any other refusal is shown. Returns whether the tabs were written.
 */
export function writeTabsAsking(tabs: Tab[], question: string): boolean {
  const ui = SpreadsheetApp.getUi();
  try {
    writeTabs({ tabs });
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!message.includes(EDITED_TAB)) {
      ui.alert(ADDON_TITLE, message, ui.ButtonSet.OK);
      return false;
    }
    if (ui.alert(ADDON_TITLE, `${message}\n\n${question}`, ui.ButtonSet.YES_NO) !== ui.Button.YES)
      return false;
    writeTabs({ tabs, replaceEdited: true });
    return true;
  }
}

/** Swaps the fully written temporary tabs in for the old ones and marks them as the add-on's. */
function swapIn(spreadsheet: Spreadsheet, tabs: Omit<Tab, 'rows'>[]): WriteTabsResult {
  for (const tab of tabs) {
    const fresh = spreadsheet.getSheetByName(tab.name + NEW);
    if (!fresh) throw new Error(`The import lost its new tab "${tab.name}"; import again.`);
    finishTab(fresh, tab);
  }
  const swapped = tabs.map((tab) => {
    const old = spreadsheet.getSheetByName(tab.name);
    if (old) spreadsheet.deleteSheet(old);
    const sheet = spreadsheet.getSheetByName(tab.name + NEW) as Sheet;
    sheet.setName(tab.name);
    sheet.addDeveloperMetadata(OWNED, contentPrint(sheet));
    return sheet;
  });
  // The colors are built once every tab has its final name: never while 设置 is still 设置 ·新.
  tabs.forEach((tab, i) => {
    applyConditionalRules(swapped[i] as Sheet, tab.conditional);
  });
  const url = spreadsheet.getUrl();
  const links = tabs.map((tab) => ({
    name: tab.name,
    url: `${url}#gid=${(spreadsheet.getSheetByName(tab.name) as Sheet).getSheetId()}`,
  }));
  return { written: tabs.map((t) => t.name), links };
}

function dropNewTabs(spreadsheet: Spreadsheet, names: string[]) {
  for (const name of names) {
    const fresh = spreadsheet.getSheetByName(name + NEW);
    if (fresh) spreadsheet.deleteSheet(fresh);
  }
}

function inProgress(): { token: string; started: number; names: string[] } | null {
  const text = PropertiesService.getDocumentProperties().getProperty(IN_PROGRESS);
  if (!text) return null;
  const state = JSON.parse(text) as { token: string; started: number; names: string[] };
  return Date.now() - state.started > IN_PROGRESS_EXPIRES_MS ? null : state;
}

function refuseIfBusy(token?: string) {
  const state = inProgress();
  if (state && state.token !== token) {
    throw new Error(
      '另一个导入正在进行，请稍后再试。Another import is in progress; try again in a few minutes.',
    );
  }
}

/**
 * Writes the tabs the sidebar computed, in one call. All or nothing: every tab is written to a new
 * temporary tab first, and the old ones are replaced only when all succeeded.
 */
export function writeTabs(request: WriteTabsRequest): WriteTabsResult {
  return withDocumentLock(() => {
    refuseIfBusy();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const names = request.tabs.map((t) => t.name);
    checkTargets(spreadsheet, names, request.replaceEdited ?? false);
    dropNewTabs(spreadsheet, names);
    try {
      for (const tab of request.tabs) {
        const width = rowsWidth(tab.rows);
        writeRows(spreadsheet.insertSheet(tab.name + NEW), 1, tab.rows, tab.formats, width);
      }
      return swapIn(spreadsheet, request.tabs);
    } catch (error) {
      dropNewTabs(spreadsheet, names);
      throw error;
    }
  });
}

/** Starts a large import: checks the targets, makes empty temporary tabs, returns a token. */
export function beginTabs(request: BeginTabsRequest): { token: string } {
  return withDocumentLock(() => {
    refuseIfBusy();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    checkTargets(spreadsheet, request.names, request.replaceEdited ?? false);
    dropNewTabs(spreadsheet, request.names);
    for (const name of request.names) spreadsheet.insertSheet(name + NEW);
    const token = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    PropertiesService.getDocumentProperties().setProperty(
      IN_PROGRESS,
      JSON.stringify({ token, started: Date.now(), names: request.names }),
    );
    return { token };
  });
}

/** Writes one block of a tab's rows into its temporary tab. */
export function appendTabRows(request: TabRowsRequest): { rows: number } {
  const state = inProgress();
  if (!state || state.token !== request.token)
    throw new Error('This import expired or was replaced; import again.');
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(request.name + NEW);
  if (!sheet) throw new Error(`The import lost its new tab "${request.name}"; import again.`);
  const width = rowsWidth(request.rows);
  writeRows(sheet, request.startRow, request.rows, request.formats, width);
  return { rows: request.rows.length };
}

/** Finishes a large import: the temporary tabs replace the old ones, all at once. */
export function commitTabs(request: CommitTabsRequest): WriteTabsResult {
  return withDocumentLock(() => {
    const state = inProgress();
    if (!state || state.token !== request.token)
      throw new Error('This import expired or was replaced; import again.');
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    try {
      return swapIn(spreadsheet, request.tabs);
    } finally {
      PropertiesService.getDocumentProperties().deleteProperty(IN_PROGRESS);
    }
  });
}

/** Gives up a large import: the temporary tabs go, the previous tabs stay as they were. */
export function abortTabs(request: { token: string }): { aborted: boolean } {
  return withDocumentLock(() => {
    const state = inProgress();
    if (!state || state.token !== request.token) return { aborted: false };
    dropNewTabs(SpreadsheetApp.getActiveSpreadsheet(), state.names);
    PropertiesService.getDocumentProperties().deleteProperty(IN_PROGRESS);
    return { aborted: true };
  });
}
