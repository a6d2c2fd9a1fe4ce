import { INDICATORS, type Indicator, type Level } from '../../core/engine/catalog';
import type { SplitRule } from '../../core/engine/consultations';
import type { Source } from '../../core/engine/facts';
import { type Expr, type FactName, namesIn, type SampleName } from '../../core/engine/formula';
import type { Settings } from '../../core/engine/settings';
import { MESSAGE_COLUMNS } from './canonical';
import type { Dialect } from './dialect';
import {
  RECORD_FACT_COLUMNS,
  recordBuckets,
  recordDays,
  recordViews,
  refundBuckets,
  refundSamplesView,
  WINDOW_FACT_COLUMNS,
  windowFactsView,
} from './recordViews';
import type { View } from './sqlTypes';

export type { View } from './sqlTypes';

import { orderBuckets, orderDays, orderFactSql, orderViews, refundWindowView } from './orderViews';
import { platformViews } from './platformViews';

/**
 * The report as SQL views over the canonical tables (canonical.ts), generated from the settings and
 * from the catalog's expressions (formula.ts): the consultations as the JS engine splits them
 * (consultations.ts), their facts per agent, team and shop and period (consultationFacts.ts), and
 * every indicator the catalog describes over those facts. One text for DuckDB and BigQuery; what
 * differs is in dialect.ts.
 */

/** The facts the views compute; an indicator reading another is refused (coverage.ts). */
export const SQL_FACTS: ReadonlySet<FactName> = new Set<FactName>([
  'consultations',
  'receptions',
  'rated',
  'ratedReplied',
  'timed',
  'fast',
  'unansweredRounds',
  'agentMessages',
  'customerMessages',
  'invited',
  'inquirers',
  'teamReceptions',
  'headcount',
  // The orders' (orderViews.ts).
  'converted',
  'orderedCustomers',
  'afterSales',
  'sales',
  'orders',
  'items',
  'buyers',
  'assistOrders',
  'assistSales',
  'placedOrders',
  'paidPlacedOrders',
  'teamSales',
  'shopSales',
  'paidForRefund',
  'refundedPaid',
  'ratings',
  'satisfied',
  'dsrSum',
  'dsrCount',
  'onlineHours',
  'onlineAccounts',
  'issues',
  'issuesResolved',
  'complaints',
  // The refunds' (recordViews.ts).
  'disputes',
  'refundsCompleted',
  'refundsCompletedByShop',
  // The platform's (platformViews.ts).
  'platformCases',
  'platformOnTime',
  'platformRate',
]);
export const SQL_SAMPLES: ReadonlySet<SampleName> = new Set<SampleName>([
  'firstResponses',
  'responseGaps',
  'refundHours',
  'platformResponseHours',
]);

/**
 * Where each sample's stats are: the consultations' (the shop reads the team's, its consultations
 * being the team's), or a window's, only on the rows made while counting, which fillWindows and
 * addPlatformFacts fill (refunds: each row its own, as a refund may name no agent; the platform's
 * cases: the shop's are the team's).
 */
const SAMPLE_STATS: Record<SampleName, { view: string; shopIsTeam: boolean; windowed: boolean }> = {
  firstResponses: { view: 'cs_sample_stats', shopIsTeam: true, windowed: false },
  responseGaps: { view: 'cs_sample_stats', shopIsTeam: true, windowed: false },
  refundHours: { view: 'cs_refund_sample_stats', shopIsTeam: false, windowed: true },
  platformResponseHours: { view: 'cs_platform_sample_stats', shopIsTeam: true, windowed: true },
};

/** In cs_facts: the level whose facts a row reads where the shop's are the team's. */
const SHOP_IS_TEAM = "CASE WHEN s.level = 'shop' THEN 'team' ELSE s.level END";

/** In cs_facts: whether the spine's row is one made while counting (cs_window_facts has one per such row). */
const MADE_WHILE_COUNTING = 'wf.level IS NOT NULL';

/** A fact's column: ratedReplied → rated_replied. */
export const column = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Which sources each indicator's value rests on at a level (catalog's needs/shopNeeds). */
export function needsAt(indicator: Indicator, level: Level): readonly Source[] {
  return level === 'shop' ? (indicator.shopNeeds ?? indicator.needs) : indicator.needs;
}

