import { INDICATOR_BY_ID, indicatorName, type Language, type Naming } from '../core/engine/catalog';
import type { Row } from '../core/engine/report';
import { languageOf } from '../core/lib/language';
import {
  APPEAL_COLUMNS,
  APPEALS_HEADER,
  APPEALS_ROWS,
  APPEALS_TAB,
  AppealsError,
  knownPeriods,
  strayAppeals,
  withAcceptedAppeals,
} from '../core/payPeriod/appeals';
import { payLines, schemeSummary } from '../core/payPeriod/payLines';
import {
  closedPeriodCovering,
  closedPeriodNote,
  closedPeriods,
  closedRowsOf,
  closeRows,
  type DataSpan,
  differences,
  extendedHeader,
  PAY_COLUMNS,
  PAY_RECORD_TAB,
  PAY_STATUS,
  type PayRecord,
  PayRecordError,
  PERIOD_NOTE_MARK,
  payRecordFormats,
  periodLabel,
  previousClosedFigures,
  RECORD_PROTECTION,
  readPayRecord,
  reopenRow,
} from '../core/payPeriod/payRecord';
import type { PreviousFigures } from '../core/payPeriod/previous';
import { toSheetValue } from '../core/sheets/cells';
import { cellText } from '../core/sheets/cellText';
import { rowsPerBlock } from '../core/sheets/chunks';
import { SCORECARD_TAB, scorecardIndicators } from '../core/sheets/scorecard';
import {
  readSettingsBook,
  SETTINGS_TAB,
  type SettingsBook,
  SettingsTabError,
} from '../core/sheets/settingsTab';
import type { TabCell } from '../core/sheets/tabModel';
import { TAB_NAMES, TEXT_FORMAT } from '../core/sheets/tabs';
import { INDICATOR_TABS, localText, readAppealsTab, readTabFigures } from './indicatorTabs';
import { ADDON_TITLE } from './title';
import { isOwned, withDocumentLock } from './writeTabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Ui = GoogleAppsScript.Base.Ui;

/** The column of 咨询明细 holding each consultation's first customer message (a date-time). */
const FIRST_MESSAGE_COLUMN = 4;

/**
 * The first and last day of the data in the tabs: the first customer messages of 咨询明细, read a
 * block of rows at a time (a month of a large shop is hundreds of thousands of rows).
 */
export function dataSpan(spreadsheet: Spreadsheet): DataSpan | null {
  const sheet = spreadsheet.getSheetByName(TAB_NAMES.detail);
  if (!sheet) return null;
  const zone = spreadsheet.getSpreadsheetTimeZone();
  const last = sheet.getLastRow();
  let from = '';
  let to = '';
  const perBlock = rowsPerBlock(1);
  for (let start = 2; start <= last; start += perBlock) {
    const values = sheet
      .getRange(start, FIRST_MESSAGE_COLUMN, Math.min(perBlock, last - start + 1), 1)
      .getValues();
    for (const [cell] of values) {
      const day = cellText(cell, zone).slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
      if (from === '' || day < from) from = day;
      if (to === '' || day > to) to = day;
    }
  }
  return from === '' ? null : { from, to };
}

/** The agents' figures with the appeals accepted for `period` in 申诉 (throws AppealsError). */
function appealedAgents(
  spreadsheet: Spreadsheet,
  agents: Row[],
  period: string,
  ids: string[],
  language: Language,
  naming: Naming,
): Row[] {
  const nameOf = (id: string) => {
    const indicator = INDICATOR_BY_ID.get(id);
    return indicator ? indicatorName(indicator, language, naming) : id;
  };
  return withAcceptedAppeals(agents, readAppealsTab(spreadsheet), period, nameOf, ids);
}

function say(ui: Ui, message: string) {
  ui.alert(ADDON_TITLE, message, ui.ButtonSet.OK);
}

