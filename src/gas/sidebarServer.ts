import type { ServerApi } from '../core/sidebarApi';
import { notePeriodStatus, previousClosedPeriod } from './payPeriod';
import { loadPreferences, savePreferences } from './preferences';
import { applyRecompute, takeWhatIfFlag } from './recompute';
import { readSettingsTab, readTab, showTab } from './tabAccess';
import { payWhatIf } from './whatIf';
import { abortTabs, appendTabRows, beginTabs, commitTab, commitTabs, writeTabs } from './writeTabs';

/** After an import's last call: 绩效 and the indicator tabs say whether their data covers a closed period. */
function notingClosedPeriods<R, T>(write: (request: R) => T): (request: R) => T {
  return (request) => {
    const result = write(request);
    notePeriodStatus(SpreadsheetApp.getActiveSpreadsheet());
    return result;
  };
}

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
      whatIf: takeWhatIfFlag(),
    };
  },
  writeTabs: notingClosedPeriods(writeTabs),
  beginTabs,
  appendTabRows,
  commitTab,
  commitTabs: notingClosedPeriods(commitTabs),
  abortTabs,
  readTab,
  readSettingsTab,
  previousClosedPeriod,
  showTab,
  payWhatIf,
  applyRecompute,
  loadPreferences,
  savePreferences,
};
