/**
 * The platforms' own response rules (SPEC §6b), described once: platform_response_rate and
 * platform_response_time follow the rule of the `platform` setting. Their words and the source of each
 * rule are in platformText.ts (docs and the command line read them; Code.js does not carry them).
 */

export const PLATFORM_IDS = [
  'none',
  'shopee',
  'shopee-th',
  'lazada',
  'tiktok',
  'amazon',
  'ebay',
  'taobao',
  'jd',
  'pdd',
  'douyin',
] as const;

export type PlatformId = (typeof PLATFORM_IDS)[number];

const HOUR_MS = 3_600_000;

/** When a received message or conversation must be answered. */
export type Deadline =
  /** Within this many milliseconds of its receipt. */
  | { kind: 'within'; ms: number }
  /**
   * Lazada's same-day cycle: received from `cutoff` (minutes after local midnight) the day before to
   * `cutoff` today, answered by `due` today.
   */
  | { kind: 'cycle'; cutoff: number; due: number };

export interface PlatformRule {
  /** What is counted: each buyer message, or each conversation (a consultation, as the split makes them). */
  unit: 'message' | 'conversation';
  deadline: Deadline;
  /** Only conversations the buyer began count (TikTok Shop: seller-initiated ones are left out). */
  buyerInitiated: boolean;
  /**
   * A conversation answered by auto replies only is left out (TikTok Shop: handled by the chatbot)
   * rather than counted as unanswered (every other platform: an auto reply is no reply).
   */
  autoOnlyLeftOut: boolean;
  /** The platform's window in days, ending on the period's last day; null: the period itself. */
  windowDays: number | null;
  /** Shopee Thailand: 0.5 × the window's rate + 0.5 × the rate of its most recent quarter of chats. */
  recentQuarterWeighted: boolean;
  /** Whether the platform shows an average response time beside the rate (platform_response_time). */
  responseTime: boolean;
  /**
   * The domestic platforms' timely-reply rates count as 30秒应答率 does: consultations inside the
   * assessment hours, transfers out and offline assignments left out as the settings say.
   */
  assessed: boolean;
}

const within = (hours: number): Deadline => ({ kind: 'within', ms: hours * HOUR_MS });
const seconds = (n: number): Deadline => ({ kind: 'within', ms: n * 1000 });

const CHATS_12H: PlatformRule = {
  unit: 'conversation',
  deadline: within(12),
  buyerInitiated: false,
  autoOnlyLeftOut: false,
  windowDays: 90,
  recentQuarterWeighted: false,
  responseTime: false,
  assessed: false,
};

const MESSAGES_24H: PlatformRule = {
  ...CHATS_12H,
  unit: 'message',
  deadline: within(24),
  responseTime: true,
};

/** A domestic platform's timely first reply: T seconds, over the row's period. */
const firstReplyWithin = (t: number): PlatformRule => ({
  ...CHATS_12H,
  deadline: seconds(t),
  windowDays: null,
  assessed: true,
});

export const PLATFORM_RULES: Readonly<Record<Exclude<PlatformId, 'none'>, PlatformRule>> = {
  shopee: CHATS_12H,
  'shopee-th': { ...CHATS_12H, recentQuarterWeighted: true },
  lazada: {
    ...CHATS_12H,
    deadline: { kind: 'cycle', cutoff: 18 * 60, due: 19 * 60 },
    windowDays: 7,
    responseTime: true,
  },
  tiktok: { ...CHATS_12H, buyerInitiated: true, autoOnlyLeftOut: true, windowDays: 30, responseTime: true },
  amazon: MESSAGES_24H,
  ebay: MESSAGES_24H,
  taobao: firstReplyWithin(180),
  jd: firstReplyWithin(30),
  pdd: firstReplyWithin(180),
  douyin: firstReplyWithin(180),
};

/** What platform_response_rate and platform_response_time of one row rest on (platformFacts.ts). */
export interface PlatformFigures {
  cases: number;
  onTime: number;
  /** The rate as the platform computes it (Shopee Thailand weights its most recent quarter). */
  rate: number | null;
  responseHours: number[];
}

/** The rule of a platform setting, or null for `none`. */
export function platformRule(platform: PlatformId): PlatformRule | null {
  return platform === 'none' ? null : PLATFORM_RULES[platform];
}

/** The window a report uses: the setting's when given, else the platform's own (null: the period). */
export function platformWindow(rule: PlatformRule, windowDays: number | null): number | null {
  return windowDays ?? rule.windowDays;
}
