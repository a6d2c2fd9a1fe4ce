import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distribution, mean } from './stats';

/** The definition the selection must meet: sort, then interpolate as PERCENTILE.INC does. */
function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = new Float64Array(values).sort();
  const rank = (sorted.length - 1) * p;
  const low = sorted[Math.floor(rank)] as number;
  const high = sorted[Math.ceil(rank)] as number;
  return low + (high - low) * (rank - Math.floor(rank));
}

describe('duration summaries', () => {
  it('gives 110 s as the mean of gaps 30, 120 and 180 s (SPEC §7)', () => {
    expect(mean([30, 120, 180])).toBe(110);
    expect(distribution([30, 120, 180]).median).toBe(120);
  });

  it('interpolates percentiles like PERCENTILE.INC', () => {
    expect(distribution([1, 2, 3, 4]).median).toBe(2.5);
    expect(distribution([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).p90).toBeCloseTo(9.1, 10);
    expect(distribution([7]).p90).toBe(7);
  });

  it('is empty (null) with no values', () => {
    expect(mean([])).toBeNull();
    expect(distribution([]).median).toBeNull();
  });
});

describe('median and 90th percentile by selection', () => {
  it('equal, to the bit, what sorting gives, whatever the order and the repeats', () => {
    const durations = fc.array(
      fc.oneof(fc.integer({ min: -5, max: 40 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
      {
        minLength: 1,
        maxLength: 300,
      },
    );
    const orders = fc.constantFrom('as given', 'ascending', 'descending');
    fc.assert(
      fc.property(durations, orders, (values, order) => {
        if (order === 'ascending') values.sort((a, b) => a - b);
        if (order === 'descending') values.sort((a, b) => b - a);
        const { median: m, p90 } = distribution(values);
        expect(Object.is(m, percentile(values, 0.5))).toBe(true);
        expect(Object.is(p90, percentile(values, 0.9))).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(distribution([])).toEqual({ median: null, p90: null });
  });
});
