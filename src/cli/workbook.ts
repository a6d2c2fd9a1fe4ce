import ExcelJS from 'exceljs';
import { type Group, INDICATOR_BY_ID, reportColumns, type Unit } from '../core/engine/catalog';
import type { Report, Row } from '../core/engine/report';
import { DEFAULT_SCHEME, type Scheme } from '../core/engine/scheme';
import { localMs } from '../core/time/zone';

/**
 * The workbook the add-on writes, as an .xlsx for people without a Google account: indicator tabs,
 * one row per consultation for audits, the settings scheme, and a scorecard of native formulas
 * (nested IF, SUMPRODUCT) that recalculate in Excel, LibreOffice and Google Sheets.
 */

export const TABS = {
  service: '服务指标',
  sales: '销售指标',
  after_sales: '售后指标',
  detail: '咨询明细',
  scorecard: '绩效',
  settings: '设置',
} as const;

const FORMATS: Record<Unit, string> = {
  count: '0',
  ratio: '0.0%',
  seconds: '0.0',
  money: '#,##0.00',
  hours: '0.0',
  items: '0',
  score: '0.00',
};

const GREEN = { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFD9EAD3' } } as const;
const RED = { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF4CCCC' } } as const;

function headerStyle(sheet: ExcelJS.Worksheet) {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
}

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

/** The 设置 rows of each scheme item (row 2 onward) and where full pay sits. */
const SETTINGS_FIRST_ROW = 2;
const settingsRow = (i: number) => SETTINGS_FIRST_ROW + i;

function writeSettings(book: ExcelJS.Workbook, scheme: Scheme) {
  const sheet = book.addWorksheet(TABS.settings);
  sheet.addRow([
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
  ]);
  scheme.items.forEach((item) => {
    sheet.addRow([
      item.id,
      INDICATOR_BY_ID.get(item.id)?.names['zh-CN'] ?? item.id,
      item.better === 'higher' ? 'higher' : 'lower',
      item.target,
      ...item.thresholds,
      ...item.points,
      item.weight,
      item.maxPoints,
    ]);
  });
  sheet.addRow([]);
  sheet.addRow(['方案', scheme.name]);
  sheet.addRow(['满额绩效工资', scheme.fullPay]);
  headerStyle(sheet);
}

/** Where 设置 keeps the full performance pay: after the items, a blank row and the scheme's name. */
const fullPayCell = (scheme: Scheme) => `'${TABS.settings}'!$B$${settingsRow(scheme.items.length) + 2}`;

function writeIndicators(book: ExcelJS.Workbook, report: Report, group: Group, scheme: Scheme) {
  const sheet = book.addWorksheet(TABS[group]);
  const columns = reportColumns('zh-CN').filter(
    (c) => INDICATOR_BY_ID.get(c.id.replace(/_(median|p90)$/, ''))?.group === group,
  );
  sheet.addRow(['客服', ...columns.map((c) => c.header)]);
  const rows: [string, Row][] = [
    ...report.agents.map((r) => [String(r.agent), r] as [string, Row]),
    ['团队', report.team],
    ['店铺', report.shop],
  ];
  for (const [label, row] of rows) sheet.addRow([label, ...columns.map((c) => row[c.id] ?? null)]);
  columns.forEach((c, i) => {
    sheet.getColumn(i + 2).numFmt = FORMATS[c.unit];
    sheet.getColumn(i + 2).width = Math.max(10, c.header.length * 2 + 2);
  });
  sheet.getColumn(1).width = 18;
  headerStyle(sheet);
  // Agents' cells green where they meet the scheme's target, red where they miss it.
  const lastAgentRow = 1 + report.agents.length;
  scheme.items.forEach((item, i) => {
    const at = columns.findIndex((c) => c.id === item.id);
    if (at < 0 || report.agents.length === 0) return;
    const letter = columnLetter(at + 2);
    const target = `'${TABS.settings}'!$D$${settingsRow(i)}`;
    sheet.addConditionalFormatting({
      ref: `${letter}2:${letter}${lastAgentRow}`,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [`AND(${letter}2<>"",${letter}2${item.better === 'higher' ? '>=' : '<='}${target})`],
          style: { fill: GREEN },
        },
        {
          type: 'expression',
          priority: 2,
          formulae: [`AND(${letter}2<>"",${letter}2${item.better === 'higher' ? '<' : '>'}${target})`],
          style: { fill: RED },
        },
      ],
    });
  });
  return { sheet, columns };
}

