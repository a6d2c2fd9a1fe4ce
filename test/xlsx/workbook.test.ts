import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { sheetView } from '../../scripts/preview/sheetView';
import { customFunction } from '../../src/core/customFunctions';
import { reportColumns } from '../../src/core/engine/catalog';
import { DEFAULT_SCHEME } from '../../src/core/engine/scheme';
import { toSheetValue } from '../../src/core/sheets/cells';
import type { Tab } from '../../src/core/sheets/tabs';
import { createGasFake } from '../fakes/services';
import type { FakeSheet } from '../fakes/spreadsheet';
import { AFTER_SALES_SCHEME } from '../helpers/engineRecords';
import { cellNumber, ensureLibreOffice, recalculatedSheets } from './libreoffice';

const EXAMPLES = [
  '--chats',
  'qianniu-chats.csv',
  '--orders',
  'taobao-orders.csv',
  '--ratings',
  'service-ratings.csv',
].map((a) => (a.endsWith('.csv') ? join(ROOT, 'examples', a) : a));

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/cs-kpi.js'), ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

// LibreOffice starts, loads and recalculates a workbook per test: tens of seconds on a busy machine.
const LIBREOFFICE_MS = 180_000;

const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-xlsx-'));
const book = join(dir, '客服绩效.xlsx');
let report: { agents: Record<string, number | string | null>[]; team: Record<string, number | null> };

beforeAll(() => {
  cli(['report', ...EXAMPLES, '--format', 'xlsx', '--out', book]);
  report = JSON.parse(cli(['report', ...EXAMPLES, '--format', 'json']));
});

describe('the .xlsx workbook', () => {
  it('has the add-on tabs, catalog headers, number formats and frozen header rows', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '服务指标',
      '销售指标',
      '售后指标',
      '咨询明细',
      '绩效',
      '设置',
    ]);
    const service = workbook.getWorksheet('服务指标') as ExcelJS.Worksheet;
    const headers = (service.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 4)).toEqual([
      '客服',
      ...reportColumns('zh-CN')
        .slice(0, 3)
        .map((c) => c.header),
    ]);
    const fastColumn = headers.indexOf('30秒应答率') + 1;
    expect(service.getColumn(fastColumn).numFmt).toBe('0.0%');
    expect(service.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(service.rowCount).toBe(1 + report.agents.length + 2);
    const detail = workbook.getWorksheet('咨询明细') as ExcelJS.Worksheet;
    expect(detail.rowCount - 1).toBe(report.team.consultations);
  });

  it('colors agents against the 设置 targets with conditional formats', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const service = workbook.getWorksheet('服务指标') as unknown as {
      conditionalFormattings: { rules: { formulae: string[] }[] }[];
    };
    const formulae = service.conditionalFormattings.flatMap((c) => c.rules.flatMap((r) => r.formulae));
    expect(formulae.some((f) => f.includes(`INDIRECT("'设置'!E2")`))).toBe(true);
  });

  it('keeps the scorecard as formulas that read the 设置 tab', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const card = workbook.getWorksheet('绩效') as ExcelJS.Worksheet;
    expect(card.getCell('B2').value).toBe('售前·日常');
    const score = card.getCell('D2').value as { formula: string };
    expect(score.formula).toMatch(/^IF\(C2="","",IF\(C2>='设置'!\$H\$2/);
    expect((card.getCell('M2').value as { formula: string }).formula).toContain("'设置'!$P$2");
  });
});

