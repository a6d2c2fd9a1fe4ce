import { assertTimeZone } from '../time/zone';
import { PLATFORM_IDS, type PlatformId } from './platform';

/** Every option of SPEC, with its default. Users change them in the sidebar, CS_INDICATORS or the CLI. */
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
  /**
   * 售后天数: a consultation whose customer paid an order in the N days before it, and is behind no new
   * order in its window, is after-sales: a service consultation, not an inquiry. 0: off.
   */
  afterSalesChatDays: number;
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
  /** SPEC §6: a rate or mean over fewer cases than this in its row is flagged (low_sample), not hidden. */
  minSample: number;
  /**
   * SPEC §6b: the platform whose own response rule platform_response_rate follows (platform.ts);
   * `none` leaves it empty. No other indicator reads it.
   */
  platform: PlatformId;
  /** platform_response_rate's window in days, ending on the period's last day; null: the platform's own. */
  platformWindowDays: number | null;
}

export type SettingId = keyof Settings;

/** How a setting is written as text (a flag's value, a cell, a sidebar field) and checked. */
export type SettingType =
  | { kind: 'zone' }
  | { kind: 'choice'; choices: readonly string[] }
  | { kind: 'whole'; min: number; max: number; optional?: boolean }
  | { kind: 'switch' }
  | { kind: 'list' }
  | { kind: 'levels' }
  | { kind: 'hours' };

/**
 * One setting, described once: every front end is built from this or tested against it. Labels and
 * help in zh-CN, zh-TW and en are in settingsText.ts (typed by SettingId, so none can be missing),
 * kept apart so that Code.js carries only what CS_INDICATORS reads.
 */
export interface SettingSpec<K extends SettingId = SettingId> {
  id: K;
  type: SettingType;
  default: Settings[K];
  /** How error messages name it (English, as the command line speaks). */
  name: string;
  /** The command-line flag; a list's flag is given once per item. */
  flag: `--${string}`;
  /** CS_INDICATORS' settings keys: the first is the documented one; the rest (Chinese names) also work. */
  sheetKeys: readonly [string, ...string[]];
  /** The sidebar's field: shown at once (`simple`) or under the folded 更多设置 (`more`). */
  sidebar: 'simple' | 'more';
}

const spec = <K extends SettingId>(s: SettingSpec<K>): SettingSpec => s as unknown as SettingSpec;

