import { INDICATORS } from '../engine/catalog';
import type { Row } from '../engine/report';
import { SETTING_BY_ID, type Settings } from '../engine/settings';
import type { Figures, PreviousFigures } from './previous';

/**
 * The previous period refused: a file that is no usable JSON report, or a comparison it cannot make.
 * The message says what to do.
 */
export class PreviousPeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreviousPeriodError';
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An earlier period's figures from the JSON `cs-kpi report --format json` printed (PreviousFigures):
 * its agents', team's and shop's figures and its settings. Refused, with the file and what is wrong:
 * text that is no such report, a figure that is not a number, an agent twice, and a report of several
 * periods (which of them is "previous" would be a guess). A figure the report does not have (an
 * indicator added since) is empty, so it has no change.
 */
export function previousFromReport(text: string, file: string): PreviousFigures {
  const refuse = (what: string): never => {
    throw new PreviousPeriodError(
      `${file} ${what}. --previous takes the JSON report of the earlier period, as \`cs-kpi report --format json --out FILE\` writes it.`,
    );
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    const start = text.trim().split('\n')[0]?.slice(0, 40) ?? '';
    return refuse(`is not JSON: it begins "${start}" (a table or CSV report?)`);
  }
  if (!isObject(parsed)) return refuse('is JSON, but not a report (no object at its top)');
  const report = parsed;
  for (const key of ['settings', 'period', 'team', 'shop'])
    if (!isObject(report[key])) refuse(`is not a report: it has no "${key}" object`);
  if (!Array.isArray(report.agents)) refuse('is not a report: it has no "agents" list');
  const settings = report.settings as Json;
  const agents = report.agents as unknown[];

  const figuresOf = (row: unknown, where: string): Figures => {
    if (!isObject(row)) return refuse(`is not a report: ${where} is not an object`);
    const figures: Record<string, number | null> = {};
    for (const { id } of INDICATORS) {
      const value = row[id];
      if (value === undefined || value === null) figures[id] = null;
      else if (typeof value === 'number' && Number.isFinite(value)) figures[id] = value;
      else
        refuse(
          `has ${where} "${id}" ${JSON.stringify(value)}, not a number or null: correct or rewrite the file`,
        );
    }
    return figures;
  };

  const periods = [...new Set(agents.map((row) => (isObject(row) ? row.period : undefined)))].filter(
    (p): p is string => typeof p === 'string',
  );
  if (periods.length > 1)
    refuse(
      `holds ${periods.length} periods (${periods.slice(0, 3).join(', ')}${periods.length > 3 ? ', …' : ''}); which one is the previous period would be a guess. Run the earlier report for one period (--period all over that period's exports)`,
    );
  const range = report.period as Json;
  const [only] = periods;
  const period =
    only ??
    (typeof range.from === 'string' && typeof range.to === 'string' ? `${range.from} – ${range.to}` : null);
  if (agents.length === 0 || period === null)
    refuse('holds no agent figures (a report of exports with no rows?): nothing to compare with');

  const rows: PreviousFigures['rows'] = [];
  const seen = new Set<string>();
  agents.forEach((row, i) => {
    const agent = isObject(row) ? row.agent : undefined;
    if (typeof agent !== 'string' || agent === '') refuse(`is not a report: agents[${i}] has no agent name`);
    if (seen.has(agent as string)) refuse(`has the agent "${agent}" twice`);
    seen.add(agent as string);
    rows.push({ agent: agent as string, figures: figuresOf(row, `agents[${i}] (${agent})`) });
  });
  // One period of a report by day, week or month: that period's team and shop rows.
  const byPeriod = (key: string) =>
    (Array.isArray(report[key]) ? (report[key] as unknown[]) : []).find(
      (r) => isObject(r) && r.period === only,
    );
  const known = Object.fromEntries(Object.entries(settings).filter(([id]) => SETTING_BY_ID.has(id as never)));
  return {
    period: period as string,
    rows,
    team: figuresOf(only ? (byPeriod('teamByPeriod') ?? report.team) : report.team, 'team'),
    shop: figuresOf(only ? (byPeriod('shopByPeriod') ?? report.shop) : report.shop, 'shop'),
    settings: known as Partial<Settings>,
  };
}

/**
 * Today's report is compared with the previous period only when it is one period: under --period
 * day, week or month with several, each would be compared with the same earlier figures.
 */
export function refuseSeveralPeriods(agents: readonly Row[]): void {
  const periods = [...new Set(agents.map((row) => row.period).filter((p) => typeof p === 'string'))];
  if (periods.length > 1)
    throw new PreviousPeriodError(
      `--previous compares one period with the one before it, and this report has ${periods.length} periods (${periods.slice(0, 3).join(', ')}${periods.length > 3 ? ', …' : ''}): report one period (--period all over its exports) to compare it.`,
    );
}