/** The text typed into a prompt, or null when the user cancelled or closed it. */
function ask(ui: Ui, question: string): string | null {
  const answer = ui.prompt(ADDON_TITLE, question, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
}

function readRecord(spreadsheet: Spreadsheet): { sheet: Sheet | null; record: PayRecord } {
  const sheet = spreadsheet.getSheetByName(PAY_RECORD_TAB);
  if (!sheet) return { sheet: null, record: { header: [], rows: [] } };
  return { sheet, record: readPayRecord(sheet.getDataRange().getValues()) };
}

function readBook(spreadsheet: Spreadsheet): SettingsBook {
  const sheet = spreadsheet.getSheetByName(SETTINGS_TAB);
  if (!sheet)
    throw new SettingsTabError(
      '还没有「设置」工作表：请先建立模板或导入。There is no 设置 tab yet: set up the template or import first.',
    );
  return readSettingsBook(sheet.getDataRange().getValues());
}

/**
 * Who closes or reopens, as far as Apps Script tells without a new OAuth scope: the email address
 * (Session.getActiveUser) needs userinfo.email, which this add-on does not ask for
 * (docs/decisions.md); Session.getTemporaryActiveUserKey needs none and tells the same user apart
 * from others for about a month, without naming anyone.
 */
function whoAsks(): string {
  return `key:${Session.getTemporaryActiveUserKey()}`;
}

/**
 * Protects 发放记录 against hand edits, warning only: a person typing into it is asked to confirm
 * first, while the add-on (and every editor who confirms) still writes. No editors are removed, so no
 * one is locked out and no scope beyond spreadsheets.currentonly is needed. A protection already on
 * the sheet (an owner's stricter one) is left as it is.
 */
function protectRecord(sheet: Sheet) {
  if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length > 0) return;
  sheet.protect().setWarningOnly(true).setDescription(RECORD_PROTECTION);
}

/** Appends rows to 发放记录 (made if missing), header widened for new indicators; values only. */
function appendRecordRows(spreadsheet: Spreadsheet, header: string[], rows: TabCell[][]) {
  let sheet = spreadsheet.getSheetByName(PAY_RECORD_TAB);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(PAY_RECORD_TAB, spreadsheet.getSheets().length);
    sheet.setFrozenRows(1);
  }
  protectRecord(sheet);
  const width = header.length;
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  const end = start + rows.length - 1;
  if (sheet.getMaxRows() < end) sheet.insertRowsAfter(sheet.getMaxRows(), end - sheet.getMaxRows());
  const headerRange = sheet.getRange(1, 1, 1, width);
  headerRange.setNumberFormats([header.map(() => TEXT_FORMAT)]);
  headerRange.setValues([header]);
  if (rows.length === 0) return;
  // Formats first: a plain-text cell keeps "=小美" or "0012" as written, never a formula or a number.
  const formats = payRecordFormats(width);
  const range = sheet.getRange(start, 1, rows.length, width);
  range.setNumberFormats(rows.map(() => formats));
  range.setValues(
    rows.map((row) =>
      Array.from({ length: width }, (_, c) => toSheetValue(row[c] ?? null, formats[c] === TEXT_FORMAT)),
    ),
  );
}

/**
 * Menu: 结算本期. Freezes the pay 绩效 shows for a period into 发放记录: asks which period (the
 * data's month by default), refuses a period already closed, then appends a row per agent as values.
 */
export function closePayPeriod() {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let book: SettingsBook;
  let record: PayRecord;
  try {
    book = readBook(spreadsheet);
    record = readRecord(spreadsheet).record;
  } catch (error) {
    if (!(error instanceof SettingsTabError || error instanceof PayRecordError)) throw error;
    say(ui, `未结算。Nothing was closed.\n\n${error.message}`);
    return;
  }
  const figures = readTabFigures(spreadsheet);
  if (figures.agents.length === 0) {
    say(ui, '指标表中还没有客服：请先导入。The indicator tabs hold no agents yet: import first.');
    return;
  }
  const span = dataSpan(spreadsheet);
  const proposed = periodLabel(span);
  const period = ask(
    ui,
    `结算哪个周期？留空即「${proposed}」。结算后该周期的绩效工资写入「${PAY_RECORD_TAB}」，以后的导入不会改变它。\nWhich period do you close? Leave empty for "${proposed}". Its pay goes into ${PAY_RECORD_TAB}, which later imports never change.`,
  );
  if (period === null) return;
  const name = period || proposed;
  if (!name) {
    say(ui, "请写上周期名称，例如 2024-03。Write the period's name, such as 2024-03.");
    return;
  }
  const closed = closedRowsOf(record, name);
  if (closed.length > 0) {
    say(
      ui,
      `周期「${name}」已于 ${closed[0]?.closedAt} 结算，不能再次结算；如需更改，请先「重新打开」。Period "${name}" was closed at ${closed[0]?.closedAt} and cannot be closed twice; to change it, reopen it first (重新打开 Reopen pay period).`,
    );
    return;
  }
  const language = languageOf(spreadsheet.getSpreadsheetLocale());
  const ids = scorecardIndicators(book);
  let agents: Row[];
  try {
    // An accepted appeal of a period neither closed now nor before would never be paid: refused, as
    // is one of the data's period when the close is named otherwise (绩效 applies it, the close not).
    const known = knownPeriods(
      name,
      record.rows.map((row) => row.period),
    );
    const strays = strayAppeals(readAppealsTab(spreadsheet), known);
    if (strays.length > 0) throw new AppealsError(strays.join('\n'));
    agents = appealedAgents(spreadsheet, figures.agents, name, ids, language, figures.naming);
  } catch (error) {
    if (!(error instanceof AppealsError)) throw error;
    say(ui, `「申诉」有误，未结算。申诉 has mistakes; nothing was closed.\n\n${error.message}`);
    return;
  }
  const lines = payLines(agents, book, figures.flagOf);
  const summaries = new Map(
    book.schemes.map((layout) => [
      layout.scheme.name,
      schemeSummary(layout.scheme, language, figures.naming),
    ]),
  );
  const header = extendedHeader(record.header, ids, language, figures.naming);
  const rows = closeRows(lines, ids, header, {
    period: name,
    closedAt: localText(spreadsheet, Date.now()),
    span,
    by: whoAsks(),
    summaries,
    language,
    naming: figures.naming,
  });
  withDocumentLock(() => appendRecordRows(spreadsheet, header, rows));
  notePeriodStatus(spreadsheet);
  const total = lines.reduce((sum, line) => sum + (line.pay ?? 0), 0);
  const amount = total.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  say(
    ui,
    `已结算「${name}」：${lines.length} 位客服，绩效工资合计 ${amount}，见「${PAY_RECORD_TAB}」。Closed "${name}": ${lines.length} agents, ${amount} performance pay in total, in ${PAY_RECORD_TAB}.`,
  );
}

