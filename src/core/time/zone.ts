/**
 * Calendar arithmetic in the shop's time zone, given as an IANA name. The process's own zone is never
 * used: the same export must give the same days on a laptop in Berlin, in CI and in Apps Script.
 * Offsets come from Intl, cached per zone and hour, because Intl is far too slow to ask a million times.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
export const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

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

/**
 * A number per zone and hour, computed once: NaN for an hour in which it changes. The last hour looked
 * up is tried first, since records come in runs of nearby times.
 */
class HourlyCache {
  private readonly byZone = new Map<string, Map<number, number>>();
  private lastZone = '';
  private lastHour = Number.NaN;
  private lastValue = 0;

  constructor(private readonly compute: (zone: string, hour: number) => number) {}

  get(zone: string, hour: number): number {
    if (hour === this.lastHour && zone === this.lastZone) return this.lastValue;
    let byHour = this.byZone.get(zone);
    if (!byHour) {
      byHour = new Map();
      this.byZone.set(zone, byHour);
    }
    let value = byHour.get(hour);
    if (value === undefined) {
      value = this.compute(zone, hour);
      byHour.set(hour, value);
    }
    if (!Number.isNaN(value)) {
      this.lastZone = zone;
      this.lastHour = hour;
      this.lastValue = value;
    }
    return value;
  }
}

// Every zone in use changes offset on a quarter hour, so one lookup per hour is exact for instants on
// the hour's own side of any change; checking both ends keeps the change hour exact.
const hourOffsets = new HourlyCache((zone, hour) => {
  const start = computeOffsetMinutes(zone, hour * HOUR);
  const end = computeOffsetMinutes(zone, hour * HOUR + HOUR - 1000);
  return start === end ? start : Number.NaN;
});

/** Minutes to add to UTC to get local time in `zone` at the instant `epochMs`. */
export function offsetMinutes(zone: string, epochMs: number): number {
  const offset = hourOffsets.get(zone, Math.floor(epochMs / HOUR));
  return Number.isNaN(offset) ? computeOffsetMinutes(zone, epochMs) : offset;
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

// Exports hold many times per hour: each wall-clock hour's shift from UTC, unless it saw a change.
const wallClockShifts = new HourlyCache((zone, hour) => {
  const start = resolveLocal(zone, hour * HOUR);
  const end = resolveLocal(zone, hour * HOUR + HOUR - 1000);
  return start - hour * HOUR === end - (hour * HOUR + HOUR - 1000) ? hour * HOUR - start : Number.NaN;
});

/**
 * The instant at which the wall clock in `zone` shows the given local time. In a repeated hour the
 * earlier instant is taken; in a skipped hour, the time as if the change had not happened yet.
 */
export function fromLocal(zone: string, wallClockAsUtcMs: number): number {
  const shift = wallClockShifts.get(zone, Math.floor(wallClockAsUtcMs / HOUR));
  return Number.isNaN(shift) ? resolveLocal(zone, wallClockAsUtcMs) : wallClockAsUtcMs - shift;
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
