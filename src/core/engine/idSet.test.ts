import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet } from './idSet';

describe('a set of customer numbers', () => {
  it('counts distinct numbers as a Set does, however many times each is added and read', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(50), { maxLength: 40 }), { maxLength: 5 }), (batches) => {
        const ids = new IdSet();
        const set = new Set<number>();
        for (const batch of batches) {
          for (const id of batch) {
            ids.add(id);
            set.add(id);
          }
          expect(ids.size).toBe(set.size);
        }
      }),
    );
  });

  it('counts alike with large and negative numbers, sets read in turn leaving nothing behind', () => {
    const id = fc.integer({ min: -3, max: 5000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), id), { maxLength: 200 }), (adds) => {
        const sets = [new IdSet(), new IdSet()];
        const expected = [new Set<number>(), new Set<number>()];
        for (const [second, n] of adds) {
          const k = second ? 1 : 0;
          sets[k]?.add(n);
          expected[k]?.add(n);
          expect(sets.map((s) => s.size)).toEqual(expected.map((s) => s.size));
        }
      }),
      { numRuns: 300 },
    );
  });
});
