import type { Settings } from '../../core/engine/settings';
import type { Dialect } from './dialect';
import type { View } from './sqlTypes';

/**
 * The views of the exports besides chats and orders (recordTables.ts), as afterSalesFacts.ts and
 * rollingWindows.ts count them: each record counts for the agent it names, the team and the shop, or
 * for the shop alone when it names none (buckets.ts, `named`), on its day in the report's zone.
 * Ratings, online time and issues count in their day's period; DSR counts the ratings of the
 * dsr_days ending on the period's last day, complaints those of the after-sales window.
 */
export interface RecordViewContext {
  settings: Settings;
  d: Dialect;
  /** Each event once per period it counts in (its day's and the whole report's), as views.ts does. */
  inPeriods: (select: string) => string;
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
export const WINDOW_FACT_COLUMNS = ['dsr_sum', 'dsr_count', 'complaints'] as const;

export function recordViews({ settings, d, inPeriods }: RecordViewContext): View[] {
  const t = (name: string) => d.table(name);
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
      sql: `SELECT * FROM (SELECT 'rating' AS kind, agent, ${d.dayOf('time_ms')} AS day, CAST(level AS ${int}) AS rating_level, ${bool(satisfied)} AS satisfied, CAST(0 AS ${int}) AS online_ms, 0 AS resolved FROM ${t('cs_ratings_kept')}
UNION ALL SELECT 'complaint' AS kind, agent, ${d.dayOf('time_ms')} AS day, CAST(NULL AS ${int}) AS rating_level, 0 AS satisfied, CAST(0 AS ${int}) AS online_ms, 0 AS resolved FROM ${t('complaints')}
UNION ALL SELECT 'online' AS kind, agent, ${d.dayOf('start_ms')} AS day, CAST(NULL AS ${int}) AS rating_level, 0 AS satisfied, end_ms - start_ms AS online_ms, 0 AS resolved FROM ${t('online')}
UNION ALL SELECT 'issue' AS kind, agent, ${d.dayOf('time_ms')} AS day, CAST(NULL AS ${int}) AS rating_level, 0 AS satisfied, CAST(0 AS ${int}) AS online_ms, ${bool('resolved')} AS resolved FROM ${t('issues')}) AS e`,
    },
    {
      // Each record in each row it counts for, per period. A complaint only makes its day's period
      // known (its figure is windowed): it makes no row.
      name: 'cs_named_rows',
      sql: asNamed(`(${inPeriods(`SELECT * FROM ${t('cs_named')} WHERE kind <> 'complaint'`)})`),
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
  return `SELECT day FROM ${d.table('cs_named')}`;
}

/** The rows records other than consultations make (an agent's, the team's, the shop's, per period). */
export function recordBuckets(d: Dialect): string {
  return `SELECT level, who, period FROM ${d.table('cs_named_rows')}`;
}

/**
 * fillWindows: over each row the engine made while counting (cs_buckets; a team or shop row of a
 * period only complaints made known has none, and so zeros), DSR's sums over the dsr_days that end on
 * the period's last day, and the complaints of the after-sales window (the period when unset).
 */
export function windowFactsView(settings: Settings, d: Dialect): View {
  const t = (name: string) => d.table(name);
  const firstDay =
    settings.afterSalesWindowDays === null
      ? 'pd.first_day'
      : `pd.last_day - ${settings.afterSalesWindowDays} + 1`;
  const windowed = (kind: string, first: string, sums: string) =>
    `SELECT b.level, b.who, b.period, ${sums}
  FROM ${t('cs_buckets')} AS b
  JOIN ${t('cs_period_days')} AS pd ON pd.period = b.period
  JOIN (${asNamed(`(SELECT * FROM ${t('cs_named')} WHERE kind = '${kind}')`)}) AS w
    ON w.level = b.level AND w.who = b.who AND w.day >= ${first} AND w.day <= pd.last_day
  GROUP BY b.level, b.who, b.period`;
  const key = (a: string) => `${a}.level = b.level AND ${a}.who = b.who AND ${a}.period = b.period`;
  return {
    name: 'cs_window_facts',
    sql: `SELECT b.level, b.who, b.period,
  COALESCE(dsr.dsr_sum, 0) AS dsr_sum, COALESCE(dsr.dsr_count, 0) AS dsr_count,
  COALESCE(c.complaints, 0) AS complaints
FROM ${t('cs_buckets')} AS b
LEFT JOIN (${windowed('rating', `pd.last_day - ${settings.dsrDays} + 1`, 'SUM(w.rating_level) AS dsr_sum, COUNT(*) AS dsr_count')}) AS dsr ON ${key('dsr')}
LEFT JOIN (${windowed('complaint', firstDay, 'COUNT(*) AS complaints')}) AS c ON ${key('c')}`,
  };
}
