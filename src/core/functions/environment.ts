import { DEFAULT_SETTINGS } from '../engine/settings';

/**
 * What a formula may need from the spreadsheet it runs in, given by the Apps Script layer (core never
 * calls a service). Setting the provider is inert; it is asked only when a formula runs.
 */
let spreadsheetZone: () => string = () => DEFAULT_SETTINGS.timeZone;

export function provideSpreadsheetZone(provider: () => string): void {
  spreadsheetZone = provider;
}

export function currentSpreadsheetZone(): string {
  try {
    return spreadsheetZone();
  } catch {
    return DEFAULT_SETTINGS.timeZone;
  }
}
