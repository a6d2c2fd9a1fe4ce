import { type Deadline, type PlatformRule, platformRule, platformWindow } from '../../core/engine/platform';
import type { Settings } from '../../core/engine/settings';
import type { Dialect } from './dialect';
import type { View } from './sqlTypes';

/**
 * platform_response_rate and platform_response_time as SQL, generated from the rule of the `platform`
 * setting (PLATFORM_RULES in platform.ts, the JS engine's one description) as platformFacts.ts counts
 * them: each buyer message or each conversation to be answered, answered in time or not by the rule's
 * deadline (within hours, or Lazada's same-day cycle), those not yet due at the chats' last message
 * left out; each agent's cases in their rows, all of them in the team's and the shop's, over the window
 * ending on the row's period's last day.
 */
export interface PlatformViewContext {
  settings: Settings;
  d: Dialect;
  /** A message's zone column (its agent's) when some chat export was read in a zone of its own. */
  zone: string | undefined;
  /** A consultation's key in cs_steps (its agent's zone with it when zoned). */
  consultation: string;
  /** Whether a consultation counts for the timed rates (30秒应答率's), over cs_steps' fc, t_out, off. */
  timed: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The views of the platform's figures, or none without a platform. */
export function platformViews(context: PlatformViewContext): View[] {
  const rule = platformRule(context.settings.platform);
  if (rule === null) return [];
  const { d } = context;
  const t = (name: string) => d.table(name);
  const windowDays = platformWindow(rule, context.settings.platformWindowDays);
  const firstDay = windowDays === null ? 'pd.first_day' : `pd.last_day - ${windowDays} + 1`;
  const deadline = deadlineStages(rule.deadline, context);
  // Lazada averages the chats answered within their cycle; Amazon and TikTok Shop every answer.
  const timedAnswer =
    rule.deadline.kind === 'within'
      ? 'answered_ms IS NOT NULL'
      : 'answered_ms IS NOT NULL AND answered_ms <= deadline';
  const hours = `CASE WHEN ${rule.responseTime ? timedAnswer : 'FALSE'} THEN (answered_ms - received_ms) / ${HOUR_MS} END`;
  return [
    {
      // What the rule counts, each with when it came and when a manual reply answered it (NULL: none),
      // and where it comes in the JS engine's order (its thread's first message, its first position).
      name: 'cs_platform_received',
      sql: rule.unit === 'message' ? messagesReceived(context) : conversationsReceived(rule, context),
    },
    {
      // Each case: the local day it came (the window counts days), whether it was answered by the
      // deadline, the hours to the answer where the platform averages them; a case unanswered and not
      // yet due when the chats end is left out. Numbered in the order the JS engine sorts them (by
      // receipt, a tie in the order it met them): Shopee Thailand's recent quarter and the mean's sum.
      name: 'cs_platform_cases',
      materialize: true,
      sql: `SELECT agent, day, on_time, hours, ROW_NUMBER() OVER (ORDER BY received_ms, thread_first, first_pos) AS case_order FROM (
  SELECT agent, received_ms, thread_first, first_pos, ${d.dayOf('received_ms', context.zone)} AS day,
    CASE WHEN answered_ms IS NOT NULL AND answered_ms <= deadline THEN 1 ELSE 0 END AS on_time,
    ${hours} AS hours
  FROM (${deadline}) AS r
  WHERE answered_ms IS NOT NULL OR deadline < (SELECT MAX(time_ms) FROM ${t('cs_steps')})
) AS c`,
    },
    {
      // Each case in its agent's rows and the team's (the shop's are the team's), of every period whose
      // window holds its day: the window ending on the period's last day, or the period itself.
      name: 'cs_platform_rows',
      sql: `SELECT w.level, w.who, pd.period, w.on_time, w.hours, w.case_order
FROM ${t('cs_period_days')} AS pd
JOIN (SELECT 'agent' AS level, agent AS who, a.* FROM ${t('cs_platform_cases')} AS a
UNION ALL SELECT 'team' AS level, '' AS who, m.* FROM ${t('cs_platform_cases')} AS m) AS w
ON w.day >= ${firstDay} AND w.day <= pd.last_day`,
    },
    {
      name: 'cs_platform_facts',
      sql: platformFactsSql(rule, d),
    },
    {
      // platform_response_time's sample: the hours of each answered case, in the cases' order.
      name: 'cs_platform_samples',
      sql: `SELECT level, who, period, 'platformResponseHours' AS sample, hours AS x, case_order AS seq
FROM ${t('cs_platform_rows')} WHERE hours IS NOT NULL`,
    },
  ];
}

/**
 * Each buyer message not marked as needing no response, answered by the next manual reply of its
 * thread (messageCases): auto replies and platform notices answer nothing.
 */
function messagesReceived({ d, zone }: PlatformViewContext): string {
  return `SELECT agent, time_ms AS received_ms, answered_ms, thread_first, pos AS first_pos${zone ? `, ${zone}` : ''}
FROM (
  SELECT *,
    MIN(CASE WHEN sender = 'agent' AND NOT auto THEN time_ms END) OVER (
      PARTITION BY agent, customer ORDER BY pos ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS answered_ms,
    MIN(seq) OVER (PARTITION BY agent, customer) AS thread_first
  FROM ${d.table('cs_steps')}
) AS m
WHERE sender = 'customer' AND NOT no_response`;
}

/**
 * Each conversation from its first buyer message that needs a response, answered by the first manual
 * reply after it (conversationCases). Messages are in the thread's order (pos: by time, the buyer's
 * first at one second), so a reply at or after that message's time comes after it. The domestic
 * platforms count the consultations 30秒应答率 counts; TikTok Shop only those the buyer began (its
 * first message other than a platform notice is the buyer's), and leaves out one only auto replies
 * answered.
 */
function conversationsReceived(rule: PlatformRule, { d, consultation, timed }: PlatformViewContext): string {
  const kept = [
    'received_ms IS NOT NULL',
    ...(rule.assessed ? [`(${timed})`] : []),
    ...(rule.buyerInitiated ? ['first_customer_pos = first_sender_pos'] : []),
    ...(rule.autoOnlyLeftOut ? ['NOT (answered_ms IS NULL AND auto_replied = 1)'] : []),
  ];
  return `SELECT * FROM (
  SELECT ${consultation}, fc, t_out, off, received_ms, MIN(thread_first) AS thread_first, MIN(pos) AS first_pos,
    MIN(CASE WHEN sender = 'agent' AND NOT auto AND time_ms >= received_ms THEN time_ms END) AS answered_ms,
    MAX(CASE WHEN sender = 'agent' AND auto AND time_ms >= received_ms THEN 1 ELSE 0 END) AS auto_replied,
    MIN(CASE WHEN sender = 'customer' THEN pos END) AS first_customer_pos,
    MIN(CASE WHEN sender <> 'system' THEN pos END) AS first_sender_pos
  FROM (
    SELECT *, MIN(seq) OVER (PARTITION BY agent, customer) AS thread_first,
      MIN(CASE WHEN sender = 'customer' AND NOT no_response THEN time_ms END) OVER (PARTITION BY ${consultation}) AS received_ms
    FROM ${d.table('cs_steps')}
  ) AS s
  GROUP BY ${consultation}, fc, t_out, off, received_ms
) AS c
WHERE ${kept.join(' AND ')}`;
}

/**
 * cs_platform_received with each case's deadline (deadlineOf): its receipt plus the rule's time, or
 * Lazada's cycle: received before the cutoff, due that day; at or after it, the next day; due at the
 * local time `due`, as fromLocal finds that instant (resolveLocal: in a repeated hour the earlier, in a
 * skipped hour as if the change had not happened yet), with the zone's offsets read at whole minutes.
 */
function deadlineStages(deadline: Deadline, { d, zone }: PlatformViewContext): string {
  const received = `SELECT * FROM ${d.table('cs_platform_received')}`;
  if (deadline.kind === 'within')
    return `SELECT *, received_ms + ${deadline.ms} AS deadline FROM (${received}) AS w`;
  // The wall clock at an instant on a whole minute, as epoch milliseconds of that local time.
  const localMs = (ms: string) =>
    `(${d.dayOf(ms, zone)} * ${DAY_MS} + ${d.minuteOf(ms, zone)} * ${MINUTE_MS})`;
  const cycleDay = `${d.dayOf('received_ms', zone)} + CASE WHEN ${d.minuteOf('received_ms', zone)} >= ${deadline.cutoff} THEN 1 ELSE 0 END`;
  return `SELECT *, CASE WHEN ${localMs('corrected')} = wall THEN corrected ELSE guess END AS deadline FROM (
  SELECT *, wall - (${localMs('guess')} - guess) AS corrected FROM (
    SELECT *, wall - (${localMs('wall')} - wall) AS guess FROM (
      SELECT *, (${cycleDay}) * ${DAY_MS} + ${deadline.due * MINUTE_MS} AS wall FROM (${received}) AS r
    ) AS w
  ) AS g
) AS c`;
}

/**
 * Each row's cases, those answered in time, and the rate (platformFigures): Shopee Thailand's is half
 * the window's and half that of its most recent quarter of cases (at least one).
 */
function platformFactsSql(rule: PlatformRule, d: Dialect): string {
  const key = 'level, who, period';
  const rate = 'SUM(on_time) / COUNT(*)';
  if (!rule.recentQuarterWeighted)
    return `SELECT ${key}, COUNT(*) AS cases, SUM(on_time) AS on_time, ${rate} AS rate
FROM ${d.table('cs_platform_rows')} GROUP BY ${key}`;
  const recent = 'back <= CEIL(n / 4)';
  return `SELECT ${key}, COUNT(*) AS cases, SUM(on_time) AS on_time,
  5e-1 * (${rate}) + 5e-1 * (SUM(CASE WHEN ${recent} THEN on_time ELSE 0 END) / SUM(CASE WHEN ${recent} THEN 1 ELSE 0 END)) AS rate
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY case_order DESC) AS back, COUNT(*) OVER (PARTITION BY ${key}) AS n
  FROM ${d.table('cs_platform_rows')}
) AS r GROUP BY ${key}`;
}