export function availableAt(
  indicator: Indicator,
  level: Level,
  sources: Readonly<Record<Source, boolean>>,
): boolean {
  return indicator.levels.includes(level) && needsAt(indicator, level).every((s) => sources[s]);
}

const PERIOD_PATTERN: Record<Exclude<Settings['period'], 'all'>, string> = {
  day: '%Y-%m-%d',
  week: '%G-W%V',
  month: '%Y-%m',
};

const bool = (test: string) => `CASE WHEN ${test} THEN 1 ELSE 0 END`;

export interface ViewOptions {
  settings: Settings;
  split: SplitRule;
  sources: Readonly<Record<Source, boolean>>;
  dialect: Dialect;
  /** Only the orders of this currency (orderViews.ts). */
  currency?: string;
  /**
   * Which exports were read in a zone of their own (a shop in another market), whose rows' days and
   * hours follow it: chats (`agents`: a message's zone is its agent's, the agent_zones table,
   * AgentZones), and orders or other records (`records`: their own `zone` column, NULL: the report's).
   */
  zoned?: Zoned;
}

export interface Zoned {
  agents: boolean;
  records: boolean;
}

/** The views in the order they depend on one another; the last, cs_indicators, is the report's rows. */
export function reportViews({
  settings,
  split,
  sources,
  dialect: d,
  currency,
  zoned = { agents: false, records: false },
}: ViewOptions): View[] {
  const t = (name: string) => d.table(name);
  /** A message's zone, a column cs_read adds when zoned (else the report's, the dialect's default). */
  const zone = zoned.agents ? 'zone' : undefined;
  /** The consultation's key, and its zone (its agent's) when zoned. */
  const zoneKey = zoned.agents ? ', zone' : '';
  const internal = settings.internalAccounts.map(d.text).join(', ');
  const notInternal =
    settings.internalAccounts.length === 0
      ? ''
      : `WHERE agent NOT IN (${internal}) AND customer NOT IN (${internal})`;
  // cs_read's columns but seq (a message's zone last when zoned: its agent's, so it splits no group).
  const alike = [
    ...MESSAGE_COLUMNS.flatMap((c) => (c.name === 'seq' ? [] : [c.name])),
    ...(zoned.agents ? ['zone'] : []),
  ].join(', ');
  const firstOfAlike = [
    ...MESSAGE_COLUMNS.map((c) => (c.name === 'seq' ? 'MIN(seq) AS seq' : c.name)),
    ...(zoned.agents ? ['zone'] : []),
  ].join(', ');
  const thread = 'agent, customer';
  const threadOrder = `PARTITION BY ${thread} ORDER BY time_ms, CASE WHEN sender = 'customer' THEN 0 ELSE 1 END, seq`;
  const consultation = 'agent, customer, k1, k2';
  const closesGap = settings.autoRepliesCloseGaps ? "sender = 'agent'" : "sender = 'agent' AND NOT auto";
  const hours = settings.assessmentHours;
  const inHours = (fc: string) =>
    hours === null
      ? 'TRUE'
      : `(${d.minuteOf(fc, zone)} >= ${hours.start} AND ${d.minuteOf(fc, zone)} < ${hours.end})`;
  const rated = [
    ...(settings.excludeTransfersOut ? ['t_out = 0'] : []),
    ...(settings.excludeOffline ? ['off = 0'] : []),
  ];
  const ratedTest = rated.length === 0 ? 'TRUE' : rated.join(' AND ');
  const periodOf = (day: string) =>
    settings.period === 'all' ? "'all'" : d.dayLabel(day, PERIOD_PATTERN[settings.period]);
  /** Each consultation or round once per period it counts in (of its `day`): its own and the whole report's. */
  const inPeriods = (select: string) =>
    settings.period === 'all'
      ? `SELECT *, 'all' AS period FROM (${select}) AS x`
      : `SELECT *, ${periodOf('day')} AS period FROM (${select}) AS x UNION ALL SELECT *, 'all' AS period FROM (${select}) AS y`;
  /** …and once for its agent and once for the team (the shop's consultations are the team's). */
  const asWho = (from: string) =>
    `SELECT * FROM (SELECT 'agent' AS level, agent AS who, agent_row.* FROM ${from} AS agent_row UNION ALL SELECT 'team' AS level, '' AS who, team_row.* FROM ${from} AS team_row) AS w`;

  const startsConsultation =
    split === 'day'
      ? `pos = 1 OR (sender = 'customer' AND prev_customer_at IS NOT NULL AND ${d.dayOf('prev_customer_at', zone)} <> day)`
      : `pos = 1 OR (sender = 'customer' AND time_ms - prev_time >= ${settings.gapMinutes * 60_000})`;
  const walkKeys =
    split === 'id'
      ? 'session AS k1, CASE WHEN session IS NULL THEN day END AS k2'
      : `CAST(NULL AS STRING) AS k1, SUM(${bool(startsConsultation)}) OVER (PARTITION BY ${thread} ORDER BY pos ROWS UNBOUNDED PRECEDING) AS k2`;

  // Each message with its agent's zone, the report's unless the agent's export had another.
  const read = zoned.agents
    ? `(SELECT m.*, COALESCE(z.zone, ${d.text(settings.timeZone)}) AS zone FROM ${t('messages')} AS m LEFT JOIN ${t('agent_zones')} AS z ON z.agent = m.agent) AS zm`
    : t('messages');
  const views: View[] = [
    { name: 'cs_read', sql: `SELECT * FROM ${read} ${notInternal}` },
    {
      // Internal accounts out; a message ID seen before (in file order) is a repeat; without an ID, a
      // row alike in every field and in the cells no field reads, at the same second, is one. A row
      // with an ID never repeats one without, nor one whose cells tell it from every other (row_print
      // NULL), as in the JS engine (messages.ts compares their flags). Each kind is found apart, so a
      // window is sorted only for the rows that need it. Rows without an ID that are alike in every
      // column but seq are one group, whose first row is the columns and the least seq: grouped by
      // hash, not ranked in a sorted window (half the time on a month of 1M messages). id_a and
      // id_b are NULL together there (canonical.ts), so grouping by them changes nothing.
      name: 'cs_kept',
      sql: `SELECT * FROM (
SELECT *, 1 AS id_rank, 1 AS row_rank FROM ${t('cs_read')} WHERE id_a IS NULL AND row_print IS NULL
UNION ALL SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY id_a, id_b ORDER BY seq) AS id_rank, 1 AS row_rank
  FROM ${t('cs_read')} WHERE id_a IS NOT NULL
) AS i WHERE id_rank = 1
UNION ALL SELECT ${firstOfAlike}, 1 AS id_rank, 1 AS row_rank
  FROM ${t('cs_read')} WHERE id_a IS NULL AND row_print IS NOT NULL GROUP BY ${alike}
) AS k`,
    },
    {
      // Each thread (agent × customer) in time order, the customer first at one second, then the file's.
      // Every window here has that one order, so DuckDB sorts the messages once.
      name: 'cs_walk',
      sql: `SELECT *, ${walkKeys} FROM (
  SELECT *,
    ROW_NUMBER() OVER (${threadOrder}) AS pos,
    -- The time of the thread's customer message before this one (read on customer messages only):
    -- the latest, since the order is by time. Its day is then read as the JS engine reads days.
    MAX(CASE WHEN sender = 'customer' THEN time_ms END) OVER (${threadOrder} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_customer_at,
    LAG(time_ms) OVER (${threadOrder}) AS prev_time
  FROM (SELECT *, ${d.dayOf('time_ms', zone)} AS day FROM ${t('cs_kept')}) AS a
) AS b`,
    },
    {
      // Rounds: a gap opens at the first customer message after a reply and closes at the next reply.
      name: 'cs_steps',
      materialize: true,
      sql: `SELECT *,
  MIN(CASE WHEN sender = 'customer' THEN time_ms END) OVER (PARTITION BY ${consultation}) AS fc,
  MIN(time_ms) OVER (PARTITION BY ${consultation}) AS first_at,
  MAX(${bool('transfer_out')}) OVER (PARTITION BY ${consultation}) AS t_out,
  MAX(${bool('offline')}) OVER (PARTITION BY ${consultation}) AS off,
  COALESCE(SUM(${bool('closer')}) OVER (
    PARTITION BY ${consultation} ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS grp
FROM (SELECT *, (${closesGap}) AS closer FROM ${t('cs_walk')}) AS w`,
    },
    {
      name: 'cs_consultations',
      materialize: true,
      sql: `SELECT *, ${d.dayOf('COALESCE(fc, first_at)', zone)} AS day,
  fc IS NOT NULL AND ${ratedTest} AND ${inHours('fc')} AS timed, ${ratedTest} AS rated
FROM (
  SELECT ${consultation}, fc, first_at, t_out, off${zoneKey},
    MIN(CASE WHEN sender = 'agent' AND NOT auto AND time_ms >= fc THEN time_ms END) AS first_reply,
    SUM(${bool("sender = 'customer'")}) AS customer_messages,
    SUM(${bool("sender = 'agent' AND NOT auto")}) AS agent_messages,
    MAX(${bool('invite')}) AS invited
  FROM ${t('cs_steps')} GROUP BY ${consultation}, fc, first_at, t_out, off${zoneKey}
) AS c`,
    },
    {
      name: 'cs_rounds',
      materialize: true,
      sql: `SELECT *, ${d.dayOf('COALESCE(fc, first_at)', zone)} AS day,
  fc IS NOT NULL AND ${ratedTest} AND ${inHours('fc')} AS timed,
  open_at IS NOT NULL AND manual_close AND close_at - open_at <= 1000 AS instant
FROM (
  SELECT ${consultation}, fc, first_at, t_out, off${zoneKey}, grp,
    MIN(CASE WHEN sender = 'customer' THEN time_ms END) AS open_at,
    MIN(CASE WHEN closer THEN time_ms END) AS close_at,
    MAX(${bool('closer AND NOT auto')}) = 1 AS manual_close,
    MIN(CASE WHEN closer AND NOT auto THEN CAST(text_a AS INT64) * 2097152 + MOD(MOD(text_b, 2097152) + 2097152, 2097152) END) AS close_text
  FROM ${t('cs_steps')} GROUP BY ${consultation}, fc, first_at, t_out, off${zoneKey}, grp
) AS r`,
    },
    {
      name: 'cs_consultation_rows',
      sql: asWho(`(${inPeriods(`SELECT * FROM ${t('cs_consultations')}`)})`),
    },
    {
      name: 'cs_unanswered_rows',
      sql: asWho(`(${inPeriods(`SELECT * FROM ${t('cs_rounds')} WHERE timed`)})`),
    },
    {
      name: 'cs_samples',
      sql: asWho(
        `(${inPeriods(
          `SELECT 'firstResponses' AS sample, agent, day, (first_reply - fc) / 1000 AS x FROM ${t('cs_consultations')} WHERE timed AND first_reply IS NOT NULL
UNION ALL SELECT 'responseGaps' AS sample, agent, day, (close_at - open_at) / 1000 AS x FROM ${t('cs_rounds')} WHERE timed AND open_at IS NOT NULL AND close_at IS NOT NULL`,
        )})`,
      ),
    },
    {
      name: 'cs_unanswered',
      sql: `SELECT level, who, period, SUM(${bool('close_at IS NULL AND open_at IS NOT NULL')}) AS unanswered_rounds
FROM ${t('cs_unanswered_rows')} GROUP BY level, who, period`,
    },
  ];
  const orders = sources.orders
    ? orderViews({
        settings,
        dialect: d,
        inPeriods,
        asWho,
        zoned: zoned.records,
        ...(currency === undefined ? {} : { currency }),
      })
    : [];
  const platform = platformViews({
    settings,
    d,
    zone,
    consultation: `${consultation}${zoneKey}`,
    timed: `fc IS NOT NULL AND ${ratedTest} AND ${inHours('fc')}`,
  });
  return [
    ...views,
    ...orders,
    ...recordViews({ settings, d, inPeriods, zoned: zoned.records }),
    ...factViews(settings, sources, d, inPeriods, platform),
  ];
}

