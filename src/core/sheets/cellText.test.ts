import { describe, expect, it } from 'vitest';
import { cellText } from './cellText';

describe('cellText: a cell as the text an export had', () => {
  it('gives a date at the wall-clock time it shows in its zone, a time of day alone as a time', () => {
    const instant = new Date(Date.UTC(2024, 2, 1, 2, 0, 5));
    expect(cellText(instant, 'Asia/Shanghai')).toBe('2024-03-01 10:00:05');
    expect(cellText(instant, 'America/New_York')).toBe('2024-02-29 21:00:05');
    expect(cellText(new Date(Date.UTC(2024, 2, 1, 2, 0, 5, 250)), 'UTC')).toBe('2024-03-01 02:00:05.250');
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 0, 5, 30)), 'UTC')).toBe('00:05:30');
  });

  it('writes numbers of 16 or more digits as the rounded numbers they are, the rest as written', () => {
    expect(cellText(3e18, 'UTC')).toBe('3.00000000000000E+18');
    expect(cellText(1234567890123450, 'UTC')).toBe('1.23456789012345E+15');
    expect(cellText(999999999999999, 'UTC')).toBe('999999999999999');
    expect(cellText(12.5, 'UTC')).toBe('12.5');
    expect(cellText(true, 'UTC')).toBe('true');
    expect(cellText('', 'UTC')).toBe('');
  });

  it('writes a number with three decimals so that its point cannot be taken for a thousands separator', () => {
    expect([1.234, -12.5, 999.999, 1234.567, 0.123, 1.23].map((n) => cellText(n, 'UTC'))).toEqual([
      '1.2340',
      '-12.5',
      '999.9990',
      '1234.567',
      '0.123',
      '1.23',
    ]);
  });

  it('writes a percentage as the cell shows it', () => {
    expect(cellText(0.1, 'UTC', '0%')).toBe('10%');
    expect(cellText(0.1234, 'UTC', '0.00%')).toBe('12.34%');
    expect(cellText(0.1, 'UTC', '0.00')).toBe('0.1');
  });
});
