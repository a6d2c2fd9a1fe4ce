import { localDay } from '../time/zone';
import { type Buckets, named } from './buckets';
import type { Complaint, Issue, OnlineSpan, Rating, Refund } from './model';
import { DailyCompletions, DailySums, type WindowSums } from './rollingWindows';
import type { Settings } from './settings';

/** The records after a sale or beside the chats: each may name an agent, else counts for the shop. */
export interface AfterSalesRecords {
  ratings: readonly Rating[];
  refunds: readonly Refund[];
  complaints: readonly Complaint[];
  online: readonly OnlineSpan[];
  issues: readonly Issue[];
}

/**
 * Ratings, refunds, complaints, online time and issues into the facts of the agent each names (and
 * the team's and shop's); what is read over a rolling window goes into per-day sums instead.
 */
export function addAfterSales(
  buckets: Buckets,
  records: AfterSalesRecords,
  settings: Settings,
): Omit<WindowSums, 'refunds'> {
  const zone = settings.timeZone;
  const dsr = new DailySums();
  for (const r of records.ratings) {
    const day = localDay(r.zone ?? zone, r.time);
    if (r.agent !== null) buckets.agents.add(r.agent);
    const satisfied = settings.satisfiedLevels.includes(r.level);
    buckets.eachNamed(r.agent, day, (f) => {
      f.ratings++;
      if (satisfied) f.satisfied++;
    });
    for (const who of named(r.agent)) dsr.add(who, day, r.level, 1);
  }

  const disputes = new DailySums();
  const completions = new DailyCompletions();
  for (const refund of records.refunds) {
    const appliedDay = localDay(refund.zone ?? zone, refund.appliedAt);
    buckets.periodsOf(appliedDay);
    if (refund.dispute) for (const who of named(refund.agent)) disputes.add(who, appliedDay, 1, 0);
    if (refund.completedAt === null) continue;
    const hours = (refund.completedAt - refund.appliedAt) / 3_600_000;
    const completedDay = localDay(refund.zone ?? zone, refund.completedAt);
    // The rows the completion belongs to exist; their figures come from the window (fillWindows).
    buckets.eachNamed(refund.agent, completedDay, () => {});
    for (const who of named(refund.agent))
      completions.add(who, completedDay, hours, refund.completedBy === 'shop');
  }
  const complaints = new DailySums();
  for (const complaint of records.complaints) {
    const day = localDay(complaint.zone ?? zone, complaint.time);
    buckets.periodsOf(day);
    for (const who of named(complaint.agent)) complaints.add(who, day, 1, 0);
  }
  for (const span of records.online) {
    buckets.agents.add(span.agent);
    buckets.eachNamed(span.agent, localDay(span.zone ?? zone, span.start), (f) => {
      f.onlineMs += span.end - span.start;
      f.onlineHours = f.onlineMs / 3_600_000;
      f.onlineAccounts.add(span.agent);
    });
  }
  for (const issue of records.issues) {
    buckets.agents.add(issue.agent);
    buckets.eachNamed(issue.agent, localDay(issue.zone ?? zone, issue.time), (f) => {
      f.issues++;
      if (issue.resolved) f.issuesResolved++;
    });
  }
  return { dsr, disputes, complaints, completions };
}
