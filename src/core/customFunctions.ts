import { CS_INDICATORS } from './functions/csIndicators';
import { defineCustomFunctions } from './functions/customFunctionSpec';
import { RATE_FUNCTIONS } from './functions/rates';
import { SCORING_FUNCTIONS } from './functions/scoringFunctions';

/** The custom functions Sheets offers, by name: the one registry behind stubs, JSDoc and docs. */
export const customFunctions = defineCustomFunctions([
  ...RATE_FUNCTIONS,
  ...SCORING_FUNCTIONS,
  CS_INDICATORS,
]);

export function customFunction(name: string) {
  const spec = customFunctions[name];
  if (!spec) throw new Error(`no custom function ${name}`);
  return spec;
}
