import {
  AFTER_SALES_LOOK_BACK_DAYS,
  afterSalesConsultations,
  countLoweringConversion,
  countMarked,
} from './afterSalesChats';
import { addAfterSales } from './afterSalesFacts';
import { hasEventTimes } from './attribution';
import { suspectedAutoReplies } from './autoReplies';
import { Buckets } from './buckets';
import { addConsultations } from './consultationFacts';
import {
  type AgentZones,
  buildConsultations,
  type Consultation,
  effectiveSplit,
  type SplitRule,
} from './consultations';
import {
  type Conversion,
  type CurrencyRows,
  convertOrders,
  converts,
  currenciesOf,
  currencyRows,
  type RateTable,
  UNKNOWN_CURRENCY,
  withoutMoney,
} from './currencies';
import type { Available } from './facts';
import type { MessageColumns } from './messageColumns';
import { dedupeOrders, dedupeRatings, prepareMessages } from './messages';
import type { Complaint, Issue, Message, OnlineSpan, Order, Rating, Refund } from './model';
import { type PlatformId, platformRule } from './platform';
import { addPlatformFacts } from './platformFacts';
import { type ReportRows, reportRows } from './reportRows';
import { fillWindows } from './rollingWindows';
import { addSales, creditOrders } from './salesFacts';
import type { Settings } from './settings';

export type { Row, RowValue } from './reportRows';

export interface ReportInput {
  messages: readonly Message[] | MessageColumns;
  orders: readonly Order[];
  ratings: readonly Rating[];
  refunds?: readonly Refund[];
  complaints?: readonly Complaint[];
  online?: readonly OnlineSpan[];
  issues?: readonly Issue[];
  available: Available;
  /** Whether a session column was mapped: the default split is then by session. */
  hasSessions: boolean;
  /** Agents whose chats were read in another zone than the report's, with it (their shop's market). */
  agentZones?: AgentZones;
  /** Rates into one report currency, for orders in several currencies (currencies.ts). */
  rates?: RateTable;
}

export interface Report extends ReportRows {
  settings: Settings & { split: SplitRule };
  counts: {
    messages: number;
    duplicateMessages: number;
    internalMessages: number;
    consultations: number;
    orders: number;
    duplicateOrders: number;
    attributedOrders: number;
    silentOrders: number;
    ratings: number;
    duplicateRatings: number;
    /** Consultations with a reply that looks like an auto reply nothing marked (see autoReplies.ts). */
    suspectedAutoReplies: number;
    /** Consultations after_sales_chat_days made after-sales (afterSalesChats.ts); 0 when it is off. */
    afterSalesConsultations: number;
    /**
     * With after_sales_chat_days off: the consultations counted as inquiries that it would make
     * after-sales at AFTER_SALES_LOOK_BACK_DAYS and whose customer asked that agent nothing else, so
     * they lower 询单转化率 (the note says how many); 0 when it is on.
     */
    afterSalesNotSeparated: number;
  };
  /** The consultations behind the figures, for an audit tab (not part of the JSON output). */
  consultations: Consultation[];
  /**
   * With a `platform`: its window (null: the period) and the days the chats cover, from the first
   * message's day to the last's, so a report can say when its data are shorter than the window.
   */
  platformWindow?: { platform: PlatformId; windowDays: number | null; dataDays: number };
  /** The one currency of every order, where the exports say it (pipeline/currencies.ts). */
  currency?: string;
  /**
   * Orders in several currencies and no rate table: the money figures of each currency, the main
   * rows' left empty (they would add currencies together).
   */
  byCurrency?: CurrencyRows[];
  /** Orders in several currencies converted by a rate table: into what, at which rates. */
  conversion?: Conversion;
}

function count<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (let i = 0; i < items.length; i++) if (test(items[i] as T)) n++;
  return n;
}

/**
 * Every indicator for every agent, the team and the shop: the chats into consultations, orders
 * credited to them, then each source's facts (consultationFacts, salesFacts, afterSalesFacts), the
 * team totals and rolling windows once every record is in, and the rows (reportRows).
 */
export function computeReport(given: ReportInput, settings: Settings): Report {
  const input = withoutCancelledLines(given);
  const { rates } = input;
  const currencies = currenciesOf(input.orders);
  if (converts(rates, currencies)) {
    const converted = convertOrders(input.orders, rates, settings.timeZone);
    const report = computeOneCurrency({ ...input, orders: converted.orders }, settings);
    report.currency = converted.conversion.to;
    report.conversion = converted.conversion;
    return report;
  }
  const report = computeOneCurrency(input, settings);
  if (currencies.length === 1 && currencies[0] !== UNKNOWN_CURRENCY)
    report.currency = currencies[0] as string;
  else if (currencies.length > 1) {
    // Never added together: each currency's money figures from its own orders, the main rows' empty.
    report.byCurrency = currencies.map((currency) => {
      const own = input.orders.filter((o) => (o.currency ?? UNKNOWN_CURRENCY) === currency);
      return currencyRows(currency, own.length, computeOneCurrency({ ...input, orders: own }, settings));
    });
    withoutMoney(report);
  }
  return report;
}

