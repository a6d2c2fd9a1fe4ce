import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { createGasFake, type GasFakeOptions } from './services';

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
  return { ...fake, global, evaluate, context };
}