/**
 * The stats of each sample list per row: mean, count, and the median and 90th percentile found as
 * stats.ts finds them (the k-th and next smallest, interpolated with the same arithmetic), so they
 * are the JS engine's to the last bit; DuckDB's quantile_cont rounds differently in the last place.
 */
function sampleStats(d: Dialect, samples = 'cs_samples', addedBy?: string): string {
  const key = 'level, who, period, sample';
  const percentile = (p: number) => {
    // n − 1 times p as a double, as JavaScript multiplies (9e-1 is a double in both dialects).
    const rank = `((n_all - 1) * ${Math.round(p * 10)}e-1)`;
    const k = `FLOOR(${rank})`;
    const low = `MAX(CASE WHEN r = ${k} THEN x END)`;
    const high = `MAX(CASE WHEN r = ${k} + 1 THEN x END)`;
    return `CASE WHEN MAX(${rank}) = MAX(${k}) THEN ${low} ELSE ${low} + (${high} - ${low}) * (MAX(${rank}) - MAX(${k})) END`;
  };
  // A list added in an order of its own (refund hours, in the records' order) is the JS engine's
  // mean to the last bit; AVG adds in DuckDB's order.
  const mean = addedBy === undefined ? 'AVG(x)' : `${d.orderedSum('x', addedBy)} / COUNT(*)`;
  return `SELECT ${key}, ${mean} AS mean, ${percentile(0.5)} AS median, ${percentile(0.9)} AS p90, COUNT(*) AS n FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY x) - 1 AS r, COUNT(*) OVER (PARTITION BY ${key}) AS n_all
  FROM ${d.table(samples)}
) AS s GROUP BY ${key}`;
}

