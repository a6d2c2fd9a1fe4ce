import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { INDICATORS } from '../../src/core/engine/catalog';
import { EXAMPLE_REPORT_ARGS } from '../examples';
import { cellNumber, ensureLibreOffice, recalculatedSheets } from '../xlsx/libreoffice';

const CLI = join(ROOT, 'bin/cs-kpi.js');
const EXAMPLES = EXAMPLE_REPORT_ARGS;
const JIE = '旗舰店:阿杰';
const LIU = '旗舰店:大刘';
const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-previous-'));
const PREVIOUS = join(dir, 'september.json');

function run(...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'report', ...EXAMPLES, ...args], { encoding: 'utf8', cwd: ROOT });
}

function report(...args: string[]) {
  const result = run(...args);
  expect(result.status, result.stderr).toBe(0);
  return result;
}

type Json = Record<string, unknown> & { agents: Record<string, unknown>[] };
let current: Json;

/**
 * September, made by hand from October's JSON report: 阿杰 answered 30 % fast (October: 31 of 95,
 * 32.6 %) and sold 9,000 (October: 9,120); 大刘 had not started; 离职小王 left; the window was 3 days.
 */
beforeAll(() => {
  current = JSON.parse(report('--format', 'json').stdout);
  const september = structuredClone(current);
  const jie = september.agents.find((a) => a.agent === JIE) as Record<string, unknown>;
  Object.assign(jie, { fast_reply_rate: 0.3, sales: 9000 });
  september.agents = [
    ...september.agents.filter((a) => a.agent !== LIU),
    { ...jie, agent: '旗舰店:离职小王' },
  ];
  september.period = { unit: 'all', from: '2026-09-01', to: '2026-09-30' };
  (september.settings as Record<string, unknown>).windowDays = 3;
  writeFileSync(PREVIOUS, JSON.stringify(september));
});

