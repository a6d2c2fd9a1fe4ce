import { fromLocal, localMs } from '../../src/core/time/zone';

/**
 * What Sheets makes of a value written with setValues. Range.setValues writes as if typed:
 * "Numbers will stay as numbers, but strings may be converted to numbers, dates, etc. following the
 * same rules that are applied when entering text into a cell via the Google Sheets UI" (USER_ENTERED,
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption). A cell whose number
 * format is plain text keeps what is typed as text, formulas and leading apostrophes included: "@ —
 * Inserts the raw text for the cell, if the cell has text input"
 * (https://developers.google.com/sheets/api/guides/formats; Format › Number › Plain text). Like Excel,
 * Sheets keeps 15 significant digits of a typed number: "1234567890123456789" is 1234567890123460000.
 */

/** Days from 1899-12-30 (day 0 of Sheets serial dates) to 1970-01-01. */
const SERIAL_EPOCH_DAYS = 25_569;
const DAY_MS = 86_400_000;

export const PLAIN_TEXT = '@';

export interface Typed {
  value: string | number | boolean;
  /** The number format Sheets gives a General cell for what was typed (a date, a percent…). */
  format?: string;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;
const CURRENCY = /^([$¥￥])\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$/;
const ISO_DATE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const SHORT_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** A number as Sheets keeps a typed one: 15 significant digits. */
export function fifteenDigits(n: number): number {
  return Number(n.toPrecision(15));
}

/** A wall-clock date-time as a serial number, or null when it is no real date. */
function serial(parts: number[]): number | null {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0] = parts;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const back = new Date(utc);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return utc / DAY_MS + SERIAL_EPOCH_DAYS;
}

/** The value a string typed into a General cell becomes, in a spreadsheet of this locale. */
export function typeString(text: string, locale: string, thisYear: number): Typed {
  const t = text.trim();
  if (t === '') return { value: text };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (NUMBER.test(t) || GROUPED.test(t)) return { value: fifteenDigits(Number(t.replace(/,/g, ''))) };
  const percent = PERCENT.exec(t);
  if (percent) {
    const digits = percent[1] as string;
    return { value: fifteenDigits(Number(digits) / 100), format: digits.includes('.') ? '0.00%' : '0%' };
  }
  const money = CURRENCY.exec(t);
  if (money) {
    const amount = Number((money[2] as string).replace(/,/g, ''));
    return { value: fifteenDigits(amount), format: `"${money[1]}"#,##0.00` };
  }
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const parts = iso.slice(1, 7).map((p) => Number(p ?? 0));
    const value = serial([...parts, Number((iso[7] ?? '0').padEnd(3, '0'))]);
    if (value !== null) return { value, format: iso[4] === undefined ? DATE_FORMAT : DATE_TIME_FORMAT };
  }
  const short = SHORT_DATE.exec(t);
  if (short) {
    // Month first in the United States and in Chinese locales, day first elsewhere.
    const monthFirst = /^(en_US|zh)/.test(locale);
    const [, a, b, y, hour, minute, second] = short;
    const year = y === undefined ? thisYear : y.length === 2 ? 2000 + Number(y) : Number(y);
    const [month, day] = monthFirst ? [Number(a), Number(b)] : [Number(b), Number(a)];
    const value = serial([year, month, day, Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0)]);
    if (value !== null) return { value, format: hour === undefined ? DATE_FORMAT : DATE_TIME_FORMAT };
  }
  const time = TIME.exec(t);
  if (time) {
    const [hour, minute, second] = time.slice(1).map((p) => Number(p ?? 0)) as [number, number, number];
    if (hour < 24 && minute < 60 && second < 60)
      return { value: (hour * 3600 + minute * 60 + second) / 86_400, format: 'hh:mm:ss' };
  }
  return { value: text };
}

/** Whether a number format shows a date or a time: getValues then gives a Date. */
export function isDateFormat(format: string): boolean {
  const code = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[ydhs]/i.test(code) || (/m/i.test(code) && !/^[#0.,%\s]*$/.test(code));
}

/** A Date written to a cell: its wall-clock time in the spreadsheet's zone, as a serial number. */
export function dateToSerial(date: Date, zone: string): number {
  return localMs(zone, date.getTime()) / DAY_MS + SERIAL_EPOCH_DAYS;
}

/** A serial date-time read back as a Date: that wall-clock time in `zone`. */
export function serialToDate(value: number, zone: string): Date {
  return new Date(fromLocal(zone, Math.round((value - SERIAL_EPOCH_DAYS) * DAY_MS)));
}
