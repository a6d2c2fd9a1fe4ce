import {
  INDICATOR_BY_ID,
  indicatorName,
  indicatorOfName,
  type Language,
  type Naming,
  reportColumns,
} from '../engine/catalog';
import type { Row } from '../engine/report';
import { lazy } from '../lib/lazy';
import { APPEAL_COLUMNS, APPEALS_ROWS, APPEALS_TAB, DECISIONS } from '../payPeriod/appeals';
import { changeHeader, type PreviousPay } from '../payPeriod/previous';
import { columnLetter } from './a1';
import { type FlagOf, isLowSampleNote } from './lowSample';
import { CHANGE_FORMATS, NUMBER_FORMATS, TEXT_FORMAT } from './numberFormats';
import {
  ITEM_COLUMNS,
  PAY_OPTION_COLUMN,
  PAY_VALUE_COLUMN,
  type SchemeLayout,
  SETTINGS_TAB,
  type SettingsBook,
  schemeOf,
  settingsRef,
} from './settingsTab';
import type { CellNote, FlaggedCell, Tab, TabCell } from './tabModel';

export const SCORECARD_TAB = '绩效';

const appealRange = (column: string) => `'${APPEALS_TAB}'!$${column}$2:$${column}$${APPEALS_ROWS}`;
const textLiteral = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * A figure of 绩效 that an accepted appeal overrides: the appeals of this agent (EXACT: names are
 * case-sensitive, and never read as criteria the way COUNTIFS would read "=1+1" or "小*"), period and
 * indicator (as the column's header names it) marked accepted. None: the imported figure; one: its
 * corrected figure; more than one: #N/A, which a manager must resolve in 申诉.
 */
function appealed(figure: number | null, row: number, column: string, period: string): string {
  const match = [
    `EXACT(${appealRange(APPEAL_COLUMNS.agent)},$A${row})`,
    `(${appealRange(APPEAL_COLUMNS.period)}=${textLiteral(period)})`,
    `(${appealRange(APPEAL_COLUMNS.indicator)}=${column}$1)`,
    `(${appealRange(APPEAL_COLUMNS.decision)}=${textLiteral(DECISIONS.accepted)})`,
  ].join('*');
  const own = figure === null ? '""' : String(figure);
  return `IF(SUMPRODUCT(${match})=0,${own},IF(SUMPRODUCT(${match})=1,SUMPRODUCT(${match}*${appealRange(APPEAL_COLUMNS.figure)}),NA()))`;
}

/** Nested IF of a step tier, reading thresholds and points from 设置: works in every spreadsheet. */
function nativeTier(value: string, row: number, better: 'higher' | 'lower'): string {
  const [t1, t2, t3] = ITEM_COLUMNS.thresholds.map((c) => settingsRef(c, row));
  const [p1, p2, p3] = ITEM_COLUMNS.points.map((c) => settingsRef(c, row));
  return better === 'higher'
    ? `IF(${value}="","",IF(${value}>=${t3},${p3},IF(${value}>=${t2},${p2},IF(${value}>=${t1},${p1},0))))`
    : `IF(${value}="","",IF(${value}<=${t1},${p1},IF(${value}<=${t2},${p2},IF(${value}<=${t3},${p3},0))))`;
}

function addonTier(value: string, row: number, better: 'higher' | 'lower'): string {
  const [t1, , t3] = ITEM_COLUMNS.thresholds;
  const [p1, , p3] = ITEM_COLUMNS.points;
  const range = (from: string, to: string) => `'${SETTINGS_TAB}'!$${from}$${row}:$${to}$${row}`;
  return `IF(${value}="","",TIER_SCORE(${value},${range(t1, t3)},${range(p1, p3)},"${better}"))`;
}

/** The indicators of every scheme, each once, in the order 设置 lists them. */
export function scorecardIndicators(book: SettingsBook): string[] {
  const ids: string[] = [];
  for (const layout of book.schemes)
    for (const item of layout.scheme.items) if (!ids.includes(item.id)) ids.push(item.id);
  return ids;
}

/**
 * The scorecard: per agent, the agent's scheme, each indicator's value and tier score (blank where
 * the scheme does not score it), the weighted total, the full marks and the pay. Every figure is a
 * formula over 设置, so editing a tier, weight or pay there recalculates it. `native` formulas work
 * in any spreadsheet program; `addon` ones use TIER_SCORE, WEIGHTED_SCORE and PERFORMANCE_PAY.
 */
export const SCORECARD_WORDS: Record<
  Language,
  { agent: string; scheme: string; score: string; totals: [string, string, string] }
> = {
  'zh-CN': { agent: '客服', scheme: '方案', score: '得分', totals: ['加权得分', '满分', '绩效工资'] },
  'zh-TW': { agent: '客服', scheme: '方案', score: '得分', totals: ['加權得分', '滿分', '績效工資'] },
  en: {
    agent: 'Agent',
    scheme: 'Scheme',
    score: 'score',
    totals: ['Weighted score', 'Full marks', 'Performance pay'],
  },
};

/**
 * 绩效's change columns: each agent's scores, total and pay of the previous closed period, which a
 * column right of each score, of the total and of the pay compares with (本期 − 上期).
 */
export interface ScorecardPrevious {
  period: string;
  closedAt?: string;
  /** 'paid': the rows 发放记录 holds; 'scored': an earlier report's figures scored by this 设置. */
  basis: 'paid' | 'scored';
  /** By agent, as the report names them. */
  pay: ReadonlyMap<string, PreviousPay>;
}

/** The note on 绩效's change headers: against what, readable without the docs. */
function previousNote(previous: ScorecardPrevious): string {
  const closed = previous.closedAt ? `（结算于 ${previous.closedAt}）` : '';
  const closedEn = previous.closedAt ? ` (closed ${previous.closedAt})` : '';
  return previous.basis === 'paid'
    ? `本期 − 上期 ${previous.period}${closed}：${PAY_RECORD_WORDS.zh}。This − previous ${previous.period}${closedEn}: ${PAY_RECORD_WORDS.en}.`
    : `本期 − 上期 ${previous.period}：上期的数字按本表「设置」计分。This − previous ${previous.period}: its figures scored by this 设置.`;
}

const PAY_RECORD_WORDS = {
  zh: '发放记录中该客服已结算的得分、加权得分与绩效工资；上期没有该客服或该项没有得分则空',
  en: "that agent's closed row in 发放记录; empty where it has none",
};

/** `cell` minus a number, empty while the cell is: a change that follows 设置 and 申诉 as the cell does. */
function minus(cell: string, before: number | null | undefined): TabCell {
  if (typeof before !== 'number') return null;
  return { formula: `IF(${cell}="","",${cell}-${before < 0 ? `(${before})` : before})` };
}

export function scorecardTab(
  agents: readonly Row[],
  book: SettingsBook,
  formulas: 'native' | 'addon',
  language: Language = 'zh-CN',
  /** The settings the names say (30秒应答率 or 3分钟应答率): the report's, or those its tabs were named by. */
  naming?: Naming,
  /** The note of each low-sample figure: greyed, and unscored where the scheme says so in 设置. */
  flagOf: FlagOf = () => null,
  /**
   * The period of the figures, when the spreadsheet has a 申诉 tab: each figure is then a formula that
   * takes the corrected figure of an accepted appeal of that agent, period and indicator (appealed).
   */
  appealsPeriod?: string,
  /** The previous period's pay: a change column right of each score, the total and the pay. */
  previous?: ScorecardPrevious,
): Tab {
  const ids = scorecardIndicators(book);
  // Columns from C: per indicator its figure and score (and the score's change); then the total (and
  // its change), the full marks, the pay (and its change).
  const step = previous ? 3 : 2;
  const valueIndex = (k: number) => 2 + k * step;
  const valueColumn = (k: number) => columnLetter(valueIndex(k) + 1);
  const scoreColumn = (k: number) => columnLetter(valueIndex(k) + 2);
  const totalIndex = valueIndex(ids.length);
  const totalColumn = columnLetter(totalIndex + 1);
  const fullIndex = totalIndex + (previous ? 2 : 1);
  const fullColumn = columnLetter(fullIndex + 1);
  const payColumn = columnLetter(fullIndex + 2);
  const words = SCORECARD_WORDS[language];
  const header: TabCell[] = [words.agent, words.scheme];
  const formats: (string | null)[] = [TEXT_FORMAT, TEXT_FORMAT];
  const changeOf = (name: string) => changeHeader(name, 'count', language);
  const changeColumns: number[] = [];
  const pushChange = (name: string, format: string) => {
    changeColumns.push(header.length);
    header.push(changeOf(name));
    formats.push(format);
  };
  for (const id of ids) {
    const indicator = INDICATOR_BY_ID.get(id);
    const name = indicator ? indicatorName(indicator, language, naming) : id;
    header.push(name, `${name} ${words.score}`);
    formats.push(NUMBER_FORMATS[indicator?.unit ?? 'count'], '0');
    if (previous) pushChange(`${name} ${words.score}`, CHANGE_FORMATS.count);
  }
  const [totalName, fullName, payName] = words.totals as [string, string, string];
  header.push(totalName);
  formats.push('0');
  if (previous) pushChange(totalName, CHANGE_FORMATS.count);
  header.push(fullName, payName);
  formats.push('0', '#,##0.00');
  if (previous) pushChange(payName, CHANGE_FORMATS.money);
  const rows: TabCell[][] = [header];
  const flagged: FlaggedCell[] = [];
  agents.forEach((agent, a) => {
    const r = a + 2;
    const layout: SchemeLayout = schemeOf(book, String(agent.agent));
    const before = previous?.pay.get(String(agent.agent));
    const cells: TabCell[] = [String(agent.agent), layout.scheme.name];
    const scores: string[] = [];
    const weights: string[] = [];
    const maxima: string[] = [];
    ids.forEach((id, k) => {
      const i = layout.scheme.items.findIndex((item) => item.id === id);
      const item = layout.scheme.items[i];
      if (!item) {
        cells.push(null, null);
        if (previous) cells.push(null);
        return;
      }
      const row = layout.itemRows[i] as number;
      const value = `${valueColumn(k)}${r}`;
      const tier = (formulas === 'native' ? nativeTier : addonTier)(value, row, item.better);
      const note = agent[id] === null || agent[id] === undefined ? null : flagOf(agent, id);
      if (note !== null) flagged.push({ row: r - 1, column: valueIndex(k), note });
      // A low-sample figure scores unless its scheme's 样本不足不计分 is TRUE (a boolean, or the text a
      // plain-text cell holds): then its score is blank, which leaves it out of both the total and the
      // full marks, as any blank score is.
      const option = settingsRef(PAY_OPTION_COLUMN, layout.payRow);
      const leaveOut = `OR(${option}=TRUE,${option}="TRUE")`;
      const figure = (agent[id] as number | null) ?? null;
      cells.push(
        appealsPeriod === undefined
          ? figure
          : { formula: appealed(figure, r, valueColumn(k), appealsPeriod) },
        {
          formula: note === null ? tier : `IF(${leaveOut},"",${tier})`,
        },
      );
      if (previous) cells.push(minus(`${scoreColumn(k)}${r}`, before?.scores[id]));
      scores.push(`${scoreColumn(k)}${r}`);
      weights.push(settingsRef(ITEM_COLUMNS.weight, row));
      maxima.push(settingsRef(ITEM_COLUMNS.maxPoints, row));
    });
    const fullPay = settingsRef(PAY_VALUE_COLUMN, layout.payRow);
    // An indicator without a score is left out of both the total and the full marks (as PERFORMANCE_PAY does).
    const sum = (factor: (j: number) => string) =>
      scores.length === 0
        ? '0'
        : scores.map((score, j) => `IF(${score}="",0,${factor(j)}*${weights[j]})`).join('+');
    const full = sum((j) => maxima[j] as string);
    // Array literals of single cells: a scheme's rows in 设置 need not be next to each other.
    const list = (cellsOf: string[]) => `{${cellsOf.join(',')}}`;
    cells.push({
      formula:
        formulas === 'native'
          ? sum((j) => scores[j] as string)
          : `WEIGHTED_SCORE(${list(scores)},${list(weights)})`,
    });
    if (previous) cells.push(minus(`${totalColumn}${r}`, before?.total));
    cells.push(
      { formula: full },
      {
        formula:
          formulas === 'native'
            ? `IF(${fullColumn}${r}=0,"",${fullPay}*${totalColumn}${r}/${fullColumn}${r})`
            : `PERFORMANCE_PAY(${fullPay},${list(scores)},${list(weights)},${list(maxima)})`,
      },
    );
    if (previous) cells.push(minus(`${payColumn}${r}`, before?.pay));
    rows.push(cells);
  });
  const notes: CellNote[] = previous
    ? changeColumns.map((column) => ({ row: 0, column, note: previousNote(previous) }))
    : [];
  const last = agents.length + 1;
  const chart = {
    title: '各指标得分 Scores per agent',
    ranges: [`A1:A${last}`, ...ids.map((_, k) => `${scoreColumn(k)}1:${scoreColumn(k)}${last}`)],
    anchor: [1, header.length + 2] as [number, number],
  };
  return {
    name: SCORECARD_TAB,
    rows,
    formats,
    flagged,
    ...(notes.length > 0 ? { notes } : {}),
    frozenRows: 1,
    frozenColumns: 1,
    conditional: [],
    charts: agents.length > 0 && ids.length > 0 ? [chart] : [],
  };
}

const idByHeader = lazy(
  () =>
    new Map(
      (['zh-CN', 'zh-TW', 'en'] as const).flatMap((language) =>
        reportColumns(language).map((c) => [c.header, c.id] as const),
      ),
    ),
);

/**
 * The indicator id of an indicator tab's column header, in any of the catalog's languages and under
 * any settings (60秒应答率), with the settings such a name says.
 */
export function idOfHeader(header: unknown): { id: string; naming?: Partial<Naming> } | null {
  const text = String(header ?? '').trim();
  const id = idByHeader().get(text);
  return indicatorOfName(text) ?? (id ? { id } : null);
}

/** An indicator tab as the add-on wrote it: what "recompute from the settings" reads back. */
export interface IndicatorTabContent {
  /** The indicator id of each column from B on ('' where a header is not an indicator). */
  columnIds: string[];
  /** The agents' rows in order, from row 2 (the team and shop rows below them left out). */
  agents: Row[];
  /** The settings its headers say (fast_reply_seconds in 3分钟应答率), for the scorecard's names. */
  naming: Partial<Naming>;
  /** The low-sample notes of the agents' figures, by agent and indicator id (from the cells' notes). */
  flags: Map<string, Map<string, string>>;
}

export function readIndicatorTab(
  cells: readonly (readonly unknown[])[],
  /** The cells' notes (Range.getNotes), where the low-sample figures say so. */
  notes: readonly (readonly unknown[])[] = [],
): IndicatorTabContent {
  const [header = [], ...rest] = cells;
  const found = header.slice(1).map(idOfHeader);
  const columnIds = found.map((f) => f?.id ?? '');
  const naming = Object.assign({}, ...found.map((f) => f?.naming ?? {})) as Partial<Naming>;
  // The last two rows are the team and the shop, whatever their labels' language.
  const flags = new Map<string, Map<string, string>>();
  const agents = rest.slice(0, Math.max(rest.length - 2, 0)).map((line, r) => {
    const row: Row = { agent: String(line[0] ?? '').trim() };
    columnIds.forEach((id, c) => {
      if (id === '') return;
      const value = line[c + 1];
      row[id] = typeof value === 'number' && Number.isFinite(value) ? value : null;
      const note = notes[r + 1]?.[c + 1];
      if (isLowSampleNote(note)) {
        const own = flags.get(String(row.agent)) ?? new Map<string, string>();
        own.set(id, String(note));
        flags.set(String(row.agent), own);
      }
    });
    return row;
  });
  return { columnIds, agents, naming, flags };
}

/** The low-sample notes read back from the indicator tabs, for the scorecard they rebuild. */
export function flagsOfTabs(tabs: readonly IndicatorTabContent[]): FlagOf {
  return (row, id) => {
    for (const tab of tabs) {
      const note = tab.flags.get(String(row.agent))?.get(id);
      if (note !== undefined) return note;
    }
    return null;
  };
}

/** Each agent's figures merged across the indicator tabs, in order of first appearance. */
export function mergeAgentRows(tabs: readonly IndicatorTabContent[]): Row[] {
  const byAgent = new Map<string, Row>();
  for (const tab of tabs) {
    for (const row of tab.agents) {
      if (row.agent === '') continue;
      byAgent.set(String(row.agent), { ...byAgent.get(String(row.agent)), ...row });
    }
  }
  return [...byAgent.values()];
}
