import { type Group, INDICATOR_BY_ID, type Language, type Level, reportColumns } from '../engine/catalog';
import type { Consultation } from '../engine/consultations';
import type { Report, Row } from '../engine/report';
import { ROW_LABELS } from '../engine/rowLabels';
import { DEFAULT_SCHEME } from '../engine/scheme';
import { periodLabel } from '../payPeriod/payRecord';
import {
  changeHeader,
  compareWithPrevious,
  type PeriodChange,
  type PreviousFigures,
} from '../payPeriod/previous';
import { scorecardPrevious } from '../payPeriod/previousPay';
import { localMs } from '../time/zone';
import { columnLetter } from './a1';
import { columnWidths } from './columnWidths';
import { type FlagOf, flaggedCells, indicatorOfColumn, lowSampleNote } from './lowSample';
import { CHANGE_FORMATS, DATE_TIME_FORMAT, NUMBER_FORMATS, TEXT_FORMAT } from './numberFormats';
import { scorecardTab } from './scorecard';
import {
  ITEM_COLUMNS,
  readSettingsBook,
  SETTINGS_TAB,
  SETTINGS_WIDTH,
  type SettingsBook,
  schemeOf,
  settingsIndirect,
  settingsRows,
} from './settingsTab';
import type { CellNote, ConditionalRule, NoteWords, Tab, TabCell } from './tabModel';

export { columnLetter } from './a1';
export { NUMBER_FORMATS, TEXT_FORMAT } from './numberFormats';
export type { CellNote, ChartSpec, ConditionalRule, NoteWords, Tab, TabCell } from './tabModel';

/**
 * The tabs the product writes, as plain data: the add-on writes them with setValues, the command
 * line as an .xlsx. One definition, so both show the same headers, formats and formulas.
 */

export const TAB_NAMES = {
  service: '服务指标',
  sales: '销售指标',
  after_sales: '售后指标',
  detail: '咨询明细',
  scorecard: '绩效',
  settings: SETTINGS_TAB,
} as const;

/** The tab of the rates a converted report used (written only for such a report). */
export const RATES_USED_TAB = '所用汇率';

/** The currency of a tab of money figures per currency (销售指标 TWD), or null for any other tab. */
export function currencyOfTab(name: string): string | null {
  const prefix = `${TAB_NAMES.sales} `;
  const code = name.startsWith(prefix) ? name.slice(prefix.length) : '';
  return /^(?:[A-Z]{3}|\?)$/.test(code) ? code : null;
}

/**
 * The tabs an import of the indicator tabs leaves from the one before: its per-currency tabs and its
 * 所用汇率, when this import has none of them (its orders in one currency, or converted, or none). They
 * would show figures of other orders beside this import's.
 */
export function formerCurrencyTabs(existing: readonly string[], written: readonly string[]): string[] {
  if (!written.includes(TAB_NAMES.sales)) return [];
  return existing.filter(
    (name) => (name === RATES_USED_TAB || currencyOfTab(name) !== null) && !written.includes(name),
  );
}

/**
 * Agents colored against their scheme's targets in 设置: green where they meet them, red where they
 * miss. `columnIds` are the tab's indicator ids from column B on; agents fill rows 2 onwards.
 */
export function targetRules(agents: readonly string[], columnIds: readonly string[], book: SettingsBook) {
  const rules: ConditionalRule[] = [];
  let start = 0;
  while (start < agents.length) {
    // A run of agents on the same scheme shares one rule per indicator.
    const layout = schemeOf(book, agents[start] as string);
    let end = start + 1;
    while (end < agents.length && schemeOf(book, agents[end] as string) === layout) end++;
    layout.scheme.items.forEach((item, i) => {
      const at = columnIds.indexOf(item.id);
      if (at < 0) return;
      const column = columnLetter(at + 2);
      const cell = `${column}${start + 2}`;
      const range = `${column}${start + 2}:${column}${end + 1}`;
      const target = settingsIndirect(ITEM_COLUMNS.target, layout.itemRows[i] as number);
      const [meets, misses] = item.better === 'higher' ? ['>=', '<'] : ['<=', '>'];
      rules.push(
        { range, formula: `AND(${cell}<>"",${cell}${meets}${target})`, fill: 'good' },
        { range, formula: `AND(${cell}<>"",${cell}${misses}${target})`, fill: 'bad' },
      );
    });
    start = end;
  }
  return rules;
}

/** The note of each low-sample figure of the report's rows (样本不足：2 < 5), in the workbook's language. */
export function reportFlags(report: Report, language: Language): FlagOf {
  return (row, columnId) => {
    const cases = report.sampleSizes.get(row)?.[indicatorOfColumn(columnId)];
    return cases === undefined ? null : lowSampleNote(cases, report.settings.minSample, language);
  };
}

/** A tab's column from B on: a report column, or the change of the indicator left of it. */
interface TabColumn {
  /** The report column's id; '' for a change column (no target, no low-sample flag). */
  id: string;
  header: string;
  format: string;
  value(row: Row, level: Level): TabCell;
}

