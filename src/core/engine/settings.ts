import { assertTimeZone } from '../time/zone';

/** Every option of SPEC, with its default. Users change them in the Settings tab, sidebar or CLI. */
export interface Settings {
  /** The shop's IANA time zone: day boundaries, windows and assessment hours follow it. */
  timeZone: string;
  /** How messages become consultations; `auto` is `id` when a session column is mapped, else `day`. */
  split: 'auto' | 'id' | 'day' | 'gap';
  gapMinutes: number;
  /** 30秒应答率's T: a first reply within this many seconds is fast. */
  fastReplySeconds: number;
  /** Whether an auto reply closes a response gap (it does not by default). */
  autoRepliesCloseGaps: boolean;
  /** Leave consultations transferred out (转出) out of the service rates. */
  excludeTransfersOut: boolean;
  /** Leave consultations assigned from offline messages (留言分配) out of the service rates. */
  excludeOffline: boolean;
  /** Assessment hours as minutes since midnight [start, end); null means all day. */
  assessmentHours: { start: number; end: number } | null;
  /** 询单有效时长: day D through D + N − 1. */
  windowDays: number;
  attribution: 'last' | 'first' | 'most';
  basis: 'paid' | 'ordered' | 'paid-same-day';
  /** Rating levels that count as satisfied (非常满意 5, 满意 4). */
  satisfiedLevels: number[];
  /** Accounts to ignore entirely (internal or test accounts). */
  internalAccounts: string[];
  /** Agent messages starting with one of these are auto replies. */
  autoPrefixes: string[];
  /** Agent messages containing one of these are auto replies. */
  autoKeywords: string[];
  period: 'all' | 'day' | 'week' | 'month';
  /** After-sales indicators over a rolling window of N days ending on the report's last day; null: the period. */
  afterSalesWindowDays: number | null;
  /** Days of ratings behind 服务态度 DSR. */
  dsrDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  timeZone: 'Asia/Shanghai',
  split: 'auto',
  gapMinutes: 10,
  fastReplySeconds: 30,
  autoRepliesCloseGaps: false,
  excludeTransfersOut: true,
  excludeOffline: true,
  assessmentHours: null,
  windowDays: 2,
  attribution: 'last',
  basis: 'paid',
  satisfiedLevels: [5, 4],
  internalAccounts: [],
  autoPrefixes: [],
  autoKeywords: [],
  period: 'all',
  afterSalesWindowDays: null,
  dsrDays: 180,
};

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

function oneOf<T extends string>(name: string, value: T, allowed: readonly T[]) {
  if (!allowed.includes(value)) {
    throw new SettingsError(`${name} must be one of ${allowed.join(', ')}; got "${value}".`);
  }
}

function wholeNumber(name: string, value: number, min: number, max: number) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(`${name} must be a whole number from ${min} to ${max}; got ${value}.`);
  }
}

/** Defaults filled in and every value checked, with a message that says what is allowed. */
export function resolveSettings(overrides: Partial<Settings> = {}): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...overrides };
  assertTimeZone(settings.timeZone);
  oneOf('split', settings.split, ['auto', 'id', 'day', 'gap'] as const);
  oneOf('attribution', settings.attribution, ['last', 'first', 'most'] as const);
  oneOf('basis', settings.basis, ['paid', 'ordered', 'paid-same-day'] as const);
  oneOf('period', settings.period, ['all', 'day', 'week', 'month'] as const);
  wholeNumber('window days (询单有效时长)', settings.windowDays, 1, 15);
  wholeNumber('gap minutes', settings.gapMinutes, 1, 24 * 60);
  wholeNumber('fast-reply seconds', settings.fastReplySeconds, 1, 24 * 3600);
  wholeNumber('DSR days', settings.dsrDays, 1, 3660);
  if (settings.afterSalesWindowDays !== null)
    wholeNumber('after-sales window days', settings.afterSalesWindowDays, 1, 366);
  const hours = settings.assessmentHours;
  if (hours && !(hours.start >= 0 && hours.end <= 24 * 60 && hours.start < hours.end)) {
    throw new SettingsError('assessment hours must be a range within one day, such as 08:00-24:00.');
  }
  return settings;
}

/** "08:00-24:00" as minutes since midnight. */
export function parseHours(text: string): { start: number; end: number } {
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) throw new SettingsError(`assessment hours "${text}" should look like 08:00-24:00.`);
  const [, h1, m1, h2, m2] = match.map(Number) as number[];
  return resolveSettings({
    assessmentHours: { start: (h1 ?? 0) * 60 + (m1 ?? 0), end: (h2 ?? 0) * 60 + (m2 ?? 0) },
  }).assessmentHours as { start: number; end: number };
}
