import { describe, expect, it } from 'vitest';
import { FormulaInputError, mapPairwise, readNumber, toGrid, toSheetResult } from './sheetArgs';

const place = { functionName: 'F', argument: 'count', row: 2, column: 3, isRange: true };

describe('toGrid', () => {
  it('makes a scalar 1×1, keeps a 2D range and reads a flat array as one row', () => {
    expect(toGrid(5)).toEqual([[5]]);
    expect(toGrid([[1], [2]])).toEqual([[1], [2]]);
    expect(toGrid([1, 2, 3])).toEqual([[1, 2, 3]]);
  });
});

describe('readNumber', () => {
  it('reads numbers and treats "" (an empty cell) as no value', () => {
    expect(readNumber(3, place)).toBe(3);
    expect(readNumber('', place)).toBeNull();
    expect(readNumber(null, place)).toBeNull();
  });

  it('refuses text, dates and booleans with the function, argument and cell in the message', () => {
    expect(() => readNumber('12 people', place)).toThrow(
      'F: count (row 2, column 3 of the range) holds the text "12 people"; enter a number or leave the cell empty.',
    );
    expect(() => readNumber(new Date(0), place)).toThrow(/holds a date/);
    expect(() => readNumber(true, { ...place, isRange: false })).toThrow(
      'F: count holds the logical value TRUE',
    );
    expect(() => readNumber(Number.NaN, place)).toThrow(FormulaInputError);
  });
});

describe('mapPairwise', () => {
  const divide = (a: number, b: number) => (b === 0 ? null : a / b);

  it('returns a single cell for two single values', () => {
    expect(mapPairwise('F', ['a', 1], ['b', 4], divide)).toBe(0.25);
  });

  it('returns a column for two columns, with "" for blanks and empty rates', () => {
    expect(mapPairwise('F', ['a', [[1], [''], [2]]], ['b', [[2], [5], [0]]], divide)).toEqual([
      [0.5],
      [''],
      [''],
    ]);
  });

  it('applies a single value to every cell of a range', () => {
    expect(mapPairwise('F', ['a', [[1], [2]]], ['b', 4], divide)).toEqual([[0.25], [0.5]]);
  });

  it('refuses ranges of different sizes, naming both shapes', () => {
    expect(() => mapPairwise('F', ['a', [[1], [2]]], ['b', [[1], [2], [3]]], divide)).toThrow(
      'F: a is 2×1 but b is 3×1; give ranges of the same size, or a single value.',
    );
  });
});

describe('toSheetResult', () => {
  it('unwraps 1×1 and keeps larger results as rows of columns', () => {
    expect(toSheetResult([[7]])).toBe(7);
    expect(toSheetResult([[1], [2]])).toEqual([[1], [2]]);
  });
});
