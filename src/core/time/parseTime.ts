import { fromLocal } from './zone';

/**
 * Reads a time as exports write it: ISO 8601 with an offset or Z (an instant), or a wall-clock time
 * without one ("2020-02-20 23:59:54", "2023-1-7 9:05", "2020/2/20 23:59"), which is read in the shop's
 * zone. Returns epoch milliseconds, or null when the text is not a time.
 */
const WALL_CLOCK =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/i;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

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
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

export function parseTime(text: string, zone: string): number | null {
  const fast = fastWallClock(text);
  if (fast !== null) return fromLocal(zone, fast);
  const match = WALL_CLOCK.exec(text.trim());
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