export const SETTINGS: readonly SettingSpec[] = [
  spec({
    id: 'timeZone',
    type: { kind: 'zone' },
    default: 'Asia/Shanghai',
    name: 'time zone',
    flag: '--tz',
    sheetKeys: ['tz', 'time_zone', '时区'],
    sidebar: 'simple',
  }),
  spec({
    id: 'split',
    type: { kind: 'choice', choices: ['auto', 'id', 'day', 'gap'] },
    default: 'auto',
    name: 'split',
    flag: '--split',
    sheetKeys: ['split', '会话划分'],
    sidebar: 'more',
  }),
  spec({
    id: 'gapMinutes',
    type: { kind: 'whole', min: 1, max: 24 * 60 },
    default: 10,
    name: 'gap minutes',
    flag: '--gap-minutes',
    sheetKeys: ['gap_minutes', '间隔分钟'],
    sidebar: 'more',
  }),
  spec({
    id: 'fastReplySeconds',
    type: { kind: 'whole', min: 1, max: 24 * 3600 },
    default: 30,
    name: 'fast-reply seconds',
    flag: '--fast-reply-seconds',
    sheetKeys: ['fast_reply_seconds', '应答秒数'],
    sidebar: 'simple',
  }),
  spec({
    id: 'autoRepliesCloseGaps',
    type: { kind: 'switch' },
    default: false,
    name: 'auto replies close gaps',
    flag: '--auto-replies-close-gaps',
    sheetKeys: ['auto_replies_close_gaps', '自动回复算响应'],
    sidebar: 'more',
  }),
  spec({
    id: 'excludeTransfersOut',
    type: { kind: 'switch' },
    default: true,
    name: 'exclude transfers out',
    flag: '--exclude-transfers-out',
    sheetKeys: ['exclude_transfers_out', '排除转出'],
    sidebar: 'more',
  }),
  spec({
    id: 'excludeOffline',
    type: { kind: 'switch' },
    default: true,
    name: 'exclude offline',
    flag: '--exclude-offline',
    sheetKeys: ['exclude_offline', '排除留言'],
    sidebar: 'more',
  }),
  spec({
    id: 'assessmentHours',
    type: { kind: 'hours' },
    default: null,
    name: 'assessment hours',
    flag: '--hours',
    sheetKeys: ['hours', '考核时段'],
    sidebar: 'simple',
  }),
  spec({
    id: 'windowDays',
    type: { kind: 'whole', min: 1, max: 15 },
    default: 2,
    name: 'window days (询单有效时长)',
    flag: '--window-days',
    sheetKeys: ['window_days', '询单有效时长'],
    sidebar: 'simple',
  }),
  spec({
    id: 'afterSalesChatDays',
    type: { kind: 'whole', min: 0, max: 60 },
    default: 0,
    name: 'after-sales chat days',
    flag: '--after-sales-chat-days',
    sheetKeys: ['after_sales_chat_days', '售后天数'],
    sidebar: 'more',
  }),
  spec({
    id: 'attribution',
    type: { kind: 'choice', choices: ['last', 'first', 'most'] },
    default: 'last',
    name: 'attribution',
    flag: '--attribution',
    sheetKeys: ['attribution', '订单归属'],
    sidebar: 'more',
  }),
  spec({
    id: 'basis',
    type: { kind: 'choice', choices: ['paid', 'ordered', 'paid-same-day'] },
    default: 'paid',
    name: 'basis',
    flag: '--basis',
    sheetKeys: ['basis', '成交口径'],
    sidebar: 'more',
  }),
  spec({
    id: 'satisfiedLevels',
    type: { kind: 'levels' },
    default: [5, 4],
    name: 'satisfied levels',
    flag: '--satisfied-levels',
    sheetKeys: ['satisfied_levels', '满意等级'],
    sidebar: 'more',
  }),
  spec({
    id: 'internalAccounts',
    type: { kind: 'list' },
    default: [],
    name: 'internal accounts',
    flag: '--internal',
    sheetKeys: ['internal', 'internal_accounts', '内部账号'],
    sidebar: 'simple',
  }),
  spec({
    id: 'autoPrefixes',
    type: { kind: 'list' },
    default: [],
    name: 'auto-reply prefixes',
    flag: '--auto-prefix',
    sheetKeys: ['auto_prefix', '自动回复前缀'],
    sidebar: 'simple',
  }),
  spec({
    id: 'autoKeywords',
    type: { kind: 'list' },
    default: [],
    name: 'auto-reply keywords',
    flag: '--auto-keyword',
    sheetKeys: ['auto_keyword', '自动回复关键词'],
    sidebar: 'more',
  }),
  spec({
    id: 'period',
    type: { kind: 'choice', choices: ['all', 'day', 'week', 'month'] },
    default: 'all',
    name: 'period',
    flag: '--period',
    sheetKeys: ['period', '周期'],
    sidebar: 'simple',
  }),
  spec({
    id: 'afterSalesWindowDays',
    type: { kind: 'whole', min: 1, max: 366, optional: true },
    default: null,
    name: 'after-sales window days',
    flag: '--after-sales-days',
    sheetKeys: ['after_sales_days', '售后窗口天数'],
    sidebar: 'more',
  }),
  spec({
    id: 'dsrDays',
    type: { kind: 'whole', min: 1, max: 3660 },
    default: 180,
    name: 'DSR days',
    flag: '--dsr-days',
    sheetKeys: ['dsr_days', 'DSR天数'],
    sidebar: 'more',
  }),
  spec({
    id: 'minSample',
    type: { kind: 'whole', min: 0, max: 100_000 },
    default: 5,
    name: 'minimum sample',
    flag: '--min-sample',
    sheetKeys: ['min_sample', '最小样本'],
    sidebar: 'more',
  }),
  spec({
    id: 'platform',
    type: { kind: 'choice', choices: PLATFORM_IDS },
    default: 'none',
    name: 'platform',
    flag: '--platform',
    sheetKeys: ['platform', '平台'],
    sidebar: 'simple',
  }),
  spec({
    id: 'platformWindowDays',
    type: { kind: 'whole', min: 1, max: 366, optional: true },
    default: null,
    name: 'platform window days',
    flag: '--platform-window-days',
    sheetKeys: ['platform_window_days', '平台考核天数'],
    sidebar: 'more',
  }),
];

export const SETTING_BY_ID = new Map(SETTINGS.map((s) => [s.id, s]));

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(
  SETTINGS.map((s) => [s.id, s.default]),
) as unknown as Settings;

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

