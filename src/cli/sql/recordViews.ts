import type { Settings } from '../../core/engine/settings';
import type { Dialect } from './dialect';
import type { View } from './sqlTypes';

/**
 * The views of the exports besides chats and orders (recordTables.ts), as afterSalesFacts.ts and
 * rollingWindows.ts count them: each record counts for the agent it names, the team and the shop, or
 * for the shop alone when it names none (buckets.ts, `named`), on its day in the report's zone (or its
 * export's, where that export was read in a zone of its own).
 * Ratings, online time and issues count in their day's period; DSR counts the ratings of the
 * dsr_days ending on the period's last day; complaints, disputed refunds (by the day requested) and
 * completed refunds (by the day completed) those of the after-sales window.
 */
export interface RecordViewContext {
  settings: Settings;
  d: Dialect;
  /** Each event once per period it counts in (its day's and the whole report's), as views.ts does. */
  inPeriods: (select: string) => string;
  /** Whether a record may have a zone of its own (its `zone` column): its day is then its zone's. */
  zoned?: boolean;
}

const bool = (test: string) => `CASE WHEN ${test} THEN 1 ELSE 0 END`;

/** Who a record counts for: its agent and the team when it names one, and always the shop. */
const asNamed = (from: string) =>
  `SELECT * FROM (SELECT 'agent' AS level, agent AS who, a.* FROM ${from} AS a WHERE agent IS NOT NULL
UNION ALL SELECT 'team' AS level, '' AS who, t.* FROM ${from} AS t WHERE agent IS NOT NULL
UNION ALL SELECT 'shop' AS level, '' AS who, s.* FROM ${from} AS s) AS n`;

/** The record facts cs_facts reads, with their column in cs_record_facts or cs_window_facts. */
export const RECORD_FACT_COLUMNS = [
  'ratings',
  'satisfied',
  'online_hours',
  'online_accounts',
  'issues',
  'issues_resolved',
] as const;
export const WINDOW_FACT_COLUMNS = [
  'dsr_sum',
  'dsr_count',
  'complaints',
  'disputes',
  'refunds_completed',
  'refunds_completed_by_shop',
] as const;

