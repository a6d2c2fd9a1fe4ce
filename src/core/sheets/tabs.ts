import { type Group, INDICATOR_BY_ID, type Language, reportColumns, type Unit } from '../engine/catalog';
import type { Report, Row } from '../engine/report';
import type { Scheme } from '../engine/scheme';
import { localMs } from '../time/zone';

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
  settings: '设置',
} as const;

/** A cell: a value, or a formula (written as such, never escaped). */
export type TabCell = string | number | boolean | null | { formula: string } | { localTime: number };

export interface ConditionalRule {
  /** A1 range, e.g. "C2:C9". */
  range: string;
  /** A formula on the range's first cell, e.g. AND(C2<>"",C2>='设置'!$D$2). */
  formula: string;
  fill: 'good' | 'bad';
}

export interface Tab {
  name: string;
  rows: TabCell[][];
  /** Number format per column (null: general). */
  formats: (string | null)[];
  frozenRows: number;
  frozenColumns: number;
  conditional: ConditionalRule[];
}

export const NUMBER_FORMATS: Record<Unit, string> = {
  count: '0',
  ratio: '0.0%',
  seconds: '0.0',
  money: '#,##0.00',
  hours: '0.0',
  items: '0',
  score: '0.00',
};

const DATE_TIME = 'yyyy-mm-dd hh:mm:ss';

/** A column letter for a 1-based index. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const settingsRow = (i: number) => 2 + i;
const settingsRef = (column: string, row: number) => `'${TAB_NAMES.settings}'!$${column}$${row}`;
const settingsRange = (from: string, to: string, firstRow: number, lastRow = firstRow) =>
  `'${TAB_NAMES.settings}'!$${from}$${firstRow}:$${to}$${lastRow}`;
/** Where 设置 keeps the full performance pay: after the items, a blank row and the scheme's name. */
const fullPayRef = (scheme: Scheme) => settingsRef('B', settingsRow(scheme.items.length) + 2);

function settingsTab(scheme: Scheme): Tab {
  const rows: TabCell[][] = [
    [
      '指标 id',
      '名称',
      '方向',
      '目标',
      '门槛1',
      '门槛2',
      '门槛3',
      '分数1',
      '分数2',
      '分数3',
      '权重',
      '最高分',
    ],
    ...scheme.items.map((item) => [
      item.id,
      INDICATOR_BY_ID.get(item.id)?.names['zh-CN'] ?? item.id,
      item.better,
      item.target,
      ...item.thresholds,
      ...item.points,
      item.weight,
      item.maxPoints,
    ]),
    [],
    ['方案', scheme.name],
    ['满额绩效工资', scheme.fullPay],
  ];
  return { name: TAB_NAMES.settings, rows, formats: [], frozenRows: 1, frozenColumns: 1, conditional: [] };
}

function indicatorTab(report: Report, group: Group, scheme: Scheme, language: Language): Tab {
  const columns = reportColumns(language).filter(
    (c) => INDICATOR_BY_ID.get(c.id.replace(/_(median|p90)$/, ''))?.group === group,
  );
  const labels = {
    'zh-CN': ['客服', '团队', '店铺'],
    'zh-TW': ['客服', '團隊', '店鋪'],
    en: ['Agent', 'Team', 'Shop'],
  }[language];
  const line = (label: string, row: Row): TabCell[] => [label, ...columns.map((c) => row[c.id] ?? null)];
  const rows: TabCell[][] = [
    [labels[0] as string, ...columns.map((c) => c.header)],
    ...report.agents.map((row) => line(String(row.agent), row)),
    line(labels[1] as string, report.team),
    line(labels[2] as string, report.shop),
  ];
  const conditional: ConditionalRule[] = [];
  const lastAgentRow = 1 + report.agents.length;
  scheme.items.forEach((item, i) => {
    const at = columns.findIndex((c) => c.id === item.id);
    if (at < 0 || report.agents.length === 0) return;
    const cell = `${columnLetter(at + 2)}2`;
    const range = `${columnLetter(at + 2)}2:${columnLetter(at + 2)}${lastAgentRow}`;
    const target = settingsRef('D', settingsRow(i));
    const [meets, misses] = item.better === 'higher' ? ['>=', '<'] : ['<=', '>'];
    conditional.push(
      { range, formula: `AND(${cell}<>"",${cell}${meets}${target})`, fill: 'good' },
      { range, formula: `AND(${cell}<>"",${cell}${misses}${target})`, fill: 'bad' },
    );
  });
  return {
    name: TAB_NAMES[group],
    rows,
    formats: [null, ...columns.map((c) => NUMBER_FORMATS[c.unit])],
    frozenRows: 1,
    frozenColumns: 1,
    conditional,
  };
}

/** One row per consultation, so any figure can be audited with a filter or a COUNTIFS. */
function detailTab(report: Report): Tab {
  const zone = report.settings.timeZone;
  const local = (t: number | null): TabCell => (t === null ? null : { localTime: localMs(zone, t) });
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
    ]);
  }
  return {
    name: TAB_NAMES.detail,
    rows,
    formats: [null, null, null, DATE_TIME, DATE_TIME, '0'],
    frozenRows: 1,
    frozenColumns: 0,
    conditional: [],
  };
}

