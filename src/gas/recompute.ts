import { languageOf } from '../core/language';
import { agentRowsFromTabs, idOfHeader, SCORECARD_TAB, scorecardTab } from '../core/sheets/scorecard';
import { readSettings, SETTINGS_TAB, SettingsError } from '../core/sheets/settingsTab';
import { TAB_NAMES, targetRules } from '../core/sheets/tabs';
import { applyConditionalRules, isOwned, withDocumentLock, writeTabs } from './writeTabs';

const TITLE = '客服绩效';
const INDICATOR_TABS = [TAB_NAMES.service, TAB_NAMES.sales, TAB_NAMES.after_sales];

/**
 * Menu: 按设置重新计算. After the team edits 设置 (indicators, tiers, weights, pay, who is on which
 * scheme), rebuilds 绩效 from the figures already in the indicator tabs and recolors those tabs
 * against the new targets. No export is needed: nothing is recomputed from chats or orders.
 */
export function recomputeFromSettings() {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const settingsSheet = spreadsheet.getSheetByName(SETTINGS_TAB);
  if (!settingsSheet) {
    ui.alert(
      TITLE,
      '还没有「设置」工作表：请先建立模板或导入。There is no 设置 tab yet: set up the template or import first.',
      ui.ButtonSet.OK,
    );
    return;
  }
  let book: ReturnType<typeof readSettings>;
  try {
    book = readSettings(settingsSheet.getDataRange().getValues());
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    ui.alert(
      TITLE,
      `「设置」有误，未做改动。设置 has mistakes; nothing was changed.\n\n${error.message}`,
      ui.ButtonSet.OK,
    );
    return;
  }
  const sheets = INDICATOR_TABS.map((name) => spreadsheet.getSheetByName(name)).filter(
    (sheet): sheet is GoogleAppsScript.Spreadsheet.Sheet => sheet !== null,
  );
  const agents = agentRowsFromTabs(sheets.map((sheet) => sheet.getDataRange().getValues()));
  const card = scorecardTab(agents, book, 'addon', languageOf(spreadsheet.getSpreadsheetLocale()));
  try {
    writeTabs({ tabs: [card] });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!message.includes('edited since the last import')) {
      ui.alert(TITLE, message, ui.ButtonSet.OK);
      return;
    }
    if (ui.alert(TITLE, `${message}\n\n替换？Replace it?`, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
    writeTabs({ tabs: [card], replaceEdited: true });
  }
  withDocumentLock(() => {
    for (const sheet of sheets) {
      if (!isOwned(sheet)) continue;
      const [header = [], ...rest] = sheet.getDataRange().getValues();
      const names = rest.slice(0, Math.max(rest.length - 2, 0)).map((row) => String(row[0] ?? ''));
      const ids = header.slice(1).map((h) => idOfHeader(h) ?? '');
      applyConditionalRules(sheet, targetRules(names, ids, book));
    }
  });
  ui.alert(
    TITLE,
    `已按「设置」重新计算「${SCORECARD_TAB}」：${agents.length} 位客服，${book.schemes.length} 个方案。Recomputed ${SCORECARD_TAB} from 设置: ${agents.length} agents, ${book.schemes.length} schemes.`,
    ui.ButtonSet.OK,
  );
}
