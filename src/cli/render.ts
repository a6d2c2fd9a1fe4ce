import Papa from 'papaparse';
import {
  INDICATOR_BY_ID,
  INDICATORS,
  indicatorName,
  type Naming,
  reportColumns,
  type Unit,
} from '../core/engine/catalog';
import { UNKNOWN_CURRENCY } from '../core/engine/currencies';
import type { Report, Row, RowValue } from '../core/engine/report';
import { proposals, SETTING_BY_ID } from '../core/engine/settings';
import type { ImportWarning } from '../core/import/warnings';
import { isWideChar } from '../core/lib/wideChars';
import { changeUnit, type PeriodChange } from '../core/payPeriod/previous';
import { sheetSafeText } from '../core/sheets/cells';
import { indicatorOfColumn } from '../core/sheets/lowSample';

/** What was read from each file, so every figure can be traced to its inputs. */
export interface ImportSummary {
  file: string;
  kind: string;
  dialect: string | null;
  encoding: string;
  rows: number;
  records: number;
  /** Rows that repeated one already read in the same file (same order and sub-order, or the same row). */
  duplicateRows: number;
  skipped: number;
  /** The zone the file's times were read in, where not --tz (given as FILE@ZONE). */
  timeZone?: string;
}

export interface CliReport {
  report: Report;
  warnings: ImportWarning[];
  imports: ImportSummary[];
  /** How long each step took, in order: where the time of a large report goes. */
  timings: Timing[];
  /** What the reader should know to read the figures right (printed on stderr, not in the output). */
  notes: string[];
  /** The change since the previous period, with --previous. */
  change?: PeriodChange;
}

export interface Timing {
  step: string;
  ms: number;
}

/** A function that runs a step and records how long it took in `timings`. */
export function stepTimer(timings: Timing[]) {
  return <T>(step: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    timings.push({ step, ms: performance.now() - started });
    return result;
  };
}

/**
 * Records as a step how long `work` took to settle: work under way elsewhere (a worker's part), or
 * asynchronous work started here (writing a workbook), as stepTimer does for work done at once.
 */
export async function timedWait<T>(
  timings: Timing[],
  step: string,
  work: Promise<T> | (() => Promise<T>),
): Promise<T> {
  const started = performance.now();
  const result = await (typeof work === 'function' ? work() : work);
  timings.push({ step, ms: performance.now() - started });
  return result;
}

/** `read chats.csv 512 ms, import chats.csv 2,904 ms, …`: one line for stderr. */
export function renderTimings(timings: readonly Timing[]): string {
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  const steps = timings.map((t) => `${t.step} ${Math.round(t.ms).toLocaleString('en')} ms`);
  return `cs-kpi: timings: ${steps.join(', ')}; ${Math.round(total).toLocaleString('en')} ms in all\n`;
}

/** The JSON of `--format json`: the report without the consultation list, plus the import warnings. */
export function toJson({ report, warnings, imports, change }: CliReport): string {
  const { consultations: _consultations, sampleSizes: _sizes, ...rest } = report;
  // What the recognized platforms usually measure, each with whether the report used it.
  const proposed = proposals(
    imports.map((i) => i.dialect),
    report.settings,
  );
  const json = change ? { ...withChange(rest, change), previous_period: previousPeriodJson(change) } : rest;
  return `${JSON.stringify({ ...json, imports, warnings, proposed }, null, 2)}\n`;
}

/** Each row with its `change` object (null for an agent new since the previous period). */
function withChange<T extends Pick<Report, 'agents' | 'team' | 'shop' | 'teamByPeriod' | 'shopByPeriod'>>(
  rows: T,
  change: PeriodChange,
): T {
  const agents = rows.agents.map((row) => ({ ...row, change: change.of(row, 'agent') }));
  const team = { ...rows.team, change: change.of(rows.team, 'team') };
  const shop = { ...rows.shop, change: change.of(rows.shop, 'shop') };
  const teamByPeriod = rows.teamByPeriod?.map((row) => ({ ...row, change: change.of(row, 'team') }));
  const shopByPeriod = rows.shopByPeriod?.map((row) => ({ ...row, change: change.of(row, 'shop') }));
  return {
    ...rows,
    agents,
    team,
    shop,
    ...(teamByPeriod ? { teamByPeriod } : {}),
    ...(shopByPeriod ? { shopByPeriod } : {}),
  } as unknown as T;
}