/** Nested IF of a step tier, reading thresholds and points from 设置: works in every spreadsheet. */
function nativeTier(valueCell: string, row: number, better: 'higher' | 'lower'): string {
  const [t1, t2, t3, p1, p2, p3] = ['E', 'F', 'G', 'H', 'I', 'J'].map((c) => settingsRef(c, row));
  return better === 'higher'
    ? `IF(${valueCell}="","",IF(${valueCell}>=${t3},${p3},IF(${valueCell}>=${t2},${p2},IF(${valueCell}>=${t1},${p1},0))))`
    : `IF(${valueCell}="","",IF(${valueCell}<=${t1},${p1},IF(${valueCell}<=${t2},${p2},IF(${valueCell}<=${t3},${p3},0))))`;
}

/**
 * The scorecard: per agent, each scheme indicator's value and tier score, the weighted total, the
 * full marks and the pay. `native` formulas recalculate anywhere; `addon` ones use TIER_SCORE,
 * WEIGHTED_SCORE and PERFORMANCE_PAY, which read the same 设置 rows.
 */
function scorecardTab(report: Report, scheme: Scheme, formulas: 'native' | 'addon'): Tab {
  const n = scheme.items.length;
  const header: TabCell[] = ['客服'];
  for (const item of scheme.items) {
    const name = INDICATOR_BY_ID.get(item.id)?.names['zh-CN'] ?? item.id;
    header.push(name, `${name} 得分`);
  }
  header.push('加权得分', '满分', '绩效工资');
  const rows: TabCell[][] = [header];
  const last = settingsRow(n - 1);
  report.agents.forEach((agent, a) => {
    const r = a + 2;
    const cells: TabCell[] = [String(agent.agent)];
    const scoreCell = (i: number) => `${columnLetter(3 + i * 2)}${r}`;
    scheme.items.forEach((item, i) => {
      const value = `${columnLetter(2 + i * 2)}${r}`;
      const row = settingsRow(i);
      const tier =
        formulas === 'native'
          ? nativeTier(value, row, item.better)
          : `IF(${value}="","",TIER_SCORE(${value},${settingsRange('E', 'G', row)},${settingsRange('H', 'J', row)},"${item.better}"))`;
      cells.push((agent[item.id] as number | null) ?? null, { formula: tier });
    });
    const totalCol = columnLetter(2 + n * 2);
    const fullCol = columnLetter(3 + n * 2);
    const weight = (i: number) => settingsRef('K', settingsRow(i));
    const max = (i: number) => settingsRef('L', settingsRow(i));
    // An indicator without a score is left out of both the total and the full marks (as PERFORMANCE_PAY does).
    const total = scheme.items
      .map((_, i) => `IF(${scoreCell(i)}="",0,${scoreCell(i)}*${weight(i)})`)
      .join('+');
    const full = scheme.items.map((_, i) => `IF(${scoreCell(i)}="",0,${max(i)}*${weight(i)})`).join('+');
    if (formulas === 'native') {
      cells.push(
        { formula: total },
        { formula: full },
        { formula: `IF(${fullCol}${r}=0,"",${fullPayRef(scheme)}*${totalCol}${r}/${fullCol}${r})` },
      );
    } else {
      // The add-on's functions take rows; 设置 keeps one indicator per row, so TRANSPOSE the columns.
      const weights = `TRANSPOSE(${settingsRange('K', 'K', 2, last)})`;
      const maxima = `TRANSPOSE(${settingsRange('L', 'L', 2, last)})`;
      const picks = scheme.items.map((_, i) => `${columnLetter(3 + i * 2)}${r}`).join(',');
      cells.push(
        { formula: `WEIGHTED_SCORE({${picks}},${weights})` },
        { formula: full },
        { formula: `PERFORMANCE_PAY(${fullPayRef(scheme)},{${picks}},${weights},${maxima})` },
      );
    }
    rows.push(cells);
  });
  const formats: (string | null)[] = [null];
  for (const item of scheme.items)
    formats.push(NUMBER_FORMATS[INDICATOR_BY_ID.get(item.id)?.unit ?? 'count'], '0');
  formats.push('0', '0', '#,##0.00');
  return { name: TAB_NAMES.scorecard, rows, formats, frozenRows: 1, frozenColumns: 1, conditional: [] };
}

export interface TabOptions {
  scheme: Scheme;
  formulas: 'native' | 'addon';
  language: Language;
}

/** Every tab, in the order the product shows them. */
export function buildTabs(report: Report, options: TabOptions): Tab[] {
  return [
    indicatorTab(report, 'service', options.scheme, options.language),
    indicatorTab(report, 'sales', options.scheme, options.language),
    indicatorTab(report, 'after_sales', options.scheme, options.language),
    detailTab(report),
    scorecardTab(report, options.scheme, options.formulas),
    settingsTab(options.scheme),
  ];
}