function factViews(
  settings: Settings,
  sources: Readonly<Record<Source, boolean>>,
  d: Dialect,
  inPeriods: (select: string) => string,
  platform: readonly View[],
): View[] {
  const t = (name: string) => d.table(name);
  const withOrders = sources.orders;
  const orderFacts = orderFactSql(d, withOrders, settings.afterSalesChatDays > 0, MADE_WHILE_COUNTING);
  /** Every day a record puts into the periods (Buckets.periodsOf), the consultations' first. */
  const days = [
    `SELECT day FROM ${t('cs_consultations')}`,
    recordDays(d),
    ...(withOrders ? orderDays(d) : []),
  ];
  /** The rows the JS engine makes while counting, besides the consultations'. */
  const buckets = [recordBuckets(d), ...(withOrders ? orderBuckets(d) : [])].join('\nUNION DISTINCT ');
  const has = 'fc IS NOT NULL';
  /** The samples with views: the platform's only with a platform. */
  const samples = [...SQL_SAMPLES].filter((s) => s !== 'platformResponseHours' || platform.length > 0);
  const sampleColumns = [...SQL_SAMPLES].flatMap((s) => {
    const join = `st_${column(s)}`;
    if (!samples.includes(s))
      return ['mean', 'median', 'p90']
        .map((stat) => `NULL AS ${column(s)}_${stat}`)
        .concat(`0 AS ${column(s)}_n`);
    return [
      `${join}.mean AS ${column(s)}_mean`,
      `${join}.median AS ${column(s)}_median`,
      `${join}.p90 AS ${column(s)}_p90`,
      `COALESCE(${join}.n, 0) AS ${column(s)}_n`,
    ];
  });
  const sampleJoins = samples.map((s) => {
    const join = `st_${column(s)}`;
    const { view, shopIsTeam, windowed } = SAMPLE_STATS[s];
    const level = shopIsTeam ? SHOP_IS_TEAM : 's.level';
    return `LEFT JOIN ${t(view)} AS ${join} ON ${join}.level = ${level} AND ${join}.who = s.who AND ${join}.period = s.period AND ${join}.sample = '${s}'${windowed ? ` AND ${MADE_WHILE_COUNTING}` : ''}`;
  });
  // The platform's figures on the rows made while counting (addPlatformFacts), the shop's the team's.
  const platformJoin =
    platform.length > 0
      ? [
          `LEFT JOIN ${t('cs_platform_facts')} AS pf ON pf.level = ${SHOP_IS_TEAM} AND pf.who = s.who AND pf.period = s.period AND ${MADE_WHILE_COUNTING}`,
        ]
      : [];
  const factColumns = [
    'consultations',
    'receptions',
    'rated',
    'rated_replied',
    'timed',
    'fast',
    'agent_messages',
    'customer_messages',
    'invited',
  ];
  const indicatorColumns = INDICATORS.flatMap((indicator) => {
    const value = indicatorSql(indicator, sources, d);
    const own = `${value} AS ${indicator.id}`;
    if (!indicator.samples) return [own];
    const sample = indicator.expr && 'mean' in indicator.expr ? indicator.expr.mean : null;
    const summary = (stat: string) =>
      sample && SQL_SAMPLES.has(sample)
        ? `CASE WHEN (${value}) IS NULL THEN NULL ELSE ${column(sample)}_${stat} END`
        : 'NULL';
    return [
      own,
      `${summary('median')} AS ${indicator.id}_median`,
      `${summary('p90')} AS ${indicator.id}_p90`,
    ];
  });
  return [
    {
      name: 'cs_chat_facts',
      sql: `SELECT level, who, period,
  SUM(${bool(has)}) AS consultations,
  SUM(${bool(`${has} AND first_reply IS NOT NULL`)}) AS receptions,
  SUM(${bool(`${has} AND rated`)}) AS rated,
  SUM(${bool(`${has} AND rated AND first_reply IS NOT NULL`)}) AS rated_replied,
  SUM(${bool('timed')}) AS timed,
  SUM(${bool(`timed AND first_reply IS NOT NULL AND (first_reply - fc) / 1000 <= ${settings.fastReplySeconds}`)}) AS fast,
  SUM(agent_messages) AS agent_messages,
  SUM(customer_messages) AS customer_messages,
  SUM(${bool(`${has} AND first_reply IS NOT NULL AND invited = 1`)}) AS invited,
  COUNT(DISTINCT CASE WHEN ${has} THEN customer END) AS inquirers
FROM ${t('cs_consultation_rows')} GROUP BY level, who, period`,
    },
    { name: 'cs_sample_stats', sql: sampleStats(d) },
    {
      // Each period's first and last day, of every record that makes its day's period known.
      name: 'cs_period_days',
      materialize: true,
      sql: `SELECT period, MIN(day) AS first_day, MAX(day) AS last_day FROM (${inPeriods(
        days.join('\nUNION ALL '),
      )}) AS p GROUP BY period`,
    },
    {
      // The rows the JS engine makes while counting (Buckets): each agent per period with
      // consultations or records, the team and the shop of their periods, and the team of every
      // period with a row (shareTeamTotals). A completed refund's agent has a row only when
      // something else names that agent (reportRows lists Buckets.agents, which refunds do not add to).
      name: 'cs_buckets',
      materialize: true,
      sql: `SELECT * FROM (SELECT level, who, period FROM (
  SELECT level, who, period, MAX(named) OVER (PARTITION BY level, who) AS named_elsewhere FROM (
    SELECT level, who, period, 1 AS named FROM (SELECT level, who, period FROM ${t('cs_chat_facts')}
UNION DISTINCT SELECT 'shop' AS level, '' AS who, period FROM ${t('cs_chat_facts')} WHERE level = 'team'
UNION DISTINCT ${buckets}) AS b
    UNION ALL SELECT level, who, period, 0 AS named FROM (${refundBuckets(d)}) AS rb
  ) AS n
) AS m WHERE level <> 'agent' OR named_elsewhere = 1
UNION DISTINCT SELECT DISTINCT 'team' AS level, '' AS who, period FROM (SELECT period FROM ${t('cs_chat_facts')} UNION ALL SELECT period FROM (${buckets}) AS r UNION ALL SELECT period FROM (${refundBuckets(d)}) AS rr) AS p) AS k`,
    },
    windowFactsView(settings, d),
    refundSamplesView(settings, d),
    { name: 'cs_refund_sample_stats', sql: sampleStats(d, 'cs_refund_samples', 'seq') },
    ...platform,
    ...(platform.length > 0
      ? [{ name: 'cs_platform_sample_stats', sql: sampleStats(d, 'cs_platform_samples', 'seq') }]
      : []),
    ...(withOrders ? [refundWindowView(settings, d)] : []),
    {
      // Every row the report has: the rows made while counting, the team and the shop per period and
      // for the whole report (always, even with no data).
      name: 'cs_spine',
      sql: `SELECT * FROM (SELECT level, who, period FROM ${t('cs_buckets')}
UNION DISTINCT SELECT 'team' AS level, '' AS who, period FROM ${t('cs_period_days')}
UNION DISTINCT SELECT 'shop' AS level, '' AS who, period FROM ${t('cs_period_days')}
UNION DISTINCT SELECT 'team' AS level, '' AS who, 'all' AS period
UNION DISTINCT SELECT 'shop' AS level, '' AS who, 'all' AS period) AS s`,
    },
    {
      name: 'cs_facts',
      sql: `SELECT s.level, s.who, s.period,
  ${factColumns.map((c) => `COALESCE(f.${c}, 0) AS ${c}`).join(',\n  ')},
  ${orderFacts.inquirers ?? 'COALESCE(f.inquirers, 0)'} AS inquirers,
  ${orderFacts.columns.join(',\n  ')},
  COALESCE(u.unanswered_rounds, 0) AS unanswered_rounds_timed,
  COALESCE(team.receptions, 0) AS team_receptions,
  COALESCE(hc.headcount, 0) AS headcount,
  ${RECORD_FACT_COLUMNS.map((c) => `COALESCE(rf.${c}, 0) AS ${c}`).join(', ')},
  ${WINDOW_FACT_COLUMNS.map((c) => `COALESCE(wf.${c}, 0) AS ${c}`).join(', ')},
  ${platform.length > 0 ? 'COALESCE(pf.cases, 0) AS platform_cases, COALESCE(pf.on_time, 0) AS platform_on_time, pf.rate AS platform_rate' : '0 AS platform_cases, 0 AS platform_on_time, NULL AS platform_rate'},
  ${sampleColumns.join(',\n  ')}
FROM ${t('cs_spine')} AS s
LEFT JOIN ${t('cs_chat_facts')} AS f ON f.level = CASE WHEN s.level = 'shop' THEN 'team' ELSE s.level END AND f.who = s.who AND f.period = s.period
LEFT JOIN ${t('cs_unanswered')} AS u ON u.level = CASE WHEN s.level = 'shop' THEN 'team' ELSE s.level END AND u.who = s.who AND u.period = s.period
LEFT JOIN ${t('cs_chat_facts')} AS team ON team.level = 'team' AND team.period = s.period
LEFT JOIN (SELECT period, COUNT(*) AS headcount FROM ${t('cs_chat_facts')} WHERE level = 'agent' AND consultations > 0 GROUP BY period) AS hc ON hc.period = s.period
LEFT JOIN ${t('cs_record_facts')} AS rf ON rf.level = s.level AND rf.who = s.who AND rf.period = s.period
LEFT JOIN ${t('cs_window_facts')} AS wf ON wf.level = s.level AND wf.who = s.who AND wf.period = s.period
${[...sampleJoins, ...platformJoin, ...orderFacts.joins].join('\n')}`,
    },
    {
      name: 'cs_indicators',
      sql: `SELECT level, who, period, ${[...SQL_FACTS].map((f) => `${factSql(f)} AS ${column(f)}_fact`).join(', ')},
  ${[...SQL_SAMPLES].map((s) => `${column(s)}_n`).join(', ')},
  ${indicatorColumns.join(',\n  ')}
FROM ${t('cs_facts')}`,
    },
  ];
}

