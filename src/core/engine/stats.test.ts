import { describe, expect, it } from 'vitest';
import { mean, median, percentile } from './stats';

describe('duration summaries', () => {
  it('gives 110 s as the mean of gaps 30, 120 and 180 s (SPEC §7)', () => {
    expect(mean([30, 120, 180])).toBe(110);
    expect(median([30, 120, 180])).toBe(120);
  });

  it('interpolates percentiles like PERCENTILE.INC', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([7], 0.9)).toBe(7);
  });

  it('is empty (null) with no values', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });
});
