// `cs-kpi report --engine duckdb` against `--engine js` on the examples, the shared data and synthetic
// months, through the command line itself: the same JSON to the byte and the same notes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticMonth } from '../../scripts/synthetic.mjs';
import { CROSS_BORDER, CROSS_BORDER_MONTH, EXAMPLE_CHATS } from '../examples';
import { cli } from '../helpers/cli';
import { publicDataFile, TWITTER_CONVERSATION_ARGS } from '../publicData';
import { expectSameOutput } from './differential';

const EXAMPLE_ORDERS = 'examples/taobao-orders.csv';
const CROSSBORDER_US_ORDERS = 'examples/crossborder/amazon-us-orders.txt';

const twitter = TWITTER_CONVERSATION_ARGS;

describe('cs-kpi report --engine duckdb', () => {
  it('gives the JSON of --engine js on the example chats, under several settings', () => {
    const base = ['report', '--chats', EXAMPLE_CHATS, '--format', 'json'];
    const report = JSON.parse(expectSameOutput(base));
    // Not a vacuous match: the example's figures are there.
    expect(report.team.consultations).toBeGreaterThan(50);
    expect(report.team.first_response_s_median).toBeGreaterThan(0);
    expectSameOutput([...base, '--period', 'day', '--fast-reply-seconds', '60', '--hours', '09:00-18:00']);
    expectSameOutput([...base, '--split', 'gap', '--gap-minutes', '5', '--auto-replies-close-gaps', 'true']);
    expectSameOutput([...base, '--period', 'week', '--exclude-transfers-out', 'false', '--internal', '小美']);
  }, 120_000);

  it('gives the JSON of --engine js on the shared public data (Twitter support threads, sessions)', () => {
    const report = JSON.parse(expectSameOutput(['report', ...twitter, '--format', 'json']));
    expect(report.agents.length).toBeGreaterThan(5);
    expectSameOutput([
      'report',
      ...twitter,
      '--format',
      'json',
      '--split',
      'day',
      '--period',
      'month',
      '--tz',
      'UTC',
    ]);
    expectSameOutput(['report', '--chats', 'test/fixtures/chats-invite-offline.csv', '--format', 'json']);
  }, 120_000);

  it('gives the table and CSV of --engine js on a synthetic month of 20,000 messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-sql-'));
    const files = await writeSyntheticMonth(dir, { messages: 20_000, orders: 10, seed: 11 });
    const report = JSON.parse(
      expectSameOutput(['report', '--chats', files.chats, '--format', 'json', '--period', 'week']),
    );
    expect(report.counts.messages).toBeGreaterThan(19_000);
    // Within a memory limit of 128 MiB (a sixteenth of the default): the same figures.
    const json = ['report', '--chats', files.chats, '--format', 'json', '--period', 'week'];
    const least = cli([...json, '--engine', 'duckdb'], { CS_KPI_DUCKDB_MEMORY: '128MiB' });
    expect(least.status, least.stderr).toBe(0);
    expect(JSON.parse(least.stdout)).toEqual(report);
    expectSameOutput(['report', '--chats', files.chats, '--format', 'csv']);
    expectSameOutput(['report', '--chats', files.chats, '--format', 'table', '--split', 'gap']);
  }, 240_000);

  it('gives the JSON, CSV and table of --engine js with the example orders, under every attribution setting', () => {
    const base = ['report', '--chats', EXAMPLE_CHATS, '--orders', EXAMPLE_ORDERS, '--format', 'json'];
    const report = JSON.parse(expectSameOutput(base));
    // Not a vacuous match: the example's attributed and silent orders, its sales and conversion.
    expect(report.counts).toMatchObject({ orders: 500, attributedOrders: 212, silentOrders: 213 });
    expect(report.team.sales).toBe(47620);
    expect(report.team.conversion_rate).toBeCloseTo(0.3154, 4);
    expect(report.counts.afterSalesNotSeparated).toBe(45);
    for (const settings of [
      ['--basis', 'ordered', '--attribution', 'first', '--period', 'day'],
      ['--basis', 'paid-same-day', '--attribution', 'most', '--window-days', '7', '--period', 'week'],
      ['--window-days', '1', '--after-sales-chat-days', '7', '--after-sales-days', '3', '--period', 'day'],
      ['--split', 'gap', '--gap-minutes', '5', '--attribution', 'most', '--internal', '旗舰店:小林'],
    ])
      expectSameOutput([...base, ...settings]);
    expectSameOutput([...base.slice(0, -1), 'csv', '--period', 'week']);
    expectSameOutput([...base.slice(0, -1), 'table', '--after-sales-chat-days', '3']);
  }, 240_000);

  it('gives the JSON of --engine js on the shared order reports (Tmall, Olist) and cancelled lines', () => {
    const tmall = JSON.parse(
      expectSameOutput(['report', '--orders', publicDataFile('tmall_order_report.csv'), '--format', 'json']),
    );
    expect(tmall.shop.orders).toBe(24087);
    expectSameOutput([
      'report',
      '--chats',
      EXAMPLE_CHATS,
      '--orders',
      publicDataFile('tmall_order_report.csv'),
      '--format',
      'json',
      '--period',
      'day',
      '--after-sales-days',
      '7',
    ]);
    expectSameOutput([
      'report',
      '--orders',
      publicDataFile('olist_orders_head.csv'),
      '--format',
      'json',
      '--period',
      'month',
    ]);
    // Lazada's lines, one cancelled of three, one order wholly cancelled (src/core/pipeline/cancelledLines.test.ts).
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-sql-'));
    const lazada = join(dir, 'lazada.csv');
    writeFileSync(
      lazada,
      [
        'orderItemId,createTime,orderNumber,customerName,paidPrice,status,refundAmount,sellerSku,itemName',
        '91,2025-11-01 10:00,7001,liza,25.50,delivered,0,S1,Mug',
        '92,2025-11-01 10:00,7001,liza,14.10,canceled,0,S2,Teapot',
        '93,2025-11-01 10:00,7001,liza,0.20,delivered,0,S3,Spoon',
        '94,2025-11-02 11:00,7002,bebang,30.00,canceled,0,S1,Mug',
        '95,2025-11-03 12:00,7003,kim,9.90,canceled,0,S2,Teapot',
        '96,2025-11-03 12:00,7003,kim,10.00,shipped,0,S3,Tea',
      ].join('\n'),
    );
    const lines = JSON.parse(
      expectSameOutput([
        'report',
        '--orders',
        lazada,
        '--tz',
        'Asia/Manila',
        '--format',
        'json',
        '--basis',
        'ordered',
      ]),
    );
    expect(lines.shop.sales).toBeCloseTo(35.7, 9);
  }, 120_000);

  it("gives each currency's money figures apart, as --engine js does, for orders in two currencies", () => {
    const base = [
      'report',
      '--chats',
      CROSS_BORDER.chats,
      '--orders',
      `${CROSS_BORDER.shopeeOrders}@UTC`,
      '--orders',
      `${CROSSBORDER_US_ORDERS}@UTC`,
      '--tz',
      'UTC',
    ];
    const report = JSON.parse(expectSameOutput([...base, '--format', 'json']));
    expect(report.byCurrency.map((c: { currency: string }) => c.currency)).toEqual(['TWD', 'USD']);
    expect(report.team.sales).toBeNull();
    expect(report.byCurrency[0].shop.sales).toBeGreaterThan(0);
    expectSameOutput([...base, '--format', 'csv', '--period', 'day']);
    expectSameOutput([...base, '--format', 'table']);
  }, 120_000);

  it('gives the JSON of --engine js on the cross-border month, each export in its market’s zone', () => {
    // npm run start:crossborder's exports: Shopee TW's orders read in Asia/Taipei, Amazon's in its US zone.
    const base = ['report', ...CROSS_BORDER_MONTH];
    const report = JSON.parse(expectSameOutput([...base, '--format', 'json']));
    expect(report.imports.map((i: { timeZone?: string }) => i.timeZone ?? null)).toEqual([
      null,
      'Asia/Taipei',
      null, // Amazon's times carry their offset
    ]);
    expect(report.byCurrency.map((c: { currency: string }) => c.currency)).toEqual(['TWD', 'USD']);
    expect(report.counts.attributedOrders).toBeGreaterThan(10);
    expectSameOutput([...base, '--format', 'json', '--period', 'day', '--basis', 'paid-same-day']);
    expectSameOutput([...base, '--format', 'csv', '--period', 'week', '--after-sales-chat-days', '3']);
    // Converted into US dollars by the example's rate table: every amount, the rates used and the note.
    const rates = ['--rates', 'examples/crossborder/rates.csv'];
    const converted = JSON.parse(expectSameOutput([...base, ...rates, '--format', 'json']));
    expect(converted.currency).toBe('USD');
    expect(converted.conversion.rates).toEqual([
      { currency: 'TWD', period: '2026-11', rate: 0.031, orders: 120 },
    ]);
    expect(converted.team.sales).toBeGreaterThan(0);
    expectSameOutput([...base, ...rates, '--format', 'table', '--period', 'week']);
    // A table without the month's rate refuses the report, in the JS engine's words.
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-rates-'));
    writeFileSync(join(dir, 'rates.csv'), 'currency,period,rate,to\nTWD,2026-10,0.031,USD\n');
    const refused = cli([...base, '--rates', join(dir, 'rates.csv'), '--engine', 'duckdb']);
    const js = cli([...base, '--rates', join(dir, 'rates.csv'), '--engine', 'js']);
    expect(refused.stderr).toContain('the rate table has no rate to USD for TWD 2026-11 (120 orders)');
    expect([refused.status, refused.stderr]).toEqual([js.status, js.stderr]);
  }, 300_000);

  it('gives the JSON of --engine js with chats, orders and ratings each given a zone of its own', () => {
    const base = [
      'report',
      '--chats',
      `${EXAMPLE_CHATS}@America/Los_Angeles`,
      '--orders',
      `${EXAMPLE_ORDERS}@Pacific/Auckland`,
      '--ratings',
      'examples/service-ratings.csv@Europe/London',
      '--format',
      'json',
    ];
    const zoned = JSON.parse(expectSameOutput([...base, '--period', 'day', '--hours', '09:00-18:00']));
    // Not the report of the same files in --tz: the days moved with the zones.
    const plain = JSON.parse(
      cli(['report', '--chats', EXAMPLE_CHATS, '--format', 'json', '--period', 'day']).stdout,
    );
    expect(zoned.period).not.toEqual(plain.period);
    expectSameOutput([...base, '--split', 'day', '--basis', 'paid-same-day', '--window-days', '2']);
    // An account in exports of two zones is refused by both engines, with the same words.
    const copy = join(mkdtempSync(join(tmpdir(), 'cs-kpi-zones-')), 'chats.csv');
    writeFileSync(copy, readFileSync(EXAMPLE_CHATS));
    const twoZones = ['report', '--chats', EXAMPLE_CHATS, '--chats', `${copy}@UTC`];
    const twice = cli([...twoZones, '--engine', 'duckdb']);
    expect(twice.stderr).toContain("one account's days can follow one zone only");
    const js = cli([...twoZones, '--engine', 'js']);
    expect(js.status).not.toBe(0);
    expect([twice.status, twice.stderr]).toEqual([js.status, js.stderr]);
  }, 240_000);

  it('names the engines it knows when given another', () => {
    const unknown = cli(['report', '--chats', EXAMPLE_CHATS, '--engine', 'spark']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--engine is js, duckdb or auto; got "spark"');
  });

  it('lets auto pick the JS engine, the faster, DuckDB where the JS engine would not fit, or from CS_KPI_DUCKDB_FROM_BYTES', () => {
    const args = [
      'report',
      '--chats',
      EXAMPLE_CHATS,
      '--orders',
      EXAMPLE_ORDERS,
      '--format',
      'json',
      '--timings',
    ];
    const below = cli(args);
    expect(below.status).toBe(0);
    expect(below.stderr).toMatch(/compute \d/);
    expect(below.stderr).not.toContain('compute (duckdb)');
    // A JavaScript heap smaller than the JS engine's need for these exports (Node's limit of 112 MiB
    // against about 150 MiB): DuckDB computes the report, said before any export is read.
    const smallHeap = cli(args, { NODE_OPTIONS: '--max-old-space-size=64' });
    expect(smallHeap.status, smallHeap.stderr).toBe(0);
    expect(smallHeap.stderr).toMatch(
      /^cs-kpi: --engine auto: DuckDB computes this report \(the same figures\): the JS engine would need about \d+ MiB for these \d+ KiB of exports, more than it may take here \(\d+ MiB of JavaScript heap, [\d.]+ GiB of memory free\)\. --engine js chooses it all the same\.\n/,
    );
    expect(smallHeap.stderr).toContain('compute (duckdb)');
    expect(smallHeap.stdout).toBe(below.stdout);
    expect(below.stderr).not.toContain('--engine auto:');
    const fromZero = cli(args, { CS_KPI_DUCKDB_FROM_BYTES: '0' });
    expect(fromZero.status).toBe(0);
    expect(fromZero.stderr).toContain('compute (duckdb)');
    expect(fromZero.stdout).toBe(below.stdout);
    expect(JSON.parse(fromZero.stdout).team.conversion_rate).toBeGreaterThan(0);
    const wrong = cli(args, { CS_KPI_DUCKDB_FROM_BYTES: '1 GB' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('CS_KPI_DUCKDB_FROM_BYTES is a size in bytes');
    // DuckDB's memory limit: a size with its unit, of at least 64 MiB; a wrong one is said before reading.
    for (const memory of ['lots', '2 G', '10MB', '-1GB']) {
      const refused = cli([...args, '--engine', 'duckdb'], { CS_KPI_DUCKDB_MEMORY: memory });
      expect(refused.status, memory).toBe(2);
      expect(refused.stderr).toContain(
        `CS_KPI_DUCKDB_MEMORY is the memory DuckDB may take before it writes to its temporary folder, a size of at least 64MiB such as 2GB, 1536MiB or 3000000000 (bytes); got "${memory}".`,
      );
    }
    const given = cli([...args, '--engine', 'duckdb'], { CS_KPI_DUCKDB_MEMORY: '1.5GiB' });
    expect(given.stdout).toBe(below.stdout);
  }, 120_000);

  it('lets auto have DuckDB compute the platform response figures, as --engine js does', () => {
    // DuckDB computes every indicator of the catalog since the platform's (platformViews.ts): nothing
    // is handed back to the JS engine once the exports are read.
    const args = [
      'report',
      '--chats',
      CROSS_BORDER.chats,
      '--orders',
      CROSS_BORDER.shopeeOrders,
      '--platform',
      'shopee',
      '--format',
      'json',
    ];
    const js = cli([...args, '--engine', 'js']);
    expect(js.status).toBe(0);
    expect(JSON.parse(js.stdout).team.platform_response_rate).toBeGreaterThan(0);
    const auto = cli([...args, '--timings'], { CS_KPI_DUCKDB_FROM_BYTES: '0' });
    expect(auto.status, auto.stderr).toBe(0);
    expect(auto.stdout).toBe(js.stdout);
    expect(auto.stderr).toContain('compute (duckdb)');
    expect(auto.stderr).not.toContain('--engine auto:');
  }, 120_000);
});