describe('cs-kpi report --previous REPORT.json (issue 20 item 4)', () => {
  it('JSON: a change object per row against the hand-made September, and what it is against', () => {
    const json = JSON.parse(report('--format', 'json', '--previous', PREVIOUS).stdout);
    const jie = json.agents.find((a: { agent: string }) => a.agent === JIE);
    // October's figures are the same as without --previous.
    expect(jie.fast_reply_rate).toBe(31 / 95);
    expect(jie.sales).toBe(9120);
    expect(json.agents.map((a: Json) => ({ ...a, change: undefined }))).toEqual(
      current.agents.map((a) => ({ ...a, change: undefined })),
    );
    // (31/95 − 0.30) × 100 = 2.6315789… points; 9,120 − 9,000 = 120.
    expect(jie.change.fast_reply_rate).toBeCloseTo(2.631578947, 8);
    expect(jie.change.sales).toBe(120);
    // Every other figure of 阿杰 is September's: no change, and none where the figure is empty.
    for (const { id } of INDICATORS) {
      if (id === 'fast_reply_rate' || id === 'sales') continue;
      expect(jie.change[id], id).toBe(jie[id] === null ? null : 0);
    }
    expect(json.agents.find((a: { agent: string }) => a.agent === LIU).change).toBeNull();
    expect(json.team.change.sales).toBe(0);
    expect(json.previous_period).toMatchObject({
      period: '2026-09-01 – 2026-09-30',
      new_agents: [LIU],
      gone_agents: ['旗舰店:离职小王'],
      settings_changed: [{ setting: 'windowDays', flag: '--window-days', previous: '3', current: '2' }],
    });
    expect(json.previous_period.units.fast_reply_rate).toBe('percentage_points');
    expect(json.previous_period.units.sales).toBe('money');
    expect(json.previous_period.units.first_response_s).toBe('seconds');
  });

  it('the table: a change line under each indicator, and what it is against below', () => {
    const { stdout, stderr } = report('--format', 'table', '--previous', PREVIOUS);
    const lines = stdout.split('\n');
    const fast = lines.findIndex((l) => l.startsWith('30秒应答率'));
    expect(lines[fast]).toContain('32.6%');
    expect(lines[fast + 1]).toMatch(/^ {2}较上期 change +\+2\.6pp +— /);
    const sales = lines.findIndex((l) => l.startsWith('销售额'));
    expect(lines[sales + 1]).toMatch(/^ {2}较上期 change +\+120\.00 +— /);
    expect(stdout).toContain(
      '较上期 change: this period − 2026-09-01 – 2026-09-30; rates in percentage points (pp)',
    );
    expect(stdout).toContain(`new since 2026-09-01 – 2026-09-30: ${LIU}`);
    expect(stdout).toContain('in 2026-09-01 – 2026-09-30, not in this period: 旗舰店:离职小王');
    expect(stdout).toContain('settings differ: --window-days was 3 in 2026-09-01 – 2026-09-30, is 2 now');
    // Said once, in the table, not again on stderr.
    expect(stderr).not.toContain('settings differ');
  });

  it('CSV: a column <id>_change right of each indicator; the differences on stderr', () => {
    const { stdout, stderr } = report('--format', 'csv', '--previous', PREVIOUS);
    const parsed = Papa.parse<Record<string, string>>(stdout, { header: true });
    const fields = parsed.meta.fields ?? [];
    expect(fields.slice(fields.indexOf('sales'), fields.indexOf('sales') + 2)).toEqual([
      'sales',
      'sales_change',
    ]);
    expect(fields.at(-1)).toBe('low_sample');
    const jie = parsed.data.find((r) => r.agent === JIE);
    expect(Number(jie?.fast_reply_rate_change)).toBeCloseTo(2.631578947, 8);
    expect(jie?.sales_change).toBe('120');
    expect(parsed.data.find((r) => r.agent === LIU)?.sales_change).toBe('');
    expect(stderr).toContain('cs-kpi: note: settings differ: --window-days was 3');
  });

  it('xlsx: a change column right of each indicator, its header comment saying against what', async () => {
    const path = join(dir, 'october.xlsx');
    report('--format', 'xlsx', '--out', path, '--previous', PREVIOUS);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('服务指标') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const column = header.indexOf('30秒应答率 较上期(百分点)');
    expect(header[column - 1]).toBe('30秒应答率');
    const rowOf = (agent: string) =>
      (sheet.getSheetValues() as unknown[][]).findIndex((r) => Array.isArray(r) && r[1] === agent);
    expect(sheet.getCell(rowOf(JIE), column).value).toBeCloseTo(2.631578947, 8);
    expect(sheet.getCell(rowOf(LIU), column).value).toBeNull();
    expect(sheet.getCell(1, column).numFmt ?? sheet.getColumn(column).numFmt).toBe('+0.0;-0.0;0.0');
    expect(noteText(sheet.getCell(1, column).note)).toContain('两期设置不同：询单有效时长(天) 3 → 2');
    expect(noteText(sheet.getCell(rowOf(LIU), 1).note)).toBe('上期没有此客服（2026-09-01 – 2026-09-30）。');
  });

  it('xlsx: 绩效 compares each score, the total and the pay with the earlier figures scored by its 设置', async () => {
    ensureLibreOffice();
    // An earlier period in which 阿杰 answered in 25 s on average (October 47.5 s) and 86 % were
    // satisfied (October 72.4 %); his other figures as October's.
    const earlier = structuredClone(current);
    const jie = earlier.agents.find((a) => a.agent === JIE) as Record<string, unknown>;
    Object.assign(jie, { avg_response_s: 25, satisfaction_rate: 0.86 });
    earlier.agents = earlier.agents.filter((a) => a.agent !== LIU);
    earlier.period = { unit: 'all', from: '2026-09-01', to: '2026-09-30' };
    const file = join(dir, 'september-scored.json');
    writeFileSync(file, JSON.stringify(earlier));
    const path = join(dir, 'october-card.xlsx');
    report('--format', 'xlsx', '--out', path, '--previous', file);
    const [header = [], ...rows] = recalculatedSheets(path).get('绩效') as string[][];
    const at = (agent: string, column: string) => {
      const c = header.indexOf(column);
      if (c < 0) throw new Error(`绩效 has no column ${column}`);
      return cellNumber(rows.find((row) => row[0] === agent)?.[c]);
    };
    // The default scheme, by hand. October: 47.5 s → 0 points, 72.4 % → 0, 询单转化率 22.0 % → 4,
    // 30秒应答率 32.6 % → 0: total 4×8 = 32 of 289, pay 2000 × 32 / 289. September: 25 s → 8, 86 % → 4:
    // total 8×10 + 4×8 + 4×5 = 132, pay 2000 × 132 / 289.
    expect(at(JIE, '平均响应时间(秒) 得分 较上期')).toBe(-8);
    expect(at(JIE, '满意率 得分 较上期')).toBe(-4);
    expect(at(JIE, '询单转化率 得分 较上期')).toBe(0);
    expect(at(JIE, '加权得分 较上期')).toBe(-100);
    expect(at(JIE, '绩效工资 较上期')).toBeCloseTo((2000 * (32 - 132)) / 289, 6);
    // 大刘 was not in September: no change.
    expect(at(LIU, '绩效工资 较上期')).toBeNull();
    expect(at(LIU, '绩效工资')).not.toBeNull();
    // The header's comment says what the earlier figures are.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const card = book.getWorksheet('绩效') as ExcelJS.Worksheet;
    expect(noteText(card.getCell(1, header.indexOf('绩效工资 较上期') + 1).note)).toBe(
      '本期 − 上期 2026-09-01 – 2026-09-30：上期的数字按本表「设置」计分。This − previous 2026-09-01 – 2026-09-30: its figures scored by this 设置.',
    );
  });

  it('refuses a file that is not a JSON report, before reading any export', () => {
    const csv = join(dir, 'october.csv');
    writeFileSync(csv, report('--format', 'csv').stdout);
    const refused = run('--previous', csv);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      `cs-kpi: ${csv} is not JSON: it begins "level,agent,consultations,receptions,unr" (a table or CSV report?). --previous takes the JSON report of the earlier period, as \`cs-kpi report --format json --out FILE\` writes it.\n`,
    );
    const missing = run('--previous', join(dir, 'nowhere.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nowhere.json: the file cannot be read (ENOENT)');
    const daily = run('--previous', PREVIOUS, '--period', 'day');
    expect(daily.status).toBe(2);
    expect(daily.stderr).toMatch(
      /--previous compares one period with the one before it, and this report has \d+ periods/,
    );
    expect(daily.stdout).toBe('');
  });
});

