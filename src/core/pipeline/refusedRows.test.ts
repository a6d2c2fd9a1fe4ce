// A refused row is counted nowhere: the example exports with bad rows of every kind injected give
// every figure of the same exports without those rows, and every front end names each bad row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/build.mjs';
import { customFunction } from '../customFunctions';
import { resolveSettings } from '../engine/settings';
import { importTable } from '../import/importer';
import type { Kind } from '../import/records';
import { type Imports, runPipeline, singleExport } from './pipeline';

const CS_INDICATORS = customFunction('CS_INDICATORS').run;
const SETTINGS = resolveSettings({ timeZone: 'Asia/Shanghai' });
/** The run's clock: a day after the examples' last month, so that 2099 is the future whenever this runs. */
const NOW = Date.parse('2026-11-01T00:00:00Z');

const lines = (file: string) =>
  readFileSync(join(ROOT, 'examples', file), 'utf8')
    .trimEnd()
    .split('\n');

/** A data line of the example (1-based data row) with some of its cells replaced; no cell is quoted. */
function edited(all: readonly string[], dataRow: number, replace: Record<number, string>): string {
  const cells = (all[dataRow] as string).split(',');
  for (const [at, text] of Object.entries(replace)) cells[Number(at)] = text;
  return cells.join(',');
}

/** Each export's bad rows, each made from a good row of the file, and inserted after the data row given. */
function badRows(kind: 'chats' | 'orders' | 'ratings', all: readonly string[]): [number, string][] {
  switch (kind) {
    // 会话ID,发送时间,客服账号,买家昵称,发送方,消息内容,是否自动回复,转接
    case 'chats':
      return [
        // An unquoted comma in the text: its second half would be read as 是否自动回复.
        [7, edited(all, 7, { 5: '亲,否' })],
        [40, edited(all, 40, { 1: '昨天 10:00' })],
        // A year typed wrong: the agent's reply would count, at a response time of 73 years.
        [41, edited(all, 41, { 1: '2099-10-02 03:04:00' })],
        [300, edited(all, 300, { 4: '机器人' })],
        [301, edited(all, 301, { 2: '' })],
        // Cut by a line break in an unquoted text: the first half lacks 是否自动回复.
        [2500, (all[2500] as string).split(',').slice(0, 6).join(',')],
      ];
    // 订单编号,买家会员名,买家应付货款,总金额,买家实际支付金额,订单状态,收货人姓名,收货地址,联系手机,
    // 订单创建时间,订单付款时间,宝贝标题,宝贝总数量,退款金额,是否货到付款: new orders of buyers who chatted.
    case 'orders': {
      const order = (n: number, replace: Record<number, string>) =>
        edited(all, 5, { 0: `="30000000000000099${String(n).padStart(2, '0')}"`, ...replace });
      return [
        // The known bug: 创建时间 unreadable, 付款时间 readable; once listed as skipped and still counted.
        [3, order(1, { 9: '下单时间未知' })],
        [4, order(2, { 10: '付款了' })],
        [100, order(3, { 10: '2099-10-30 21:23:26' })],
        [101, order(4, { 9: '2099-10-30 21:16:42' })],
        [200, order(5, { 4: '一百' })],
        [201, order(6, { 11: '纯棉T恤,白色' })],
        [400, order(7, { 12: '两件' })],
        [401, order(8, { 14: '也许' })],
        [500, order(9, { 0: '' })],
      ];
    }
    // 评价时间,客服账号,买家昵称,评价结果,评价内容,订单编号
    case 'ratings':
      return [
        // A comma in the comment: its second half would be read as the order ID, and the rating counted.
        [2, edited(all, 2, { 4: '发货快,包装好' })],
        [50, edited(all, 50, { 3: '极好' })],
        [51, edited(all, 51, { 0: '2099-10-18 17:41:29' })],
        [52, edited(all, 52, { 0: '上周' })],
        [120, edited(all, 120, { 3: '非常不满意,' })],
      ];
  }
}

const FILES = {
  chats: 'qianniu-chats.csv',
  orders: 'taobao-orders.csv',
  ratings: 'service-ratings.csv',
} as const;

/** The example export, and the same with its bad rows inserted (and where each landed, 1-based). */
function exportsOf(kind: keyof typeof FILES) {
  const all = lines(FILES[kind]);
  const bad = badRows(kind, all);
  const withBad = [...all];
  // From the last insertion back, so that each goes after the good row it names.
  for (const [after, line] of [...bad].sort((a, b) => b[0] - a[0])) withBad.splice(after + 1, 0, line);
  const badAt = withBad.flatMap((line, i) => (bad.some(([, b]) => b === line) ? [i + 1] : []));
  return { clean: `${all.join('\n')}\n`, dirty: `${withBad.join('\n')}\n`, badAt };
}

