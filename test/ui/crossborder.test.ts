// Issue 22 in the add-on: each pasted export read in its own zone (its market's by default, changeable
// in the mapping step), and orders of two currencies converted by a 汇率 tab, or shown per currency
// without one: the real sidebar beside the real Code.js in the preview, figures against the command
// line's and against sums by hand.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { reportColumns } from '../../src/core/engine/catalog';
import { CROSS_BORDER, crossBorderJson } from '../examples';
import type { GasFake } from '../fakes/services';
import { ARTIFACTS, previewForFile } from './browser';

const { chats: CHATS, shopeeOrders: SHOPEE, amazonOrders: AMAZON } = CROSS_BORDER;

const held = previewForFile();
const fake = () => held.preview.fake as GasFake;

/** A new preview page, its sidebar connected (the spreadsheet's tabs as they are now). */
async function openSidebar() {
  const page = await held.browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(held.preview.url);
  const sidebar = page.frameLocator('#sidebar');
  await expect.poll(() => sidebar.locator('#status').textContent()).toBe('已连接');
  return { page, sidebar };
}

/** Text pasted into a source's box in one go, as a paste arrives. */
const paste = (sidebar: FrameLocator, kind: string, text: string) =>
  sidebar.locator(`#text-${kind}`).evaluate((area: HTMLTextAreaElement, value: string) => {
    area.value = value;
    area.dispatchEvent(new Event('input'));
  }, text);

/** Clicks 计算并写入 and waits until the sidebar says it is done (or shows an error). */
async function compute(sidebar: FrameLocator) {
  await sidebar.locator('#compute').click();
  await expect
    .poll(
      async () =>
        (await sidebar.locator('#error').isVisible())
          ? 'error'
          : await sidebar.locator('#progress-text').textContent(),
      { timeout: 60_000 },
    )
    .toMatch(/完成|error/);
}

const ID_OF = new Map(reportColumns('zh-CN').map((c) => [c.header, c.id]));

