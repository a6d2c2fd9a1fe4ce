import { lazy } from '../lib/lazy';
import { nameComparer } from '../lib/nameOrder';
import { dayLabel, localDay, monthLabel, weekLabel } from '../time/zone';
import {
  type Attribution,
  attributeOrders,
  consultationsByCustomer,
  hasEventTimes,
  orderCustomers,
} from './attribution';
import { suspectedAutoReplies } from './autoReplies';
import { INDICATORS, indicatorValue, type Level } from './catalog';
import { buildConsultations, type Consultation, effectiveSplit, type SplitRule } from './consultations';
import { type Available, Facts } from './facts';
import { Interner } from './interner';
import type { MessageColumns } from './messageColumns';
import { dedupeOrders, dedupeRatings, prepareMessages } from './messages';
import type { Complaint, Issue, Message, OnlineSpan, Order, Rating, Refund } from './model';
import type { Settings } from './settings';
import { distribution } from './stats';

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
}

export type RowValue = string | number | null;
export type Row = Record<string, RowValue>;

export interface Report {
  settings: Settings & { split: SplitRule };
  period: { unit: Settings['period']; from: string | null; to: string | null };
  agents: Row[];
  team: Row;
  shop: Row;
  /** With a period other than `all`: the team and shop rows of each period. */
  teamByPeriod?: Row[];
  shopByPeriod?: Row[];
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
  };
  /** The consultations behind the figures, for an audit tab (not part of the JSON output). */
  consultations: Consultation[];
}

const TEAM = '\u0000team';
const SHOP = '\u0000shop';

/** Facts for every agent, the team and the shop, per period, plus the days each period has data on. */
class Buckets {
  /** Every bucket, in the order made (one made while this is walked is walked too). */
  readonly all: { who: string; period: string; facts: Facts }[] = [];
  // By who, then period: looked up per consultation, without joining a key each time.
  private readonly byWho = new Map<string, Map<string, Facts>>();
  readonly periodLastDay = new Map<string, number>();
  readonly periodFirstDay = new Map<string, number>();

  constructor(private readonly unit: Settings['period']) {}

  periodOf(day: number): string {
    if (this.unit === 'day') return dayLabel(day);
    if (this.unit === 'week') return weekLabel(day);
    if (this.unit === 'month') return monthLabel(day);
    return 'all';
  }

  /** The periods a day belongs to: its own, and the whole report. Looked up per record: kept by day. */
  private readonly periodsByDay = new Map<number, readonly string[]>();

  periodsOf(day: number): readonly string[] {
    let periods = this.periodsByDay.get(day);
    if (!periods) {
      const own = this.periodOf(day);
      periods = own === 'all' ? [own] : [own, 'all'];
      for (const period of periods) {
        this.periodLastDay.set(period, Math.max(this.periodLastDay.get(period) ?? day, day));
        this.periodFirstDay.set(period, Math.min(this.periodFirstDay.get(period) ?? day, day));
      }
      this.periodsByDay.set(day, periods);
    }
    return periods;
  }

  get(who: string, period: string): Facts {
    let ofWho = this.byWho.get(who);
    if (!ofWho) {
      ofWho = new Map();
      this.byWho.set(who, ofWho);
    }
    let facts = ofWho.get(period);
    if (!facts) {
      facts = new Facts();
      ofWho.set(period, facts);
      this.all.push({ who, period, facts });
    }
    return facts;
  }

  has(who: string, period: string): boolean {
    return this.byWho.get(who)?.has(period) ?? false;
  }

  /**
   * For a record that may name an agent: the agent's, team's and shop's facts, for each period of the
   * day, when one is named; the shop's only when none is.
   */
  eachNamed(agent: string | null, day: number, fn: (facts: Facts) => void) {
    const periods = this.periodsOf(day);
    for (let p = 0; p < periods.length; p++) {
      const period = periods[p] as string;
      if (agent !== null) {
        fn(this.get(agent, period));
        fn(this.get(TEAM, period));
      }
      fn(this.get(SHOP, period));
    }
  }
}

function addConsultation(f: Facts, c: Consultation, settings: Settings) {
  f.agentMessages += c.agentMessages;
  f.customerMessages += c.customerMessages;
  if (c.firstCustomerAt === null) return;
  const replied = c.firstReplyAt !== null;
  f.consultations++;
  if (replied) f.receptions++;
  if (replied && c.invited) f.invited++;
  f.inquirers.add(c.customerId);
  const rated =
    !(settings.excludeTransfersOut && c.transferredOut) && !(settings.excludeOffline && c.offline);
  if (!rated) return;
  f.rated++;
  if (replied) f.ratedReplied++;
  if (!c.inAssessmentHours) return;
  f.timed++;
  if (c.firstReplyAt !== null) {
    const seconds = (c.firstReplyAt - c.firstCustomerAt) / 1000;
    f.firstResponses.push(seconds);
    if (seconds <= settings.fastReplySeconds) f.fast++;
  }
  // Indexed loops here and below: this runs once per report, much of it before the code is optimized,
  // and an unoptimized for-of makes an object per step.
  for (let g = 0; g < c.gaps.length; g++) f.responseGaps.push(c.gaps[g] as number);
  f.unansweredRounds += c.unansweredRounds;
}

