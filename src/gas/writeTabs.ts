import type { ImportRecord } from '../core/pipeline/importRecord';
import { fingerprint, toSheetValue } from '../core/sheets/cells';
import {
  type Grid,
  gridCells,
  layoutOf,
  rowsPerBlock,
  rowsWidth,
  SPREADSHEET_CELL_LIMIT,
  type TabLayout,
} from '../core/sheets/chunks';
import { formerCurrencyTabs, TAB_NAMES, type Tab, TEXT_FORMAT } from '../core/sheets/tabs';
import {
  type BeginTabsRequest,
  type CommitTabRequest,
  type CommitTabsRequest,
  EDITED_TAB,
  type ImportProgress,
  newImportToken,
  type TabRowsRequest,
  type WriteTabsRequest,
  type WriteTabsResult,
} from '../core/sidebarApi';
import {
  clearImport,
  currentImport,
  type ImportState,
  isIdle,
  loadImport,
  rememberImport,
  saveImport,
} from './importState';
import { ADDON_TITLE } from './title';

/** Marks a tab as the add-on's, with the fingerprint of what it wrote there. */
const OWNED = 'cs-kpi.owned';
/** A tab's new content is written here first; the tab itself changes only at the commit. */
const NEW = ' ·新';
/** A copy of a tab's previous content while the commit runs, to put it back if the commit fails. */
const OLD = ' ·旧';
/** A fingerprint over values only: for tabs without formulas, read back once instead of twice. */
const VALUES_ONLY = 'v:';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function ownership(sheet: Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  return sheet.getDeveloperMetadata().find((m) => m.getKey() === OWNED) ?? null;
}

/** Whether the add-on made this tab: the only tabs it ever changes. */
export function isOwned(sheet: Sheet): boolean {
  return ownership(sheet) !== null;
}

/**
 * Formulas where there are any, values elsewhere (recalculated results do not count as edits), or
 * values only for a tab the add-on wrote no formula into (a formula typed there shows as a changed
 * value). Read in blocks of rows, so no single call reads a whole large tab.
 */
function contentPrint(sheet: Sheet, valuesOnly: boolean): string {
  const rows = Math.max(sheet.getLastRow(), 1);
  const columns = Math.max(sheet.getLastColumn(), 1);
  const perBlock = rowsPerBlock(columns);
  const cells: unknown[][] = [];
  for (let start = 1; start <= rows; start += perBlock) {
    const range = sheet.getRange(start, 1, Math.min(perBlock, rows - start + 1), columns);
    const values = range.getValues();
    const formulas = valuesOnly ? null : range.getFormulas();
    for (let r = 0; r < values.length; r++) {
      const line = values[r] as unknown[];
      cells.push(formulas ? line.map((value, c) => formulas[r]?.[c] || value) : line);
    }
  }
  const print = fingerprint(cells);
  return valuesOnly ? VALUES_ONLY + print : print;
}

function isEdited(sheet: Sheet, mark: string): boolean {
  return mark !== contentPrint(sheet, mark.startsWith(VALUES_ONLY));
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

/**
 * insertSheet makes the new sheet the active one; the user stays on the tab they were looking at.
 */
function keepingActiveSheet<T>(spreadsheet: Spreadsheet, work: () => T): T {
  const active = spreadsheet.getActiveSheet();
  try {
    return work();
  } finally {
    if (active && spreadsheet.getSheetByName(active.getName())) spreadsheet.setActiveSheet(active);
  }
}

/** Whether a protection keeps the user running the import from editing the tab (or part of it). */
function lockedOut(sheet: Sheet): boolean {
  const { SHEET, RANGE } = SpreadsheetApp.ProtectionType;
  return [...sheet.getProtections(SHEET), ...sheet.getProtections(RANGE)].some((p) => !p.canEdit());
}

/**
 * Refuses to go on, before anything is written, when a tab of the same name is not the add-on's, is
 * protected against the user, or was edited since (unless asked).
 */
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
    if (lockedOut(existing)) {
      throw new Error(
        `工作表「${name}」受保护，您无权编辑，未做任何改动；请表格所有者在「数据 › 保护工作表和区域」中允许您编辑，或由其导入。The tab "${name}" is protected and you cannot edit it; nothing was changed. Ask the spreadsheet's owner to let you edit it (Data › Protect sheets and ranges), or to run the import.`,
      );
    }
    if (!replaceEdited && isEdited(existing, mark.getValue() ?? '')) {
      throw new Error(
        `工作表「${name}」在上次导入后被修改过。The tab "${name}" was ${EDITED_TAB}; confirm to replace it.`,
      );
    }
  }
}

