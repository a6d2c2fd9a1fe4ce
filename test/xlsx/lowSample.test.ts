import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { workbookOf } from '../../src/cli/workbook';
import type { Row } from '../../src/core/engine/report';
import { DEFAULT_SCHEME } from '../../src/core/engine/scheme';
import { scorecardTab } from '../../src/core/sheets/scorecard';
import { readSettingsBook, settingsRows } from '../../src/core/sheets/settingsTab';
import { cellNumber, ensureLibreOffice, recalculatedSheets } from './libreoffice';

const EXAMPLES = ['qianniu-chats.csv', 'taobao-orders.csv', 'service-ratings.csv'].flatMap((file, i) => [
  ['--chats', '--orders', '--ratings'][i] as string,
  join(ROOT, 'examples', file),
]);
const PART_TIMER = '旗舰店:兼职小陈';
const LIBREOFFICE_MS = 180_000;
const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-low-'));
let agents: Row[];

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/cs-kpi.js'), ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

beforeAll(() => {
  agents = JSON.parse(cli(['report', ...EXAMPLES, '--format', 'json'])).agents;
});

/** 绩效 and 设置 of the default scheme, its 样本不足不计分 as given, recalculated by LibreOffice. */
async function recalculatedCard(leaveOutLowSample: boolean, name: string) {
  const rows = settingsRows([{ ...DEFAULT_SCHEME, leaveOutLowSample }], []);
  const settings = { name: '设置', rows, formats: [], frozenRows: 1, frozenColumns: 0, conditional: [] };
  const flagOf = (row: Row, id: string) => (row.low_sample?.includes(id) ? '样本不足' : null);
  const card = scorecardTab(agents, readSettingsBook(rows), 'native', 'zh-CN', undefined, flagOf);
  const path = join(dir, `${name}.xlsx`);
  await (await workbookOf([card, settings])).xlsx.writeFile(path);
  const [header = [], ...lines] = recalculatedSheets(path).get('绩效') as string[][];
  const of = (agent: string, column: string) =>
    cellNumber((lines.find((l) => l[0] === agent) ?? [])[header.indexOf(column)]);
  return of;
}

describe('a low-sample figure on 绩效, recalculated by LibreOffice (issue 18 item 7)', () => {
  it(
    'scores by default; with 样本不足不计分 TRUE it leaves both the total and the full marks',
    async () => {
      ensureLibreOffice();
      const chen = agents.find((a) => a.agent === PART_TIMER) as Row;
      expect(chen.low_sample).toContain('satisfaction_rate');
      expect(chen.satisfaction_rate).toBe(0.5);
      const scored = await recalculatedCard(false, 'scored');
      // 50 % is below the first threshold (0.8): 0 points, but the full marks count its 5 × 5.
      expect(scored(PART_TIMER, '满意率 得分')).toBe(0);
      expect(scored(PART_TIMER, '满分')).toBe(289);
      const left = await recalculatedCard(true, 'left-out');
      expect(left(PART_TIMER, '满意率')).toBe(0.5);
      expect(left(PART_TIMER, '满意率 得分')).toBeNull();
      expect(left(PART_TIMER, '满分')).toBe(289 - 5 * 5);
      const total = left(PART_TIMER, '加权得分') as number;
      expect(total).toBe(scored(PART_TIMER, '加权得分'));
      expect(left(PART_TIMER, '绩效工资')).toBeCloseTo((2000 * total) / 264, 6);
      // An agent with enough ratings is scored on all four either way.
      const steady = agents.find((a) => !a.low_sample?.includes('satisfaction_rate'))?.agent as string;
      expect(left(steady, '满分')).toBe(289);
    },
    LIBREOFFICE_MS,
  );
});

describe('a low-sample figure in the .xlsx', () => {
  it('is grey with the note 样本不足：2 < 5 on its cell', async () => {
    const path = join(dir, 'book.xlsx');
    cli(['report', ...EXAMPLES, '--format', 'xlsx', '--out', path]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('服务指标') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(1).value === PART_TIMER) row = n;
    });
    const cell = sheet.getCell(row, header.indexOf('满意率'));
    expect(cell.value).toBe(0.5);
    expect(cell.note).toBe('样本不足：2 < 5');
    expect(cell.font?.color?.argb).toBe('FF999999');
    const fine = sheet.getCell(row, header.indexOf('回复率'));
    expect(fine.note).toBeUndefined();
  });
});