/** A tab the preview's spreadsheet holds, as label → indicator id → value (blank as null). */
function tabFigures(name: string): Map<string, Record<string, unknown>> {
  const sheet = fake().spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no tab ${name}`);
  const [header = [], ...body] = sheet.getDataRange().getValues();
  return new Map(
    body.map((row) => [
      String(row[0]),
      Object.fromEntries(
        header.flatMap((h, i) =>
          ID_OF.has(String(h)) ? [[ID_OF.get(String(h)), row[i] === '' ? null : row[i]]] : [],
        ),
      ),
    ]),
  );
}

/** The command line's agents on the same chats and orders (an --orders each), under --tz UTC. */
const cliAgents = (...orders: string[]) => crossBorderJson(...orders).agents as Record<string, unknown>[];

/** The figures of 销售指标's (or another tab's) agents against the command line's, each id the tab has. */
function expectSalesLikeCli(cli: Record<string, unknown>[], name = '销售指标') {
  const tab = tabFigures(name);
  let compared = 0;
  for (const agent of cli) {
    const row = tab.get(String(agent.agent));
    expect(row, String(agent.agent)).toBeDefined();
    for (const [id, value] of Object.entries(row ?? {})) {
      expect([agent.agent, id, value]).toEqual([agent.agent, id, agent[id] ?? null]);
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(10);
}

describe('a zone per pasted export', () => {
  it('reads a Shopee Taiwan report in Asia/Taipei by default and in the zone chosen in the mapping step', async () => {
    const { page, sidebar } = await openSidebar();
    await paste(sidebar, 'chats', readFileSync(CHATS, 'utf8'));
    await paste(sidebar, 'orders', readFileSync(SHOPEE, 'utf8'));
    await sidebar.locator('#read').click();
    // The settings show once the exports are read; the report's zone set, they are read again.
    await sidebar.locator('#set-tz').fill('UTC');
    await sidebar.locator('#read').click();
    await expect.poll(() => sidebar.locator('#zone-chats').inputValue()).toBe('UTC');
    expect(await sidebar.locator('#zone-orders').inputValue()).toBe('Asia/Taipei');
    expect(await sidebar.locator('#zone-source-orders').textContent()).toBe(
      '蝦皮 訂單報表（台灣）：该市场的时区',
    );
    // Zendesk names no market: its chats are read in the settings' zone.
    expect(await sidebar.locator('#zone-source-chats').textContent()).toBe('设置中的时区');
    await page
      .locator('#sidebar')
      .screenshot({ path: fileURLToPath(new URL('sidebar-zones.png', ARTIFACTS)) });
    await compute(sidebar);
    const market = cliAgents(SHOPEE);
    expectSalesLikeCli(market);

    // Another zone typed for the orders: read again in it, as the command line's FILE@ZONE.
    await sidebar.locator('#zone-orders').fill('UTC');
    await sidebar.locator('#zone-orders').dispatchEvent('change');
    await expect.poll(() => sidebar.locator('#zone-source-orders').textContent()).toBe('已指定');
    await compute(sidebar);
    const utc = cliAgents(`${SHOPEE}@UTC`);
    expectSalesLikeCli(utc);
    // The two zones give different figures: the test would fail had either been ignored.
    expect(utc.map((a) => a.conversion_rate)).not.toEqual(market.map((a) => a.conversion_rate));

    // A zone that is none is refused in words, and the export stays as it was read.
    await sidebar.locator('#zone-orders').fill('Asia/Taipie');
    await sidebar.locator('#zone-orders').dispatchEvent('change');
    await expect
      .poll(() => sidebar.locator('#error-message').textContent())
      .toBe('「Asia/Taipie」不是时区名称：请写 IANA 名称，如 Asia/Taipei、America/Los_Angeles。');
    await page.close();
  }, 180_000);
});

/** Orders of a generic export in two currencies: 1000 + 550 TWD, 30 + 12.50 USD. */
const TWO_CURRENCIES = [
  'order_id,customer,created_at,paid_at,amount,currency',
  'o1,tw_buyer37,2026-11-01 09:00:00,2026-11-01 09:05:00,1000,TWD',
  'o2,us_buyer1,2026-11-02 10:00:00,2026-11-02 10:05:00,30.00,USD',
  'o3,tw_buyer64,2026-11-03 11:00:00,2026-11-03 11:05:00,550,TWD',
  'o4,us_buyer2,2026-11-04 12:00:00,2026-11-04 12:05:00,12.50,USD',
].join('\n');

/** The values of a tab, or null when the spreadsheet has none. */
const values = (name: string) => fake().spreadsheet.getSheetByName(name)?.getDataRange().getValues() ?? null;

/** Imports the Zendesk chats and the two-currency orders from a new sidebar; its error text, if any. */
async function importTwoCurrencies() {
  const { page, sidebar } = await openSidebar();
  await paste(sidebar, 'chats', readFileSync(CHATS, 'utf8'));
  await paste(sidebar, 'orders', TWO_CURRENCIES);
  await sidebar.locator('#read').click();
  await sidebar.locator('#set-tz').fill('UTC');
  await compute(sidebar);
  const error = (await sidebar.locator('#error').isVisible())
    ? await sidebar.locator('#error-message').textContent()
    : null;
  await page.close();
  return error;
}

describe('orders in two currencies and the 汇率 tab', () => {
  it('shows them per currency without a 汇率 tab, converts them with one, and refuses a bad rate changing nothing', async () => {
    expect(await importTwoCurrencies()).toBeNull();
    // Never summed: the main tab's money figures empty, each currency's tab its own sums.
    expect(tabFigures('销售指标').get('店铺')?.sales).toBeNull();
    expect(tabFigures('销售指标 TWD').get('店铺')?.sales).toBe(1550);
    expect(tabFigures('销售指标 USD').get('店铺')?.sales).toBe(42.5);
    expect(values('所用汇率')).toBeNull();

    // A 汇率 tab as a team types it: the month becomes a date (midnight, the spreadsheet's zone).
    const rates = fake().spreadsheet.insertSheet('汇率');
    rates.getRange(1, 1, 2, 4).setValues([
      ['币种', '期间', '汇率', '报告币种'],
      ['TWD', new Date('2026-10-31T16:00:00Z'), 0.031, 'USD'],
    ]);
    expect(await importTwoCurrencies()).toBeNull();
    // 1000 × 0.031 + 550 × 0.031 + 30 + 12.50, each order rounded to the cent.
    expect(tabFigures('销售指标').get('店铺')?.sales).toBeCloseTo(31 + 17.05 + 42.5, 9);
    // The last import's per-currency tabs go: they would show other orders' figures beside these.
    expect([values('销售指标 TWD'), values('销售指标 USD')]).toEqual([null, null]);
    expect(values('所用汇率')).toEqual([
      ['币种 currency', '期间 period', '汇率 rate', '折算为 into', '订单数 orders'],
      ['TWD', '2026-11', 0.031, 'USD', 2],
    ]);

    // A rate written with a decimal comma (0,03 stays text, as Sheets keeps it): the import stops,
    // saying where, and writes nothing.
    const before = values('销售指标');
    rates.getRange(2, 3).setValue('0,03');
    const error = await importTwoCurrencies();
    expect(error).toBe(
      '「汇率」工作表无法用来折算，未写入任何内容。请改正后再计算：\n汇率 row 2, column 汇率: "0,03" is not a rate; write how many USD one TWD is, such as 0.031 (digits and a decimal point, no thousands separator).',
    );
    expect(values('销售指标')).toEqual(before);

    // A month the 汇率 tab has no rate for refuses the import the same way.
    rates.getRange(2, 2, 1, 2).setValues([['2026-10', 0.031]]);
    expect(await importTwoCurrencies()).toMatch(
      /^「汇率」工作表无法用来折算，未写入任何内容。请改正后再计算：\nthe rate table has no rate to USD for TWD 2026-11 \(2 orders\)/,
    );
    expect(values('销售指标')).toEqual(before);
  }, 240_000);
});

describe('several exports of one kind in the sidebar (issue 22, item 4)', () => {
  it('reads a Shopee TW shop’s and an Amazon US shop’s orders side by side, each in its zone, as two --orders', async () => {
    // No 汇率 tab (the test before leaves one): the two currencies stay apart.
    const rates = fake().spreadsheet.getSheetByName('汇率');
    if (rates) fake().spreadsheet.deleteSheet(rates);
    const { page, sidebar } = await openSidebar();
    await paste(sidebar, 'chats', readFileSync(CHATS, 'utf8'));
    await paste(sidebar, 'orders', readFileSync(SHOPEE, 'utf8'));
    await sidebar.locator('#add-orders').click();
    await paste(sidebar, 'orders-2', readFileSync(AMAZON, 'utf8'));
    await sidebar.locator('#read').click();
    await sidebar.locator('#set-tz').fill('UTC');
    await sidebar.locator('#read').click();
    // Each export its own section: its dialect, its zone and where the zone comes from, its rows.
    await expect.poll(() => sidebar.locator('#zone-orders-2').inputValue()).toBe('UTC');
    expect(await sidebar.locator('#mapping-orders .dialect').textContent()).toBe(
      '识别为 蝦皮 訂單報表（台灣）',
    );
    expect(await sidebar.locator('#zone-orders').inputValue()).toBe('Asia/Taipei');
    expect(await sidebar.locator('#mapping-orders-2 strong').textContent()).toBe('订单 2');
    expect(await sidebar.locator('#mapping-orders-2 .dialect').textContent()).toMatch(/^识别为 Amazon/);
    expect(await sidebar.locator('#zone-source-orders-2').textContent()).toBe('设置中的时区');
    expect(await sidebar.locator('#mapping-orders-2').textContent()).toContain('80 / 100 行');
    await page
      .locator('#sidebar')
      .screenshot({ path: fileURLToPath(new URL('sidebar-two-order-exports.png', ARTIFACTS)) });
    await compute(sidebar);
    expect(await sidebar.locator('#error').isVisible()).toBe(false);

    // Every figure of 销售指标 as the command line's with the two files; money per currency, never summed.
    const cli = crossBorderJson(SHOPEE, AMAZON);
    expectSalesLikeCli(cli.agents);
    expectSalesLikeCli(cli.agents, '服务指标');
    expect(tabFigures('销售指标').get('店铺')?.sales).toBeNull();
    for (const own of cli.byCurrency as {
      currency: string;
      agents: Record<string, unknown>[];
      shop: Record<string, unknown>;
    }[]) {
      const tab = tabFigures(`销售指标 ${own.currency}`);
      expect(tab.get('店铺')?.sales, own.currency).toBe(own.shop.sales);
      for (const agent of own.agents)
        expect([own.currency, agent.agent, tab.get(String(agent.agent))?.sales]).toEqual([
          own.currency,
          agent.agent,
          agent.sales,
        ]);
    }
    expect((cli.byCurrency as { currency: string }[]).map((c) => c.currency)).toEqual(['TWD', 'USD']);
    // What the import remembers for 按设置重新计算: each export with its zone and currencies, no one currency.
    expect(JSON.parse(String(fake().documentProperties.getProperty('cs-kpi.last-import')))).toEqual({
      exports: [
        { kind: 'chats', name: '聊天记录', dialect: 'zendesk-messages', zone: 'UTC', currencies: [] },
        {
          kind: 'orders',
          name: '订单',
          dialect: 'shopee-tw-orders',
          zone: 'Asia/Taipei',
          currencies: ['TWD'],
        },
        { kind: 'orders', name: '订单 2', dialect: 'amazon-order-report', zone: 'UTC', currencies: ['USD'] },
      ],
      currency: null,
    });
    await page.close();

    // The next sidebar offers the two order boxes again; the second removed, Amazon's orders go.
    const next = await openSidebar();
    await expect.poll(() => next.sidebar.locator('#text-orders-2').count()).toBe(1);
    await paste(next.sidebar, 'chats', readFileSync(CHATS, 'utf8'));
    await paste(next.sidebar, 'orders', readFileSync(SHOPEE, 'utf8'));
    await paste(next.sidebar, 'orders-2', readFileSync(AMAZON, 'utf8'));
    await next.sidebar.locator('#remove-orders-2').click();
    expect(await next.sidebar.locator('#text-orders-2').count()).toBe(0);
    await next.sidebar.locator('#read').click();
    await next.sidebar.locator('#set-tz').fill('UTC');
    await compute(next.sidebar);
    expectSalesLikeCli(cliAgents(SHOPEE));
    expect(values('销售指标 USD')).toBeNull();
    // Shopee's orders alone are in one currency, which the record now names for the 汇率 check.
    expect(JSON.parse(String(fake().documentProperties.getProperty('cs-kpi.last-import'))).currency).toBe(
      'TWD',
    );
    await next.page.close();
  }, 240_000);
});