const read = <K extends Kind>(kind: K, text: string) =>
  importTable({ kind, file: FILES[kind as keyof typeof FILES], text, timeZone: SETTINGS.timeZone, now: NOW });

function reportOf(texts: Record<keyof typeof FILES, string>) {
  const imports: Imports = {
    chats: singleExport(read('chats', texts.chats)),
    orders: singleExport(read('orders', texts.orders)),
    ratings: singleExport(read('ratings', texts.ratings)),
  };
  return runPipeline(imports, SETTINGS, NOW);
}

describe('a refused row is counted nowhere and reported everywhere', () => {
  const chats = exportsOf('chats');
  const orders = exportsOf('orders');
  const ratings = exportsOf('ratings');
  const clean = reportOf({ chats: chats.clean, orders: orders.clean, ratings: ratings.clean });
  const dirty = reportOf({ chats: chats.dirty, orders: orders.dirty, ratings: ratings.dirty });

  it('every figure of the exports with bad rows is that of the exports without them', () => {
    const figures = ({ report }: typeof clean) => {
      const { consultations, ...rest } = report;
      return { ...rest, consultationCount: consultations.length };
    };
    // The exports' own figures, so that a bad row counted anywhere shows.
    expect(clean.report.shop.payment_rate).toBeCloseTo(0.85, 6);
    expect(clean.report.shop.consultations).toBe(999);
    expect(figures(dirty)).toEqual(figures(clean));
    expect(clean.notes.filter((n) => n.kind === 'rows-skipped')).toEqual([]);
  });

  it('names each bad row once, by file and row, and no other; a future time again on its own', () => {
    const skipped = dirty.notes.find((n) => n.kind === 'rows-skipped');
    const expected = [
      ...chats.badAt.map((row) => `qianniu-chats.csv:${row}`),
      ...orders.badAt.map((row) => `taobao-orders.csv:${row}`),
      ...ratings.badAt.map((row) => `service-ratings.csv:${row}`),
    ];
    expect(expected).toHaveLength(20);
    expect(skipped?.rows).toBe(20);
    expect(skipped?.kind === 'rows-skipped' && skipped.listed.map((w) => `${w.file}:${w.row}`)).toEqual(
      expected,
    );
    expect(dirty.notes.find((n) => n.kind === 'future-times')).toMatchObject({
      rows: 4,
      first: { file: 'qianniu-chats.csv', row: chats.badAt[2], column: '发送时间' },
    });
    // What is read with a caution is never counted as skipped.
    expect(dirty.notes.some((n) => n.kind === 'rows-cautioned')).toBe(false);
  });

  it('CS_INDICATORS lists each bad row in its last rows, and its figures are those without them', () => {
    const grid = (text: string) =>
      text
        .trimEnd()
        .split('\n')
        .map((line) => line.split(','));
    const settings = [['tz', 'Asia/Shanghai']];
    const table = (texts: typeof chats) =>
      CS_INDICATORS(grid(texts.clean), grid(orders.clean), settings, grid(ratings.clean)) as unknown[][];
    const cleanTable = table(chats);
    const dirtyTable = CS_INDICATORS(
      grid(chats.dirty),
      grid(orders.dirty),
      settings,
      grid(ratings.dirty),
    ) as unknown[][];
    const figureRows = cleanTable.length - 1; // the platform's proposal
    expect(dirtyTable.slice(0, figureRows)).toEqual(cleanTable.slice(0, figureRows));
    const notes = dirtyTable.slice(figureRows).map((row) => String(row[0]));
    expect(notes).toContain(
      '20 行无法读取，已跳过，不计入任何指标；请在导出中改正这些行（或重新导出）后再计算：',
    );
    // A grid of cells has no file: each row is named by the argument it came in.
    expect(
      notes.find((n) => n.startsWith(`chats 第 ${chats.badAt[0]} 行，转接：the row has 9 cells`)),
    ).toBeDefined();
    expect(notes.filter((n) => /^(chats|orders|ratings) 第 \d+ 行，/.test(n))).toHaveLength(20);
    expect(notes.some((n) => n.startsWith('其中 4 行的时间比现在晚一天以上'))).toBe(true);
  });
});