/**
 * An order's cancelled lines (Order.cancelledLines) were never paid: their money and items are left
 * out of it. Sales are paid money under every basis (the basis decides only which consultation an
 * order is credited to), so under every basis.
 */
function withoutCancelledLines(input: ReportInput): ReportInput {
  if (!input.orders.some((o) => o.cancelledLines)) return input;
  return { ...input, orders: input.orders.map(orderWithoutCancelledLines) };
}

/** An order as paid: its cancelled lines' money and items left out (the SQL engine's rows too). */
export function orderWithoutCancelledLines(order: Order): Order {
  const cancelled = order.cancelledLines;
  if (!cancelled) return order;
  // Lines' amounts were summed in floating point: the difference back to the cents (and finer).
  const amount = Math.round((order.amount - cancelled.amount) * 1e6) / 1e6;
  const items = order.items - cancelled.items;
  // Every line cancelled: nothing was sold, whatever the order's own status says.
  if (items <= 0) return { ...order, amount, items: 0, paidAt: null, cod: false };
  return { ...order, amount, items };
}

/** The report of orders in one currency (or whose currency nothing says). */
function computeOneCurrency(input: ReportInput, settings: Settings): Report {
  const prepared = prepareMessages(input.messages, settings);
  const { orders, duplicates: duplicateOrders } = dedupeOrders(input.orders);
  const { ratings, duplicates: duplicateRatings } = dedupeRatings(input.ratings);
  const split = effectiveSplit(settings, input.hasSessions);
  const agentZones = input.agentZones ?? new Map<string, string>();
  const consultations = buildConsultations(prepared, settings, split, agentZones);
  const credited = creditOrders(orders, consultations, prepared, settings);
  const zone = settings.timeZone;
  const afterSalesChats = afterSalesConsultations(consultations, credited, settings.afterSalesChatDays, zone);
  const notSeparated =
    afterSalesChats === null
      ? countLoweringConversion(
          consultations,
          afterSalesConsultations(consultations, credited, AFTER_SALES_LOOK_BACK_DAYS, zone),
        )
      : 0;

  const buckets = new Buckets(settings.period);
  addConsultations(buckets, consultations, credited, settings, afterSalesChats);
  const refundRecords = input.refunds ?? [];
  const recordedRefunds = refundRecords.length > 0 ? new Set(refundRecords.map((r) => r.orderId)) : null;
  const refunds = addSales(buckets, credited, settings.timeZone, recordedRefunds);
  const afterSales = addAfterSales(
    buckets,
    {
      ratings,
      refunds: input.refunds ?? [],
      complaints: input.complaints ?? [],
      online: input.online ?? [],
      issues: input.issues ?? [],
    },
    settings,
  );
  buckets.shareTeamTotals();
  fillWindows(buckets, { refunds, ...afterSales }, settings);
  const rule = platformRule(settings.platform);
  const platformWindow = rule
    ? addPlatformFacts(buckets, prepared, consultations, rule, settings, agentZones)
    : null;

  const sources = {
    ...input.available,
    attributionTimes: hasEventTimes(settings.basis, input.available),
    afterSalesChatDays: settings.afterSalesChatDays > 0,
    platform: rule !== null,
  };
  const { teamByPeriod, shopByPeriod, ...rows } = reportRows(buckets, settings, sources);
  const { attributions } = credited;
  const report: Report = {
    settings: { ...settings, split },
    ...rows,
    counts: {
      messages: prepared.messages,
      duplicateMessages: prepared.duplicates,
      internalMessages: prepared.internal,
      consultations: count(consultations, (c) => c.firstCustomerAt !== null),
      orders: orders.length,
      duplicateOrders,
      attributedOrders: count(attributions, (a) => a.agent !== null),
      silentOrders: count(attributions, (a) => a.agent === null),
      ratings: ratings.length,
      duplicateRatings,
      suspectedAutoReplies: suspectedAutoReplies(consultations, prepared.columns),
      afterSalesConsultations: countMarked(afterSalesChats),
      afterSalesNotSeparated: notSeparated,
    },
    consultations,
  };
  if (platformWindow) report.platformWindow = { platform: settings.platform, ...platformWindow };
  // Last, as the JSON has always had them.
  if (teamByPeriod) report.teamByPeriod = teamByPeriod;
  if (shopByPeriod) report.shopByPeriod = shopByPeriod;
  return report;
}
