import { describe, expect, it } from 'vitest';
import { ratio } from './ratio';

describe('ratio', () => {
  it('divides', () => {
    expect(ratio(1, 2)).toBe(0.5);
    expect(ratio(0, 5)).toBe(0);
  });

  it('is empty (null), not 0, NaN or Infinity, when the denominator is 0', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });
});