describe('the definition behind every header in the .xlsx (issue 20 item 5)', () => {
  it('is each indicator header’s comment, read back from the file', async () => {
    const path = join(dir, 'plain.xlsx');
    report('--format', 'xlsx', '--out', path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('服务指标') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const note = (name: string) => noteText(sheet.getCell(1, header.indexOf(name)).note);
    expect(note('30秒应答率').split('\n')).toEqual([
      '30秒应答率',
      '首次人工回复在顾客首条消息后 T 秒内的咨询 / 咨询量（T 默认 30）',
      '依据设置：会话划分 id；内部账号(逗号分隔) 无；自动回复前缀 无；自动回复关键词 无；排除转出的咨询 开；排除留言分配的咨询 开；考核时段 全天；应答时限(秒) 30',
    ]);
    const sales = book.getWorksheet('销售指标') as ExcelJS.Worksheet;
    const salesHeader = (sales.getRow(1).values as unknown[]).map(String);
    expect(noteText(sales.getCell(1, salesHeader.indexOf('询单转化率')).note)).toContain(
      '询单有效时长(天) 2；订单归属 last；成交口径 paid',
    );
    // Every indicator header of the three tabs has one; no change column without --previous.
    for (const name of ['服务指标', '销售指标', '售后指标']) {
      const tab = book.getWorksheet(name) as ExcelJS.Worksheet;
      const count = tab.getRow(1).cellCount;
      for (let c = 2; c <= count; c++) expect(noteText(tab.getCell(1, c).note), `${name} ${c}`).not.toBe('');
      expect((tab.getRow(1).values as unknown[]).some((v) => String(v).includes('较上期'))).toBe(false);
    }
  });
});

/** A cell's comment as text: exceljs reads one back as rich text. */
function noteText(note: ExcelJS.Comment | string | undefined): string {
  if (note === undefined) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}