/** What the rows' `change` is against: the period, the unit of each change, who came and went, settings. */
function previousPeriodJson(change: PeriodChange) {
  const { period, closedAt } = change.previous;
  return {
    period,
    ...(closedAt ? { closed_at: closedAt } : {}),
    units: Object.fromEntries(INDICATORS.map((i) => [i.id, changeUnit(i.unit)])),
    new_agents: change.newAgents,
    gone_agents: change.goneAgents,
    settings_changed: change.settingsChanged.map((s) => ({
      setting: s.id,
      flag: SETTING_BY_ID.get(s.id)?.flag,
      previous: s.previous,
      current: s.current,
    })),
  };
}

/** A change as the table shows it: signed, a rate's in percentage points (+2.6pp). */
export function formatChange(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  const sign = value > 0 ? '+' : '';
  switch (unit) {
    case 'ratio':
      return `${sign}${value.toFixed(1)}pp`;
    case 'seconds':
      return `${sign}${value.toFixed(1)}`;
    case 'money':
      return `${sign}${value.toFixed(2)}`;
    default:
      return sign + (Number.isInteger(value) ? String(value) : value.toFixed(2));
  }
}

/**
 * What the change is against, for stderr and below the table: the period, and the agents and settings
 * that differ from it.
 */
export function previousLines(change: PeriodChange): string[] {
  const { period, closedAt } = change.previous;
  const lines = [
    `较上期 change: this period − ${period}${closedAt ? ` (closed ${closedAt})` : ''}; rates in percentage points (pp)`,
  ];
  if (change.newAgents.length > 0) lines.push(`new since ${period}: ${change.newAgents.join(', ')}`);
  if (change.goneAgents.length > 0)
    lines.push(`in ${period}, not in this period: ${change.goneAgents.join(', ')}`);
  for (const s of change.settingsChanged) {
    const flag = SETTING_BY_ID.get(s.id)?.flag ?? s.id;
    lines.push(
      `settings differ: ${flag} was ${s.previous || '(none)'} in ${period}, is ${s.current || '(none)'} now; the change reflects both the work and the setting`,
    );
  }
  return lines;
}

const COLUMNS = reportColumns('zh-CN');

/** The columns of a row, in catalog order, with each duration's median and 90th percentile beside it. */
export function columnIds(): string[] {
  return COLUMNS.map((c) => c.id);
}

function unitOf(column: string): Unit {
  return COLUMNS.find((c) => c.id === column)?.unit ?? 'count';
}

export function formatValue(value: RowValue, unit: Unit): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'seconds':
      return value.toFixed(1);
    case 'money':
      return value.toFixed(2);
    case 'score':
      return value.toFixed(2);
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWideChar(ch) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

function label(column: string, naming: Naming): string {
  const id = indicatorOfColumn(column);
  const indicator = INDICATORS.find((i) => i.id === id);
  const name = indicator ? indicatorName(indicator, 'zh-CN', naming) : column;
  if (column.endsWith('_median')) return `  中位数 median`;
  if (column.endsWith('_p90')) return `  90分位 p90`;
  return name;
}

/** A terminal's width when none is known (piped, or written to a file). */
export const TABLE_WIDTH = 80;
const GAP = '  ';

/**
 * Indicators down, agents across (then 团队 and 店铺): eight agents fit a terminal, thirty indicators
 * would not. Agents that do not fit `width` columns go on to the next block, the indicator names
 * repeated, as many agents a block as fit (one, when names or figures are long). With periods, one
 * group of blocks per period. The rows refused are listed on stderr, as for every format.
 */
