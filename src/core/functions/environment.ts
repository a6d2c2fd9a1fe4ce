import { DEFAULT_SETTINGS } from '../engine/settings';

/**
 * What a formula may need from the spreadsheet it runs in, given by the Apps Script layer (core never
 * calls a service). Setting the provider is inert; it is asked only when a formula runs. Outside Apps
 * Script (the command line, tests) no spreadsheet exists and the engine's default zone stands in.
 */
let spreadsheetZone: () => string = () => DEFAULT_SETTINGS.timeZone;

/**
 * The script's time zone, fixed by appsscript.json (a test keeps the two equal). Sheets hands a custom
 * function the date-times of its ranges as Date objects in this zone, not the spreadsheet's: "If the
 * spreadsheet and the script use different time zones (a rare problem), the custom function will need
 * to compensate" (https://developers.google.com/apps-script/guides/sheets/functions#data_types).
 */
export const SCRIPT_TIME_ZONE = 'Asia/Shanghai';

export function provideSpreadsheetZone(provider: () => string): void {
  spreadsheetZone = provider;
}

/** The spreadsheet's zone; throws, rather than guess one, when it cannot be read. */
export function currentSpreadsheetZone(): string {
  return spreadsheetZone();
}