function check(s: SettingSpec, value: unknown): void {
  const type = s.type;
  switch (type.kind) {
    case 'zone':
      assertTimeZone(value as string);
      return;
    case 'choice':
      if (!type.choices.includes(value as string))
        throw new SettingsError(`${s.name} must be one of ${type.choices.join(', ')}; got "${value}".`);
      return;
    case 'whole':
      if (value === null && type.optional) return;
      if (!Number.isInteger(value) || (value as number) < type.min || (value as number) > type.max)
        throw new SettingsError(
          `${s.name} must be a whole number from ${type.min} to ${type.max}; got ${value}.`,
        );
      return;
    case 'switch':
      if (typeof value !== 'boolean') throw new SettingsError(`${s.name} is on or off; got "${value}".`);
      return;
    case 'list':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        throw new SettingsError(`${s.name} must be a list of texts.`);
      return;
    case 'levels':
      if (!Array.isArray(value) || value.some((v) => !Number.isInteger(v) || v < 1 || v > 5))
        throw new SettingsError(`${s.name} must be rating levels from 1 to 5, such as 5,4; got ${value}.`);
      return;
    case 'hours': {
      const hours = value as Settings['assessmentHours'];
      if (hours && !(hours.start >= 0 && hours.end <= 24 * 60 && hours.start < hours.end))
        throw new SettingsError('assessment hours must be a range within one day, such as 08:00-24:00.');
      return;
    }
  }
}

/** Defaults filled in and every value checked, with a message that says what is allowed. */
export function resolveSettings(overrides: Partial<Settings> = {}): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...overrides };
  for (const s of SETTINGS) check(s, settings[s.id]);
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

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes since midnight back as "08:00-24:00". */
export function formatHours(hours: { start: number; end: number }): string {
  const at = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
  return `${at(hours.start)}-${at(hours.end)}`;
}

const ON = new Set(['on', 'true', 'yes', '1', '是', '开']);
const OFF = new Set(['off', 'false', 'no', '0', '否', '关']);

/**
 * A setting's value from text, as a flag, a cell or a sidebar field gives it: lists separated by
 * commas (, or ，), switches on/off, an empty optional number or hours as none. Checked by the
 * caller's resolveSettings.
 */
export function settingFromText<K extends SettingId>(id: K, text: string): Settings[K] {
  const s = SETTING_BY_ID.get(id) as SettingSpec;
  const value = text.trim();
  const items = () =>
    value
      .split(/[,，]/)
      .map((p) => p.trim())
      .filter(Boolean);
  switch (s.type.kind) {
    case 'zone':
    case 'choice':
      return value as Settings[K];
    case 'whole': {
      if (value === '' && s.type.optional) return null as Settings[K];
      const n = Number(value);
      if (value === '' || !Number.isInteger(n))
        throw new SettingsError(`${s.name} takes a whole number; got "${text}".`);
      return n as Settings[K];
    }
    case 'switch': {
      const word = value.toLowerCase();
      if (ON.has(word)) return true as Settings[K];
      if (OFF.has(word)) return false as Settings[K];
      throw new SettingsError(`${s.name} is on or off; got "${text}".`);
    }
    case 'list':
      return items() as Settings[K];
    case 'levels':
      return items().map(Number) as Settings[K];
    case 'hours':
      return (value === '' ? null : parseHours(value)) as Settings[K];
  }
}