const gridOf = (sheet: Sheet): Grid => ({ rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() });

/**
 * Refuses an import the spreadsheet has no room for: while it runs, each tab's new copy and (at the
 * commit) a copy of its old content sit beside the tab, and all of it counts against 10 million cells.
 * Returns the cells the spreadsheet will hold after the import.
 */
function checkRoom(spreadsheet: Spreadsheet, names: string[], grids: Grid[]): number {
  let now = 0;
  let old = 0;
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    // Copies a failed import left behind are dropped before this one starts.
    if (name.endsWith(NEW) || name.endsWith(OLD)) continue;
    const grid = gridOf(sheet);
    now += grid.rows * grid.columns;
    if (names.includes(name)) old += grid.rows * grid.columns;
  }
  const fresh = gridCells(grids.map((grid) => ({ grid })));
  const during = now + fresh + old;
  const after = now - old + fresh;
  if (during > SPREADSHEET_CELL_LIMIT) {
    const n = (x: number) => x.toLocaleString('en-US');
    throw new Error(
      `表格放不下这次导入，未做任何改动：导入过程中需要 ${n(during)} 个单元格（新旧两份工作表并存），完成后 ${n(after)} 个，而一个表格最多 ${n(SPREADSHEET_CELL_LIMIT)} 个。请删除不用的工作表或行（例如已导入的粘贴导出），或导入较短的时段。` +
        `The spreadsheet has no room for this import; nothing was changed. It needs ${n(during)} cells while it runs (the old and new copies of the tabs side by side) and ${n(after)} after, of the ${n(SPREADSHEET_CELL_LIMIT)} a spreadsheet may hold. Delete tabs or rows you no longer need (a pasted export already imported, for instance), or import a shorter period.`,
    );
  }
  return after;
}

