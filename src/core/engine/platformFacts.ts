import { ratio } from '../lib/ratio';
import { DAY, fromLocal, localDay, localMinuteOfDay } from '../time/zone';
import { type Buckets, SHOP, TEAM } from './buckets';
import { type AgentZones, type Consultation, sessionKey } from './consultations';
import { AGENT, AUTO, CUSTOMER, NO_RESPONSE, SYSTEM } from './messageColumns';
import type { PreparedMessages } from './messages';
import { type PlatformFigures, type PlatformRule, platformWindow } from './platform';
import type { Settings } from './settings';

const HOUR_MS = 3_600_000;

/** One message or conversation the platform's rule counts: when it came, and whether it was answered in time. */
export interface PlatformCase {
  receivedAt: number;
  /** The local day it came: the window is counted in days. */
  day: number;
  onTime: boolean;
  /** Hours to its answer, where the platform averages them (platform_response_time); else null. */
  responseHours: number | null;
}

/** The instant by which a message received at `at` must be answered. */
export function deadlineOf(rule: PlatformRule, at: number, zone: string): number {
  const d = rule.deadline;
  if (d.kind === 'within') return at + d.ms;
  // Received at or after the cutoff: the next day's cycle.
  const day = localDay(zone, at) + (localMinuteOfDay(zone, at) >= d.cutoff ? 1 : 0);
  return fromLocal(zone, day * DAY + d.due * 60_000);
}

/**
 * A case received at `receivedAt`, answered at `answeredAt` (null: not yet), or null when it is not
 * yet due at the data's end (unanswered, its deadline not passed): Amazon counts a message without a
 * response only once 24 hours have passed, and so do the others here.
 */
function caseOf(
  rule: PlatformRule,
  receivedAt: number,
  answeredAt: number | null,
  dataEnd: number,
  zone: string,
): PlatformCase | null {
  const deadline = deadlineOf(rule, receivedAt, zone);
  if (answeredAt === null && dataEnd <= deadline) return null;
  const onTime = answeredAt !== null && answeredAt <= deadline;
  // Lazada averages the chats answered within their cycle; Amazon and TikTok Shop every answer.
  const timed = rule.responseTime && answeredAt !== null && (rule.deadline.kind === 'within' || onTime);
  return {
    receivedAt,
    day: localDay(zone, receivedAt),
    onTime,
    responseHours: timed ? ((answeredAt as number) - receivedAt) / HOUR_MS : null,
  };
}

/** Each buyer message not marked as needing no response, answered by the next manual reply of its thread. */
function messageCases(
  prepared: Pick<PreparedMessages, 'columns' | 'order' | 'threadStart'>,
  rule: PlatformRule,
  dataEnd: number,
  zones: { report: string; agents: AgentZones },
  add: (agent: string, c: PlatformCase) => void,
) {
  const { columns: c, order, threadStart } = prepared;
  const waiting: number[] = [];
  for (let t = 0; t + 1 < threadStart.length; t++) {
    const from = threadStart[t] as number;
    const to = threadStart[t + 1] as number;
    if (from === to) continue;
    const agent = c.agents.names[c.agent[order[from] as number] as number] as string;
    const zone = zones.agents.get(agent) ?? zones.report;
    waiting.length = 0;
    const answer = (answeredAt: number | null) => {
      for (const receivedAt of waiting) {
        const found = caseOf(rule, receivedAt, answeredAt, dataEnd, zone);
        if (found) add(agent, found);
      }
      waiting.length = 0;
    };
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      const flags = c.flags[i] as number;
      if (c.from[i] === CUSTOMER) {
        if (!(flags & NO_RESPONSE)) waiting.push(c.time[i] as number);
      } else if (c.from[i] === AGENT && !(flags & AUTO)) answer(c.time[i] as number);
    }
    answer(null);
  }
}

/**
 * Each conversation (consultation) from its first buyer message that needs a response: answered when
 * a manual reply comes by the deadline. Later messages of an answered conversation change nothing.
 */