export function recordViews({ settings, d, inPeriods, zoned = false }: RecordViewContext): View[] {
  const t = (name: string) => d.table(name);
  const zone = zoned ? `COALESCE(zone, ${d.text(settings.timeZone)})` : undefined;
  const satisfied =
    settings.satisfiedLevels.length === 0 ? 'FALSE' : `level IN (${settings.satisfiedLevels.join(', ')})`;
  const int = 'INT64';
  return [
    {
      // dedupeRatings: a rating ID seen before (in file order) is a repeat; without an ID, a rating of
      // the same agent, buyer and level at the same moment is, unless it names no buyer.
      name: 'cs_ratings_kept',
      sql: `SELECT * FROM (
  SELECT *, CASE
    WHEN id IS NOT NULL THEN ROW_NUMBER() OVER (PARTITION BY id ORDER BY seq)
    WHEN customer = '' THEN 1
    ELSE ROW_NUMBER() OVER (PARTITION BY id IS NULL, customer = '', time_ms, agent, customer, level ORDER BY seq)
  END AS rank_kept
  FROM ${t('ratings')}
) AS r WHERE rank_kept = 1`,
    },
    {
      // One row per record on its day: what it adds to its rows (online time in whole milliseconds).
      name: 'cs_named',
      sql: `SELECT * FROM (SELECT 'rating' AS kind, agent, ${d.dayOf('time_ms', zone)} AS day, CAST(level AS ${int}) AS rating_level, ${bool(satisfied)} AS satisfied, CAST(0 AS ${int}) AS online_ms, 0 AS resolved FROM ${t('cs_ratings_kept')}
UNION ALL SELECT 'complaint' AS kind, agent, ${d.dayOf('time_ms', zone)} AS day, CAST(NULL AS ${int}) AS rating_level, 0 AS satisfied, CAST(0 AS ${int}) AS online_ms, 0 AS resolved FROM ${t('complaints')}
UNION ALL SELECT 'online' AS kind, agent, ${d.dayOf('start_ms', zone)} AS day, CAST(NULL AS ${int}) AS rating_level, 0 AS satisfied, end_ms - start_ms AS online_ms, 0 AS resolved FROM ${t('online')}
UNION ALL SELECT 'issue' AS kind, agent, ${d.dayOf('time_ms', zone)} AS day, CAST(NULL AS ${int}) AS rating_level, 0 AS satisfied, CAST(0 AS ${int}) AS online_ms, ${bool('resolved')} AS resolved FROM ${t('issues')}) AS e`,
    },
    {
      // Each record in each row it counts for, per period. A complaint only makes its day's period
      // known (its figure is windowed): it makes no row.
      name: 'cs_named_rows',
      sql: asNamed(`(${inPeriods(`SELECT * FROM ${t('cs_named')} WHERE kind <> 'complaint'`)})`),
    },
    {
      // Each refund: the day it was requested (a dispute counts there, and the day makes its period
      // known), the day it was completed (the completion counts there, with its hours from request to
      // completion and whether the shop completed it), both days in its export's zone when it has one, as
      // addAfterSales reads a refund.
      name: 'cs_refund_events',
      sql: `SELECT seq, order_id, agent, ${d.dayOf('applied_ms', zone)} AS applied_day, ${d.dayOf('completed_ms', zone)} AS completed_day,
  (completed_ms - applied_ms) / 3600000 AS hours, ${bool('dispute')} AS disputed, ${bool("completed_by = 'shop'")} AS by_shop
FROM ${t('refunds')}`,
    },
    {
      // The rows a completed refund makes (eachNamed on its completion day): its figures come from
      // the window (cs_window_facts), not from these rows.
      name: 'cs_refund_rows',
      sql: asNamed(
        `(${inPeriods(`SELECT agent, completed_day AS day FROM ${t('cs_refund_events')} WHERE completed_day IS NOT NULL`)})`,
      ),
    },
    {
      name: 'cs_record_facts',
      sql: `SELECT level, who, period,
  SUM(${bool("kind = 'rating'")}) AS ratings,
  SUM(satisfied) AS satisfied,
  SUM(online_ms) / 3600000 AS online_hours,
  COUNT(DISTINCT CASE WHEN kind = 'online' THEN agent END) AS online_accounts,
  SUM(${bool("kind = 'issue'")}) AS issues,
  SUM(resolved) AS issues_resolved
FROM ${t('cs_named_rows')} GROUP BY level, who, period`,
    },
  ];
}

/** The days records other than consultations make known (a period's first and last day). */
export function recordDays(d: Dialect): string {
  return `SELECT day FROM ${d.table('cs_named')}
UNION ALL SELECT applied_day AS day FROM ${d.table('cs_refund_events')}
UNION ALL SELECT completed_day AS day FROM ${d.table('cs_refund_events')} WHERE completed_day IS NOT NULL`;
}

/** The rows records other than consultations make (an agent's, the team's, the shop's, per period). */
export function recordBuckets(d: Dialect): string {
  return `SELECT level, who, period FROM ${d.table('cs_named_rows')}`;
}

/**
 * The rows completed refunds make: an agent's only when something else names that agent (a
 * consultation, a rating, online time, an issue: Buckets.agents, which a refund does not add to), which
 * cs_buckets works out over every row.
 */
export function refundBuckets(d: Dialect): string {
  return `SELECT level, who, period FROM ${d.table('cs_refund_rows')}`;
}

/**
 * fillWindows: over each row the engine made while counting (cs_buckets; a team or shop row of a
 * period only complaints or refund requests made known has none, and so zeros), DSR's sums over the
 * dsr_days that end on the period's last day, and over the after-sales window (the period when unset)
 * the complaints, the disputed refunds (by the day requested) and the completed refunds (by the day
 * completed), as many as the shop completed.
 */
