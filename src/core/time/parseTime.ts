import { digits } from '../lib/digits';
import { fromLocal } from './zone';

/**
 * Reads a time as exports write it: ISO 8601 with an offset or Z (an instant), or a wall-clock time
 * without one ("2020-02-20 23:59:54", "2023-1-7 9:05", "2020/2/20 23:59"), which is read in the shop's
 * zone. Returns epoch milliseconds, or null when the text is not a time.
 */
const WALL_CLOCK =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/i;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validDate(year: number, month: number, day: number) {
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= (month === 2 && !isLeap(year) ? 28 : (DAYS_IN_MONTH[month - 1] as number))
  );
}

/** "YYYY-MM-DD HH:MM:SS", by far the commonest shape in exports, without a regular expression. */
function fastWallClock(text: string): number | null {
  if (
    text.length !== 19 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 32
  ) {
    return null;
  }
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return null;
  if (!validDate(year, month, day)) return null;
  return (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, as Date.UTC counts them but
 * without its cost, which a million rows notice (H. Hinnant's days_from_civil).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const CJK_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?)?)?$/;
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
/**
 * Which number comes first in a date written day and month with the year last ("31/05/2024",
 * "11/01/2025"): `dmy` day first, `mdy` month first. The platforms' seller centres write both (TikTok
 * Shop: 31/05/2024 09:56:09 in Vietnam, 12/15/2025 9:30:33 AM elsewhere), so the order is decided from
 * a date that reads one way only (dateColumns.ts), never assumed.
 */
export type DateOrder = 'dmy' | 'mdy';

/** "31/05/2024 09:56:09", "11/01/2025 10:00:00 AM", "1/11/2025 9:05": day and month in either order. */
const NUMERIC_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;
/** Lazada's "01 Nov 2025 10:00" (and "1 November 2025"): the month by its English name. */
const NAMED_MONTH_DATE =
  /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?,?[\s-](\d{4})(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;
const MONTH_NAMES: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  sept: 9,
  october: 10,
  november: 11,
  december: 12,
};

/**
 * What a date written day and month with the year last says of their order: `dmy` or `mdy` when only
 * one reading is a date (31/05/2024, 12/15/2025), `either` when both are (03/06/2024: 3 June or
 * 6 March), `same` when day and month are equal (05/05/2024), null when it is no such date.
 */
export function numericDateOrder(text: string): DateOrder | 'either' | 'same' | null {
  const match = NUMERIC_DATE.exec(text.trim());
  if (!match) return null;
  const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayFirst = validDate(year, second, first);
  const monthFirst = validDate(year, first, second);
  if (dayFirst && monthFirst) return first === second ? 'same' : 'either';
  return dayFirst ? 'dmy' : monthFirst ? 'mdy' : null;
}

/** An hour of a 12-hour clock with its AM/PM ("12:05 AM" is 00:05, "12:05 PM" 12:05); -1 if not one. */
function hourOf(hour: number, half: string | undefined): number {
  if (half === undefined) return hour <= 23 ? hour : -1;
  if (hour < 1 || hour > 12) return -1;
  return (hour % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
}

/** A wall-clock date and time read in the shop's zone, or null when it does not exist. */
function localTime(
  zone: string,
  year: number,
  month: number,
  day: number,
  time: readonly (string | undefined)[],
): number | null {
  const [h = '0', mi = '0', s = '0', half] = time;
  const hour = hourOf(Number(h), half);
  if (!validDate(year, month, day) || hour < 0 || Number(mi) > 59 || Number(s) > 59) return null;
  return fromLocal(zone, Date.UTC(year, month - 1, day, hour, Number(mi), Number(s)));
}

/** Twitter's created_at: "Tue Oct 31 22:10:47 +0000 2017". */
const TWITTER = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/;
/** Days from 1899-12-30 (day 0 of Excel and Sheets serial dates) to 1970-01-01. */
const SERIAL_EPOCH_DAYS = 25_569;

/**
 * A date-time as a serial number (days since 1899-12-30, the fraction being the time of day), as
 * Excel and Sheets store them: read in the shop's zone. Only 1990–2100 is accepted so that plain
 * numbers are not taken for dates.
 */
export function fromSerial(serial: number, zone: string): number | null {
  if (!(serial > 32_874 && serial < 73_051)) return null;
  return fromLocal(zone, Math.round((serial - SERIAL_EPOCH_DAYS) * 86_400_000));
}

/**
 * `order` is the day/month order of the column the text comes from, where it is known (dateColumns.ts);
 * without it a date such as 03/06/2024, which reads two ways, is no time (null).
 */
export function parseTime(text: string, zone: string, order: DateOrder | null = null): number | null {
  const fast = fastWallClock(text);
  if (fast !== null) return fromLocal(zone, fast);
  const trimmed = text.trim();
  const numeric = NUMERIC_DATE.exec(trimmed);
  if (numeric) {
    const [, a, b, y, ...time] = numeric;
    const said = order ?? numericDateOrder(trimmed);
    if (said !== 'dmy' && said !== 'mdy' && said !== 'same') return null;
    const [day, month] = said === 'mdy' ? [Number(b), Number(a)] : [Number(a), Number(b)];
    return localTime(zone, Number(y), month, day, time);
  }
  const named = NAMED_MONTH_DATE.exec(trimmed);
  if (named) {
    const [, d, name = '', y, ...time] = named;
    const lower = name.toLowerCase();
    const month = MONTHS[lower] ?? MONTH_NAMES[lower];
    return month === undefined ? null : localTime(zone, Number(y), month, Number(d), time);
  }
  const cjk = CJK_DATE.exec(trimmed);
  if (cjk) {
    const [, y, mo, d, ...time] = cjk;
    return localTime(zone, Number(y), Number(mo), Number(d), time);
  }
  const twitter = TWITTER.exec(trimmed);
  if (twitter) {
    const [, mon = '', d, h, mi, s, offset = '+0000', y] = twitter;
    const month = MONTHS[mon.toLowerCase()];
    if (!month || !validDate(Number(y), month, Number(d))) return null;
    const sign = offset.startsWith('-') ? -1 : 1;
    const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5));
    return (
      Date.UTC(Number(y), month - 1, Number(d), Number(h), Number(mi), Number(s)) - sign * minutes * 60_000
    );
  }
  if (/^\d{5}(\.\d+)?$/.test(trimmed)) return fromSerial(Number(trimmed), zone);
  const match = WALL_CLOCK.exec(trimmed);
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  // Date.UTC would roll 2月30日 over into March: refuse dates that do not exist.
  if (!validDate(year, month, day)) return null;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (offset === undefined) return fromLocal(zone, wallClock);
  if (offset.toUpperCase() === 'Z') return wallClock;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return wallClock - sign * offsetMinutes * 60_000;
}
