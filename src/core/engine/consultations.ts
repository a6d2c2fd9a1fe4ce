import { localDay, localMinuteOfDay } from '../time/zone';
import { INSTANT_REPLY_MS } from './autoReplies';
import { AGENT, AUTO, CUSTOMER, INVITE, type MessageColumns, OFFLINE, TRANSFER_OUT } from './messageColumns';
import type { PreparedMessages } from './messages';
import type { Settings } from './settings';

/** One customer's conversation with one agent account (SPEC §2), with what the indicators need. */
export interface Consultation {
  agent: string;
  customer: string;
  /** The customer's number in this report (see Interner), for counting distinct customers cheaply. */
  customerId: number;
  /** Its place in the report's list of consultations, to mark it in a flat array rather than a set. */
  index: number;
  session: string | null;
  /** The local day of the first customer message (of the first message if the customer never wrote). */
  day: number;
  /** The time zone its days and hours are counted in: its agent's shop's (see AgentZones). */
  zone: string;
  firstCustomerAt: number | null;
  /** The first manual agent message after the first customer message. */
  firstReplyAt: number | null;
  /**
   * Manual replies that answered a customer within INSTANT_REPLY_MS (their places in the columns), or
   * null: faster than a person, so perhaps auto replies nothing marked (suspectedAutoReplies).
   */
  instantReplies: number[] | null;
  customerMessages: number;
  /** Manual agent messages; auto replies are counted apart and never reply. */
  agentMessages: number;
  autoMessages: number;
  /** Seconds of every closed response gap (SPEC §3). */
  gaps: readonly number[];
  /** Gaps still open when the conversation ended: the customer waited and got no answer. */
  unansweredRounds: number;
  transferredOut: boolean;
  offline: boolean;
  invited: boolean;
  /** Whether the first customer message fell inside the assessment hours. */
  inAssessmentHours: boolean;
  /**
   * Where its messages are in the threads' order (PreparedMessages.order): between `from` and `to`,
   * those of session `key` when split by session (other sessions of the thread may come between),
   * all of them otherwise (`key` NaN). To find who the customer talked to last before paying.
   */
  from: number;
  to: number;
  key: number;
}

export type SplitRule = 'id' | 'day' | 'gap';

/**
 * Agent accounts whose exports were read in a zone other than the report's (shops in other markets),
 * with that zone: their consultations' days and hours follow it.
 */
export type AgentZones = ReadonlyMap<string, string>;
const NO_AGENT_ZONES: AgentZones = new Map();

export function effectiveSplit(settings: Settings, hasSessions: boolean): SplitRule {
  if (settings.split !== 'auto') return settings.split;
  return hasSessions ? 'id' : 'day';
}

/**
 * The gaps of a consultation without any: one shared list. A list that grew by push keeps room for
 * 16 numbers; a report keeps every consultation until its rows are made, so a million of those
 * spare slots are copied by every collection that finds them alive (docs/scale.md, the JS engine's
 * growth).
 */
const NO_GAPS: readonly number[] = Object.freeze([]);

function newConsultation(c: MessageColumns, first: number, day: number, zone: string): Consultation {
  const session = c.session[first] as number;
  return {
    agent: c.agents.names[c.agent[first] as number] as string,
    customer: c.customers.names[c.customer[first] as number] as string,
    customerId: c.customer[first] as number,
    index: -1,
    session: session < 0 ? null : (c.sessions.names[session] as string),
    day,
    zone,
    firstCustomerAt: null,
    firstReplyAt: null,
    instantReplies: null,
    customerMessages: 0,
    agentMessages: 0,
    autoMessages: 0,
    gaps: NO_GAPS,
    unansweredRounds: 0,
    transferredOut: false,
    offline: false,
    invited: false,
    inAssessmentHours: true,
    from: -1,
    to: -1,
    key: Number.NaN,
  };
}

/**
 * A message's session for the split by session, within its thread: its session's number (see
 * PreparedMessages.session), or −1 − its local day.
 */
export function sessionKey(
  { columns: c, session: sessions }: Pick<PreparedMessages, 'columns' | 'session'>,
  i: number,
  zone: string,
): number {
  const session = sessions[i] as number;
  return session >= 0 ? session : -1 - localDay(zone, c.time[i] as number);
}

/** The time of the consultation's last message at or before `t` (its first customer message if none). */
export function lastActivityBefore(
  consultation: Consultation,
  t: number,
  prepared: Pick<PreparedMessages, 'columns' | 'order' | 'session'>,
): number {
  const zone = consultation.zone;
  const { columns: c, order } = prepared;
  let found = consultation.firstCustomerAt ?? 0;
  const bySession = !Number.isNaN(consultation.key);
  for (let k = consultation.from; k < consultation.to; k++) {
    const i = order[k] as number;
    const time = c.time[i] as number;
    if (time > t) break; // a thread is in time order
    if (!bySession || sessionKey(prepared, i, zone) === consultation.key) found = time;
  }
  return found;
}

/** The response walk: a gap opens at the first unanswered customer message, closes at a manual reply. */
class ConsultationWalk {
  private openSince: number | null = null;
  /** The gaps closed so far; the consultation gets a list of exactly their number when it ends. */
  private gaps: number[] | null = null;

  constructor(
    readonly consultation: Consultation,
    private readonly settings: Settings,
  ) {}