function indicatorTab(
  report: Report,
  group: Group,
  book: SettingsBook,
  language: Language,
  extras: { change?: PeriodChange; words?: NoteWords },
): Tab {
  const { change, words } = extras;
  const columns: TabColumn[] = reportColumns(language, report.settings)
    .filter((c) => INDICATOR_BY_ID.get(indicatorOfColumn(c.id))?.group === group)
    .flatMap((c) => {
      const own: TabColumn = {
        id: c.id,
        header: c.header,
        format: NUMBER_FORMATS[c.unit],
        value: (row) => row[c.id] ?? null,
      };
      // An indicator's change right of its figure (a duration's, before its median and p90).
      if (!change || !INDICATOR_BY_ID.has(c.id)) return [own];
      return [
        own,
        {
          id: '',
          header: changeHeader(c.header, c.unit, language),
          format: CHANGE_FORMATS[c.unit],
          value: (row, level) => change.of(row, level)?.[c.id] ?? null,
        },
      ];
    });
  const labels = ROW_LABELS[language];
  const line = (label: string, row: Row, level: Level): TabCell[] => [
    label,
    ...columns.map((c) => c.value(row, level)),
  ];
  const rows: TabCell[][] = [
    [labels.agent, ...columns.map((c) => c.header)],
    // By period (day, week, month) an agent has a row per period: the label says which.
    ...report.agents.map((row) =>
      line(report.settings.period === 'all' ? String(row.agent) : `${row.agent} ${row.period}`, row, 'agent'),
    ),
    line(labels.team, report.team, 'team'),
    line(labels.shop, report.shop, 'shop'),
  ];
  const ids = columns.map((c) => c.id);
  const conditional = targetRules(
    report.agents.map((a) => String(a.agent)),
    ids,
    book,
  );
  const flagged = flaggedCells(
    [...report.agents, report.team, report.shop],
    ids,
    reportFlags(report, language),
    1,
    1,
  );
  const notes: CellNote[] = [];
  columns.forEach((c, i) => {
    const note =
      c.id === '' ? (change && words ? words.change(change) : null) : (words?.header(c.id) ?? null);
    if (note) notes.push({ row: 0, column: i + 1, note });
  });
  if (change && words) {
    const fresh = new Set(change.newAgents);
    report.agents.forEach((row, r) => {
      if (fresh.has(String(row.agent))) notes.push({ row: r + 1, column: 0, note: words.newAgent(change) });
    });
  }
  return {
    name: TAB_NAMES[group],
    rows,
    flagged,
    ...(notes.length > 0 ? { notes } : {}),
    formats: [TEXT_FORMAT, ...columns.map((c) => c.format)],
    frozenRows: 1,
    frozenColumns: 1,
    conditional,
  };
}

/**
 * Orders in several currencies: a tab per currency with its money figures (销售指标 TWD), never added
 * across currencies; orders converted by a rate table: the rates used (所用汇率). docs/decisions.md.
 */
function currencyTabs(report: Report, language: Language): Tab[] {
  const labels = ROW_LABELS[language];
  const tabs: Tab[] = (report.byCurrency ?? []).map((own) => {
    const columns = reportColumns(language, report.settings).filter((c) => c.id in own.team);
    const line = (label: string, row: Row): TabCell[] => [label, ...columns.map((c) => row[c.id] ?? null)];
    return {
      name: `${TAB_NAMES.sales} ${own.currency}`,
      rows: [
        [labels.agent, ...columns.map((c) => c.header)],
        ...own.agents.map((row) =>
          line(report.settings.period === 'all' ? String(row.agent) : `${row.agent} ${row.period}`, row),
        ),
        line(labels.team, own.team),
        line(labels.shop, own.shop),
      ],
      formats: [TEXT_FORMAT, ...columns.map((c) => NUMBER_FORMATS[c.unit])],
      frozenRows: 1,
      frozenColumns: 1,
      conditional: [],
    };
  });
  const conversion = report.conversion;
  if (conversion)
    tabs.push({
      name: RATES_USED_TAB,
      rows: [
        ['币种 currency', '期间 period', '汇率 rate', '折算为 into', '订单数 orders'],
        ...conversion.rates.map((r) => [r.currency, r.period, r.rate, conversion.to, r.orders]),
      ],
      formats: [TEXT_FORMAT, TEXT_FORMAT, null, TEXT_FORMAT, '0'],
      frozenRows: 1,
      frozenColumns: 0,
      conditional: [],
    });
  return tabs;
}

/** What 明细 shows of a consultation (the JS engine's Consultation; DuckDB's rows give the same). */
export type DetailConsultation = Pick<
  Consultation,
  | 'agent'
  | 'customer'
  | 'session'
  | 'zone'
  | 'firstCustomerAt'
  | 'firstReplyAt'
  | 'customerMessages'
  | 'agentMessages'
  | 'autoMessages'
  | 'transferredOut'
  | 'offline'
  | 'inAssessmentHours'
>;

