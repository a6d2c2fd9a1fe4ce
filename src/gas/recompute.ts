import { MONEY_INDICATORS, RatesError } from '../core/engine/currencies';
import { RATES_TAB, ratesNotFollowed } from '../core/engine/rateTable';
import { languageOf } from '../core/lib/language';
import { APPEALS_TAB } from '../core/payPeriod/appeals';
import { PAY_RECORD_TAB, periodLabel } from '../core/payPeriod/payRecord';
import { scorecardPrevious } from '../core/payPeriod/previousPay';
import { SCORECARD_TAB, scorecardIndicators, scorecardTab } from '../core/sheets/scorecard';
import {
  readSettingsBook,
  SETTINGS_TAB,
  type SettingsBook,
  SettingsTabError,
} from '../core/sheets/settingsTab';
import { currencyOfTab, RATES_USED_TAB, targetRules } from '../core/sheets/tabs';
import { lastImport } from './importState';
import { readTabFigures } from './indicatorTabs';
import { dataSpan, notePeriodStatus, previousClosedPeriod } from './payPeriod';
import { textRows } from './tabAccess';
import { ADDON_TITLE } from './title';
import { applyConditionalRules, isOwned, withDocumentLock, writeTabsAsking } from './writeTabs';

/** Where the sidebar is told to open on the what-if of 按设置重新计算 (a user property, read once). */
export const WHAT_IF_FLAG = 'cs-kpi.open-what-if';

/**
 * Menu: 按设置重新计算. Opens the sidebar on the pay what-if: each agent's pay as 绩效 shows it now and
 * as the edited 设置 would make it; the sidebar applies (applyRecompute) only when asked.
 */
export function recomputeFromSettings() {
  PropertiesService.getUserProperties().setProperty(WHAT_IF_FLAG, 'yes');
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}

/** Whether the sidebar opens on the what-if (and forgets it: the next opening is an ordinary one). */
export function takeWhatIfFlag(): boolean {
  const properties = PropertiesService.getUserProperties();
  const flag = properties.getProperty(WHAT_IF_FLAG) !== null;
  if (flag) properties.deleteProperty(WHAT_IF_FLAG);
  return flag;
}

/**
 * Why 绩效 cannot be rebuilt as the 汇率 tab now says (rateTable.ts ratesNotFollowed), when a scheme
 * scores a money figure; null otherwise. A 汇率 tab that cannot be read is said with its row and column.
 */
export function ratesProblem(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, book: SettingsBook) {
  if (!scorecardIndicators(book).some((id) => MONEY_INDICATORS.includes(id))) return null;
  const rates = spreadsheet.getSheetByName(RATES_TAB);
  if (!rates) return null;
  const used = spreadsheet.getSheetByName(RATES_USED_TAB)?.getDataRange().getValues() ?? null;
  const perCurrency = spreadsheet.getSheets().flatMap((sheet) => currencyOfTab(sheet.getName()) ?? []);
  try {
    return ratesNotFollowed(textRows(rates.getDataRange()), used, perCurrency, lastImport());
  } catch (error) {
    if (!(error instanceof RatesError)) throw error;
    return `「${RATES_TAB}」有误，未做改动。${RATES_TAB} has mistakes; nothing was changed.\n\n${error.message}`;
  }
}

/**
 * 按设置重新计算, applied (from the sidebar's what-if, or after 申诉 is made). After the team edits
 * 设置 (indicators, tiers, weights, pay, who is on which scheme), rebuilds 绩效 from the figures
 * already in the indicator tabs and recolors those tabs against the new targets. No export is needed:
 * nothing is recomputed from chats or orders. Says what it did in a dialog, and to the sidebar.
 */
export function applyRecompute(): { applied: boolean; message: string } {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const settingsSheet = spreadsheet.getSheetByName(SETTINGS_TAB);
  if (!settingsSheet) {
    const message =
      '还没有「设置」工作表：请先建立模板或导入。There is no 设置 tab yet: set up the template or import first.';
    ui.alert(ADDON_TITLE, message, ui.ButtonSet.OK);
    return { applied: false, message };
  }
  let book: ReturnType<typeof readSettingsBook>;
  try {
    book = readSettingsBook(settingsSheet.getDataRange().getValues());
  } catch (error) {
    if (!(error instanceof SettingsTabError)) throw error;
    const message = `「设置」有误，未做改动。设置 has mistakes; nothing was changed.\n\n${error.message}`;
    ui.alert(ADDON_TITLE, message, ui.ButtonSet.OK);
    return { applied: false, message };
  }
  const ratesChanged = ratesProblem(spreadsheet, book);
  if (ratesChanged) {
    ui.alert(ADDON_TITLE, ratesChanged, ui.ButtonSet.OK);
    return { applied: false, message: ratesChanged };
  }
  // The names the indicator tabs were written with (3分钟应答率 under 180 s) head 绩效 too.
  const { tabs, agents, naming, flagOf } = readTabFigures(spreadsheet);
  const language = languageOf(spreadsheet.getSpreadsheetLocale());
  // With a 申诉 tab, 绩效's figures read the appeals accepted for the period the data covers; with a
  // closed period before the data, its change columns compare with that period's pay.
  const hasAppeals = spreadsheet.getSheetByName(APPEALS_TAB) !== null;
  const span = hasAppeals || spreadsheet.getSheetByName(PAY_RECORD_TAB) ? dataSpan(spreadsheet) : null;
  const appealsPeriod = hasAppeals ? periodLabel(span) : undefined;
  const previous = span ? previousClosedPeriod(span) : null;
  const card = scorecardTab(
    agents,
    book,
    'native',
    language,
    naming,
    flagOf,
    appealsPeriod,
    previous ? scorecardPrevious(previous, book) : undefined,
  );
  if (!writeTabsAsking([card], '替换？Replace it?'))
    return { applied: false, message: `「${SCORECARD_TAB}」未改动。${SCORECARD_TAB} was left as it was.` };
  withDocumentLock(() => {
    for (const { sheet, content } of tabs) {
      if (!isOwned(sheet)) continue;
      const names = content.agents.map((row) => String(row.agent));
      applyConditionalRules(sheet, targetRules(names, content.columnIds, book));
    }
  });
  notePeriodStatus(spreadsheet);
  const message = `已按「设置」重新计算「${SCORECARD_TAB}」：${agents.length} 位客服，${book.schemes.length} 个方案。Recomputed ${SCORECARD_TAB} from 设置: ${agents.length} agents, ${book.schemes.length} schemes.`;
  ui.alert(ADDON_TITLE, message, ui.ButtonSet.OK);
  return { applied: true, message };
}
