import { describe, expect, it } from 'vitest';
import { customFunction, customFunctions } from './customFunctions';

const CONVERSION_RATE = customFunction('CONVERSION_RATE');
const WEIGHTED_SCORE = customFunction('WEIGHTED_SCORE');

describe('every registered custom function', () => {
  for (const spec of Object.values(customFunctions)) {
    it(`${spec.name} gives the results its documented examples show`, () => {
      for (const example of spec.examples.filter((e) => e.result !== undefined)) {
        expect(spec.run(...example.args)).toEqual(example.result);
      }
    });
  }
});

describe('CONVERSION_RATE', () => {
  it('is 50 % for the SPEC §7 example (B of A and B paid within the window)', () => {
    expect(CONVERSION_RATE.run(1, 2)).toBe(0.5);
  });

  it('is an empty cell, not 0, when nobody inquired', () => {
    expect(CONVERSION_RATE.run(0, 0)).toBe('');
  });

  it('returns a column for a column of agents, blank where a cell is blank', () => {
    expect(CONVERSION_RATE.run([[3], [''], [0]], [[4], [5], [2]])).toEqual([[0.75], [''], [0]]);
  });

  it('refuses more converted than inquirers, which means the arguments are swapped', () => {
    expect(() => CONVERSION_RATE.run(5, 2)).toThrow(
      'CONVERSION_RATE: converted (5) is more than inquirers (2) in row 1; check that the arguments are not swapped.',
    );
  });

  it('refuses text and negative counts', () => {
    expect(() => CONVERSION_RATE.run('five', 2)).toThrow('CONVERSION_RATE: converted holds the text "five"');
    expect(() => CONVERSION_RATE.run(-1, 2)).toThrow(
      'CONVERSION_RATE: converted cannot be negative (row 1).',
    );
  });
});

describe('WEIGHTED_SCORE', () => {
  const weights = [[10, 10, 8, 5]];

  it('gives 256 for the SPEC §7 scores 9, 9, 7, 4 with weights 10, 10, 8, 5', () => {
    expect(WEIGHTED_SCORE.run([[9, 9, 7, 4]], weights)).toBe(256);
  });

  it('gives one total for a column of scores with a column of weights', () => {
    expect(WEIGHTED_SCORE.run([[9], [9], [7], [4]], [[10], [10], [8], [5]])).toBe(256);
  });

  it('gives a column of totals for a block of agents × indicators with a row of weights', () => {
    const block = [
      [9, 9, 7, 4],
      [10, 10, 8, 5],
      ['', '', '', ''],
    ];
    expect(WEIGHTED_SCORE.run(block, weights)).toEqual([[256], [289], ['']]);
  });

  it('gives a row of totals for indicators × agents with a column of weights', () => {
    const block = [
      [9, 10],
      [9, 10],
      [7, 8],
      [4, 5],
    ];
    expect(WEIGHTED_SCORE.run(block, [[10], [10], [8], [5]])).toEqual([[256, 289]]);
  });

  it('skips blank scores', () => {
    expect(WEIGHTED_SCORE.run([[9, '', 7, 4]], weights)).toBe(90 + 56 + 20);
  });

  it('explains weights that are all 0, negative, of the wrong count or not a single row', () => {
    expect(() => WEIGHTED_SCORE.run([[9, 9]], [[0, 0]])).toThrow(
      'WEIGHTED_SCORE: weights are all 0 or empty; give each indicator its weight.',
    );
    expect(() => WEIGHTED_SCORE.run([[9, 9]], [[1, -1]])).toThrow(
      'WEIGHTED_SCORE: weights cannot be negative.',
    );
    expect(() =>
      WEIGHTED_SCORE.run(
        [
          [9, 9, 7],
          [1, 2, 3],
        ],
        [[10, 10]],
      ),
    ).toThrow(
      'WEIGHTED_SCORE: scores has 3 columns of indicators but weights has 2; give one weight per indicator.',
    );
    expect(() =>
      WEIGHTED_SCORE.run(
        [[9, 9]],
        [
          [1, 2],
          [3, 4],
        ],
      ),
    ).toThrow('WEIGHTED_SCORE: weights must be a single row or a single column');
    expect(() => WEIGHTED_SCORE.run([['nine', 9]], [[1, 2]])).toThrow(
      'WEIGHTED_SCORE: scores (row 1, column 1 of the range) holds the text "nine"',
    );
  });
});
