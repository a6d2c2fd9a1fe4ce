import { AFTER_SALES_LOOK_BACK_DAYS } from '../../core/engine/afterSalesChats';
import type { Basis } from '../../core/engine/attribution';
import { UNKNOWN_CURRENCY } from '../../core/engine/currencies';
import type { Settings } from '../../core/engine/settings';
import type { Dialect } from './dialect';
import type { View } from './sqlTypes';

/**
 * The orders as SQL views (issue 21), each mirroring a step of the JS engine: cs_orders (a repeated
 * order ID out, dedupeOrders; the day each counts as a sale, saleDay), cs_order_events (the moment
 * each basis reads, eventTime: the settings' basis, and `placed` for 下单率), cs_candidates (the
 * customer's consultations whose day is in the window and whose first customer message came before
 * that moment, attributeOrders), cs_choice (the agent the rule picks, chooseAgent: the latest
 * activity before the moment, the first consultation, or the most messages with the latest activity
 * deciding a tie; the agent name breaks a tie of times), cs_attributions (every order with a moment:
 * its agent, NULL for a silent order), cs_consultation_orders (each consultation with the orders
 * credited to it, its after-sales mark: afterSalesChats.ts), then the facts of salesFacts.ts per
 * agent, team and shop and period: sales, orders, items and buyers by the day of sale, assisted
 * orders, orders placed by the day placed, and paid and refunded orders by the day of sale for the
 * refund rate's window (rollingWindows.ts).
 */
export interface OrderViewOptions {
  settings: Settings;
  dialect: Dialect;
  /** Each row once per period its `day` counts in, and once for the whole report (views.ts). */
  inPeriods: (select: string) => string;
  /** …and once for its agent and once for the team. */
  asWho: (from: string) => string;
  /** Only the orders of this currency (UNKNOWN_CURRENCY: none said), for its money figures. */
  currency?: string;
  /** Whether an order may have a zone of its own (its `zone` column): its days are then its zone's. */
  zoned?: boolean;
}

/** The moment an order counts at under a basis (attribution.ts eventTime), over cs_orders' columns. */
function eventSql(basis: Basis): string {
  if (basis === 'ordered') return 'created_ms';
  if (basis === 'paid') return 'CASE WHEN cod THEN created_ms ELSE paid_ms END';
  return 'CASE WHEN cod THEN created_ms WHEN paid_day = created_day THEN paid_ms END';
}

/** The same consultation (its k1 or k2 may be NULL, equal to NULL). */
const sameConsultation = (d: Dialect, a: string, b: string) =>
  `${a}.agent = ${b}.agent AND ${a}.customer = ${b}.customer AND ${d.sameKey(`${a}.k1`, `${b}.k1`)} AND ${d.sameKey(`${a}.k2`, `${b}.k2`)}`;

/** The days an after-sales mark looks back: the setting's, or the note's week when it is off. */
export function afterSalesDays(settings: Settings): number {
  return settings.afterSalesChatDays > 0 ? settings.afterSalesChatDays : AFTER_SALES_LOOK_BACK_DAYS;
}

