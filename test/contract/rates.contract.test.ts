// 按设置重新计算 and the 汇率 tab (issue 22, item 3): a recompute reads no orders, so when 绩效 scores a
// money figure and 汇率 would convert otherwise than the last import did (added after an import left
// the money per currency, or a rate changed), it says so and changes nothing; an import replaces the
// last one's per-currency tabs and 所用汇率. Through the built Code.js on the fake spreadsheet.
import { describe, expect, it } from 'vitest';
import type { RateTable } from '../../src/core/engine/currencies';
import { DEFAULT_SCHEME } from '../../src/core/engine/scheme';
import { resolveSettings } from '../../src/core/engine/settings';
import { importTable } from '../../src/core/import/importer';
import { importRecord } from '../../src/core/pipeline/importRecord';
import { runPipeline, singleExport } from '../../src/core/pipeline/pipeline';
import { readSettingsBook, settingsRows } from '../../src/core/sheets/settingsTab';
import { buildTabs } from '../../src/core/sheets/tabs';
import { loadCode } from '../fakes/loadCode';

type Addon = ReturnType<typeof loadCode>;

const CHATS = [
  'time,agent,customer,from',
  '2026-11-02 10:00:00,小美,A,customer',
  '2026-11-02 10:00:20,小美,A,agent',
  '2026-11-02 11:00:00,小美,B,customer',
  '2026-11-02 11:00:20,小美,B,agent',
].join('\n');
/** 1000 TWD and 30 USD, each bought by a customer 小美 served. */
const ORDERS = [
  'order_id,customer,created_at,paid_at,amount,currency',
  'o1,A,2026-11-02 12:00:00,2026-11-02 12:01:00,1000,TWD',
  'o2,B,2026-11-02 13:00:00,2026-11-02 13:01:00,30.00,USD',
].join('\n');

/** The default scheme, and 客单价 scored besides (a money figure), as 设置's rows. */
const SETTINGS_ROWS = settingsRows(
  [
    {
      ...DEFAULT_SCHEME,
      items: [
        ...DEFAULT_SCHEME.items,
        {
          id: 'aov',
          better: 'higher',
          target: 50,
          thresholds: [20, 40, 60],
          points: [6, 8, 10],
          weight: 10,
          maxPoints: 10,
        },
      ],
    },
  ],
  [],
);
const BOOK = readSettingsBook(SETTINGS_ROWS);

/** The team's 设置, typed in before the first import (which then reads it and writes none). */
function teamSettings(addon: Addon) {
  const width = Math.max(...SETTINGS_ROWS.map((row) => row.length));
  const rows = SETTINGS_ROWS.map((row) => [...row, ...Array(width - row.length).fill('')]);
  addon.spreadsheet.insertSheet('设置').getRange(1, 1, rows.length, width).setValues(rows);
}

/** An import as the sidebar makes it, converted by `rates` when given. */
function importOrders(addon: Addon, rates?: RateTable, orders = ORDERS) {
  const settings = resolveSettings({ timeZone: 'UTC', minSample: 0 });
  const chats = importTable({ kind: 'chats', file: 'chats', text: CHATS, timeZone: 'UTC' });
  const bought = importTable({ kind: 'orders', file: 'orders', text: orders, timeZone: 'UTC' });
  const { report } = runPipeline(
    { chats: singleExport(chats), orders: singleExport(bought) },
    settings,
    Date.now(),
    rates,
  );
  const tabs = buildTabs(report, { settings: BOOK, formulas: 'native', language: 'zh-CN' });
  // What the sidebar sends with its tabs: the exports read and the money figures' one currency.
  const record = importRecord(report, [
    { imported: chats, zone: 'UTC' },
    { imported: bought, zone: 'UTC' },
  ]);
  addon.callServer('writeTabs', { tabs, replaceEdited: true, record });
}

const tabNames = (addon: Addon) => addon.spreadsheet.getSheets().map((s) => s.getName());
const card = (addon: Addon) => addon.spreadsheet.getSheetByName('绩效')?.getDataRange().getValues();
/** A 汇率 tab as a team types it: TWD at `rate` USD in November 2026 (a month typed becomes a date). */
function ratesTab(addon: Addon, rate: number | string) {
  const sheet = addon.spreadsheet.getSheetByName('汇率') ?? addon.spreadsheet.insertSheet('汇率');
  sheet.getRange(1, 1, 2, 4).setValues([
    ['币种', '期间', '汇率', '报告币种'],
    ['TWD', new Date('2026-10-31T16:00:00Z'), rate, 'USD'],
  ]);
}
const TWD_AT = (rate: number): RateTable => ({
  to: 'USD',
  rates: [{ currency: 'TWD', period: '2026-11', rate }],
});

