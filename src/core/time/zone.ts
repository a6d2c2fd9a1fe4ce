/**
 * Calendar arithmetic in the shop's time zone, given as an IANA name. The process's own zone is never
 * used: the same export must give the same days on a laptop in Berlin, in CI and in Apps Script.
 * Offsets come from Intl, cached per zone and day (or hour), because Intl is far too slow to ask a
 * million times.
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

/** The offset at one instant, asked of Intl without any cache (slow: see offsetMinutes). */
export function computeOffsetMinutes(zone: string, epochMs: number): number {
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
 * A number per zone and span of time (a day, or an hour), computed once: NaN for a span in which it
 * changes. The last span looked up is tried first, since records come in runs of nearby times.
 */
class SpanCache {
  private readonly byZone = new Map<string, Map<number, number>>();
  private lastZone = '';
  private lastSpan = Number.NaN;
  private lastValue = 0;

  /** `compute(zone, n)` gives the value of the n-th span since 1970. */
  constructor(private readonly compute: (zone: string, span: number) => number) {}

  get(zone: string, span: number): number {
    if (span === this.lastSpan && zone === this.lastZone) return this.lastValue;
    let bySpan = this.byZone.get(zone);
    if (!bySpan) {
      bySpan = new Map();
      this.byZone.set(zone, bySpan);
    }
    let value = bySpan.get(span);
    if (value === undefined) {
      value = this.compute(zone, span);
      bySpan.set(span, value);
    }
    if (!Number.isNaN(value)) {
      this.lastZone = zone;
      this.lastSpan = span;
      this.lastValue = value;
    }
    return value;
  }
}

/**
 * A value of a zone at a time that changes seldom (an offset, a shift): computed once a day, and once
 * an hour only on a day whose two ends differ. Offsets change at most once a day, and on a quarter
 * hour in every zone in use, so a day whose ends agree has one value throughout; in the hour of a
 * change it is computed for the time itself. Two Intl calls a day instead of two an hour, which a
 * month of exports noticed.
 */
class SteadyValue {
  private readonly days = new SpanCache((zone, day) => this.steady(zone, day * DAY, DAY));
  private readonly hours = new SpanCache((zone, hour) => this.steady(zone, hour * HOUR, HOUR));

  constructor(private readonly at: (zone: string, time: number) => number) {}

  get(zone: string, time: number): number {
    const daily = this.days.get(zone, Math.floor(time / DAY));
    if (!Number.isNaN(daily)) return daily;
    const hourly = this.hours.get(zone, Math.floor(time / HOUR));
    return Number.isNaN(hourly) ? this.at(zone, time) : hourly;
  }

  /** The value over a span from `start` that is `length` long, or NaN if it changes within it. */
  private steady(zone: string, start: number, length: number): number {
    const first = this.at(zone, start);
    return first === this.at(zone, start + length - 1000) ? first : Number.NaN;
  }
}

const offsets = new SteadyValue(computeOffsetMinutes);

/** Minutes to add to UTC to get local time in `zone` at the instant `epochMs`. */
export function offsetMinutes(zone: string, epochMs: number): number {
  return offsets.get(zone, epochMs);
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

// Wall-clock time minus UTC, by wall-clock time: exports hold many times per day.
const shifts = new SteadyValue((zone, wallClock) => wallClock - resolveLocal(zone, wallClock));

/**
 * The instant at which the wall clock in `zone` shows the given local time. In a repeated hour the
 * earlier instant is taken; in a skipped hour, the time as if the change had not happened yet.
 */
export function fromLocal(zone: string, wallClockAsUtcMs: number): number {
  return wallClockAsUtcMs - shifts.get(zone, wallClockAsUtcMs);
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