function conversationCases(
  prepared: Pick<PreparedMessages, 'columns' | 'order' | 'session'>,
  consultations: readonly Consultation[],
  rule: PlatformRule,
  settings: Settings,
  dataEnd: number,
  add: (agent: string, c: PlatformCase) => void,
) {
  const { columns: c, order } = prepared;
  for (const consultation of consultations) {
    if (consultation.firstCustomerAt === null) continue;
    const zone = consultation.zone;
    if (rule.assessed) {
      if (!consultation.inAssessmentHours) continue;
      if (settings.excludeTransfersOut && consultation.transferredOut) continue;
      if (settings.excludeOffline && consultation.offline) continue;
    }
    const bySession = !Number.isNaN(consultation.key);
    let firstSender = -1;
    let receivedAt: number | null = null;
    let answeredAt: number | null = null;
    let autoReplied = false;
    for (let k = consultation.from; k < consultation.to && answeredAt === null; k++) {
      const i = order[k] as number;
      if (bySession && sessionKey(prepared, i, zone) !== consultation.key) continue;
      const sender = c.from[i] as number;
      // Platform notices are neither the buyer's nor an answer.
      if (sender === SYSTEM) continue;
      if (firstSender < 0) firstSender = sender;
      const flags = c.flags[i] as number;
      if (sender === CUSTOMER) {
        if (receivedAt === null && !(flags & NO_RESPONSE)) receivedAt = c.time[i] as number;
      } else if (sender === AGENT && receivedAt !== null) {
        if (flags & AUTO) autoReplied = true;
        else answeredAt = c.time[i] as number;
      }
    }
    if (receivedAt === null) continue;
    if (rule.buyerInitiated && firstSender !== CUSTOMER) continue;
    if (rule.autoOnlyLeftOut && answeredAt === null && autoReplied) continue;
    const found = caseOf(rule, receivedAt, answeredAt, dataEnd, zone);
    if (found) add(consultation.agent, found);
  }
}

/** The days the chats cover (first and last local day), and the time of their last message. */
export function chatSpan(
  prepared: Pick<PreparedMessages, 'columns' | 'order'>,
  zone: string,
): { firstDay: number; lastDay: number; end: number } | null {
  const { columns: c, order } = prepared;
  if (order.length === 0) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < order.length; k++) {
    const time = c.time[order[k] as number] as number;
    if (time < first) first = time;
    if (time > last) last = time;
  }
  return { firstDay: localDay(zone, first), lastDay: localDay(zone, last), end: last };
}

/** The figures of a row's cases (sorted by receipt): the rate, weighted where the platform weights it. */
export function platformFigures(cases: readonly PlatformCase[], rule: PlatformRule): PlatformFigures {
  const onTime = cases.filter((c) => c.onTime).length;
  let rate = ratio(onTime, cases.length);
  if (rule.recentQuarterWeighted && rate !== null) {
    // Shopee Thailand: the most recent 25 % of the chats, at least one (100 chats: the latest 25).
    const recent = cases.slice(cases.length - Math.ceil(cases.length / 4));
    rate = 0.5 * rate + 0.5 * (recent.filter((c) => c.onTime).length / recent.length);
  }
  const responseHours = cases.flatMap((c) => (c.responseHours === null ? [] : [c.responseHours]));
  return { cases: cases.length, onTime, rate, responseHours };
}

/**
 * platform_response_rate's cases into every row: each agent's own, the team's and the shop's all of
 * them, those received in the window ending on the row's period's last day (the period itself when
 * the platform has no window). Run once every bucket is known. Gives the window and the days the
 * chats cover.
 */
export function addPlatformFacts(
  buckets: Buckets,
  prepared: Pick<PreparedMessages, 'columns' | 'order' | 'threadStart' | 'session'>,
  consultations: readonly Consultation[],
  rule: PlatformRule,
  settings: Settings,
  agentZones: AgentZones,
): { windowDays: number | null; dataDays: number } {
  const windowDays = platformWindow(rule, settings.platformWindowDays);
  const span = chatSpan(prepared, settings.timeZone);
  if (span === null) return { windowDays, dataDays: 0 };
  const byAgent = new Map<string, PlatformCase[]>();
  const all: PlatformCase[] = [];
  const add = (agent: string, c: PlatformCase) => {
    let own = byAgent.get(agent);
    if (!own) {
      own = [];
      byAgent.set(agent, own);
    }
    own.push(c);
    all.push(c);
  };
  if (rule.unit === 'message')
    messageCases(prepared, rule, span.end, { report: settings.timeZone, agents: agentZones }, add);
  else conversationCases(prepared, consultations, rule, settings, span.end, add);
  const byReceipt = (a: PlatformCase, b: PlatformCase) => a.receivedAt - b.receivedAt;
  all.sort(byReceipt);
  for (const own of byAgent.values()) own.sort(byReceipt);
  for (const { who, period, facts } of buckets.all) {
    const lastDay = buckets.periodLastDay.get(period) ?? 0;
    const firstDay =
      windowDays === null ? (buckets.periodFirstDay.get(period) ?? lastDay) : lastDay - windowDays + 1;
    const cases = who === TEAM || who === SHOP ? all : (byAgent.get(who) ?? []);
    const figures = platformFigures(
      cases.filter((c) => c.day >= firstDay && c.day <= lastDay),
      rule,
    );
    facts.platformCases = figures.cases;
    facts.platformOnTime = figures.onTime;
    facts.platformRate = figures.rate;
    facts.platformResponseHours = figures.responseHours;
  }
  return { windowDays, dataDays: span.lastDay - span.firstDay + 1 };
}
