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
});
