import type { ServerApi } from '../core/sidebarApi';
import { loadPreferences, savePreferences } from './preferences';
import { readSettingsTab, readTab, showTab } from './tabAccess';
import { abortTabs, appendTabRows, beginTabs, commitTab, commitTabs, writeTabs } from './writeTabs';

/** The functions the sidebar calls through google.script.run. */
export const server: ServerApi = {
  getSidebarContext() {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    return {
      spreadsheetName: spreadsheet.getName(),
      timeZone: spreadsheet.getSpreadsheetTimeZone(),
      spreadsheetLocale: spreadsheet.getSpreadsheetLocale(),
      userLocale: Session.getActiveUserLocale(),
      tabs: spreadsheet.getSheets().map((sheet) => sheet.getName()),
    };
  },
  writeTabs,
  beginTabs,
  appendTabRows,
  commitTab,
  commitTabs,
  abortTabs,
  readTab,
  readSettingsTab,
  showTab,
  loadPreferences,
  savePreferences,
};