/** Grows or shrinks a sheet's grid to exactly rows × columns. */
function resize(sheet: Sheet, grid: Grid) {
  const { rows, columns } = gridOf(sheet);
  if (grid.rows > rows) sheet.insertRowsAfter(rows, grid.rows - rows);
  else if (grid.rows < rows) sheet.deleteRows(grid.rows + 1, rows - grid.rows);
  if (grid.columns > columns) sheet.insertColumnsAfter(columns, grid.columns - columns);
  else if (grid.columns < columns) sheet.deleteColumns(grid.columns + 1, columns - grid.columns);
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

/** The add-on's charts on a tab: those titled as the layout's, so a team's own charts stay. */
function ownCharts(sheet: Sheet, layout: TabLayout) {
  const titles = new Set((layout.charts ?? []).map((chart) => chart.title));
  return sheet.getCharts().filter((chart) => titles.has(String(chart.getOptions().get('title') ?? '')));
}

function insertCharts(sheet: Sheet, layout: TabLayout) {
  for (const chart of layout.charts ?? []) {
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

/** Drops the copies an import makes (its own, or those a failed one left behind). */
function dropCopies(spreadsheet: Spreadsheet, names: string[]) {
  for (const name of names) {
    for (const copy of [name + NEW, name + OLD]) {
      const sheet = spreadsheet.getSheetByName(copy);
      if (sheet) spreadsheet.deleteSheet(sheet);
    }
  }
}

/**
 * Makes each tab's empty new copy, cut to its grid. A tab that does not exist yet gets its copy where
 * it will stay: after the tab before it in the product's order, so tabs keep a stable order.
 */
function stage(spreadsheet: Spreadsheet, names: string[], grids: Grid[]) {
  let after = spreadsheet.getSheets().length;
  names.forEach((name, i) => {
    const existing = spreadsheet.getSheetByName(name);
    if (existing) {
      after = existing.getIndex();
      resize(spreadsheet.insertSheet(name + NEW), grids[i] as Grid);
      return;
    }
    resize(spreadsheet.insertSheet(name + NEW, after), grids[i] as Grid);
    after++;
  });
}

/**
 * A team's filter on the tab (Data › Create a filter) laid over the new rows: the same columns and
 * criteria, from its first row down to the tab's last, whether the tab grew or shrank. Set again
 * rather than left to how Sheets moves a filter when rows are inserted or deleted below it.
 */
function keepingFilter(sheet: Sheet, rows: number, work: () => void) {
  const filter = sheet.getFilter();
  if (!filter) return work();
  const range = filter.getRange();
  const [top, left, width] = [range.getRow(), range.getColumn(), range.getNumColumns()];
  const criteria = Array.from({ length: width }, (_, i) => filter.getColumnFilterCriteria(left + i));
  filter.remove();
  work();
  const columns = Math.min(width, sheet.getMaxColumns() - left + 1);
  if (columns < 1 || top > rows) return;
  const laid = sheet.getRange(top, left, rows - top + 1, columns).createFilter();
  criteria.slice(0, columns).forEach((c, i) => {
    if (c) laid.setColumnFilterCriteria(left + i, c);
  });
}

/** Replaces a sheet's cells with another's, in place: the same sheet, gid, position and references. */
function copyCells(from: Sheet, to: Sheet, grid: Grid, frozen: [number, number]) {
  keepingFilter(to, grid.rows, () => {
    // Frozen rows first: a sheet cannot shrink to its frozen rows.
    to.setFrozenRows(0);
    to.setFrozenColumns(0);
    resize(to, grid);
    to.getRange(1, 1, grid.rows, grid.columns).clear();
    from.getRange(1, 1, grid.rows, grid.columns).copyTo(to.getRange(1, 1));
    to.setFrozenRows(frozen[0]);
    to.setFrozenColumns(frozen[1]);
  });
}

/** The grey of a low-sample figure (Sheets' "dark grey 1"): still readable, visibly set apart. */
export const FLAGGED_FONT_COLOR = '#999999';

/**
 * Low-sample figures greyed with their note (样本不足：2 < 5), and the tab's other notes (the
 * definition behind each indicator header, what a change column compares with), in one call each
 * over the tab's grid: every other cell's note is cleared and its color reset (Range.setNotes, "must
 * match dimensions of this range"; Range.setFontColors, null resets a color:
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setnotesnotes,
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setfontcolorscolors). Range.clear
 * clears contents and formats, not notes: without this a note of the last import would stay.
 */
function applyFlags(sheet: Sheet, layout: TabLayout) {
  if (!layout.flagged && !layout.notes) return;
  const { rows, columns } = layout.grid;
  const notes: string[][] = Array.from({ length: rows }, () => Array<string>(columns).fill(''));
  const colors: (string | null)[][] = Array.from({ length: rows }, () =>
    Array<string | null>(columns).fill(null),
  );
  for (const cell of layout.notes ?? []) {
    const line = notes[cell.row];
    if (line && cell.column < columns) line[cell.column] = cell.note;
  }
  for (const cell of layout.flagged ?? []) {
    const line = notes[cell.row];
    if (!line || cell.column >= columns) continue;
    line[cell.column] = line[cell.column] ? `${cell.note}\n${line[cell.column]}` : cell.note;
    (colors[cell.row] as (string | null)[])[cell.column] = FLAGGED_FONT_COLOR;
  }
  const range = sheet.getRange(1, 1, rows, columns);
  range.setNotes(notes);
  range.setFontColors(colors as string[][]);
}

/** Low-sample flags, frozen header, wrapped headers and column widths (a date-time column at 100 px shows ###). */
function shape(sheet: Sheet, layout: TabLayout) {
  applyFlags(sheet, layout);
  sheet.setFrozenRows(layout.frozenRows);
  sheet.setFrozenColumns(layout.frozenColumns);
  const widths = layout.widths ?? [];
  if (widths.length > 0) sheet.getRange(1, 1, 1, widths.length).setWrap(true);
  widths.forEach((px, i) => {
    sheet.setColumnWidth(i + 1, px);
  });
}

/** The mark read back once the tab holds its new content: what Sheets stored, not what was sent. */
function markContent(sheet: Sheet, layout: TabLayout) {
  const print = contentPrint(sheet, !layout.formulas);
  const mark = ownership(sheet);
  if (mark) mark.setValue(print);
  else sheet.addDeveloperMetadata(OWNED, print);
}

/**
 * One tab's commit, a server call of its own in a large import: a copy of its old cells is kept
 * (· 旧), then the new cells are copied in, in place, and read back for the mark. Repeatable: a tab
 * already committed is left alone; one whose call was stopped half way keeps its first copy of the
 * old cells and takes the new ones again. A new tab is its staged copy, renamed at the end.
 */
function commitOne(spreadsheet: Spreadsheet, state: ImportState, layout: TabLayout) {
  const { name } = layout;
  if (state.committed.includes(name)) return;
  const staged = spreadsheet.getSheetByName(name + NEW);
  if (!staged) throw new Error(`The import lost its new tab "${name}"; import again.`);
  if (state.fresh.includes(name)) {
    shape(staged, layout);
    markContent(staged, layout);
  } else {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`The tab "${name}" was deleted during the import; import again.`);
    if (!state.backups[name]) {
      // A copy a stopped call made before it could say so is the tab as it was: nothing changed it yet.
      if (!spreadsheet.getSheetByName(name + OLD)) sheet.copyTo(spreadsheet).setName(name + OLD);
      state.backups[name] = {
        frozen: [sheet.getFrozenRows(), sheet.getFrozenColumns()],
        mark: ownership(sheet)?.getValue() ?? '',
      };
      saveImport(state);
    }
    copyCells(staged, sheet, layout.grid, [layout.frozenRows, layout.frozenColumns]);
    shape(sheet, layout);
    markContent(sheet, layout);
  }
  state.committed.push(name);
  saveImport(state);
}

/**
 * Puts every tab an import changed back as it was and drops its copies: for an abandoned import, a
 * failed one, or one whose sidebar was closed half way (taken over by the next import).
 */
function rollback(spreadsheet: Spreadsheet, state: ImportState) {
  for (const [name, before] of Object.entries(state.backups)) {
    const sheet = spreadsheet.getSheetByName(name);
    const old = spreadsheet.getSheetByName(name + OLD);
    if (!sheet || !old) continue;
    copyCells(old, sheet, gridOf(old), before.frozen);
    ownership(sheet)?.setValue(before.mark);
  }
  for (const name of state.fresh) {
    // A new tab the end of the import already renamed goes too.
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet && isOwned(sheet)) spreadsheet.deleteSheet(sheet);
  }
  dropCopies(spreadsheet, state.names);
  clearImport();
}

/**
 * The end of an import, once every tab holds its new content: new tabs take their names, charts and
 * colors are set, the copies go. If a step fails, every tab is put back as it was.
 */
function finishImport(spreadsheet: Spreadsheet, state: ImportState, layouts: TabLayout[]): WriteTabsResult {
  // What each tab has before this call: after a repeated end (the answer to the first one lost),
  // the charts that one inserted go like the old ones, so each chart is there once.
  const before = layouts
    .map((l) => spreadsheet.getSheetByName(l.name))
    .map((sheet, i) =>
      sheet
        ? {
            sheet,
            rules: sheet.getConditionalFormatRules(),
            charts: ownCharts(sheet, layouts[i] as TabLayout),
          }
        : null,
    );
  try {
    for (const layout of layouts) commitOne(spreadsheet, state, layout);
    for (const name of state.fresh) spreadsheet.getSheetByName(name + NEW)?.setName(name);
    for (const layout of layouts) insertCharts(spreadsheet.getSheetByName(layout.name) as Sheet, layout);
    // The colors once every tab has its final name: never while 设置 is still 设置 ·新.
    for (const layout of layouts)
      applyConditionalRules(spreadsheet.getSheetByName(layout.name) as Sheet, layout.conditional);
  } catch (error) {
    for (const [i, was] of before.entries()) {
      if (!was) continue;
      const old = new Set(was.charts);
      for (const chart of ownCharts(was.sheet, layouts[i] as TabLayout))
        if (!old.has(chart)) was.sheet.removeChart(chart);
      was.sheet.setConditionalFormatRules(was.rules);
    }
    rollback(spreadsheet, state);
    throw error;
  }
  for (const was of before) for (const chart of was?.charts ?? []) was?.sheet.removeChart(chart);
  dropCopies(spreadsheet, state.names);
  // The last import's per-currency tabs and 所用汇率, which this one does not write, go with it.
  const names = layouts.map((l) => l.name);
  for (const name of formerCurrencyTabs(
    spreadsheet.getSheets().map((s) => s.getName()),
    names,
  )) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet && isOwned(sheet)) spreadsheet.deleteSheet(sheet);
  }
  // An import of the indicator tabs is remembered (or the last one forgotten); 绩效 alone is not one.
  if (names.includes(TAB_NAMES.sales)) rememberImport(state.record);
  clearImport();
  const url = spreadsheet.getUrl();
  const links = layouts.map((layout) => ({
    name: layout.name,
    url: `${url}#gid=${(spreadsheet.getSheetByName(layout.name) as Sheet).getSheetId()}`,
  }));
  const cells = spreadsheet.getSheets().reduce((sum, sheet) => {
    const grid = gridOf(sheet);
    return sum + grid.rows * grid.columns;
  }, 0);
  return { written: layouts.map((l) => l.name), links, cells };
}

