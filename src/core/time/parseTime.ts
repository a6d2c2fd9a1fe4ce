import { fromLocal } from './zone';

/**
 * Reads a time as exports write it: ISO 8601 with an offset or Z (an instant), or a wall-clock time
 * without one ("2020-02-20 23:59:54", "2023-1-7 9:05", "2020/2/20 23:59"), which is read in the shop's
 * zone. Returns epoch milliseconds, or null when the text is not a time.
 */
const WALL_CLOCK =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/i;

export function parseTime(text: string, zone: string): number | null {
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
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 2月30日 over into March: refuse dates that do not exist.
  const check = new Date(wallClock - (hour === 24 ? 86_400_000 : 0));
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  if (offset === undefined) return fromLocal(zone, wallClock);
  if (offset.toUpperCase() === 'Z') return wallClock;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return wallClock - sign * offsetMinutes * 60_000;
}
