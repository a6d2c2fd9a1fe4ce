import type { Attribution } from './attribution';
import { type Buckets, SHOP, TEAM } from './buckets';
import type { Consultation } from './consultations';
import type { ChatFacts } from './facts';
import type { Settings } from './settings';

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

function addConsultation(f: ChatFacts, c: Consultation, settings: Settings, afterSales: boolean) {
  f.agentMessages += c.agentMessages;
  f.customerMessages += c.customerMessages;
  if (c.firstCustomerAt === null) return;
  const replied = c.firstReplyAt !== null;
  f.consultations++;
  if (replied) f.receptions++;
  if (replied && c.invited) f.invited++;
  if (afterSales) f.afterSales++;
  else f.inquirers.add(c.customerId);
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

/**
 * Every consultation into its agent's and the team's facts for each period of its day, with the
 * customers converted (attributed orders under the basis) and who ordered (placed orders); the shop
 * row then shares the team's (Facts.adoptConsultations). An after-sales consultation (marked 1 in
 * `afterSales`, by index) counts as such instead of as an inquiry.
 */
export function addConsultations(
  buckets: Buckets,
  consultations: readonly Consultation[],
  orders: { attributions: readonly Attribution[]; placed: readonly Attribution[] },
  settings: Settings,
  afterSales: Uint8Array | null,
): void {
  const converted = markCandidates(orders.attributions, consultations.length);
  const ordered = markCandidates(orders.placed, consultations.length);
  const addTo = (f: ChatFacts, c: Consultation, credit: number) => {
    addConsultation(f, c, settings, afterSales !== null && afterSales[c.index] === 1);
    if (c.firstCustomerAt !== null && (converted[c.index] as number) & credit) f.converted.add(c.customerId);
    if (c.firstCustomerAt !== null && (ordered[c.index] as number) & credit)
      f.orderedCustomers.add(c.customerId);
  };
  for (let i = 0; i < consultations.length; i++) {
    const c = consultations[i] as Consultation;
    buckets.agents.add(c.agent);
    const periods = buckets.periodsOf(c.day);
    for (let p = 0; p < periods.length; p++) {
      const period = periods[p] as string;
      addTo(buckets.get(c.agent, period).chats, c, AGENT_CREDIT);
      addTo(buckets.get(TEAM, period).chats, c, TEAM_CREDIT);
    }
  }
  // Every period so far has consultations (they come first): the shop's are the team's.
  for (const period of buckets.periodLastDay.keys())
    buckets.get(SHOP, period).adoptConsultations(buckets.get(TEAM, period));
}