describe('what people see in the .xlsx', () => {
  it('shows 人均成交件数 with two decimals, date-times in columns wide enough, wrapped headers and 设置 in Chinese', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const sales = workbook.getWorksheet('销售指标') as ExcelJS.Worksheet;
    const salesHeaders = (sales.getRow(1).values as unknown[]).slice(1);
    const perBuyer = salesHeaders.indexOf('人均成交件数') + 1;
    expect(perBuyer).toBeGreaterThan(0);
    expect(sales.getColumn(perBuyer).numFmt).toBe('0.00');
    expect(sales.getRow(1).alignment).toMatchObject({ wrapText: true });
    // Every column at least as wide (in characters) as the longest text it shows, headers aside.
    const detail = workbook.getWorksheet('咨询明细') as ExcelJS.Worksheet;
    const detailHeaders = (detail.getRow(1).values as unknown[]).slice(1);
    for (const name of ['首条顾客消息', '首次人工回复']) {
      const column = detail.getColumn(detailHeaders.indexOf(name) + 1);
      expect(column.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
      expect(column.width, name).toBeGreaterThanOrEqual('2026-03-01 10:00:00'.length + 1);
    }
    const settings = workbook.getWorksheet('设置') as ExcelJS.Worksheet;
    expect(settings.getCell('D1').value).toBe('方向');
    const directions = new Set(
      DEFAULT_SCHEME.items.map((_, i) => settings.getCell(`D${i + 2}`).value as string),
    );
    expect(directions).toEqual(new Set(['越高越好', '越低越好']));
  });

  it(
    'reads as shown in LibreOffice: 人均成交件数 like 2.85, never rounded to a whole number',
    () => {
      ensureLibreOffice();
      const sales = recalculatedSheets(book, { asShown: true }).get('销售指标') as string[][];
      const [header = [], ...rows] = sales;
      const at = header.indexOf('人均成交件数');
      const shown = rows.map((row) => row[at] ?? '').filter((text) => text !== '');
      expect(shown.length).toBeGreaterThan(0);
      for (const text of shown) expect(text).toMatch(/^\d+\.\d\d$/);
      const exact = report.agents
        .map((a) => a.items_per_buyer)
        .filter((v): v is number => typeof v === 'number');
      expect(exact.some((v) => !Number.isInteger(v))).toBe(true);
    },
    LIBREOFFICE_MS,
  );
});

describe('the scorecard recalculated by LibreOffice', () => {
  it(
    'equals the engine: values, tier scores, weighted totals, full marks and pay',
    () => {
      ensureLibreOffice();
      const card = recalculatedSheets(book).get('绩效') as string[][];
      const [, ...rows] = card;
      expect(rows).toHaveLength(report.agents.length);
      const tier = customFunction('TIER_SCORE').run;
      const pay = customFunction('PERFORMANCE_PAY').run;
      const weights = [DEFAULT_SCHEME.items.map((i) => i.weight)];
      const max = [DEFAULT_SCHEME.items.map((i) => i.maxPoints)];
      for (const row of rows) {
        const agent = report.agents.find((a) => a.agent === row[0]);
        expect(agent, row[0]).toBeDefined();
        const scores: (number | string)[] = DEFAULT_SCHEME.items.map((item, i) => {
          const value = agent?.[item.id] as number | null;
          expect(cellNumber(row[2 + i * 2]), `${row[0]} ${item.id}`).toBeCloseTo(value as number, 9);
          const expected = value === null ? '' : tier(value, [item.thresholds], [item.points], item.better);
          expect(cellNumber(row[3 + i * 2]) ?? '', `${row[0]} ${item.id} score`).toEqual(expected);
          return expected as number | string;
        });
        const n = DEFAULT_SCHEME.items.length;
        const total = customFunction('WEIGHTED_SCORE').run([scores], weights) as number;
        expect(cellNumber(row[2 + n * 2])).toBe(total);
        const expectedPay = pay(DEFAULT_SCHEME.fullPay, [scores], weights, max) as number;
        expect(cellNumber(row[4 + n * 2])).toBeCloseTo(expectedPay, 6);
      }
    },
    LIBREOFFICE_MS,
  );
});

