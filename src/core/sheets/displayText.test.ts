import { describe, expect, it } from 'vitest';
import { toSheetValue } from './cells';
import { displayText } from './displayText';
import { DATE_TIME_FORMAT, NUMBER_FORMATS } from './numberFormats';

describe('values as Sheets shows them', () => {
  it('shows each unit in its format: 2.85 items per buyer, 96.3 %, 1,902,487.15', () => {
    expect(displayText(2.846, NUMBER_FORMATS.items_per_buyer)).toBe('2.85');
    expect(displayText(0.962963, NUMBER_FORMATS.ratio)).toBe('96.3%');
    expect(displayText(1_902_487.15, NUMBER_FORMATS.money)).toBe('1,902,487.15');
    expect(displayText(-1234.5, NUMBER_FORMATS.money)).toBe('-1,234.50');
    expect(displayText(4111.5, NUMBER_FORMATS.seconds)).toBe('4111.5');
    expect(displayText(27, NUMBER_FORMATS.count)).toBe('27');
  });

  it('shows a shop-local time written as a serial date-time as the wall clock it was', () => {
    const serial = toSheetValue({ localTime: Date.UTC(2026, 2, 1, 10, 0, 20) });
    expect(displayText(serial, DATE_TIME_FORMAT)).toBe('2026-03-01 10:00:20');
  });

  it('shows text, booleans and General numbers as they are', () => {
    expect(displayText('小美', '')).toBe('小美');
    expect(displayText(true, '')).toBe('TRUE');
    expect(displayText(0.1 + 0.2, 'General')).toBe('0.3');
    expect(displayText('', NUMBER_FORMATS.ratio)).toBe('');
  });
});
