import { fingerprint, toSheetValue } from '../core/sheets/cells';
import {
  type Grid,
  gridCells,
  layoutOf,
  MAX_CELLS_PER_CALL,
  rowsWidth,
  SPREADSHEET_CELL_LIMIT,
  type TabLayout,
} from '../core/sheets/chunks';
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
  const perBlock = Math.max(1, Math.floor(MAX_CELLS_PER_CALL / columns));
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

/** What a tab was before the commit changed it: enough to put it back. */
interface Previous {
  sheet: Sheet;
  backup: Sheet;
  frozen: [number, number];
  rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  mark: string;
  charts: GoogleAppsScript.Spreadsheet.EmbeddedChart[];
}

/** Replaces a sheet's cells with another's, in place: the same sheet, gid, position and references. */
function copyCells(from: Sheet, to: Sheet, grid: Grid, frozen: [number, number]) {
  // Frozen rows first: a sheet cannot shrink to its frozen rows.
  to.setFrozenRows(0);
  to.setFrozenColumns(0);
  resize(to, grid);
  to.getRange(1, 1, grid.rows, grid.columns).clear();
  from.getRange(1, 1, grid.rows, grid.columns).copyTo(to.getRange(1, 1));
  to.setFrozenRows(frozen[0]);
  to.setFrozenColumns(frozen[1]);
}

/** The grey of a low-sample figure (Sheets' "dark grey 1"): still readable, visibly set apart. */
export const FLAGGED_FONT_COLOR = '#999999';

/**
 * Low-sample figures greyed with their note (样本不足：2 < 5), in one call each over the tab's grid:
 * every other cell's note is cleared and its color reset (Range.setNotes, "must match dimensions of
 * this range"; Range.setFontColors, null resets a color:
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setnotesnotes,
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setfontcolorscolors). Range.clear
 * clears contents and formats, not notes: without this a note of the last import would stay.
 */
function applyFlags(sheet: Sheet, layout: TabLayout) {
  if (!layout.flagged) return;
  const { rows, columns } = layout.grid;
  const notes: string[][] = Array.from({ length: rows }, () => Array<string>(columns).fill(''));
  const colors: (string | null)[][] = Array.from({ length: rows }, () =>
    Array<string | null>(columns).fill(null),
  );
  for (const cell of layout.flagged) {
    const line = notes[cell.row];
    if (!line || cell.column >= columns) continue;
    line[cell.column] = cell.note;
    (colors[cell.row] as (string | null)[])[cell.column] = FLAGGED_FONT_COLOR;
  }
  const range = sheet.getRange(1, 1, rows, columns);
  range.setNotes(notes);
  range.setFontColors(colors as string[][]);
}

function finish(sheet: Sheet, layout: TabLayout) {
  applyFlags(sheet, layout);
  sheet.setFrozenRows(layout.frozenRows);
  sheet.setFrozenColumns(layout.frozenColumns);
  // Headers wrap and columns fit what they show (a date-time column at the default 100 px shows ###).
  const widths = layout.widths ?? [];
  if (widths.length > 0) sheet.getRange(1, 1, 1, widths.length).setWrap(true);
  widths.forEach((px, i) => {
    sheet.setColumnWidth(i + 1, px);
  });
  insertCharts(sheet, layout);
}

/**
 * The commit: every tab takes its new content, all or nothing. A tab that exists is updated in place
 * (the same sheet, so its gid, position, protections and the team's formulas over it stay); a new tab
 * is its staged copy renamed. If any step fails, the tabs changed so far get their previous content
 * back and the copies go.
 */