describe('a scorecard of two schemes recalculated by LibreOffice', () => {
  it(
    'scores each agent on its own scheme’s rows of 设置',
    async () => {
      ensureLibreOffice();
      const { settingsRows, readSettingsBook } = await import('../../src/core/sheets/settingsTab');
      const { scorecardTab } = await import('../../src/core/sheets/scorecard');
      const { workbookOf } = await import('../../src/cli/workbook');

      const schemes = [DEFAULT_SCHEME, AFTER_SALES_SCHEME];
      // Every other agent on the after-sales scheme.
      const assignments = report.agents.map(
        (a, i) => [String(a.agent), schemes[i % 2]?.name as string] as [string, string],
      );
      const rows = settingsRows(schemes, assignments);
      const settings = { name: '设置', rows, formats: [], frozenRows: 1, frozenColumns: 0, conditional: [] };
      const card = scorecardTab(report.agents as never, readSettingsBook(rows), 'native');
      const path = join(dir, 'two-schemes.xlsx');
      await (await workbookOf([card, settings])).xlsx.writeFile(path);
      const [header = [], ...lines] = recalculatedSheets(path).get('绩效') as string[][];
      const tier = customFunction('TIER_SCORE').run;
      const pay = customFunction('PERFORMANCE_PAY').run;
      expect(lines).toHaveLength(report.agents.length);
      lines.forEach((line, i) => {
        const scheme = schemes[i % 2] as typeof DEFAULT_SCHEME;
        const agent = report.agents[i] as Record<string, number | null>;
        expect(line[1]).toBe(scheme.name);
        const scores = scheme.items.map((item) => {
          const value = agent[item.id] ?? null;
          const column = scoreColumnOf(header, item.id);
          const expected = value === null ? '' : tier(value, [item.thresholds], [item.points], item.better);
          expect(cellNumber(line[column]) ?? '', `${line[0]} ${item.id}`).toEqual(expected);
          return expected as number | string;
        });
        const weights = [scheme.items.map((item) => item.weight)];
        const max = [scheme.items.map((item) => item.maxPoints)];
        const expectedPay = pay(scheme.fullPay, [scores], weights, max) as number | string;
        const shown = cellNumber(line[header.indexOf('绩效工资')]);
        if (expectedPay === '') expect(shown).toBeNull();
        else expect(shown, String(line[0])).toBeCloseTo(expectedPay as number, 6);
      });
      // The preview (npm run preview) shows the same formulas' values as LibreOffice computes them.
      const preview = previewOf([card, settings]);
      const [previewHeader = [], ...previewLines] = preview.shown;
      expect(previewHeader).toEqual(header);
      expect(previewLines).toHaveLength(lines.length);
      lines.forEach((line, r) => {
        line.forEach((text, c) => {
          const seen = previewLines[r]?.[c] ?? '';
          const number = cellNumber(text);
          if (number === null || Number.isNaN(number)) expect(seen, `${line[0]} ${header[c]}`).toBe(text);
          else expect(Number(seen), `${line[0]} ${header[c]}`).toBeCloseTo(number, 6);
        });
      });
      // The chart's bars: a score per agent for each indicator of the scorecard.
      const bars = preview.charts[0]?.series.flatMap((s) => s.values) ?? [];
      expect(bars.filter((v) => typeof v === 'number').length).toBeGreaterThan(lines.length);
    },
    LIBREOFFICE_MS,
  );
});

/** Tabs written into the preview's fake spreadsheet and the first one shown as the preview shows it. */
function previewOf(tabs: Tab[]) {
  const fake = createGasFake();
  for (const tab of tabs) {
    const sheet = fake.spreadsheet.insertSheet(tab.name);
    const width = Math.max(...tab.rows.map((row) => row.length));
    if (width > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet
      .getRange(1, 1, tab.rows.length, width)
      .setValues(
        tab.rows.map((row) => Array.from({ length: width }, (_, c) => toSheetValue(row[c] ?? null))),
      );
    for (const chart of tab.charts ?? []) {
      let builder = sheet.newChart().asColumnChart();
      for (const range of chart.ranges) builder = builder.addRange(sheet.getRange(range));
      sheet.insertChart(builder.setOption('title', chart.title).build());
    }
  }
  return sheetView(
    fake.spreadsheet.getSheetByName(tabs[0]?.name ?? '') as FakeSheet,
    Infinity,
    fake.spreadsheet,
  );
}

/** The column of an indicator's score on the scorecard, found by the catalog's zh-CN name. */
function scoreColumnOf(header: string[], id: string): number {
  const name = reportColumns('zh-CN').find((c) => c.id === id)?.header;
  return header.indexOf(`${name} 得分`);
}