/** A setting's value as text, the way settingFromText reads it back. */
export function settingText(id: SettingId, value: Settings[SettingId]): string {
  const s = SETTING_BY_ID.get(id) as SettingSpec;
  if (value === null || value === undefined) return '';
  if (s.type.kind === 'hours') return formatHours(value as { start: number; end: number });
  if (s.type.kind === 'switch') return value ? 'on' : 'off';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/**
 * What a platform measures, proposed when one of its exports is recognized: never applied unless the
 * user takes it. `source` says where the value comes from.
 */
export interface PlatformPreset {
  platform: { zh: string; en: string };
  /**
   * Export dialects (dialects.ts) that tell the platform; one ending in * stands for every dialect
   * whose id begins so (a platform's exports in each market and language: shopee-*).
   */
  dialects: readonly string[];
  values: Partial<Settings>;
  source: string;
}

export const PLATFORM_PRESETS: readonly PlatformPreset[] = [
  {
    platform: { zh: '淘宝/天猫', en: 'Taobao/Tmall' },
    dialects: [
      'qianniu-chat-records',
      'taobao-order-report',
      'taobao-order-items',
      'taobao-service-ratings',
      'taobao-refunds',
    ],
    values: { fastReplySeconds: 180, platform: 'taobao' },
    source: 'SPEC §3 fast_reply_rate and §6b: PDD/Douyin/Taobao use 180 s (3分钟回复率)',
  },
  {
    platform: { zh: '拼多多', en: 'Pinduoduo' },
    dialects: ['pdd-orders'],
    values: { fastReplySeconds: 180, platform: 'pdd' },
    source: 'SPEC §3 fast_reply_rate and §6b: PDD/Douyin/Taobao use 180 s (3分钟回复率)',
  },
  {
    platform: { zh: '抖店', en: 'Douyin shop' },
    dialects: ['doudian-orders'],
    values: { fastReplySeconds: 180, platform: 'douyin' },
    source: 'SPEC §3 fast_reply_rate and §6b: PDD/Douyin/Taobao use 180 s (3分钟回复率)',
  },
  {
    platform: { zh: '快手', en: 'Kuaishou' },
    dialects: ['kuaishou-orders'],
    values: { assessmentHours: { start: 8 * 60, end: 23 * 60 } },
    source: 'SPEC §2 and research/platform-metrics.md: assessment hours 08:00–23:00 (快手)',
  },
  {
    platform: { zh: '京东', en: 'JD' },
    dialects: ['jd-orders'],
    values: { platform: 'jd' },
    source: 'SPEC §6b, docs/indicators.md: platform_response_rate under JD (30秒应答率)',
  },
  {
    platform: { zh: 'eBay', en: 'eBay' },
    dialects: ['ebay-*'],
    values: { platform: 'ebay' },
    source: 'SPEC §6b, docs/indicators.md: platform_response_rate under eBay (24 h per message)',
  },
  {
    platform: { zh: 'Shopee 虾皮', en: 'Shopee' },
    dialects: ['shopee-*'],
    values: { platform: 'shopee' },
    source: 'SPEC §6b, docs/indicators.md: Shopee chat response rate (12 h, 90 days)',
  },
  {
    platform: { zh: 'Lazada', en: 'Lazada' },
    dialects: ['lazada-*'],
    values: { platform: 'lazada' },
    source: 'SPEC §6b, docs/indicators.md: Lazada same-day chat response rate (18:00/19:00 cycle)',
  },
  {
    platform: { zh: 'TikTok Shop', en: 'TikTok Shop' },
    dialects: ['tiktok-*'],
    values: { platform: 'tiktok' },
    source: 'SPEC §6b, docs/indicators.md: TikTok Shop 12-hour response rate',
  },
  {
    platform: { zh: 'Amazon 亚马逊', en: 'Amazon' },
    dialects: ['amazon-*'],
    values: { platform: 'amazon' },
    source: 'SPEC §6b, docs/indicators.md: Amazon contact response time (24 h per message)',
  },
];

/** Whether a dialect id is one a preset names (exactly, or by the beginning a * ends). */
export function namesDialect(pattern: string, dialect: string | null | undefined): boolean {
  if (!dialect) return false;
  return pattern.endsWith('*') ? dialect.startsWith(pattern.slice(0, -1)) : dialect === pattern;
}

/** A platform's value for one setting, and whether the report used it. */
export interface Proposal {
  setting: SettingId;
  value: Settings[SettingId];
  /** The value as it is written (180, 08:00-23:00). */
  text: string;
  platform: { zh: string; en: string };
  source: string;
  used: boolean;
}

/** The presets of the platforms whose exports were recognized, each against the settings used. */
export function proposals(
  dialectIds: readonly (string | null | undefined)[],
  settings: Settings,
): Proposal[] {
  const seen = new Set<string>();
  const found: Proposal[] = [];
  for (const preset of PLATFORM_PRESETS) {
    if (!preset.dialects.some((d) => dialectIds.some((id) => namesDialect(d, id)))) continue;
    for (const [id, value] of Object.entries(preset.values) as [SettingId, Settings[SettingId]][]) {
      const text = settingText(id, value);
      if (seen.has(`${id}=${text}`)) continue;
      seen.add(`${id}=${text}`);
      found.push({
        setting: id,
        value,
        text,
        platform: preset.platform,
        source: preset.source,
        used: settingText(id, settings[id]) === text,
      });
    }
  }
  return found;
}
