import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTime } from './parseTime';
import {
  computeOffsetMinutes,
  dayLabel,
  fromLocal,
  localDay,
  localMinuteOfDay,
  monthLabel,
  offsetMinutes,
  weekLabel,
} from './zone';

describe('time zones', () => {
  it("puts an instant on the shop's calendar day, not the process's", () => {
    const instant = Date.UTC(2020, 1, 20, 16, 30); // 2020-02-21 00:30 in Shanghai
    expect(dayLabel(localDay('Asia/Shanghai', instant))).toBe('2020-02-21');
    expect(dayLabel(localDay('UTC', instant))).toBe('2020-02-20');
    expect(localMinuteOfDay('Asia/Shanghai', instant)).toBe(30);
  });

  it('follows daylight saving time (Los Angeles, 2024-03-10 and 2024-11-03)', () => {
    expect(offsetMinutes('America/Los_Angeles', Date.UTC(2024, 2, 10, 9, 59))).toBe(-480);
    expect(offsetMinutes('America/Los_Angeles', Date.UTC(2024, 2, 10, 10, 0))).toBe(-420);
    // 01:30 happens twice on 2024-11-03: the earlier (PDT) instant is taken.
    expect(fromLocal('America/Los_Angeles', Date.UTC(2024, 10, 3, 1, 30))).toBe(Date.UTC(2024, 10, 3, 8, 30));
    expect(fromLocal('America/Los_Angeles', Date.UTC(2024, 10, 3, 12, 0))).toBe(Date.UTC(2024, 10, 3, 20, 0));
  });

  it('gives every instant and wall-clock time what Intl gives, on days that change offset too', () => {
    // The reference: Intl asked for each instant, without any cache.
    const intlOffset = computeOffsetMinutes;
    const intlFromLocal = (zone: string, wall: number) => {
      const guess = wall - intlOffset(zone, wall) * 60_000;
      const corrected = wall - intlOffset(zone, guess) * 60_000;
      return corrected + intlOffset(zone, corrected) * 60_000 === wall ? corrected : guess;
    };
    const zones = [
      'America/Los_Angeles',
      'Europe/Berlin',
      'America/Santiago', // changes at local midnight
      'Australia/Lord_Howe', // a half-hour change
      'Pacific/Chatham',
      'Asia/Kolkata',
      'Asia/Shanghai',
    ];
    const quarter = 15 * 60_000;
    for (const zone of zones) {
      // Every quarter hour of each day of 2024 on which the offset changes, and of the days around it.
      const days: number[] = [];
      for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000) {
        if (intlOffset(zone, day) !== intlOffset(zone, day + 86_399_000))
          days.push(day - 86_400_000, day, day + 86_400_000);
      }
      for (const day of days) {
        for (let t = day; t < day + 86_400_000; t += quarter) {
          expect(offsetMinutes(zone, t + 59_000)).toBe(intlOffset(zone, t + 59_000));
          expect(fromLocal(zone, t + 59_000)).toBe(intlFromLocal(zone, t + 59_000));
        }
      }
    }
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2019, 0, 1) / 1000, max: Date.UTC(2027, 0, 1) / 1000 }),
        (zone, seconds) => {
          const t = seconds * 1000;
          expect(offsetMinutes(zone, t)).toBe(intlOffset(zone, t));
          expect(fromLocal(zone, t)).toBe(intlFromLocal(zone, t));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('labels ISO weeks from Monday and months', () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(weekLabel(day('2020-02-17'))).toBe('2020-W08');
    expect(weekLabel(day('2020-02-23'))).toBe('2020-W08');
    expect(weekLabel(day('2021-01-03'))).toBe('2020-W53');
    expect(weekLabel(day('2024-12-30'))).toBe('2025-W01');
    expect(monthLabel(day('2020-02-29'))).toBe('2020-02');
  });

  it('refuses unknown zones with a hint', () => {
    expect(() => localDay('China/Beijing', 0)).toThrow('Unknown time zone "China/Beijing"');
  });
});

describe('parseTime', () => {
  it('reads wall-clock times in the shop zone', () => {
    expect(parseTime('2020-02-20 23:59:54', 'Asia/Shanghai')).toBe(Date.UTC(2020, 1, 20, 15, 59, 54));
    expect(parseTime('2023-1-7 9:05:03', 'Asia/Shanghai')).toBe(Date.UTC(2023, 0, 7, 1, 5, 3));
    expect(parseTime('2020/2/20 23:59', 'UTC')).toBe(Date.UTC(2020, 1, 20, 23, 59));
    expect(parseTime('2020-02-20', 'UTC')).toBe(Date.UTC(2020, 1, 20));
  });

  it('reads ISO 8601 instants whatever the zone', () => {
    expect(parseTime('2017-10-11T06:55:44Z', 'Asia/Shanghai')).toBe(Date.UTC(2017, 9, 11, 6, 55, 44));
    expect(parseTime('2017-10-11T14:55:44+08:00', 'UTC')).toBe(Date.UTC(2017, 9, 11, 6, 55, 44));
    expect(parseTime('2017-10-11T01:55:44.250-0500', 'UTC')).toBe(Date.UTC(2017, 9, 11, 6, 55, 44, 250));
  });

  it('gives null for what is not a time, or a day that does not exist', () => {
    expect(parseTime('yesterday', 'UTC')).toBeNull();
    expect(parseTime('2020-02-30 10:00', 'UTC')).toBeNull();
    expect(parseTime('2020-13-01', 'UTC')).toBeNull();
    expect(parseTime('', 'UTC')).toBeNull();
  });
});