export function orderViews({
  settings,
  dialect: d,
  inPeriods,
  asWho,
  currency,
  zoned = false,
}: OrderViewOptions): View[] {
  const t = (name: string) => d.table(name);
  /** An order's zone, its own where its export was read in one (attribution.ts's order.zone ?? zone). */
  const zone = zoned ? `COALESCE(zone, ${d.text(settings.timeZone)})` : undefined;
  const orders =
    currency === undefined
      ? t('orders')
      : `(SELECT * FROM ${t('orders')} WHERE COALESCE(currency, ${d.text(UNKNOWN_CURRENCY)}) = ${d.text(currency)}) AS of_currency`;
  const windowBack = settings.windowDays - 1;
  const byActivity = 'last_at DESC, agent DESC';
  const choice: Record<Settings['attribution'], string> = {
    last: `SELECT basis, seq, agent FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY basis, seq ORDER BY ${byActivity}) AS r FROM ${t('cs_candidate_activity')}
) AS c WHERE r = 1`,
    first: `SELECT basis, seq, agent FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY basis, seq ORDER BY fc, agent) AS r FROM ${t('cs_candidates')}
) AS c WHERE r = 1`,
    // The agent with the most messages in the window's consultations; a tie to the latest activity.
    most: `SELECT basis, seq, agent FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY basis, seq ORDER BY ${byActivity}) AS r FROM (
    SELECT *, MAX(agent_msgs) OVER (PARTITION BY basis, seq) AS top FROM (
      SELECT *, SUM(msgs) OVER (PARTITION BY basis, seq, agent) AS agent_msgs FROM ${t('cs_candidate_activity')}
    ) AS a
  ) AS b WHERE agent_msgs = top
) AS c WHERE r = 1`,
  };
  const noAgent = 'CAST(NULL AS STRING)';
  const sale = (from: string, where: string, agent = 'agent') =>
    `SELECT ${agent} AS agent, sale_day AS day, seq, amount, items, buyer FROM ${t(from)} WHERE ${where} AND sale_day IS NOT NULL`;
  const placed = (from: string, where: string, agent = 'agent') =>
    `SELECT ${agent} AS agent, created_day AS day, CASE WHEN is_paid THEN 1 ELSE 0 END AS paid FROM ${t(from)} WHERE ${where} AND created_day IS NOT NULL`;
  /** The agents' and the team's rows (asWho), and the shop's of every order. */
  const withShop = (credited: string, every: string) =>
    `SELECT * FROM (${asWho(`(${inPeriods(credited)})`)}
UNION ALL SELECT 'shop' AS level, '' AS who, shop_row.* FROM (${inPeriods(every)}) AS shop_row) AS u`;
  return [
    {
      name: 'cs_orders',
      // Read by several views: kept as a table by DuckDB.
      materialize: true,
      sql: `SELECT *, ${d.dayOf('bought_at', zone)} AS bought_day FROM (
  SELECT *,
    CASE WHEN customer IS NULL THEN CONCAT('o:', order_id) ELSE CONCAT('c:', customer) END AS buyer,
    (paid_ms IS NOT NULL OR cod) AS is_paid,
    CASE WHEN cod AND created_ms IS NOT NULL THEN created_day WHEN paid_ms IS NOT NULL THEN paid_day END AS sale_day,
    COALESCE(paid_ms, CASE WHEN cod THEN created_ms END) AS bought_at,
    -- Refunded by its amount, its status, or a refund record naming it (salesFacts.ts refundedOf).
    (refund_amount > 0 OR refunded OR order_id IN (SELECT order_id FROM ${t('refunds')})) AS refund_flag
  FROM (
    SELECT *, ${d.dayOf('created_ms', zone)} AS created_day, ${d.dayOf('paid_ms', zone)} AS paid_day,
      ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY seq) AS id_rank
    FROM ${orders}
  ) AS o WHERE id_rank = 1
) AS k`,
    },
    {
      name: 'cs_order_events',
      // Read by several views: kept as a table by DuckDB.
      materialize: true,
      sql: `SELECT * FROM (${(['settings', 'placed'] as const)
        .map(
          (basis) =>
            `SELECT '${basis}' AS basis, seq, customer, event_at, ${d.dayOf('event_at', zone)} AS event_day FROM (
  SELECT seq, customer,${zoned ? ' zone,' : ''} ${eventSql(basis === 'settings' ? settings.basis : 'ordered')} AS event_at FROM ${t('cs_orders')}
) AS e${basis} WHERE event_at IS NOT NULL`,
        )
        .join('\nUNION ALL ')}) AS u`,
    },
    {
      name: 'cs_candidates',
      // Read by several views: kept as a table by DuckDB.
      materialize: true,
      sql: `SELECT e.basis, e.seq, e.event_at, c.agent, c.customer, c.k1, c.k2, c.fc, c.day,
  c.customer_messages + c.agent_messages AS msgs
FROM ${t('cs_order_events')} AS e JOIN ${t('cs_consultations')} AS c ON c.customer = e.customer
WHERE c.fc IS NOT NULL AND c.fc <= e.event_at AND c.day >= e.event_day - ${windowBack}`,
    },
    {
      // The consultation's last message at or before the moment (lastActivityBefore).
      name: 'cs_candidate_activity',
      sql: `SELECT c.basis, c.seq, c.agent, c.customer, c.k1, c.k2, c.fc, c.msgs, MAX(w.time_ms) AS last_at
FROM ${t('cs_candidates')} AS c JOIN ${t('cs_steps')} AS w ON ${sameConsultation(d, 'w', 'c')} AND w.time_ms <= c.event_at
GROUP BY c.basis, c.seq, c.agent, c.customer, c.k1, c.k2, c.fc, c.msgs`,
    },
    { name: 'cs_choice', sql: choice[settings.attribution], materialize: true },
    {
      name: 'cs_attributions',
      // Read by several views: kept as a table by DuckDB.
      materialize: true,
      sql: `SELECT e.basis, o.*, ch.agent FROM ${t('cs_order_events')} AS e
JOIN ${t('cs_orders')} AS o ON o.seq = e.seq
LEFT JOIN ${t('cs_choice')} AS ch ON ch.basis = e.basis AND ch.seq = e.seq`,
    },
    {
      // Each consultation with what the orders make of it: converted (an order credited under the
      // basis, to its agent or to anyone), ordered (the same when placed), and after-sales.
      name: 'cs_consultation_orders',
      // Read by several views: kept as a table by DuckDB.
      materialize: true,
      sql: `SELECT c.*,
  COALESCE(m.conv_agent, 0) AS conv_agent, COALESCE(m.conv_team, 0) AS conv_team,
  COALESCE(m.ord_agent, 0) AS ord_agent, COALESCE(m.ord_team, 0) AS ord_team,
  CASE WHEN c.fc IS NOT NULL AND m.agent IS NULL AND EXISTS (
    SELECT 1 FROM ${t('cs_orders')} AS o
    WHERE o.customer = c.customer AND o.bought_at < c.fc AND o.bought_day >= c.day - ${afterSalesDays(settings)}
  ) THEN 1 ELSE 0 END AS after_sales
FROM ${t('cs_consultations')} AS c LEFT JOIN (
  SELECT agent, customer, k1, k2,
    MAX(CASE WHEN basis = 'settings' THEN own ELSE 0 END) AS conv_agent,
    MAX(CASE WHEN basis = 'settings' THEN 1 ELSE 0 END) AS conv_team,
    MAX(CASE WHEN basis = 'placed' THEN own ELSE 0 END) AS ord_agent,
    MAX(CASE WHEN basis = 'placed' THEN 1 ELSE 0 END) AS ord_team
  FROM (
    SELECT c.basis, c.agent, c.customer, c.k1, c.k2, CASE WHEN c.agent = ch.agent THEN 1 ELSE 0 END AS own
    FROM ${t('cs_candidates')} AS c JOIN ${t('cs_choice')} AS ch ON ch.basis = c.basis AND ch.seq = c.seq
  ) AS credit GROUP BY agent, customer, k1, k2
) AS m ON ${sameConsultation(d, 'm', 'c')}`,
    },
    {
      name: 'cs_order_chat_rows',
      sql: asWho(`(${inPeriods(`SELECT * FROM ${t('cs_consultation_orders')}`)})`),
    },
    {
      name: 'cs_order_chat_facts',
      sql: `SELECT level, who, period,
  COUNT(DISTINCT CASE WHEN fc IS NOT NULL AND (CASE WHEN level = 'agent' THEN conv_agent ELSE conv_team END) = 1 THEN customer END) AS converted,
  COUNT(DISTINCT CASE WHEN fc IS NOT NULL AND (CASE WHEN level = 'agent' THEN ord_agent ELSE ord_team END) = 1 THEN customer END) AS ordered_customers,
  SUM(CASE WHEN fc IS NOT NULL AND after_sales = 1 THEN 1 ELSE 0 END) AS after_sales,
  COUNT(DISTINCT CASE WHEN fc IS NOT NULL AND after_sales = 0 THEN customer END) AS inquirers
FROM ${t('cs_order_chat_rows')} GROUP BY level, who, period`,
    },
    {
      name: 'cs_sale_rows',
      sql: withShop(
        sale('cs_attributions', "basis = 'settings' AND agent IS NOT NULL"),
        sale('cs_orders', 'TRUE', noAgent),
      ),
    },
    {
      // Sums in the orders' order, as the JS engine adds them (d.orderedSum), so they agree to the bit.
      name: 'cs_sales',
      // Read by several views: kept as a table by DuckDB.
      materialize: true,
      sql: `SELECT level, who, period, ${d.orderedSum('amount', 'seq')} AS sales, COUNT(*) AS orders,
  ${d.orderedSum('items', 'seq')} AS items, COUNT(DISTINCT CASE WHEN amount > 0 THEN buyer END) AS buyers
FROM ${t('cs_sale_rows')} GROUP BY level, who, period`,
    },
    {
      // Each other agent the customer consulted in the window of an attributed paid order.
      name: 'cs_assists',
      sql: `SELECT 'agent' AS level, agent AS who, period, COUNT(*) AS assist_orders, ${d.orderedSum('amount', 'seq')} AS assist_sales
FROM (${inPeriods(`SELECT DISTINCT c.agent, a.sale_day AS day, a.seq, a.amount
FROM ${t('cs_attributions')} AS a JOIN ${t('cs_candidates')} AS c ON c.basis = a.basis AND c.seq = a.seq
WHERE a.basis = 'settings' AND a.sale_day IS NOT NULL AND c.agent <> a.agent`)}) AS x GROUP BY agent, period`,
    },
    {
      name: 'cs_placed',
      sql: `SELECT level, who, period, COUNT(*) AS placed_orders, SUM(paid) AS paid_placed_orders FROM (
  ${withShop(placed('cs_attributions', "basis = 'placed' AND agent IS NOT NULL"), placed('cs_orders', 'TRUE', noAgent))}
) AS p GROUP BY level, who, period`,
    },
    {
      // Paid orders and those refunded, by the day of sale (refunds.add in salesFacts.ts).
      name: 'cs_refund_days',
      sql: `SELECT level, who, day, COUNT(*) AS paid, SUM(CASE WHEN refund_flag THEN 1 ELSE 0 END) AS refunded FROM (
  SELECT 'agent' AS level, agent AS who, sale_day AS day, refund_flag FROM ${t('cs_attributions')} WHERE basis = 'settings' AND agent IS NOT NULL AND sale_day IS NOT NULL
  UNION ALL SELECT 'team' AS level, '' AS who, sale_day AS day, refund_flag FROM ${t('cs_attributions')} WHERE basis = 'settings' AND agent IS NOT NULL AND sale_day IS NOT NULL
  UNION ALL SELECT 'shop' AS level, '' AS who, sale_day AS day, refund_flag FROM ${t('cs_orders')} WHERE sale_day IS NOT NULL
) AS r GROUP BY level, who, day`,
    },
  ];
}

