// What the SQL views cover (coverage.ts): every indicator of the catalog, under every platform.
import { describe, expect, it } from 'vitest';
import { sqlRefusals, sqlSources } from '../../src/cli/sql/coverage';
import { exprCovered } from '../../src/cli/sql/views';
import { type Available, NOTHING_AVAILABLE } from '../../src/core/engine/facts';
import type { FactName } from '../../src/core/engine/formula';
import { PLATFORM_IDS } from '../../src/core/engine/platform';
import { resolveSettings } from '../../src/core/engine/settings';

describe('the SQL views’ coverage', () => {
  it('computes every indicator of the catalog with every export given, under every platform', () => {
    const everything = Object.fromEntries(Object.keys(NOTHING_AVAILABLE).map((k) => [k, true])) as Available;
    for (const platform of PLATFORM_IDS) {
      const sources = sqlSources(everything, resolveSettings({ platform }));
      expect(sources.platform).toBe(platform !== 'none');
      expect(sqlRefusals(sources), platform).toEqual([]);
    }
  });

  it('has no SQL form for an expression over a fact the views do not compute (an indicator reading it is refused)', () => {
    expect(exprCovered({ ratio: [{ fact: 'platformOnTime' }, { fact: 'platformCases' }] })).toBe(true);
    expect(exprCovered({ mean: 'platformResponseHours' })).toBe(true);
    expect(exprCovered({ ratio: [{ fact: 'unknownFact' as FactName }, { fact: 'consultations' }] })).toBe(
      false,
    );
  });
});
