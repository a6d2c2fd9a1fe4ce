/**
 * Calendar arithmetic in the shop's time zone, given as an IANA name. The process's own zone is never
 * used: the same export must give the same days on a laptop in Berlin, in CI and in Apps Script.
 * Offsets come from Intl, cached per zone and hour, because Intl is far too slow to ask a million times.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
export const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

export class TimeZoneError extends Error {
  constructor(zone: string) {
    super(`Unknown time zone "${zone}": use an IANA name such as Asia/Shanghai, Asia/Taipei or UTC.`);
    this.name = 'TimeZoneError';
  }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new TimeZoneError(zone);
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function assertTimeZone(zone: string): void {
  formatterFor(zone);
}

function computeOffsetMinutes(zone: string, epochMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / MINUTE);
}

/** Minutes to add to UTC to get local time in `zone` at the instant `epochMs`. */
function hourlyCache(caches: Map<string, Map<number, number>>, zone: string): Map<number, number> {
  let byHour = caches.get(zone);
  if (!byHour) {
    byHour = new Map();
    caches.set(zone, byHour);
  }
  return byHour;
}

/** The last hour looked up, since records come in runs of nearby times. */
const lastOffset = { zone: '', hour: Number.NaN, offset: 0 };

export function offsetMinutes(zone: string, epochMs: number): number {
  // Every zone in use changes offset on a quarter hour, so one lookup per hour is exact for
  // instants on the hour's own side of any change; checking both ends keeps the change hour exact.
  const hour = Math.floor(epochMs / HOUR);
  if (hour === lastOffset.hour && zone === lastOffset.zone) return lastOffset.offset;
  const byHour = hourlyCache(offsetCache, zone);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const start = computeOffsetMinutes(zone, hour * HOUR);
    const end = computeOffsetMinutes(zone, hour * HOUR + HOUR - 1000);
    offset = start === end ? start : Number.NaN;
    byHour.set(hour, offset);
  }
  if (Number.isNaN(offset)) return computeOffsetMinutes(zone, epochMs);
  lastOffset.zone = zone;
  lastOffset.hour = hour;
  lastOffset.offset = offset;
  return offset;
}

/** Local wall-clock milliseconds since 1970-01-01T00:00 local. */
export function localMs(zone: string, epochMs: number): number {
  return epochMs + offsetMinutes(zone, epochMs) * MINUTE;
}

/** The local calendar day as a whole number of days since 1970-01-01. */
export function localDay(zone: string, epochMs: number): number {
  return Math.floor(localMs(zone, epochMs) / DAY);
}

/** Minutes since local midnight. */
export function localMinuteOfDay(zone: string, epochMs: number): number {
  const ms = localMs(zone, epochMs);
  return Math.floor((ms - Math.floor(ms / DAY) * DAY) / MINUTE);
}

/**
 * The instant at which the wall clock in `zone` shows the given local time. In a repeated hour the
 * earlier instant is taken; in a skipped hour, the time as if the change had not happened yet.
 */
const wallClockCache = new Map<string, Map<number, number>>();
const lastWallClock = { zone: '', hour: Number.NaN, shift: 0 };

export function fromLocal(zone: string, wallClockAsUtcMs: number): number {
  // Exports hold many times per hour: remember each wall-clock hour's offset unless it saw a change.
  const hour = Math.floor(wallClockAsUtcMs / HOUR);
  if (hour === lastWallClock.hour && zone === lastWallClock.zone)
    return wallClockAsUtcMs - lastWallClock.shift;
  const byHour = hourlyCache(wallClockCache, zone);
  const cached = byHour.get(hour);
  if (cached !== undefined && !Number.isNaN(cached)) {
    lastWallClock.zone = zone;
    lastWallClock.hour = hour;
    lastWallClock.shift = cached;
    return wallClockAsUtcMs - cached;
  }
  const start = resolveLocal(zone, hour * HOUR);
  const end = resolveLocal(zone, hour * HOUR + HOUR - 1000);
  const steady = start - hour * HOUR === end - (hour * HOUR + HOUR - 1000);
  byHour.set(hour, steady ? hour * HOUR - start : Number.NaN);
  return steady ? wallClockAsUtcMs - (hour * HOUR - start) : resolveLocal(zone, wallClockAsUtcMs);
}

function resolveLocal(zone: string, wallClockAsUtcMs: number): number {
  const guess = wallClockAsUtcMs - offsetMinutes(zone, wallClockAsUtcMs) * MINUTE;
  const corrected = wallClockAsUtcMs - offsetMinutes(zone, guess) * MINUTE;
  return localMs(zone, corrected) === wallClockAsUtcMs ? corrected : guess;
}

/** 'YYYY-MM-DD' of a day number. */
export function dayLabel(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The ISO week ('YYYY-Www', weeks start on Monday) that holds a day number. */
export function weekLabel(day: number): string {
  const date = new Date(day * DAY);
  const weekday = (date.getUTCDay() + 6) % 7;
  const thursday = new Date((day - weekday + 3) * DAY);
  const year = thursday.getUTCFullYear();
  const firstThursday = Date.UTC(year, 0, 4);
  const firstWeekThursday = firstThursday / DAY - ((new Date(firstThursday).getUTCDay() + 6) % 7) + 3;
  const week = 1 + Math.round((thursday.getTime() / DAY - firstWeekThursday) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function monthLabel(day: number): string {
  return dayLabel(day).slice(0, 7);
}