/** The days orders put into the periods (Buckets.periodsOf): each sale's day and each placing's. */
export function orderDays(d: Dialect): string[] {
  return [
    `SELECT sale_day AS day FROM ${d.table('cs_orders')} WHERE sale_day IS NOT NULL`,
    `SELECT created_day AS day FROM ${d.table('cs_orders')} WHERE created_day IS NOT NULL`,
  ];
}

/**
 * The rows orders make while counting (Buckets.get): each sale's agent, team and shop, each assisting
 * agent, and each placing's; the team of their periods follows (cs_buckets).
 */
export function orderBuckets(d: Dialect): string[] {
  return [
    `SELECT level, who, period FROM ${d.table('cs_sale_rows')}`,
    `SELECT level, who, period FROM ${d.table('cs_assists')}`,
    `SELECT level, who, period FROM ${d.table('cs_placed')}`,
  ];
}

/**
 * The window each row's refund rate counts over (fillWindows, over the rows made while counting:
 * cs_buckets): from its period's first day with data (or afterSalesWindowDays back from its last) to
 * its last.
 */
export function refundWindowView(settings: Settings, d: Dialect): View {
  const first =
    settings.afterSalesWindowDays === null
      ? 'p.first_day'
      : `p.last_day - ${settings.afterSalesWindowDays - 1}`;
  return {
    name: 'cs_refund_window',
    sql: `SELECT r.level, r.who, p.period, SUM(r.paid) AS paid_for_refund, SUM(r.refunded) AS refunded_paid
FROM ${d.table('cs_buckets')} AS b JOIN ${d.table('cs_period_days')} AS p ON p.period = b.period
JOIN ${d.table('cs_refund_days')} AS r ON r.level = b.level AND r.who = b.who AND r.day >= ${first} AND r.day <= p.last_day
GROUP BY r.level, r.who, p.period`,
  };
}

