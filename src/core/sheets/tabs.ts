import { type Group, INDICATOR_BY_ID, type Language, reportColumns } from '../engine/catalog';
import type { Report, Row } from '../engine/report';
import { ROW_LABELS } from '../engine/rowLabels';
import { DEFAULT_SCHEME } from '../engine/scheme';
import { localMs } from '../time/zone';
import { columnLetter } from './a1';
import { columnWidths } from './columnWidths';
import { type FlagOf, flaggedCells, indicatorOfColumn, lowSampleNote } from './lowSample';
import { DATE_TIME_FORMAT, NUMBER_FORMATS, TEXT_FORMAT } from './numberFormats';
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
import type { ConditionalRule, Tab, TabCell } from './tabModel';

export { columnLetter } from './a1';
export { NUMBER_FORMATS, TEXT_FORMAT } from './numberFormats';
export type { ChartSpec, ConditionalRule, Tab, TabCell } from './tabModel';

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

function indicatorTab(report: Report, group: Group, book: SettingsBook, language: Language): Tab {
  const columns = reportColumns(language, report.settings).filter(
    (c) => INDICATOR_BY_ID.get(indicatorOfColumn(c.id))?.group === group,
  );
  const labels = ROW_LABELS[language];
  const line = (label: string, row: Row): TabCell[] => [label, ...columns.map((c) => row[c.id] ?? null)];
  const rows: TabCell[][] = [
    [labels.agent, ...columns.map((c) => c.header)],
    // By period (day, week, month) an agent has a row per period: the label says which.
    ...report.agents.map((row) =>
      line(report.settings.period === 'all' ? String(row.agent) : `${row.agent} ${row.period}`, row),
    ),
    line(labels.team, report.team),
    line(labels.shop, report.shop),
  ];
  const conditional = targetRules(
    report.agents.map((a) => String(a.agent)),
    columns.map((c) => c.id),
    book,
  );
  const flagged = flaggedCells(
    [...report.agents, report.team, report.shop],
    columns.map((c) => c.id),
    reportFlags(report, language),
    1,
    1,
  );
  return {
    name: TAB_NAMES[group],
    rows,
    flagged,
    formats: [TEXT_FORMAT, ...columns.map((c) => NUMBER_FORMATS[c.unit])],
    frozenRows: 1,
    frozenColumns: 1,
    conditional,
  };
}

/** One row per consultation, so any figure can be audited with a filter or a COUNTIFS. */
function detailTab(report: Report): Tab {
  // Each on its shop's clock: the zone its export was read in (the report's unless given FILE@ZONE).
  const local = (zone: string, t: number | null): TabCell =>
    t === null ? null : { localTime: localMs(zone, t) };
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
    rows.push([
      c.agent,
      c.customer,
      c.session,
      local(c.zone, c.firstCustomerAt),
      local(c.zone, c.firstReplyAt),
      c.firstReplyAt === null ? null : (c.firstReplyAt - c.firstCustomerAt) / 1000,
      c.customerMessages,
      c.agentMessages,
      c.autoMessages,
      c.firstReplyAt === null ? '否' : '是',
      c.transferredOut ? '是' : '否',
      c.offline ? '是' : '否',
      c.inAssessmentHours ? '是' : '否',
    ]);
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

/**
 * Every tab, in the order the product shows them. An existing 设置 is the team's: it is read, never
 * rewritten.
 */
export function buildTabs(report: Report, options: TabOptions): Tab[] {
  const settings = options.settings ? null : newSettingsTab(report, options.language);
  const book = options.settings ?? readSettingsBook(settings?.rows ?? []);
  const tabs = [
    indicatorTab(report, 'service', book, options.language),
    indicatorTab(report, 'sales', book, options.language),
    indicatorTab(report, 'after_sales', book, options.language),
    detailTab(report),
    scorecardTab(
      report.agents,
      book,
      options.formulas,
      options.language,
      report.settings,
      reportFlags(report, options.language),
    ),
  ];
  return (settings ? [...tabs, settings] : tabs).map((tab) => ({ ...tab, widths: columnWidths(tab) }));
}
