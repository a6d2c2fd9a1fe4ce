/**
 * The whole Apps Script surface in one place. The build bundles this file under the global `CsKpi`
 * and generates a top-level function for every entry below, since Apps Script only calls top-level
 * function declarations: triggers, menu actions, sidebar server functions and custom functions.
 * Top-level code here must stay inert: Sheets runs it for every custom-function cell.
 */
export { customFunctions } from './core/customFunctions';
export { menuActions, triggers } from './gas/menu';
export { server } from './gas/sidebarServer';

import { provideSpreadsheetZone } from './core/functions/environment';

// Inert: a closure, asked only when CS_INDICATORS runs (custom functions may read the spreadsheet).
provideSpreadsheetZone(() => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());