/**
 * Menu: 重新打开. Reopens a closed period: asks which and why, marks its rows superseded (kept, not
 * deleted) and adds a row saying when, by whom and why. The period can then be closed again.
 */
export function reopenPayPeriod() {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let found: { sheet: Sheet | null; record: PayRecord };
  try {
    found = readRecord(spreadsheet);
  } catch (error) {
    if (!(error instanceof PayRecordError)) throw error;
    say(ui, error.message);
    return;
  }
  const { sheet, record } = found;
  const periods = closedPeriods(record);
  const latest = periods.at(-1)?.period;
  if (!sheet || !latest) {
    say(ui, '没有已结算的周期。No period is closed.');
    return;
  }
  const period = ask(
    ui,
    `重新打开哪个周期？留空即「${latest}」。已结算：${periods.map((p) => p.period).join('、')}。\nWhich period do you reopen? Leave empty for "${latest}". Closed: ${periods.map((p) => p.period).join(', ')}.`,
  );
  if (period === null) return;
  const name = period || latest;
  const rows = closedRowsOf(record, name);
  if (rows.length === 0) {
    say(ui, `周期「${name}」没有结算，未做改动。Period "${name}" is not closed; nothing was changed.`);
    return;
  }
  const reason = ask(
    ui,
    `为什么重新打开「${name}」？原因会记入「${PAY_RECORD_TAB}」。Why do you reopen "${name}"? The reason is kept in ${PAY_RECORD_TAB}.`,
  );
  if (reason === null) return;
  if (!reason) {
    say(ui, '重新打开需要写明原因，未做改动。Reopening needs a reason; nothing was changed.');
    return;
  }
  withDocumentLock(() => {
    // Only the status cell of each old row changes: its figures and pay stay as they were paid.
    for (const row of rows)
      sheet.getRange(row.row, PAY_COLUMNS.status + 1, 1, 1).setValues([[PAY_STATUS.superseded]]);
    appendRecordRows(spreadsheet, record.header, [
      reopenRow(name, localText(spreadsheet, Date.now()), whoAsks(), reason, record.header.length),
    ]);
  });
  notePeriodStatus(spreadsheet);
  say(
    ui,
    `已重新打开「${name}」：原有 ${rows.length} 行标为作废并保留。可以再导入或处理申诉，然后再结算。Reopened "${name}": its ${rows.length} rows are marked superseded and kept. Import or settle appeals, then close it again.`,
  );
}

/**
 * The previous closed period before the data an import covers, for the indicator tabs' change
 * columns. A 发放记录 that cannot be read gives none here: the note notePeriodStatus writes after the
 * import says what is wrong with it.
 */
export function previousClosedPeriod(span: DataSpan | null): PreviousFigures | null {
  try {
    return previousClosedFigures(readRecord(SpreadsheetApp.getActiveSpreadsheet()).record, span);
  } catch (error) {
    if (error instanceof PayRecordError) return null;
    throw error;
  }
}

/**
 * 申诉's period column offers the known periods (the data's, and 发放记录's) and refuses any other
 * input, so a period typed another way ("2024年3月") cannot silently match nothing. Rows already
 * holding a period no longer known stay as they are (Sheets marks them invalid).
 */