/** The columns the orders add to cs_facts, and the joins they come by (s: the spine's row). */
export function orderFactSql(
  d: Dialect,
  withOrders: boolean,
  afterSalesOn: boolean,
  /** Whether the spine's row is one made while counting (cs_buckets), over cs_facts' joins. */
  made: string,
): { columns: string[]; joins: string[]; inquirers: string | null } {
  const names = [
    'converted',
    'ordered_customers',
    'after_sales',
    'sales',
    'orders',
    'items',
    'buyers',
    'assist_orders',
    'assist_sales',
    'placed_orders',
    'paid_placed_orders',
    'team_sales',
    'shop_sales',
    'paid_for_refund',
    'refunded_paid',
  ];
  if (!withOrders)
    return {
      columns: names.map(
        (n) => `${n === 'shop_sales' ? "CASE WHEN s.level = 'shop' THEN 0 END" : '0'} AS ${n}`,
      ),
      joins: [],
      inquirers: null,
    };
  const own = (alias: string) =>
    `${alias}.level = s.level AND ${alias}.who = s.who AND ${alias}.period = s.period`;
  const chatLevel = "CASE WHEN s.level = 'shop' THEN 'team' ELSE s.level END";
  return {
    columns: [
      'COALESCE(oc.converted, 0) AS converted',
      'COALESCE(oc.ordered_customers, 0) AS ordered_customers',
      `${afterSalesOn ? 'COALESCE(oc.after_sales, 0)' : '0'} AS after_sales`,
      'COALESCE(os.sales, 0) AS sales',
      'COALESCE(os.orders, 0) AS orders',
      'COALESCE(os.items, 0) AS items',
      'COALESCE(os.buyers, 0) AS buyers',
      'COALESCE(oa.assist_orders, 0) AS assist_orders',
      'COALESCE(oa.assist_sales, 0) AS assist_sales',
      'COALESCE(op.placed_orders, 0) AS placed_orders',
      'COALESCE(op.paid_placed_orders, 0) AS paid_placed_orders',
      // shareTeamTotals gives these to the rows made while counting (cs_buckets); a row made after
      // (the team or shop of a period only complaints or refund requests made known) has none.
      `CASE WHEN ${made} THEN COALESCE(ts.sales, 0) END AS team_sales`,
      `CASE WHEN s.level = 'shop' AND ${made} THEN COALESCE(os.sales, 0) END AS shop_sales`,
      'COALESCE(rw.paid_for_refund, 0) AS paid_for_refund',
      'COALESCE(rw.refunded_paid, 0) AS refunded_paid',
    ],
    joins: [
      `LEFT JOIN ${d.table('cs_order_chat_facts')} AS oc ON oc.level = ${chatLevel} AND oc.who = s.who AND oc.period = s.period`,
      `LEFT JOIN ${d.table('cs_sales')} AS os ON ${own('os')}`,
      `LEFT JOIN ${d.table('cs_assists')} AS oa ON ${own('oa')}`,
      `LEFT JOIN ${d.table('cs_placed')} AS op ON ${own('op')}`,
      `LEFT JOIN ${d.table('cs_sales')} AS ts ON ts.level = 'team' AND ts.period = s.period`,
      `LEFT JOIN ${d.table('cs_refund_window')} AS rw ON ${own('rw')}`,
    ],
    inquirers: afterSalesOn ? 'COALESCE(oc.inquirers, 0)' : null,
  };
}
