import { INDICATOR_BY_ID, indicatorName } from '../core/engine/catalog';
import { languageOf } from '../core/lib/language';
import { APPEALS_HEADER, APPEALS_ROWS, APPEALS_TAB, DECISIONS } from '../core/payPeriod/appeals';
import { scorecardIndicators } from '../core/sheets/scorecard';
import {
  readSettingsBook,
  SETTINGS_TAB,
  type SettingsBook,
  SettingsTabError,
} from '../core/sheets/settingsTab';
import { TEXT_FORMAT } from '../core/sheets/tabs';
import { readTabFigures } from './indicatorTabs';
import { applyRecompute } from './recompute';
import { ADDON_TITLE } from './title';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The indicator names 绩效 heads its columns with: what 申诉's 指标 column offers. */
export function indicatorNames(spreadsheet: Spreadsheet, book: SettingsBook): string[] {
  const { naming } = readTabFigures(spreadsheet);
  const language = languageOf(spreadsheet.getSpreadsheetLocale());
  return scorecardIndicators(book).map((id) => {
    const indicator = INDICATOR_BY_ID.get(id);
    return indicator ? indicatorName(indicator, language, naming) : id;
  });
}

/**
 * Menu: 申诉. Makes the 申诉 tab (once): a header, plain-text columns for names, a date column, and
 * dropdowns for the decision (接受 accepted / 驳回 rejected) and for the indicator; then rebuilds 绩效
 * so that its figures read the accepted appeals. The tab is the team's from then on: no import
 * rewrites it.
 */
export function openAppeals() {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = spreadsheet.getSheetByName(APPEALS_TAB);
  if (existing) {
    existing.activate();
    return;
  }
  const sheet = spreadsheet.insertSheet(APPEALS_TAB, spreadsheet.getSheets().length);
  const width = APPEALS_HEADER.length;
  if (sheet.getMaxRows() < APPEALS_ROWS)
    sheet.insertRowsAfter(sheet.getMaxRows(), APPEALS_ROWS - sheet.getMaxRows());
  // Names and periods as plain text ("0012", "2024-03", "=1+1" stay as typed), the figure a number,
  // the date a date.
  const formats = [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, 'General', 'yyyy-mm-dd'];
  sheet
    .getRange(1, 1, APPEALS_ROWS, width)
    .setNumberFormats(
      Array.from({ length: APPEALS_ROWS }, (_, r) => (r === 0 ? formats.map(() => TEXT_FORMAT) : formats)),
    );
  sheet.getRange(1, 1, 1, width).setValues([[...APPEALS_HEADER]]);
  sheet.setFrozenRows(1);
  const decisions = SpreadsheetApp.newDataValidation()
    .requireValueInList([DECISIONS.accepted, DECISIONS.rejected], true)
    .setAllowInvalid(false)
    .build();
  sheet.getRange(2, 5, APPEALS_ROWS - 1, 1).setDataValidation(decisions);
  applyRecompute();
  const settings = spreadsheet.getSheetByName(SETTINGS_TAB);
  let book: SettingsBook | null = null;
  try {
    book = settings ? readSettingsBook(settings.getDataRange().getValues()) : null;
  } catch (error) {
    // 设置 with mistakes: recompute said which; the indicator column is left without a dropdown.
    if (!(error instanceof SettingsTabError)) throw error;
  }
  const names = book ? indicatorNames(spreadsheet, book) : [];
  if (names.length > 0)
    sheet
      .getRange(2, 3, APPEALS_ROWS - 1, 1)
      .setDataValidation(
        SpreadsheetApp.newDataValidation().requireValueInList(names, true).setAllowInvalid(false).build(),
      );
  sheet.activate();
  ui.alert(
    ADDON_TITLE,
    `「${APPEALS_TAB}」已建立：每条申诉一行（客服、周期、指标、申诉内容、决定、更正数字、日期）。决定为「${DECISIONS.accepted}」的更正数字替换「绩效」中该客服该指标的数字；已结算的周期须先重新打开。The ${APPEALS_TAB} tab is ready: one row per appeal. An appeal decided "${DECISIONS.accepted}" replaces that agent's figure in 绩效 for its period; a closed period changes only once reopened and closed again.`,
    ui.ButtonSet.OK,
  );
}