/** A fact's column in cs_facts (unansweredRounds counts the rounds of timed consultations). */
function factSql(name: FactName): string {
  if (name === 'unansweredRounds') return 'unanswered_rounds_timed';
  return column(name);
}

/** An expression of the catalog (formula.ts) in SQL over cs_facts' columns. */
export function exprSql(expr: Expr, d: Dialect): string {
  if ('fact' in expr) return factSql(expr.fact);
  if ('mean' in expr) return `${column(expr.mean)}_mean`;
  if ('count' in expr) return `${column(expr.count)}_n`;
  if ('ratio' in expr) {
    const [a, b] = expr.ratio.map((e) => exprSql(e, d));
    // Division gives a double in both dialects, as in JavaScript.
    return `(CASE WHEN (${b}) = 0 THEN NULL ELSE (${a}) / (${b}) END)`;
  }
  const [a, b] = expr.minus.map((e) => exprSql(e, d));
  return `((${a}) - (${b}))`;
}

/** Whether the views compute an expression: every fact and sample it reads. */
export function exprCovered(expr: Expr): boolean {
  const { facts, samples } = namesIn(expr);
  return facts.every((f) => SQL_FACTS.has(f)) && samples.every((s) => SQL_SAMPLES.has(s));
}

const LEVELS: readonly Level[] = ['agent', 'team', 'shop'];

/** An indicator's value on a row: NULL where its inputs were not given or it does not apply (indicatorValue). */
function indicatorSql(indicator: Indicator, sources: Readonly<Record<Source, boolean>>, d: Dialect): string {
  const at = LEVELS.filter((level) => availableAt(indicator, level, sources));
  if (at.length === 0 || !indicator.expr || !exprCovered(indicator.expr)) return 'NULL';
  const value = exprSql(indicator.expr, d);
  if (at.length === LEVELS.length) return value;
  return `CASE WHEN level IN (${at.map((l) => `'${l}'`).join(', ')}) THEN ${value} END`;
}