function guardAppealPeriods(spreadsheet: Spreadsheet, known: string[]) {
  const sheet = spreadsheet.getSheetByName(APPEALS_TAB);
  if (!sheet || known.length === 0 || !isAppealsHeader(sheet)) return;
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList(known, true)
    .setAllowInvalid(false)
    .build();
  const column = APPEAL_COLUMNS.period.charCodeAt(0) - 64;
  sheet.getRange(2, column, APPEALS_ROWS - 1, 1).setDataValidation(rule);
}

/** Whether 申诉 still has the add-on's header (a tab of that name made otherwise is left alone). */
function isAppealsHeader(sheet: Sheet): boolean {
  const header = sheet.getRange(1, 1, 1, APPEALS_HEADER.length).getValues()[0] ?? [];
  return APPEALS_HEADER.every((name, c) => String(header[c] ?? '').trim() === name);
}

/**
 * Says on 绩效 and the indicator tabs (a note on A1) whether the data they hold covers a closed
 * period and where today's figures differ from the closed ones; removes a note of its own that no
 * longer holds. On 绩效 the note also names the accepted appeals of no known period, and 申诉's
 * period dropdown is brought up to date. Runs after every import, recompute, close and reopen.
 */
export function notePeriodStatus(spreadsheet: Spreadsheet) {
  const sheets = [...INDICATOR_TABS, SCORECARD_TAB]
    .map((name) => spreadsheet.getSheetByName(name))
    .filter((sheet): sheet is Sheet => sheet !== null && isOwned(sheet));
  let note = '';
  let strays: string[] = [];
  if (!spreadsheet.getSheetByName(PAY_RECORD_TAB) && !spreadsheet.getSheetByName(APPEALS_TAB)) {
    setNotes(sheets, '');
    return;
  }
  try {
    const { record } = readRecord(spreadsheet);
    const span = dataSpan(spreadsheet);
    const known = knownPeriods(
      periodLabel(span),
      record.rows.map((row) => row.period),
    );
    guardAppealPeriods(spreadsheet, known);
    strays = strayAppeals(readAppealsTab(spreadsheet), known);
    note = sheets.length === 0 ? '' : periodNote(spreadsheet, record, span);
  } catch (error) {
    if (!(error instanceof PayRecordError)) throw error;
    note = `${PERIOD_NOTE_MARK}${error.message}`;
  }
  const card = sheets.filter((sheet) => sheet.getName() === SCORECARD_TAB);
  setNotes(
    sheets.filter((sheet) => sheet.getName() !== SCORECARD_TAB),
    note,
  );
  const appealsNote =
    strays.length === 0 ? '' : `「${APPEALS_TAB}」有误 ${APPEALS_TAB} has mistakes:\n${strays.join('\n')}`;
  const cardNote = [note, appealsNote].filter((text) => text !== '').join('\n\n');
  setNotes(card, note === '' && cardNote !== '' ? `${PERIOD_NOTE_MARK}${cardNote}` : cardNote);
}

/** The note while the data covers a closed period: the differences from its closed figures. */
function periodNote(spreadsheet: Spreadsheet, record: PayRecord, span: DataSpan | null): string {
  let note: string;
  try {
    const covering = closedPeriodCovering(record, span);
    if (!covering) note = '';
    else {
      const book = readBook(spreadsheet);
      const figures = readTabFigures(spreadsheet);
      const language = languageOf(spreadsheet.getSpreadsheetLocale());
      const ids = scorecardIndicators(book);
      // Today's figures as 绩效 shows them: with the appeals accepted for the data's period.
      const agents = appealedAgents(
        spreadsheet,
        figures.agents,
        periodLabel(span),
        ids,
        language,
        figures.naming,
      );
      const today = payLines(agents, book, figures.flagOf);
      const diffs = differences(closedRowsOf(record, covering.period), today, ids, language, figures.naming);
      note = closedPeriodNote(covering, diffs);
    }
  } catch (error) {
    if (!(error instanceof SettingsTabError || error instanceof AppealsError)) throw error;
    note = `${PERIOD_NOTE_MARK}${error.message}`;
  }
  return note;
}

function setNotes(sheets: Sheet[], note: string) {
  for (const sheet of sheets) {
    const cell = sheet.getRange(1, 1, 1, 1);
    const current = String(cell.getNotes()[0]?.[0] ?? '');
    // A note someone else wrote on A1 stays; only the add-on's own is replaced or removed.
    if (current !== '' && !current.startsWith(PERIOD_NOTE_MARK)) continue;
    if (current !== note) cell.setNotes([[note]]);
  }
}
