import { openAppeals } from './appeals';
import { closePayPeriod, reopenPayPeriod } from './payPeriod';
import { recomputeFromSettings } from './recompute';
import { setUpTemplate, showHelp } from './template';
import { ADDON_TITLE } from './title';

/** Functions that menu items name; the build makes each a top-level function. */
export const menuActions = {
  openSidebar() {
    const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE);
    SpreadsheetApp.getUi().showSidebar(page);
  },
  setUpTemplate,
  recomputeFromSettings,
  closePayPeriod,
  reopenPayPeriod,
  openAppeals,
  showHelp,
};

type MenuActionName = keyof typeof menuActions;
const action = (name: MenuActionName) => name;

/**
 * Builds the add-on menu and nothing else: onOpen may run in AuthMode.NONE (installed but not yet
 * enabled in this file), where reading the spreadsheet or properties would throw.
 */
function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen) {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('打开侧边栏 Open sidebar', action('openSidebar'))
    .addItem('建立模板 Set up template', action('setUpTemplate'))
    .addItem('按设置重新计算 Recompute from the settings', action('recomputeFromSettings'))
    .addSeparator()
    .addItem('结算本期 Close pay period', action('closePayPeriod'))
    .addItem('重新打开 Reopen pay period', action('reopenPayPeriod'))
    .addItem('申诉 Appeals', action('openAppeals'))
    .addSeparator()
    .addItem('帮助 Help', action('showHelp'))
    .addToUi();
}

function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall) {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export const triggers = { onOpen, onInstall };