/** Paid, or cash on delivery (paid at the door; counted as a sale the day it was placed). */
const isPaid = (order: Order) => order.paidAt !== null || order.cod;

function countPlaced(f: Facts, order: Order) {
  f.placedOrders++;
  if (isPaid(order)) f.paidPlacedOrders++;
}

function count<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (let i = 0; i < items.length; i++) if (test(items[i] as T)) n++;
  return n;
}

/** The day an order counts as a sale: paid day, or order day for cash on delivery; null if neither. */
function saleDay(order: Order, zone: string): number | null {
  if (order.cod && order.createdAt !== null) return localDay(zone, order.createdAt);
  return order.paidAt === null ? null : localDay(zone, order.paidAt);
}

/**
 * Each order's buyer as a number: the chats' number of a customer who wrote, else a number after
 * those; an order without a customer is a buyer of its own.
 */
function buyersOf(orders: readonly Order[], customerOfOrder: Int32Array, customers: Interner): number[] {
  const others = new Interner();
  const first = customers.names.length;
  return orders.map((order, i) => {
    const id = customerOfOrder[i] as number;
    return id >= 0 ? id : first + others.id(order.customer ?? `\u0000order:${order.orderId}`);
  });
}

function addSale(f: Facts, order: Order, buyer: number) {
  f.sales += order.amount;
  f.orders++;
  f.items += order.items;
  if (order.amount > 0) f.buyers.add(buyer);
}

/** Per-day sums for indicators over a rolling window (refunds, DSR). */
class DailySums {
  private readonly byWho = new Map<string, Map<number, [number, number]>>();

  add(who: string, day: number, a: number, b: number) {
    let days = this.byWho.get(who);
    if (!days) {
      days = new Map();
      this.byWho.set(who, days);
    }
    const sums = days.get(day) ?? [0, 0];
    sums[0] += a;
    sums[1] += b;
    days.set(day, sums);
  }

  sumBetween(who: string, firstDay: number, lastDay: number): [number, number] {
    const days = this.byWho.get(who);
    const total: [number, number] = [0, 0];
    if (!days) return total;
    for (const [day, [a, b]] of days) {
      if (day >= firstDay && day <= lastDay) {
        total[0] += a;
        total[1] += b;
      }
    }
    return total;
  }
}

/** Consultations behind an attributed order: by the agent credited (AGENT_CREDIT) or by anyone (TEAM_CREDIT). */
const AGENT_CREDIT = 1;
const TEAM_CREDIT = 2;

function markCandidates(attributions: readonly Attribution[], consultations: number): Uint8Array {
  const marks = new Uint8Array(consultations);
  for (let i = 0; i < attributions.length; i++) {
    const a = attributions[i] as Attribution;
    if (a.agent === null) continue;
    for (let k = 0; k < a.candidates.length; k++) {
      const c = a.candidates[k] as Consultation;
      const credit = c.agent === a.agent ? AGENT_CREDIT | TEAM_CREDIT : TEAM_CREDIT;
      marks[c.index] = (marks[c.index] as number) | credit;
    }
  }
  return marks;
}

const byName = lazy(() => nameComparer());

/** Who a record that may name an agent counts for: the agent and the team, and always the shop. */
function named(agent: string | null): string[] {
  return agent === null ? [SHOP] : [agent, TEAM, SHOP];
}

