import { lazy } from '../lib/lazy';
import { nameComparer } from '../lib/nameOrder';
import { dayLabel } from '../time/zone';
import { type Buckets, SHOP, TEAM } from './buckets';
import { INDICATORS, type Indicator, indicatorValue, type Level } from './catalog';
import type { Facts, Source } from './facts';
import type { Settings } from './settings';
import { distribution } from './stats';

export type RowValue = string | number | null;
/**
 * A row's figures by indicator id, its agent and period, and `low_sample`: the ids of its figures over
 * fewer cases than min_sample (always present on a report's rows, possibly empty).
 */
export type Row = { [id: string]: RowValue } & { low_sample?: readonly string[] };

/** The rows of a report: agents (per period), team and shop, and the days the report covers. */
export interface ReportRows {
  period: { unit: Settings['period']; from: string | null; to: string | null };
  agents: Row[];
  team: Row;
  shop: Row;
  /**
   * The cases behind each flagged figure of a row (low_sample), for the tabs' notes ("样本不足：2 < 5").
   * Not part of the JSON, which lists the ids.
   */
  sampleSizes: Map<Row, Readonly<Record<string, number>>>;
  /** With a period other than `all`: the team and shop rows of each period. */
  teamByPeriod?: Row[];
  shopByPeriod?: Row[];
}

const byName = lazy(() => nameComparer());

/** SPEC §6: a figure over fewer of its row's cases than min_sample is flagged, never hidden. */
export function isLowSample(indicator: Indicator, facts: Facts, minSample: number): boolean {
  return indicator.denominator !== undefined && indicator.denominator(facts) < minSample;
}

/** Every indicator of every bucket, agents sorted by name, with each duration's median and p90. */
export function reportRows(
  buckets: Buckets,
  settings: Settings,
  sources: Readonly<Record<Source, boolean>>,
): ReportRows {
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
  const sampleSizes = new Map<Row, Record<string, number>>();
  const rowOf = (who: string, period: string, level: Level): Row => {
    const facts = buckets.get(who, period);
    const row: Row = {};
    if (level === 'agent') row.agent = who;
    if (settings.period !== 'all') row.period = period;
    const lowSample: string[] = [];
    for (const indicator of INDICATORS) {
      const value = indicatorValue(indicator, facts, level, sources);
      row[indicator.id] = value;
      if (value !== null && isLowSample(indicator, facts, settings.minSample)) {
        lowSample.push(indicator.id);
        const sizes = sampleSizes.get(row) ?? {};
        sizes[indicator.id] = indicator.denominator?.(facts) ?? 0;
        sampleSizes.set(row, sizes);
      }
      if (indicator.samples) {
        const { median, p90 } = value === null ? distribution([]) : distributionOf(indicator.samples(facts));
        row[`${indicator.id}_median`] = median;
        row[`${indicator.id}_p90`] = p90;
      }
    }
    row.low_sample = lowSample;
    return row;
  };

  const periods = [...buckets.periodLastDay.keys()].filter((p) => p !== 'all').sort();
  const agentNames = [...buckets.agents].sort(byName());
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
  const rows: ReportRows = {
    period: { unit: settings.period, from, to },
    agents: agentRows,
    team: overall(TEAM, 'team'),
    shop: overall(SHOP, 'shop'),
    sampleSizes,
  };
  if (settings.period !== 'all') {
    rows.teamByPeriod = periods.map((p) => rowOf(TEAM, p, 'team'));
    rows.shopByPeriod = periods.map((p) => rowOf(SHOP, p, 'shop'));
  }
  return rows;
}