/**
 * Starts an import under `token`, after checking everything it needs: refused while another import
 * is under way; an import idle for 10 minutes (its sidebar closed) is first put back and its copies
 * dropped. Repeating the start of the same import (its answer lost) changes nothing.
 */
function beginImport(
  spreadsheet: Spreadsheet,
  token: string,
  names: string[],
  grids: Grid[],
  replaceEdited: boolean,
  record: ImportRecord | undefined,
): ImportState {
  const running = loadImport();
  if (running?.token === token) return running;
  if (running && !isIdle(running)) {
    throw new Error(
      '另一个导入正在进行，请稍后再试；侧边栏关闭时未完成的导入在 10 分钟后清理。Another import is in progress; try again in a few minutes (an import left unfinished when its sidebar closed is cleaned up after 10 minutes).',
    );
  }
  if (running) rollback(spreadsheet, running);
  checkTargets(spreadsheet, names, replaceEdited);
  checkRoom(spreadsheet, names, grids);
  dropCopies(spreadsheet, names);
  const fresh = names.filter((name) => !spreadsheet.getSheetByName(name));
  try {
    stage(spreadsheet, names, grids);
  } catch (error) {
    dropCopies(spreadsheet, names);
    throw error;
  }
  const state: ImportState = {
    token,
    touched: 0,
    names,
    fresh,
    rows: {},
    backups: {},
    committed: [],
    ...(record ? { record } : {}),
  };
  saveImport(state);
  return state;
}