export function computeReport(input: ReportInput, settings: Settings): Report {
  const zone = settings.timeZone;
  const sources = {
    ...input.available,
    attributionTimes: hasEventTimes(settings.basis, input.available),
  };
  const prepared = prepareMessages(input.messages, settings);
  const { orders, duplicates: duplicateOrders } = dedupeOrders(input.orders);
  const { ratings, duplicates: duplicateRatings } = dedupeRatings(input.ratings);
  const split = effectiveSplit(settings, input.hasSessions);
  const consultations = buildConsultations(prepared, settings, split);
  const buckets = new Buckets(settings.period);
  const agents = new Set<string>();

  const customerOfOrder = orderCustomers(orders, prepared.columns.customers);
  const consulted = consultationsByCustomer(consultations, prepared, zone);
  const attributions = attributeOrders(orders, customerOfOrder, consulted, settings);
  const placed =
    settings.basis === 'ordered'
      ? attributions
      : attributeOrders(orders, customerOfOrder, consulted, settings, 'ordered');
  const buyers = buyersOf(orders, customerOfOrder, prepared.columns.customers);
  const converted = markCandidates(attributions, consultations.length);
  const ordered = markCandidates(placed, consultations.length);

  const addTo = (f: Facts, c: Consultation, credit: number) => {
    addConsultation(f, c, settings);
    if (c.firstCustomerAt !== null && (converted[c.index] as number) & credit) f.converted.add(c.customerId);
    if (c.firstCustomerAt !== null && (ordered[c.index] as number) & credit)
      f.orderedCustomers.add(c.customerId);
  };
  // The agent's facts and the team's for each period (the shop's are the team's, adopted below).
  for (let i = 0; i < consultations.length; i++) {
    const c = consultations[i] as Consultation;
    agents.add(c.agent);
    const periods = buckets.periodsOf(c.day);
    for (let p = 0; p < periods.length; p++) {
      const period = periods[p] as string;
      addTo(buckets.get(c.agent, period), c, AGENT_CREDIT);
      addTo(buckets.get(TEAM, period), c, TEAM_CREDIT);
    }
  }
  for (const period of buckets.periodLastDay.keys())
    buckets.get(SHOP, period).adoptConsultations(buckets.get(TEAM, period));

  // Sales: attributed orders for agents and team; every order for the shop.
  for (let i = 0; i < attributions.length; i++) {
    const a = attributions[i] as Attribution;
    const day = saleDay(a.order, zone);
    if (day === null) continue;
    const periods = buckets.periodsOf(day);
    for (let p = 0; p < periods.length; p++) {
      const period = periods[p] as string;
      if (a.agent !== null) {
        agents.add(a.agent);
        addSale(buckets.get(a.agent, period), a.order, buyers[a.index] as number);
        addSale(buckets.get(TEAM, period), a.order, buyers[a.index] as number);
        for (const assist of a.assists) {
          const f = buckets.get(assist, period);
          f.assistOrders++;
          f.assistSales += a.order.amount;
        }
      }
    }
  }
  const refunds = new DailySums();
  orders.forEach((order, i) => {
    const day = saleDay(order, zone);
    if (day !== null) {
      const periods = buckets.periodsOf(day);
      for (let p = 0; p < periods.length; p++)
        addSale(buckets.get(SHOP, periods[p] as string), order, buyers[i] as number);
    }
    if (order.createdAt !== null) {
      const periods = buckets.periodsOf(localDay(zone, order.createdAt));
      for (let p = 0; p < periods.length; p++) countPlaced(buckets.get(SHOP, periods[p] as string), order);
    }
    if (order.paidAt !== null) {
      const paidDay = localDay(zone, order.paidAt);
      buckets.periodsOf(paidDay);
      refunds.add(SHOP, paidDay, 1, order.refundAmount > 0 ? 1 : 0);
    }
  });
  for (let i = 0; i < placed.length; i++) {
    const a = placed[i] as Attribution;
    if (a.agent === null || a.order.createdAt === null) continue;
    const periods = buckets.periodsOf(localDay(zone, a.order.createdAt));
    for (let p = 0; p < periods.length; p++) {
      countPlaced(buckets.get(a.agent, periods[p] as string), a.order);
      countPlaced(buckets.get(TEAM, periods[p] as string), a.order);
    }
  }
  for (let i = 0; i < attributions.length; i++) {
    const a = attributions[i] as Attribution;
    if (a.agent === null || a.order.paidAt === null) continue;
    const paidDay = localDay(zone, a.order.paidAt);
    const refunded = a.order.refundAmount > 0 ? 1 : 0;
    refunds.add(a.agent, paidDay, 1, refunded);
    refunds.add(TEAM, paidDay, 1, refunded);
  }

  const dsr = new DailySums();
  for (const r of ratings) {
    const day = localDay(zone, r.time);
    if (r.agent !== null) agents.add(r.agent);
    const satisfied = settings.satisfiedLevels.includes(r.level);
    buckets.eachNamed(r.agent, day, (f) => {
      f.ratings++;
      if (satisfied) f.satisfied++;
    });
    for (const who of named(r.agent)) dsr.add(who, day, r.level, 1);
  }

  const disputes = new DailySums();
  for (const refund of input.refunds ?? []) {
    const appliedDay = localDay(zone, refund.appliedAt);
    buckets.periodsOf(appliedDay);
    if (refund.dispute) for (const who of named(refund.agent)) disputes.add(who, appliedDay, 1, 0);
    if (refund.completedAt === null) continue;
    const hours = (refund.completedAt - refund.appliedAt) / 3_600_000;
    buckets.eachNamed(refund.agent, localDay(zone, refund.completedAt), (f) => {
      f.refundsCompleted++;
      if (refund.completedBy === 'shop') f.refundsCompletedByShop++;
      f.refundHours.push(hours);
    });
  }
  const complaints = new DailySums();
  for (const complaint of input.complaints ?? []) {
    const day = localDay(zone, complaint.time);
    buckets.periodsOf(day);
    for (const who of named(complaint.agent)) complaints.add(who, day, 1, 0);
  }
  for (const span of input.online ?? []) {
    agents.add(span.agent);
    buckets.eachNamed(span.agent, localDay(zone, span.start), (f) => {
      f.onlineHours += (span.end - span.start) / 3_600_000;
      f.onlineAccounts.add(span.agent);
    });
  }
  for (const issue of input.issues ?? []) {
    agents.add(issue.agent);
    buckets.eachNamed(issue.agent, localDay(zone, issue.time), (f) => {
      f.issues++;
      if (issue.resolved) f.issuesResolved++;
    });
  }

  // Windowed indicators, team shares and the silent remainder, once every bucket is known.
  const headcount = new Map<string, number>();
  for (const { who, period, facts: f } of buckets.all) {
    if (who !== TEAM && who !== SHOP && f.consultations > 0)
      headcount.set(period, (headcount.get(period) ?? 0) + 1);
  }
  for (const { who, period, facts: f } of buckets.all) {
    const lastDay = buckets.periodLastDay.get(period) ?? 0;
    const firstDay =
      settings.afterSalesWindowDays === null
        ? (buckets.periodFirstDay.get(period) ?? lastDay)
        : lastDay - settings.afterSalesWindowDays + 1;
    [f.paidForRefund, f.refundedPaid] = refunds.sumBetween(who, firstDay, lastDay);
    [f.disputes] = disputes.sumBetween(who, firstDay, lastDay);
    [f.complaints] = complaints.sumBetween(who, firstDay, lastDay);
    [f.dsrSum, f.dsrCount] = dsr.sumBetween(who, lastDay - settings.dsrDays + 1, lastDay);
    const team = buckets.get(TEAM, period);
    f.teamReceptions = team.receptions;
    f.headcount = headcount.get(period) ?? 0;
    f.teamSales = team.sales;
    if (who === SHOP) f.shopSales = f.sales;
  }

  // The shop row shares the team's samples (adoptConsultations): summarize each list once.
  const distributions = new Map<readonly number[], ReturnType<typeof distribution>>();
  const distributionOf = (samples: readonly number[]) => {
    let known = distributions.get(samples);
    if (!known) {
      known = distribution(samples);
      distributions.set(samples, known);
    }
    return known;
  };
  const rowOf = (who: string, period: string, level: Level): Row => {
    const facts = buckets.get(who, period);
    const row: Row = {};
    if (level === 'agent') row.agent = who;
    if (settings.period !== 'all') row.period = period;
    for (const indicator of INDICATORS) {
      const value = indicatorValue(indicator, facts, level, sources);
      row[indicator.id] = value;
      if (indicator.samples) {
        const { median, p90 } = value === null ? distribution([]) : distributionOf(indicator.samples(facts));
        row[`${indicator.id}_median`] = median;
        row[`${indicator.id}_p90`] = p90;
      }
    }
    return row;
  };

  const periods = [...buckets.periodLastDay.keys()].filter((p) => p !== 'all').sort();
  const agentNames = [...agents].sort(byName());
  const agentRows: Row[] = [];
  for (const period of settings.period === 'all' ? ['all'] : periods) {
    for (const agent of agentNames) {
      if (buckets.has(agent, period)) agentRows.push(rowOf(agent, period, 'agent'));
    }
  }
  const allDays = [...buckets.periodFirstDay.entries()].filter(([p]) => p === 'all');
  const from = allDays.length ? dayLabel(buckets.periodFirstDay.get('all') as number) : null;
  const to = allDays.length ? dayLabel(buckets.periodLastDay.get('all') as number) : null;
  const overall = (who: string, level: Level) => {
    const row = rowOf(who, 'all', level);
    delete row.period;
    return row;
  };

  const report: Report = {
    settings: { ...settings, split },
    period: { unit: settings.period, from, to },
    agents: agentRows,
    team: overall(TEAM, 'team'),
    shop: overall(SHOP, 'shop'),
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
    },
    consultations,
  };
  if (settings.period !== 'all') {
    report.teamByPeriod = periods.map((p) => rowOf(TEAM, p, 'team'));
    report.shopByPeriod = periods.map((p) => rowOf(SHOP, p, 'shop'));
  }
  return report;
}