function commit(spreadsheet: Spreadsheet, layouts: TabLayout[]): WriteTabsResult {
  const previous: Previous[] = [];
  const fresh: Sheet[] = [];
  try {
    for (const layout of layouts) {
      const staged = spreadsheet.getSheetByName(layout.name + NEW);
      if (!staged) throw new Error(`The import lost its new tab "${layout.name}"; import again.`);
      const sheet = spreadsheet.getSheetByName(layout.name);
      if (!sheet) {
        finish(staged, layout);
        fresh.push(staged);
        continue;
      }
      const backup = sheet.copyTo(spreadsheet).setName(layout.name + OLD);
      previous.push({
        sheet,
        backup,
        frozen: [sheet.getFrozenRows(), sheet.getFrozenColumns()],
        rules: sheet.getConditionalFormatRules(),
        mark: ownership(sheet)?.getValue() ?? '',
        charts: ownCharts(sheet, layout),
      });
      copyCells(staged, sheet, layout.grid, [layout.frozenRows, layout.frozenColumns]);
      finish(sheet, layout);
    }
    for (const layout of layouts) fresh.find((s) => s.getName() === layout.name + NEW)?.setName(layout.name);
    // The colors once every tab has its final name: never while 设置 is still 设置 ·新.
    for (const layout of layouts)
      applyConditionalRules(spreadsheet.getSheetByName(layout.name) as Sheet, layout.conditional);
    for (const layout of layouts) {
      // Read back once the tab holds its new content: what Sheets stored, not what was sent.
      const target = spreadsheet.getSheetByName(layout.name) as Sheet;
      const print = contentPrint(target, !layout.formulas);
      const mark = ownership(target);
      if (mark) mark.setValue(print);
      else target.addDeveloperMetadata(OWNED, print);
    }
  } catch (error) {
    restore(spreadsheet, previous, fresh, layouts);
    throw error;
  }
  for (const p of previous) for (const chart of p.charts) p.sheet.removeChart(chart);
  dropCopies(
    spreadsheet,
    layouts.map((l) => l.name),
  );
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

/** Puts back what a failed commit changed, and drops the copies. */
function restore(spreadsheet: Spreadsheet, previous: Previous[], fresh: Sheet[], layouts: TabLayout[]) {
  for (const p of previous) {
    const oldCharts = new Set(p.charts);
    for (const chart of p.sheet.getCharts()) {
      const title = String(chart.getOptions().get('title') ?? '');
      if (!oldCharts.has(chart) && layouts.some((l) => (l.charts ?? []).some((c) => c.title === title)))
        p.sheet.removeChart(chart);
    }
    copyCells(p.backup, p.sheet, gridOf(p.backup), p.frozen);
    p.sheet.setConditionalFormatRules(p.rules);
    ownership(p.sheet)?.setValue(p.mark);
  }
  for (const sheet of fresh) if (spreadsheet.getSheetByName(sheet.getName())) spreadsheet.deleteSheet(sheet);
  dropCopies(
    spreadsheet,
    layouts.map((l) => l.name),
  );
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

/** Checks everything an import needs before writing anything; drops what a failed one left. */
function prepare(spreadsheet: Spreadsheet, names: string[], grids: Grid[], replaceEdited: boolean) {
  checkTargets(spreadsheet, names, replaceEdited);
  checkRoom(spreadsheet, names, grids);
  dropCopies(spreadsheet, names);
}

/**
 * Writes the tabs the sidebar computed, in one call. All or nothing: every tab is written to a new
 * copy first, and the tabs take the new content only when all of it is written.
 */
export function writeTabs(request: WriteTabsRequest): WriteTabsResult {
  return withDocumentLock(() => {
    refuseIfBusy();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const layouts = request.tabs.map(layoutOf);
    const names = layouts.map((l) => l.name);
    const grids = layouts.map((l) => l.grid);
    return keepingActiveSheet(spreadsheet, () => {
      prepare(spreadsheet, names, grids, request.replaceEdited ?? false);
      try {
        stage(spreadsheet, names, grids);
        for (const tab of request.tabs) {
          const staged = spreadsheet.getSheetByName(tab.name + NEW) as Sheet;
          writeRows(staged, 1, tab.rows, tab.formats, rowsWidth(tab.rows));
        }
      } catch (error) {
        dropCopies(spreadsheet, names);
        throw error;
      }
      return commit(spreadsheet, layouts);
    });
  });
}

/** Starts a large import: checks the targets and the room, makes the empty new copies, returns a token. */
export function beginTabs(request: BeginTabsRequest): { token: string } {
  return withDocumentLock(() => {
    refuseIfBusy();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    return keepingActiveSheet(spreadsheet, () => {
      prepare(spreadsheet, request.names, request.grids, request.replaceEdited ?? false);
      try {
        stage(spreadsheet, request.names, request.grids);
      } catch (error) {
        dropCopies(spreadsheet, request.names);
        throw error;
      }
      const token = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      PropertiesService.getDocumentProperties().setProperty(
        IN_PROGRESS,
        JSON.stringify({ token, started: Date.now(), names: request.names }),
      );
      return { token };
    });
  });
}

/** Writes one block of a tab's rows into its new copy. */
export function appendTabRows(request: TabRowsRequest): { rows: number } {
  const state = inProgress();
  if (!state || state.token !== request.token)
    throw new Error('This import expired or was replaced; import again.');
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(request.name + NEW);
  if (!sheet) throw new Error(`The import lost its new tab "${request.name}"; import again.`);
  writeRows(sheet, request.startRow, request.rows, request.formats, rowsWidth(request.rows));
  return { rows: request.rows.length };
}

/** Finishes a large import: the tabs take their new content, all at once. */
export function commitTabs(request: CommitTabsRequest): WriteTabsResult {
  return withDocumentLock(() => {
    const state = inProgress();
    if (!state || state.token !== request.token)
      throw new Error('This import expired or was replaced; import again.');
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    try {
      return keepingActiveSheet(spreadsheet, () => commit(spreadsheet, request.tabs));
    } finally {
      PropertiesService.getDocumentProperties().deleteProperty(IN_PROGRESS);
    }
  });
}

/** Gives up a large import: the new copies go, the tabs stay as they were. */
export function abortTabs(request: { token: string }): { aborted: boolean } {
  return withDocumentLock(() => {
    const state = inProgress();
    if (!state || state.token !== request.token) return { aborted: false };
    dropCopies(SpreadsheetApp.getActiveSpreadsheet(), state.names);
    PropertiesService.getDocumentProperties().deleteProperty(IN_PROGRESS);
    return { aborted: true };
  });
}
