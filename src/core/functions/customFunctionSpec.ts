import type { SheetArg, SheetResult } from './sheetArgs';

/** Text shown to users in both languages of the product: Sheets' autocomplete shows them together. */
export interface Bilingual {
  en: string;
  zh: string;
}

export interface ParamSpec {
  /** The name Sheets shows in the argument hint: lower snake case, as in the docs. */
  name: string;
  /** The JSDoc type Sheets' autocomplete displays. */
  type: string;
  description: Bilingual;
  /** May be left out of the formula (Sheets then passes undefined). */
  optional?: boolean;
}

export interface FormulaExample {
  /** The formula as a user types it. */
  formula: string;
  /** The same arguments as Sheets would pass them (ranges as rows of columns). */
  args: SheetArg[];
  /** The exact result, checked by tests; or, for a large table, what it shows (in `shows`). */
  result?: SheetResult;
  shows?: string;
}

/**
 * Everything about one custom function, in one place: the build generates its top-level stub and
 * JSDoc from this, the docs list it, and tests run its examples.
 */
export interface CustomFunctionSpec {
  name: string;
  summary: Bilingual;
  params: readonly ParamSpec[];
  returns: { type: string; description: Bilingual };
  examples: readonly FormulaExample[];
  /** The same computation in native Sheets formulas, for teams whose members lack the add-on. */
  native?: string;
  run: (...args: SheetArg[]) => SheetResult;
}

export function defineCustomFunctions(
  specs: readonly CustomFunctionSpec[],
): Record<string, CustomFunctionSpec> {
  const byName: Record<string, CustomFunctionSpec> = {};
  for (const spec of specs) {
    if (byName[spec.name]) throw new Error(`custom function ${spec.name} is defined twice`);
    byName[spec.name] = spec;
  }
  return byName;
}