/** 明细's row of a consultation with a customer message, each time on its shop's clock. */
export function detailRow(c: DetailConsultation & { firstCustomerAt: number }): TabCell[] {
  // The zone its export was read in (the report's unless given FILE@ZONE).
  const local = (t: number | null): TabCell => (t === null ? null : { localTime: localMs(c.zone, t) });
  return [
    c.agent,
    c.customer,
    c.session,
    local(c.firstCustomerAt),
    local(c.firstReplyAt),
    c.firstReplyAt === null ? null : (c.firstReplyAt - c.firstCustomerAt) / 1000,
    c.customerMessages,
    c.agentMessages,
    c.autoMessages,
    c.firstReplyAt === null ? '否' : '是',
    c.transferredOut ? '是' : '否',
    c.offline ? '是' : '否',
    c.inAssessmentHours ? '是' : '否',
  ];
}

/**
 * One row per consultation, so any figure can be audited with a filter or a COUNTIFS. The command
 * line's DuckDB engine gives a report without its consultations and writes their rows as it reads
 * them (detailRow), after this tab's header.
 */
function detailTab(report: Report): Tab {
  const rows: TabCell[][] = [
    [
      '客服',
      '顾客',
      '会话',
      '首条顾客消息',
      '首次人工回复',
      '首次响应(秒)',
      '顾客消息',
      '客服消息',
      '自动回复',
      '已回复',
      '转出',
      '留言分配',
      '考核时段内',
    ],
  ];
  for (const c of report.consultations) {
    if (c.firstCustomerAt === null) continue;
    rows.push(detailRow(c as DetailConsultation & { firstCustomerAt: number }));
  }
  return {
    name: TAB_NAMES.detail,
    rows,
    // Agents, buyers and sessions as text: "0012" and 19-digit IDs stay as the export wrote them.
    formats: [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, DATE_TIME_FORMAT, DATE_TIME_FORMAT, '0'],
    frozenRows: 1,
    frozenColumns: 0,
    conditional: [],
  };
}

export interface TabOptions {
  /** The spreadsheet's 设置 as read; without it, a new 设置 with the default scheme is written. */
  settings?: SettingsBook;
  formulas: 'native' | 'addon';
  language: Language;
  /**
   * An earlier period's figures: each indicator column of the indicator tabs is then followed by its
   * change (本期 − 上期, a rate's in percentage points), its header's note saying against what, and
   * 绩效's scores, total and pay by theirs (scorecardPrevious). The add-on builds it from the 发放记录
   * rows of the last closed period, the command line from --previous; without it the tabs are as before.
   */
  previous?: PreviousFigures;
  /**
   * The notes' words (headerNotes.ts): each indicator header's definition and settings, settings'
   * labels. Passed in rather than built here, so that Code.js (whose template writes these tabs
   * empty) carries none of them; without it, no header notes.
   */
  noteWords?: NoteWords;
  /** The spreadsheet has a 申诉 tab: 绩效's figures read its accepted appeals for the report's period. */
  appeals?: boolean;
}

/** 设置's names as text (schemes, indicators, directions, agents), its numbers as numbers. */
const SETTINGS_FORMATS = Array.from({ length: SETTINGS_WIDTH }, (_, i) =>
  [0, 1, 2, 3, 14, 17, 18].includes(i) ? TEXT_FORMAT : null,
);

/** A new 设置: the default scheme, every agent of the report on it. */
function newSettingsTab(report: Report, language: Language): Tab {
  const rows = settingsRows(
    [DEFAULT_SCHEME],
    report.agents.map((a) => [String(a.agent), DEFAULT_SCHEME.name]),
    language,
    report.settings,
  );
  return {
    name: TAB_NAMES.settings,
    rows,
    formats: SETTINGS_FORMATS,
    frozenRows: 1,
    frozenColumns: 0,
    conditional: [],
  };
}

/** The days a report covers, as a pay period is named by them. */
const spanOfReport = (report: Report) =>
  report.period.from && report.period.to ? { from: report.period.from, to: report.period.to } : null;

/**
 * Every tab, in the order the product shows them. An existing 设置 is the team's: it is read, never
 * rewritten.
 */
export function buildTabs(report: Report, options: TabOptions): Tab[] {
  const settings = options.settings ? null : newSettingsTab(report, options.language);
  const book = options.settings ?? readSettingsBook(settings?.rows ?? []);
  const extras = {
    ...(options.previous ? { change: compareWithPrevious(report, options.previous) } : {}),
    ...(options.noteWords ? { words: options.noteWords } : {}),
  };
  const tabs = [
    indicatorTab(report, 'service', book, options.language, extras),
    indicatorTab(report, 'sales', book, options.language, extras),
    ...currencyTabs(report, options.language),
    indicatorTab(report, 'after_sales', book, options.language, extras),
    detailTab(report),
    scorecardTab(
      report.agents,
      book,
      options.formulas,
      options.language,
      report.settings,
      reportFlags(report, options.language),
      options.appeals ? periodLabel(spanOfReport(report)) : undefined,
      options.previous ? scorecardPrevious(options.previous, book) : undefined,
    ),
  ];
  return (settings ? [...tabs, settings] : tabs).map((tab) => ({ ...tab, widths: columnWidths(tab) }));
}