export function toTable({ report, change }: CliReport, width = TABLE_WIDTH): string {
  const blocks: string[] = [];
  const byPeriod = new Map<string, Row[]>();
  for (const row of report.agents) {
    const period = String(row.period ?? 'all');
    byPeriod.set(period, [...(byPeriod.get(period) ?? []), row]);
  }
  if (byPeriod.size === 0) byPeriod.set('all', []);
  for (const [period, rows] of byPeriod) {
    const team = report.teamByPeriod?.find((r) => r.period === period) ?? report.team;
    const shop = report.shopByPeriod?.find((r) => r.period === period) ?? report.shop;
    // With --previous, each indicator's change on the line below its figure.
    const lines = columnIds().flatMap((id) => {
      const own = { name: label(id, report.settings), id, change: false };
      return change && INDICATOR_BY_ID.has(id) ? [own, { name: '  较上期 change', id, change: true }] : [own];
    });
    const names = ['指标', ...lines.map((l) => l.name)];
    const nameWidth = Math.max(...names.map(displayWidth));
    const columns = [
      ...rows.map((r) => [String(r.agent), r, 'agent'] as const),
      ['团队', team, 'team'] as const,
      ['店铺', shop, 'shop'] as const,
    ].map(([head, row, level]) => {
      const flagged = (id: string) => (row.low_sample?.includes(id) ? '*' : '');
      const changes = change?.of(row, level);
      const cell = (l: (typeof lines)[number]) =>
        l.change
          ? formatChange(changes?.[l.id] ?? null, unitOf(l.id))
          : formatValue(row[l.id] ?? null, unitOf(l.id)) + flagged(l.id);
      const cells = [head, ...lines.map(cell)];
      return { cells, width: Math.max(...cells.map(displayWidth)) };
    });
    const title =
      period === 'all'
        ? `客服绩效 ${report.period.from ?? ''} – ${report.period.to ?? ''}`
        : `客服绩效 ${period}`;
    // Columns go into a block while they fit beside the names; a block has at least one.
    const groups: (typeof columns)[] = [];
    let used = nameWidth;
    for (const column of columns) {
      const last = groups.at(-1);
      if (last && used + GAP.length + column.width <= width) {
        last.push(column);
        used += GAP.length + column.width;
      } else {
        groups.push([column]);
        used = nameWidth + GAP.length + column.width;
      }
    }
    groups.forEach((group, g) => {
      const lines = names.map((name, i) =>
        [pad(name, nameWidth), ...group.map((c) => pad(c.cells[i] ?? '', c.width, true))].join(GAP).trimEnd(),
      );
      const heading = groups.length > 1 ? `${title} (${g + 1}/${groups.length})` : title;
      blocks.push([heading, ...lines].join('\n'));
    });
  }
  const rows = [report.team, report.shop, ...report.agents, ...(report.teamByPeriod ?? [])];
  if ([...rows, ...(report.shopByPeriod ?? [])].some((row) => (row.low_sample ?? []).length > 0))
    blocks.push(
      `* 样本不足 low sample: fewer than ${report.settings.minSample} cases (--min-sample); shown, not hidden`,
    );
  if (change) blocks.push(previousLines(change).join('\n'));
  // Several currencies: each one's money figures, never added together (the blocks above show —).
  for (const own of report.byCurrency ?? []) {
    const name = own.currency === UNKNOWN_CURRENCY ? '币种未注明 currency not stated' : own.currency;
    const ids = columnIds().filter((id) => id in own.team);
    const rows: [string, Row][] = [
      ...own.agents.map((r): [string, Row] => [`${r.agent}${r.period ? ` ${r.period}` : ''}`, r]),
      ['团队', own.team],
      ['店铺', own.shop],
    ];
    blocks.push(
      [
        `${name}（${own.orders} 笔订单 orders）`,
        ...rows.map(
          ([who, r]) =>
            `${who}: ${ids.map((id) => `${label(id, report.settings)} ${formatValue(r[id] ?? null, unitOf(id))}`).join('  ')}`,
        ),
      ].join('\n'),
    );
  }
  if (report.byCurrency)
    blocks.push(
      `订单有 ${report.byCurrency.length} 种币种：金额类指标按币种分列，从不相加；给 --rates FILE 可折算为一种币种。\nOrders in ${report.byCurrency.length} currencies: money figures per currency, never added; --rates FILE converts them into one.`,
    );
  if (report.conversion)
    blocks.push(
      `金额已折算为 ${report.conversion.to} amounts in ${report.conversion.to}, at: ${report.conversion.rates
        .map((r) => `${r.currency} ${r.period} × ${r.rate} (${r.orders} orders)`)
        .join('; ')}`,
    );
  return `${blocks.join('\n\n')}\n`;
}