export function windowFactsView(settings: Settings, d: Dialect): View {
  const t = (name: string) => d.table(name);
  const dsrFirst = `pd.last_day - ${settings.dsrDays} + 1`;
  const afterSales = afterSalesFirstDay(settings);
  const counted = (kind: string, first: string, value = '1') =>
    `SUM(CASE WHEN w.kind = '${kind}' AND w.day >= ${first} THEN ${value} ELSE 0 END)`;
  // Every windowed record once, read in one pass over each period's days (each window ends on its
  // period's last day): cs_period_days is read once.
  const events = `SELECT kind, agent, day, rating_level, 0 AS by_shop FROM ${t('cs_named')} WHERE kind IN ('rating', 'complaint')
UNION ALL SELECT 'dispute' AS kind, agent, applied_day AS day, CAST(NULL AS INT64) AS rating_level, 0 AS by_shop FROM ${t('cs_refund_events')} WHERE disputed = 1
UNION ALL SELECT 'completion' AS kind, agent, completed_day AS day, CAST(NULL AS INT64) AS rating_level, by_shop FROM ${t('cs_refund_events')} WHERE completed_day IS NOT NULL`;
  return {
    name: 'cs_window_facts',
    sql: `SELECT b.level, b.who, b.period,
  ${WINDOW_FACT_COLUMNS.map((c) => `COALESCE(ws.${c}, 0) AS ${c}`).join(',\n  ')}
FROM ${t('cs_buckets')} AS b
LEFT JOIN (
  SELECT w.level, w.who, pd.period,
    ${counted('rating', dsrFirst, 'w.rating_level')} AS dsr_sum,
    ${counted('rating', dsrFirst)} AS dsr_count,
    ${counted('complaint', afterSales)} AS complaints,
    ${counted('dispute', afterSales)} AS disputes,
    ${counted('completion', afterSales)} AS refunds_completed,
    ${counted('completion', afterSales, 'w.by_shop')} AS refunds_completed_by_shop
  FROM ${t('cs_period_days')} AS pd
  JOIN (${asNamed(`(${events})`)}) AS w ON w.day >= LEAST(${dsrFirst}, ${afterSales}) AND w.day <= pd.last_day
  GROUP BY w.level, w.who, pd.period
) AS ws ON ws.level = b.level AND ws.who = b.who AND ws.period = b.period`,
  };
}

/** The after-sales window's first day over cs_period_days (pd): the period's, or N days back from its last. */
function afterSalesFirstDay(settings: Settings): string {
  return settings.afterSalesWindowDays === null
    ? 'pd.first_day'
    : `pd.last_day - ${settings.afterSalesWindowDays} + 1`;
}

const completedRefunds = (d: Dialect) =>
  `SELECT agent, completed_day AS day, by_shop, hours, seq FROM ${d.table('cs_refund_events')} WHERE completed_day IS NOT NULL`;

/**
 * DailyCompletions.fill: each completed refund's hours in every row whose after-sales window holds
 * its completion day, the sample of 退款完结时长's mean (added in the records' order, seq, as the JS
 * engine adds them), median and p90 (views.ts sampleStats). cs_facts reads them on the rows made while
 * counting only (fillWindows fills no other).
 */
export function refundSamplesView(settings: Settings, d: Dialect): View {
  return {
    name: 'cs_refund_samples',
    sql: `SELECT w.level, w.who, pd.period, 'refundHours' AS sample, w.hours AS x, w.seq
FROM ${d.table('cs_period_days')} AS pd
JOIN (${asNamed(`(${completedRefunds(d)})`)}) AS w ON w.day >= ${afterSalesFirstDay(settings)} AND w.day <= pd.last_day`,
  };
}
