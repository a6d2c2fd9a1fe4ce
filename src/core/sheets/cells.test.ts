import { describe, expect, it } from 'vitest';
import { fingerprint, sheetSafeText, toSheetValue } from './cells';

describe('cells for setValues', () => {
  it('write text that Sheets would take for a formula with a leading apostrophe', () => {
    for (const text of ['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1'])
      expect(sheetSafeText(text)).toBe(`'${text}`);
    expect(sheetSafeText('小美')).toBe('小美');
    expect(toSheetValue('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
  });

  it('write the add-on\'s own formulas as formulas, numbers as numbers, empty cells as ""', () => {
    expect(toSheetValue({ formula: 'SUM(A1:A2)' })).toBe('=SUM(A1:A2)');
    expect(toSheetValue(-3)).toBe(-3);
    expect(toSheetValue(null)).toBe('');
  });

  it('write shop-local times as serial date-times, whatever the zones of script and sheet', () => {
    expect(toSheetValue({ localTime: Date.UTC(2024, 2, 1, 12) })).toBe(45352.5);
  });

  it('fingerprint content: equal grids alike, any edit different', () => {
    const grid = [
      ['客服', '咨询量'],
      ['小美', 3],
    ];
    expect(fingerprint(grid)).toBe(
      fingerprint([
        ['客服', '咨询量'],
        ['小美', 3],
      ]),
    );
    expect(fingerprint(grid)).not.toBe(
      fingerprint([
        ['客服', '咨询量'],
        ['小美', 4],
      ]),
    );
    expect(fingerprint([['a', 'b']])).not.toBe(fingerprint([['a'], ['b']]));
  });
});
