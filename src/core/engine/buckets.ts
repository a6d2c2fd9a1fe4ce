import { dayLabel, monthLabel, weekLabel } from '../time/zone';
import { Facts } from './facts';
import type { Settings } from './settings';

/** The keys of the team's and the shop's rows among the agents' (no account is named so). */
export const TEAM = '\u0000team';
export const SHOP = '\u0000shop';

/** Who a record that may name an agent counts for: the agent and the team, and always the shop. */
export function named(agent: string | null): string[] {
  return agent === null ? [SHOP] : [agent, TEAM, SHOP];
}

/** Facts for every agent, the team and the shop, per period, plus the days each period has data on. */
export class Buckets {
  /** Every bucket, in the order made (one made while this is walked is walked too). */
  readonly all: { who: string; period: string; facts: Facts }[] = [];
  // By who, then period: looked up per consultation, without joining a key each time.
  private readonly byWho = new Map<string, Map<string, Facts>>();
  readonly periodLastDay = new Map<string, number>();
  readonly periodFirstDay = new Map<string, number>();
  /** Every agent any record names: the agents' rows. */
  readonly agents = new Set<string>();

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

  /**
   * What an agent's row compares with, once every record is in: the team's receptions and sales,
   * the headcount (agents with consultations) of the period, and the shop's sales (the silent
   * remainder). A team bucket made here is walked too.
   */
  shareTeamTotals(): void {
    const headcount = new Map<string, number>();
    for (const { who, period, facts: f } of this.all) {
      if (who !== TEAM && who !== SHOP && f.chats.consultations > 0)
        headcount.set(period, (headcount.get(period) ?? 0) + 1);
    }
    for (const { who, period, facts: f } of this.all) {
      const team = this.get(TEAM, period);
      f.teamReceptions = team.chats.receptions;
      f.headcount = headcount.get(period) ?? 0;
      f.teamSales = team.sales;
      if (who === SHOP) f.shopSales = f.sales;
    }
  }
}