function writeDetail(book: ExcelJS.Workbook, report: Report) {
  const sheet = book.addWorksheet(TABS.detail);
  const zone = report.settings.timeZone;
  // Excel has no time zones: shop-local wall-clock times are written as such.
  const local = (t: number | null) => (t === null ? null : new Date(localMs(zone, t)));
  sheet.addRow([
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
  ]);
  for (const c of report.consultations) {
    if (c.firstCustomerAt === null) continue;
    sheet.addRow([
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
  sheet.getColumn(4).numFmt = 'yyyy-mm-dd hh:mm:ss';
  sheet.getColumn(5).numFmt = 'yyyy-mm-dd hh:mm:ss';
  sheet.getColumn(6).numFmt = '0';
  headerStyle(sheet);
  sheet.autoFilter = { from: 'A1', to: 'M1' };
}

/** Nested IF of a step tier, reading thresholds and points from the 设置 row: works in every spreadsheet. */
function tierFormula(valueCell: string, row: number, better: 'higher' | 'lower'): string {
  const s = (col: string) => `'${TABS.settings}'!$${col}$${row}`;
  const [t1, t2, t3, p1, p2, p3] = ['E', 'F', 'G', 'H', 'I', 'J'].map(s);
  return better === 'higher'
    ? `IF(${valueCell}="","",IF(${valueCell}>=${t3},${p3},IF(${valueCell}>=${t2},${p2},IF(${valueCell}>=${t1},${p1},0))))`
    : `IF(${valueCell}="","",IF(${valueCell}<=${t1},${p1},IF(${valueCell}<=${t2},${p2},IF(${valueCell}<=${t3},${p3},0))))`;
}

function writeScorecard(book: ExcelJS.Workbook, report: Report, scheme: Scheme, fullPayCell: string) {
  const sheet = book.addWorksheet(TABS.scorecard);
  const header = ['客服'];
  for (const item of scheme.items) {
    const name = INDICATOR_BY_ID.get(item.id)?.names['zh-CN'] ?? item.id;
    header.push(name, `${name} 得分`);
  }
  header.push('加权得分', '满分', '绩效工资');
  sheet.addRow(header);
  report.agents.forEach((agent, a) => {
    const r = a + 2;
    const cells: (string | number | null | { formula: string })[] = [String(agent.agent)];
    scheme.items.forEach((item, i) => {
      const valueCol = columnLetter(2 + i * 2);
      cells.push((agent[item.id] as number | null) ?? null, {
        formula: tierFormula(`${valueCol}${r}`, settingsRow(i), item.better),
      });
    });
    // An indicator without a score is left out of both the total and the full marks (as PERFORMANCE_PAY does).
    const scoreCell = (i: number) => `${columnLetter(3 + i * 2)}${r}`;
    const weight = (i: number) => `'${TABS.settings}'!$K$${settingsRow(i)}`;
    const max = (i: number) => `'${TABS.settings}'!$L$${settingsRow(i)}`;
    const total = scheme.items
      .map((_, i) => `IF(${scoreCell(i)}="",0,${scoreCell(i)}*${weight(i)})`)
      .join('+');
    const full = scheme.items.map((_, i) => `IF(${scoreCell(i)}="",0,${max(i)}*${weight(i)})`).join('+');
    const totalCol = columnLetter(2 + scheme.items.length * 2);
    const fullCol = columnLetter(3 + scheme.items.length * 2);
    cells.push(
      { formula: total },
      { formula: full },
      { formula: `IF(${fullCol}${r}=0,"",${fullPayCell}*${totalCol}${r}/${fullCol}${r})` },
    );
    sheet.addRow(cells);
  });
  scheme.items.forEach((item, i) => {
    sheet.getColumn(2 + i * 2).numFmt = FORMATS[INDICATOR_BY_ID.get(item.id)?.unit ?? 'count'];
  });
  sheet.getColumn(4 + scheme.items.length * 2).numFmt = '#,##0.00';
  sheet.getColumn(1).width = 18;
  headerStyle(sheet);
}

export function buildWorkbook(report: Report, scheme: Scheme = DEFAULT_SCHEME): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = '客服绩效 (CS KPI)';
  for (const group of ['service', 'sales', 'after_sales'] as const)
    writeIndicators(book, report, group, scheme);
  writeDetail(book, report);
  writeScorecard(book, report, scheme, fullPayCell(scheme));
  writeSettings(book, scheme);
  return book;
}

export async function writeWorkbook(report: Report, path: string): Promise<void> {
  await buildWorkbook(report).xlsx.writeFile(path);
}