  /** Adds message `i`, found at `k` in the threads' order. */
  add(c: MessageColumns, i: number, k: number, zone: string) {
    const consultation = this.consultation;
    const time = c.time[i] as number;
    const flags = c.flags[i] as number;
    const from = c.from[i] as number;
    if (consultation.from < 0) consultation.from = k;
    consultation.to = k + 1;
    if (flags & TRANSFER_OUT) consultation.transferredOut = true;
    if (flags & OFFLINE) consultation.offline = true;
    if (flags & INVITE) consultation.invited = true;
    if (from === CUSTOMER) {
      consultation.customerMessages++;
      if (consultation.firstCustomerAt === null) {
        consultation.firstCustomerAt = time;
        consultation.day = localDay(zone, time);
        const hours = this.settings.assessmentHours;
        if (hours) {
          const minute = localMinuteOfDay(zone, time);
          consultation.inAssessmentHours = minute >= hours.start && minute < hours.end;
        }
      }
      if (this.openSince === null) this.openSince = time;
    } else if (from === AGENT) {
      if (flags & AUTO) {
        consultation.autoMessages++;
        if (this.settings.autoRepliesCloseGaps) this.close(time);
        return;
      }
      consultation.agentMessages++;
      if (consultation.firstCustomerAt !== null && consultation.firstReplyAt === null)
        consultation.firstReplyAt = time;
      if (this.openSince !== null && time - this.openSince <= INSTANT_REPLY_MS) {
        if (consultation.instantReplies === null) consultation.instantReplies = [i];
        else consultation.instantReplies.push(i);
      }
      this.close(time);
    }
  }

  private close(time: number) {
    if (this.openSince === null) return;
    const gap = (time - this.openSince) / 1000;
    if (this.gaps === null) this.gaps = [gap];
    else this.gaps.push(gap);
    this.openSince = null;
  }

  /** The consultation, numbered as the `index`-th of the report. */
  finish(index: number): Consultation {
    if (this.openSince !== null) this.consultation.unansweredRounds++;
    this.openSince = null;
    const gaps = this.gaps;
    // A list of one was made to measure; a longer one grew by push, with room to spare.
    if (gaps !== null) this.consultation.gaps = gaps.length === 1 ? gaps : gaps.slice();
    this.gaps = null;
    this.consultation.index = index;
    return this.consultation;
  }
}

/**
 * Splits each agent × customer thread (sorted by time, see prepareMessages) into consultations: by the
 * export's session ID (`id`), by the customer's calendar day (`day`), or by N minutes of silence before
 * a customer message (`gap`). Agent and system messages never start a consultation while one is open,
 * so a reply just after midnight still answers the question asked just before it.
 */
export function buildConsultations(
  prepared: Pick<PreparedMessages, 'columns' | 'order' | 'threadStart' | 'session'>,
  settings: Settings,
  split: SplitRule,
  agentZones: AgentZones = NO_AGENT_ZONES,
): Consultation[] {
  const { columns: c, order, threadStart } = prepared;
  const result: Consultation[] = [];
  const gapMs = settings.gapMinutes * 60_000;
  for (let t = 0; t + 1 < threadStart.length; t++) {
    const from = threadStart[t] as number;
    const to = threadStart[t + 1] as number;
    // A thread is one agent's: its shop's zone, the report's unless the agent's export had another.
    const zone =
      agentZones.size === 0 || from === to
        ? settings.timeZone
        : (agentZones.get(c.agents.names[c.agent[order[from] as number] as number] as string) ??
          settings.timeZone);
    if (split === 'id') {
      // Sessions by number; a row without a session ID falls back to the customer's day (−1 − day).
      // Most threads hold one session: a map of them is made only when a second one comes.
      let first: ConsultationWalk | undefined;
      let firstKey = Number.NaN;
      let bySession: Map<number, ConsultationWalk> | null = null;
      // A session's messages mostly follow one another: look the walk up only when the session changes.
      let lastKey = Number.NaN;
      let walk: ConsultationWalk | undefined;
      for (let k = from; k < to; k++) {
        const i = order[k] as number;
        const key = sessionKey(prepared, i, zone);
        if (key !== lastKey) {
          walk = bySession ? bySession.get(key) : key === firstKey ? first : undefined;
          if (!walk) {
            walk = new ConsultationWalk(
              newConsultation(c, i, localDay(zone, c.time[i] as number), zone),
              settings,
            );
            walk.consultation.key = key;
            if (first === undefined) {
              first = walk;
              firstKey = key;
            } else {
              bySession ??= new Map([[firstKey, first]]);
              bySession.set(key, walk);
            }
          }
          lastKey = key;
        }
        (walk as ConsultationWalk).add(c, i, k, zone);
      }
      if (bySession) for (const each of bySession.values()) result.push(each.finish(result.length));
      else if (first) result.push(first.finish(result.length));
      continue;
    }
    let walk: ConsultationWalk | null = null;
    let lastTime = Number.NEGATIVE_INFINITY;
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      const time = c.time[i] as number;
      const startsNew =
        walk === null ||
        (c.from[i] === CUSTOMER &&
          (split === 'day'
            ? walk.consultation.firstCustomerAt !== null && walk.consultation.day !== localDay(zone, time)
            : time - lastTime >= gapMs));
      if (startsNew) {
        if (walk) result.push(walk.finish(result.length));
        walk = new ConsultationWalk(newConsultation(c, i, localDay(zone, time), zone), settings);
      }
      (walk as ConsultationWalk).add(c, i, k, zone);
      lastTime = time;
    }
    if (walk) result.push(walk.finish(result.length));
  }
  return result;
}
