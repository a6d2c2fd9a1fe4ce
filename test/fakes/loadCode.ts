import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { createGasFake, type GasFakeOptions } from './services';
import type { CellValue } from './spreadsheet';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

export function distFile(name: string): string {
  return readFileSync(`${DIST}${name}`, 'utf8');
}

/**
 * Loads the built dist/Code.js into a fresh node:vm context whose globals are the fake services, as
 * Apps Script would: every top-level function of Code.js becomes a property of the context.
 */
export function loadCode(options: GasFakeOptions = {}) {
  const fake = createGasFake({ htmlFiles: { Sidebar: distFile('Sidebar.html') }, ...options });
  const context = vm.createContext({ ...fake.globals });
  vm.runInContext(distFile('Code.js'), context, { filename: 'Code.js' });
  // biome-ignore lint/suspicious/noExplicitAny: the context's globals are whatever Code.js defines.
  const global = context as Record<string, any>;
  /** Evaluates an expression inside the context, so arrays and dates belong to its realm. */
  const evaluate = (expression: string): unknown => vm.runInContext(expression, context);
  /** A user typing a value into one cell of a tab (row and column from 1). */
  const editCell = (tab: string, row: number, column: number, value: CellValue) => {
    const sheet = fake.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`no tab ${tab} to edit`);
    sheet.getRange(row, column, 1, 1).setValues([[value]]);
  };
  /**
   * A formula cell calling a custom function, as Sheets runs it: each argument a range of a tab
   * ("聊天!A1:D9", given as { range }) or a plain value; dates handed over in the script's zone
   * (appsscript.json); the spreadsheet read-only and services that need authorization refused.
   */
  const runCustomFunction = (name: string, ...args: (unknown | { range: string })[]) => {
    const scriptZone = (JSON.parse(distFile('appsscript.json')) as { timeZone: string }).timeZone;
    const values = args.map((arg) => {
      if (typeof arg !== 'object' || arg === null || !('range' in arg)) return arg;
      const [tab = '', a1 = ''] = (arg as { range: string }).range.split('!');
      const sheet = fake.spreadsheet.getSheetByName(tab);
      if (!sheet) throw new Error(`no tab ${tab}`);
      return sheet.getRange(a1).peekAsArgument(scriptZone);
    });
    fake.log.clear();
    fake.execution.customFunction = true;
    try {
      return global[name](...values);
    } finally {
      fake.execution.customFunction = false;
    }
  };
  /**
   * A server function called as the sidebar calls it: its argument a JSON copy made in the Apps Script
   * realm, one execution (which the test may have asked to stop: failServerCall).
   */
  const callServer = (name: string, ...args: unknown[]): unknown =>
    fake.serverCall(name, () =>
      vm.runInContext(`${name}(...JSON.parse(${JSON.stringify(JSON.stringify(args))}))`, context),
    );
  return { ...fake, global, evaluate, context, editCell, runCustomFunction, callServer };
}