/** Text that a spreadsheet would read as a formula is written with a leading apostrophe. */
function safeCell(value: RowValue): RowValue {
  return typeof value === 'string' ? sheetSafeText(value) : value;
}

/**
 * One row per agent (and period), then the team and the shop. Orders in several currencies add a
 * `currency` column: the main rows leave it and their money figures empty, and each currency's rows
 * follow, its code in that column and only its money figures, so a CSV reader never gets a sum of two
 * currencies and still gets every currency's figures.
 */
export function toCsv({ report, change }: CliReport): string {
  // With --previous, each indicator's change in a column <id>_change right of it.
  const figures = columnIds().flatMap((id) =>
    change && INDICATOR_BY_ID.has(id) ? [id, `${id}_change`] : [id],
  );
  const byPeriod = report.settings.period !== 'all';
  const currencies = report.byCurrency ?? [];
  const columns = [
    'level',
    'agent',
    ...(byPeriod ? ['period'] : []),
    ...(currencies.length > 0 ? ['currency'] : []),
    ...figures,
  ];
  const overall = byPeriod ? 'all' : undefined;
  type Line = { level: string; row: Row; period?: string; currency?: string };
  const linesOf = (
    own: Pick<Report, 'agents' | 'team' | 'shop' | 'teamByPeriod' | 'shopByPeriod'>,
    currency?: string,
  ): Line[] =>
    [
      ...own.agents.map((row): Line => ({ level: 'agent', row })),
      ...(own.teamByPeriod ?? []).map((row): Line => ({ level: 'team', row })),
      ...(own.shopByPeriod ?? []).map((row): Line => ({ level: 'shop', row })),
      { level: 'team', row: own.team, ...(overall ? { period: overall } : {}) },
      { level: 'shop', row: own.shop, ...(overall ? { period: overall } : {}) },
    ].map((line) => (currency === undefined ? line : { ...line, currency }));
  const lines = [...linesOf(report), ...currencies.flatMap((own) => linesOf(own, own.currency))];
  const changeOf = (c: string, level: string, r: Row) =>
    change?.of(r, level as 'agent')?.[c.slice(0, -'_change'.length)] ?? null;
  const cell = (c: string, { level, row, period, currency }: Line) => {
    if (c === 'level') return level;
    if (c === 'period' && period) return period;
    if (c === 'currency') return currency ?? null;
    // A currency's own rows carry only its money figures (the others are the main rows').
    if (currency !== undefined && !(c in row)) return null;
    return c.endsWith('_change') ? changeOf(c, level, row) : safeCell(row[c] ?? null);
  };
  // The flagged ids last, space separated: one cell, as the JSON's list is one key.
  const data = lines.map((line) => [
    ...columns.map((c) => cell(c, line)),
    (line.row.low_sample ?? []).join(' '),
  ]);
  return `${Papa.unparse({ fields: [...columns, 'low_sample'], data })}\n`;
}