describe('按设置重新计算 and the 汇率 tab', () => {
  it('rebuilds 绩效 when 汇率 agrees with the import, and otherwise says why and changes nothing', () => {
    const addon = loadCode({ spreadsheet: { evaluateFormulas: true } });
    teamSettings(addon);
    importOrders(addon);
    expect(tabNames(addon)).toEqual(expect.arrayContaining(['销售指标 TWD', '销售指标 USD']));
    // No 汇率 tab: the money figures per currency, 绩效's 客单价 empty, as the import left it.
    const first = addon.callServer('applyRecompute');
    expect(first, JSON.stringify(first)).toMatchObject({ applied: true });

    // 汇率 added after that import: the recompute cannot convert orders it does not read.
    ratesTab(addon, 0.031);
    const before = card(addon);
    const added = addon.callServer('payWhatIf') as { rows: unknown[]; problem: string };
    expect(added.rows).toEqual([]);
    expect(added.problem).toContain(
      "The last import's orders were in TWD, USD, their money figures per currency and empty in 绩效; 汇率 came after it.",
    );
    expect(added.problem).toContain('import the orders again from the sidebar. Nothing was changed.');
    expect(addon.callServer('applyRecompute')).toEqual({ applied: false, message: added.problem });
    expect(card(addon)).toEqual(before);

    // Imported again, converted at 汇率: the per-currency tabs go, 所用汇率 says the rate, recompute runs.
    importOrders(addon, TWD_AT(0.031));
    expect(tabNames(addon)).not.toContain('销售指标 TWD');
    expect(tabNames(addon)).not.toContain('销售指标 USD');
    expect(addon.spreadsheet.getSheetByName('所用汇率')?.getDataRange().getValues()[1]).toEqual([
      'TWD',
      '2026-11',
      0.031,
      'USD',
      1,
    ]);
    expect(addon.callServer('applyRecompute')).toMatchObject({ applied: true });

    // A rate changed since: said with the rate used and the rate now.
    ratesTab(addon, 0.032);
    const changed = addon.callServer('payWhatIf') as { problem: string };
    expect(changed.problem).toContain('TWD 2026-11 0.031 USD → 0.032 USD');
    expect(addon.callServer('applyRecompute')).toMatchObject({ applied: false });

    // A 汇率 row that cannot be read: its row and column.
    ratesTab(addon, 'abc');
    expect((addon.callServer('payWhatIf') as { problem: string }).problem).toContain(
      '汇率 row 2, column 汇率: "abc" is not a rate',
    );

    // 汇率 deleted and orders of one currency imported: the last import's 所用汇率 goes too.
    addon.spreadsheet.deleteSheet(addon.spreadsheet.getSheetByName('汇率') as never);
    importOrders(addon, undefined, ORDERS.split('\n').slice(0, 2).join('\n'));
    expect(tabNames(addon)).not.toContain('所用汇率');
    expect(addon.callServer('applyRecompute')).toMatchObject({ applied: true });
  });

  it('sees a 汇率 tab added after an import of one currency, which wrote no tab naming it', () => {
    const addon = loadCode({ spreadsheet: { evaluateFormulas: true } });
    teamSettings(addon);
    // 1000 TWD alone: 绩效's 客单价 in TWD, no 所用汇率, no 销售指标 TWD.
    importOrders(addon, undefined, ORDERS.split('\n').slice(0, 2).join('\n'));
    expect(tabNames(addon)).not.toContain('所用汇率');
    expect(tabNames(addon)).not.toContain('销售指标 TWD');
    ratesTab(addon, 0.031);
    const before = card(addon);
    const problem = (addon.callServer('payWhatIf') as { problem: string }).problem;
    expect(problem).toContain(
      "The last import's orders were all in TWD (orders), not converted: 绩效's money figures are in TWD, and 汇率 now converts into USD.",
    );
    expect(addon.callServer('applyRecompute')).toEqual({ applied: false, message: problem });
    expect(card(addon)).toEqual(before);
    // A 汇率 whose report currency is the import's own converts nothing: 绩效 follows it.
    addon.spreadsheet
      .getSheetByName('汇率')
      ?.getRange(2, 1, 1, 4)
      .setValues([['USD', 'all', 32, 'TWD']]);
    expect(addon.callServer('applyRecompute')).toMatchObject({ applied: true });
    // An import sent with no record (an older sidebar) forgets the last one's: 汇率 is then not checked.
    addon.callServer('writeTabs', {
      tabs: buildTabs(runPipeline({}, resolveSettings({ timeZone: 'UTC', minSample: 0 })).report, {
        settings: BOOK,
        formulas: 'native',
        language: 'zh-CN',
      }),
      replaceEdited: true,
    });
    ratesTab(addon, 0.031);
    expect(addon.callServer('applyRecompute')).toMatchObject({ applied: true });
  });

  it('leaves 汇率 alone when no scheme scores a money figure', () => {
    const addon = loadCode({ spreadsheet: { evaluateFormulas: true } });
    const settings = resolveSettings({ timeZone: 'UTC', minSample: 0 });
    const read = <K extends 'chats' | 'orders'>(kind: K, text: string) =>
      singleExport(importTable({ kind, file: kind, text, timeZone: 'UTC' }));
    const { report } = runPipeline({ chats: read('chats', CHATS), orders: read('orders', ORDERS) }, settings);
    addon.callServer('writeTabs', {
      tabs: buildTabs(report, { formulas: 'native', language: 'zh-CN' }),
      replaceEdited: true,
    });
    ratesTab(addon, 0.031);
    expect(addon.callServer('applyRecompute')).toMatchObject({ applied: true });
  });
});
