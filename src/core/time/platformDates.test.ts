// The cross-border seller centres' own date formats (docs/dialects.md, "Date formats"): Lazada's month
// names, TikTok Shop's day/month numbers in either order with a 24-hour or a 12-hour clock.
import { describe, expect, it } from 'vitest';
import { numericDateOrder, parseTime } from './parseTime';

const iso = (text: string, order: 'dmy' | 'mdy' | null = null, zone = 'UTC') => {
  const time = parseTime(text, zone, order);
  return time === null ? null : new Date(time).toISOString().slice(0, 19);
};

describe("Lazada's day, month name and year", () => {
  it.each([
    ['01 Nov 2025 10:00', '2025-11-01T10:00:00'],
    ['13 Nov 2025 23:59', '2025-11-13T23:59:00'],
    ['1 November 2025 00:00', '2025-11-01T00:00:00'],
    ['29 Feb 2024 12:30:15', '2024-02-29T12:30:15'],
    ['12 Sep 2025', '2025-09-12T00:00:00'],
    ['05 May 2025 07:05', '2025-05-05T07:05:00'],
  ])('%s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('is read on the shop clock', () => {
    // Kuala Lumpur is UTC+8: 10:00 there is 02:00 UTC.
    expect(iso('01 Nov 2025 10:00', null, 'Asia/Kuala_Lumpur')).toBe('2025-11-01T02:00:00');
  });

  it('refuses a month that is no month and a day that does not exist', () => {
    for (const text of ['01 Foo 2025 10:00', '31 Nov 2025 10:00', '29 Feb 2025 10:00', '01 Nov 2025 24:00'])
      expect(iso(text), text).toBeNull();
  });
});

describe("TikTok Shop's day and month numbers", () => {
  it('reads a date whose numbers read one way only, whichever comes first', () => {
    expect(iso('31/05/2024 09:56:09')).toBe('2024-05-31T09:56:09');
    expect(iso('13/11/2025 23:16:08')).toBe('2025-11-13T23:16:08');
    expect(iso('12/15/2025 9:30:33 AM')).toBe('2025-12-15T09:30:33');
    expect(iso('11/13/2025 10:00:00 PM')).toBe('2025-11-13T22:00:00');
  });

  it('refuses a date of two readings unless its column says which', () => {
    expect(iso('11/01/2025 10:00:00 AM')).toBeNull();
    expect(iso('11/01/2025 10:00:00 AM', 'mdy')).toBe('2025-11-01T10:00:00');
    expect(iso('11/01/2025 10:00:00 AM', 'dmy')).toBe('2025-01-11T10:00:00');
    expect(iso('03/06/2024 02:28:28', 'dmy')).toBe('2024-06-03T02:28:28');
    // Day and month equal: one date either way.
    expect(iso('05/05/2024 10:00')).toBe('2024-05-05T10:00:00');
  });

  it('refuses a date against the column order', () => {
    expect(iso('31/05/2024 09:56:09', 'mdy')).toBeNull();
    expect(iso('12/15/2025 9:30:33 AM', 'dmy')).toBeNull();
  });

  it('reads 12 AM as midnight and 12 PM as noon', () => {
    expect(iso('11/13/2025 12:05:00 AM')).toBe('2025-11-13T00:05:00');
    expect(iso('11/13/2025 12:05:00 PM')).toBe('2025-11-13T12:05:00');
    expect(iso('11/13/2025 11:59:59 PM')).toBe('2025-11-13T23:59:59');
    expect(iso('13/11/2025 12:00:00 a.m.')).toBe('2025-11-13T00:00:00');
  });

  it('refuses an hour the 12-hour clock does not have', () => {
    for (const text of ['11/13/2025 13:05:00 PM', '11/13/2025 00:05:00 AM', '13/11/2025 24:00:00'])
      expect(iso(text), text).toBeNull();
  });

  it('says what a date tells of the order', () => {
    expect(numericDateOrder('31/05/2024 09:56:09')).toBe('dmy');
    expect(numericDateOrder('12/15/2025 9:30:33 AM')).toBe('mdy');
    expect(numericDateOrder('11/01/2025 10:00:00 AM')).toBe('either');
    expect(numericDateOrder('12/12/2025')).toBe('same');
    expect(numericDateOrder('31/13/2025')).toBeNull();
    expect(numericDateOrder('2025-11-13 10:00')).toBeNull();
  });
});