/**
 * Writes a block of a tab's rows into its new copy, where they belong (from `startRow`): the same
 * block twice (an answer lost) writes the same cells again, never a second time below.
 */
function writeBlock(state: ImportState, request: TabRowsRequest): ImportProgress {
  const has = state.rows[request.name] ?? 0;
  if (request.startRow > has + 1) {
    throw new Error(
      `The import of "${request.name}" has ${has} rows; a block from row ${request.startRow} would leave a gap. Resume the import.`,
    );
  }
  if (state.committed.length > 0 || Object.keys(state.backups).length > 0)
    throw new Error('This import is already being committed; resume it.');
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(request.name + NEW);
  if (!sheet) throw new Error(`The import lost its new tab "${request.name}"; import again.`);
  writeRows(sheet, request.startRow, request.rows, request.formats, rowsWidth(request.rows));
  state.rows[request.name] = Math.max(has, request.startRow + request.rows.length - 1);
  saveImport(state);
  return progressOf(state);
}

const progressOf = (state: ImportState): ImportProgress => ({
  rows: { ...state.rows },
  committed: [...state.committed],
});

/**
 * Writes the tabs the sidebar computed, in one call. All or nothing: every tab is written to a new
 * copy first, and the tabs take the new content only when all of it is written. Under the sidebar's
 * token it can be repeated after a lost answer or a stopped call: it goes on from where that one was.
 */
