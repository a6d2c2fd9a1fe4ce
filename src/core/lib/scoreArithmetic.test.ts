import { describe, expect, it } from 'vitest';
import { weightedScore } from './scoreArithmetic';

describe('weightedScore', () => {
  it('gives 256 for the SPEC §7 example and 289 for full marks', () => {
    expect(weightedScore([9, 9, 7, 4], [10, 10, 8, 5])).toBe(256);
    expect(weightedScore([10, 10, 8, 5], [10, 10, 8, 5])).toBe(289);
  });

  it('skips an indicator without a score or without a weight', () => {
    expect(weightedScore([9, null, 7, 4], [10, 10, 8, 5])).toBe(90 + 56 + 20);
    expect(weightedScore([9, 9, 7, 4], [10, null, 8, 5])).toBe(90 + 56 + 20);
  });

  it('has no total (null) when there is no score at all', () => {
    expect(weightedScore([null, null], [1, 2])).toBeNull();
  });
});
