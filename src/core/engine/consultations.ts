import { localDay, localMinuteOfDay } from '../time/zone';
import type { PreparedMessages } from './messages';
import type { Message } from './model';
import type { Settings } from './settings';

/** One customer's conversation with one agent account (SPEC §2), with what the indicators need. */
export interface Consultation {
  agent: string;
  customer: string;
  /** The customer's number in this report (see Interner), for counting distinct customers cheaply. */
  customerId: number;
  session: string | null;
  /** The local day of the first customer message (of the first message if the customer never wrote). */
  day: number;
  firstCustomerAt: number | null;
  /** The first manual agent message after the first customer message. */
  firstReplyAt: number | null;
  customerMessages: number;
  /** Manual agent messages; auto replies are counted apart and never reply. */
  agentMessages: number;
  autoMessages: number;
  /** Seconds of every closed response gap (SPEC §3). */
  gaps: number[];
  /** Gaps still open when the conversation ended: the customer waited and got no answer. */
  unansweredRounds: number;
  transferredOut: boolean;
  offline: boolean;
  invited: boolean;
  /** Whether the first customer message fell inside the assessment hours. */
  inAssessmentHours: boolean;
  /** Times of every message, ascending, to find who the customer talked to last before paying. */
  times: number[];
}

export type SplitRule = 'id' | 'day' | 'gap';

export function effectiveSplit(settings: Settings, hasSessions: boolean): SplitRule {
  if (settings.split !== 'auto') return settings.split;
  return hasSessions ? 'id' : 'day';
}

function newConsultation(first: Message, customerId: number, day: number): Consultation {
  return {
    agent: first.agent,
    customer: first.customer,
    customerId,
    session: first.session,
    day,
    firstCustomerAt: null,
    firstReplyAt: null,
    customerMessages: 0,
    agentMessages: 0,
    autoMessages: 0,
    gaps: [],
    unansweredRounds: 0,
    transferredOut: false,
    offline: false,
    invited: false,
    inAssessmentHours: true,
    times: [],
  };
}

/** The response walk: a gap opens at the first unanswered customer message, closes at a manual reply. */
class ConsultationWalk {
  private openSince: number | null = null;

  constructor(
    readonly consultation: Consultation,
    private readonly settings: Settings,
  ) {}

  add(message: Message, zone: string) {
    const c = this.consultation;
    c.times.push(message.time);
    if (message.transfer === 'out') c.transferredOut = true;
    if (message.offline) c.offline = true;
    if (message.invite) c.invited = true;
    if (message.from === 'customer') {
      c.customerMessages++;
      if (c.firstCustomerAt === null) {
        c.firstCustomerAt = message.time;
        c.day = localDay(zone, message.time);
        const hours = this.settings.assessmentHours;
        if (hours) {
          const minute = localMinuteOfDay(zone, message.time);
          c.inAssessmentHours = minute >= hours.start && minute < hours.end;
        }
      }
      if (this.openSince === null) this.openSince = message.time;
    } else if (message.from === 'agent') {
      if (message.auto) {
        c.autoMessages++;
        if (this.settings.autoRepliesCloseGaps) this.close(message.time);
        return;
      }
      c.agentMessages++;
      if (c.firstCustomerAt !== null && c.firstReplyAt === null) c.firstReplyAt = message.time;
      this.close(message.time);
    }
  }

  private close(time: number) {
    if (this.openSince === null) return;
    this.consultation.gaps.push((time - this.openSince) / 1000);
    this.openSince = null;
  }

  finish(): Consultation {
    if (this.openSince !== null) this.consultation.unansweredRounds++;
    this.openSince = null;
    return this.consultation;
  }
}

/**
 * Splits each agent × customer thread (sorted by time, see prepareMessages) into consultations: by the export's session ID (`id`), by the
 * customer's calendar day (`day`), or by N minutes of silence before a customer message (`gap`). Agent
 * and system messages never start a consultation while one is open, so a reply just after midnight
 * still answers the question asked just before it.
 */
export function buildConsultations(
  { threads, threadCustomers }: Pick<PreparedMessages, 'threads' | 'threadCustomers'>,
  settings: Settings,
  split: SplitRule,
): Consultation[] {
  const zone = settings.timeZone;
  const result: Consultation[] = [];
  const gapMs = settings.gapMinutes * 60_000;
  for (let t = 0; t < threads.length; t++) {
    const thread = threads[t] as Message[];
    const customerId = threadCustomers[t] as number;
    if (split === 'id') {
      const bySession = new Map<string, ConsultationWalk>();
      // A session's messages mostly follow one another: look the walk up only when the session changes.
      let lastKey: string | null = null;
      let walk: ConsultationWalk | undefined;
      for (const m of thread) {
        // A row without a session ID falls back to the customer's day.
        const key = m.session ?? `day:${localDay(zone, m.time)}`;
        if (key !== lastKey) {
          walk = bySession.get(key);
          if (!walk) {
            walk = new ConsultationWalk(newConsultation(m, customerId, localDay(zone, m.time)), settings);
            bySession.set(key, walk);
          }
          lastKey = key;
        }
        (walk as ConsultationWalk).add(m, zone);
      }
      for (const walk of bySession.values()) result.push(walk.finish());
      continue;
    }
    let walk: ConsultationWalk | null = null;
    let lastTime = Number.NEGATIVE_INFINITY;
    for (const m of thread) {
      const day = localDay(zone, m.time);
      const startsNew =
        walk === null ||
        (m.from === 'customer' &&
          (split === 'day'
            ? walk.consultation.firstCustomerAt !== null && walk.consultation.day !== day
            : m.time - lastTime >= gapMs));
      if (startsNew) {
        if (walk) result.push(walk.finish());
        walk = new ConsultationWalk(newConsultation(m, customerId, day), settings);
      }
      (walk as ConsultationWalk).add(m, zone);
      lastTime = m.time;
    }
    if (walk) result.push(walk.finish());
  }
  return result;
}