export function writeTabs(request: WriteTabsRequest): WriteTabsResult {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const layouts = request.tabs.map(layoutOf);
    return keepingActiveSheet(spreadsheet, () => {
      const state = beginImport(
        spreadsheet,
        request.token ?? newImportToken(),
        layouts.map((l) => l.name),
        layouts.map((l) => l.grid),
        request.replaceEdited ?? false,
        request.record,
      );
      // Repeated once its commit had begun (a stopped call), the rows are in place already.
      const committing = state.committed.length > 0 || Object.keys(state.backups).length > 0;
      try {
        if (!committing)
          for (const tab of request.tabs)
            writeBlock(state, {
              token: state.token,
              name: tab.name,
              startRow: 1,
              rows: tab.rows,
              formats: tab.formats,
            });
      } catch (error) {
        rollback(spreadsheet, state);
        throw error;
      }
      return finishImport(spreadsheet, state, layouts);
    });
  });
}

/**
 * Starts a large import under the sidebar's token: checks the targets and the room, makes the empty
 * new copies. Under a token already begun (a resume) it says what the server holds instead.
 */
export function beginTabs(request: BeginTabsRequest): { token: string } & ImportProgress {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const token = request.token ?? newImportToken();
    const state = keepingActiveSheet(spreadsheet, () =>
      beginImport(
        spreadsheet,
        token,
        request.names,
        request.grids,
        request.replaceEdited ?? false,
        request.record,
      ),
    );
    return { token, ...progressOf(state) };
  });
}

/** Writes one block of a tab's rows into its new copy; says how many rows each copy now holds. */
export function appendTabRows(request: TabRowsRequest): ImportProgress {
  return withDocumentLock(() => writeBlock(currentImport(request.token), request));
}

/** Commits one tab of a large import: a call of its own, so no call copies and reads back every tab. */
export function commitTab(request: CommitTabRequest): ImportProgress {
  return withDocumentLock(() => {
    const state = currentImport(request.token);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    keepingActiveSheet(spreadsheet, () => commitOne(spreadsheet, state, request.tab));
    return progressOf(state);
  });
}

/** Finishes a large import: tabs not committed yet are, then names, charts and colors; all or nothing. */
export function commitTabs(request: CommitTabsRequest): WriteTabsResult {
  return withDocumentLock(() => {
    const state = currentImport(request.token);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    return keepingActiveSheet(spreadsheet, () => finishImport(spreadsheet, state, request.tabs));
  });
}

/** Gives up an import: the tabs it changed get their previous content back, the new copies go. */
export function abortTabs(request: { token: string }): { aborted: boolean } {
  return withDocumentLock(() => {
    const state = loadImport();
    if (!state || state.token !== request.token) return { aborted: false };
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    keepingActiveSheet(spreadsheet, () => rollback(spreadsheet, state));
    return { aborted: true };
  });
}
