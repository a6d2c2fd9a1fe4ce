// The cross-border example month (examples/crossborder/): what npm run examples writes, read with no
// mapping, its money figures per currency from npm run start:crossborder's command, and converted
// with its rates.csv — each checked against sums taken straight from the files.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/build.mjs';
import { crossBorderMonth } from '../scripts/crossborder.mjs';
import { customFunction } from '../src/core/customFunctions';
import { reportColumns } from '../src/core/engine/catalog';
import { resolveSettings } from '../src/core/engine/settings';
import { importTable } from '../src/core/import/importer';
import type { TableImport } from '../src/core/import/tableReader';
import { runPipeline } from '../src/core/pipeline/pipeline';
import { zonedExports, zoneOfExport } from '../src/core/pipeline/zones';
import { CROSS_BORDER, crossBorderJson } from './examples';

const DIR = join(ROOT, 'examples/crossborder');
const file = (name: string) => join(DIR, name);

/** The command of `npm run start:crossborder`, after its build, with the arguments given. */
function report(...extra: string[]) {
  const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['start:crossborder'];
  const args = (script as string)
    .split(' && ')[1]
    ?.split(' ')
    .slice(2) // node bin/cs-kpi.js
    .filter((arg, i, all) => arg !== '--xlsx' && all[i - 1] !== '--xlsx') as string[];
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/cs-kpi.js'), ...args, ...extra], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  expect(result.stderr).not.toMatch(/could not be read/);
  expect(result.status).toBe(0);
  return result.stdout;
}

const rows = (name: string, delimiter = ',') =>
  Papa.parse<Record<string, string>>(readFileSync(file(name), 'utf8'), {
    header: true,
    skipEmptyLines: true,
    delimiter,
  }).data;

/** Shopee TW's sales, straight from the file: each order once, unless its status says it was no sale. */
function shopeeSales() {
  const orders = new Map<string, number>();
  for (const row of rows('shopee-tw-orders.csv'))
    if (row['訂單狀態'] !== '不成立') orders.set(row['訂單編號'] as string, Number(row['買家總支付金額']));
  return [...orders.values()];
}

/** Amazon's sales: the paid orders' item prices, summed over each order's items. */
function amazonSales() {
  const orders = new Map<string, number>();
  for (const row of rows('amazon-us-orders.txt', '\t'))
    if (row['payments-date'] !== '')
      orders.set(
        row['order-id'] as string,
        (orders.get(row['order-id'] as string) ?? 0) + Number(row['item-price']),
      );
  return [...orders.values()];
}

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

describe('the cross-border example month', () => {
  it('is exactly what npm run examples makes', () => {
    for (const [name, text] of Object.entries(crossBorderMonth()))
      expect(readFileSync(file(name), 'utf8'), name).toBe(text);
  });

  it('is read with no mapping, every row, and never adds TWD to USD', () => {
    const json = JSON.parse(report('--format', 'json'));
    expect(json.imports.map((i: { dialect: string }) => i.dialect)).toEqual([
      'zendesk-messages',
      'shopee-tw-orders',
      'amazon-order-report',
    ]);
    expect(json.warnings).toEqual([]);
    expect(json.shop.sales).toBeNull();
    expect(json.shop.aov).toBeNull();
    const [twd, usd] = json.byCurrency;
    expect([twd.currency, usd.currency]).toEqual(['TWD', 'USD']);
    expect(twd.shop.sales).toBe(sum(shopeeSales()));
    // The shop's sales are the agents' and the silent sales, in the one currency.
    expect(twd.shop.sales).toBe(
      twd.shop.silent_sales + sum(twd.agents.map((a: { sales: number }) => a.sales)),
    );
    expect(usd.shop.sales).toBeCloseTo(sum(amazonSales()), 6);
  });

  it('writes CSV rows per currency: the main rows without money figures, each currency its own', () => {
    const csv = Papa.parse<Record<string, string>>(report('--format', 'csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const main = csv.filter((r) => r.currency === '');
    const agents = main.filter((r) => r.level === 'agent');
    expect(agents.length).toBeGreaterThan(0);
    expect(main.map((r) => r.sales)).toEqual(main.map(() => ''));
    expect(main.map((r) => r.aov)).toEqual(main.map(() => ''));
    // Counts are the report's own: the main shop row has them, the currency rows have none.
    const shop = (currency: string) => csv.find((r) => r.level === 'shop' && r.currency === currency);
    expect(Number(shop('')?.consultations)).toBeGreaterThan(0);
    expect(shop('TWD')?.consultations).toBe('');
    expect(Number(shop('TWD')?.sales)).toBe(sum(shopeeSales()));
    expect(Number(shop('USD')?.sales)).toBeCloseTo(sum(amazonSales()), 6);
    // Each currency has a row per agent of the report, as the JSON's byCurrency has.
    const json = JSON.parse(report('--format', 'json'));
    for (const own of json.byCurrency as { currency: string; agents: { agent: string; sales: number }[] }[])
      expect(
        csv
          .filter((r) => r.level === 'agent' && r.currency === own.currency)
          .map((r) => [r.agent, r.sales === '' ? null : Number(r.sales)]),
      ).toEqual(own.agents.map((a) => [a.agent, a.sales]));
  });

  it('prints a block per currency, and converts with rates.csv at 0.031 USD a TWD', () => {
    const table = report();
    expect(table).toMatch(/^TWD（120 笔订单 orders）/m);
    expect(table).toMatch(/^USD（80 笔订单 orders）/m);
    const json = JSON.parse(report('--format', 'json', '--rates', file('rates.csv')));
    expect(json.byCurrency).toBeUndefined();
    expect(json.conversion).toEqual({
      to: 'USD',
      rates: [{ currency: 'TWD', period: '2026-11', rate: 0.031, orders: 120 }],
    });
    const cents = (v: number) => Math.round(v * 100) / 100;
    expect(json.shop.sales).toBeCloseTo(
      sum(shopeeSales().map((v) => cents(v * 0.031))) + sum(amazonSales()),
      6,
    );
  });
});

/** CS_INDICATORS's table (language en) as label → indicator id → figure, blanks as null. */
function formulaFigures(settings: (string | number)[][]) {
  const grid = (name: string) => Papa.parse<string[]>(readFileSync(file(name), 'utf8').trim()).data;
  const rows = customFunction('CS_INDICATORS').run(
    grid('zendesk-tickets.csv'),
    grid('shopee-tw-orders.csv'),
    [...settings, ['language', 'en']],
  ) as (string | number)[][];
  const ids = new Map(reportColumns('en').map((c) => [c.header, c.id]));
  const [header = [], ...body] = rows;
  const figures = new Map<string, Record<string, unknown>>();
  for (const row of body)
    figures.set(
      String(row[0]),
      Object.fromEntries(
        header.flatMap((h, i) =>
          ids.has(String(h)) ? [[ids.get(String(h)), row[i] === '' ? null : row[i]]] : [],
        ),
      ),
    );
  return { figures, notes: body.map((row) => String(row[0])) };
}

/** Every figure of every agent, the team and the shop of a CLI report, beside CS_INDICATORS'. */
function expectSameFigures(
  cli: { agents: Record<string, unknown>[]; team: object; shop: object },
  formula: Map<string, Record<string, unknown>>,
) {
  const rows: [string, Record<string, unknown>][] = [
    ...cli.agents.map((a): [string, Record<string, unknown>] => [String(a.agent), a]),
    ['Team', cli.team as Record<string, unknown>],
    ['Shop', cli.shop as Record<string, unknown>],
  ];
  let compared = 0;
  for (const [label, row] of rows)
    for (const [id, value] of Object.entries(formula.get(label) ?? {})) {
      expect([label, id, value]).toEqual([label, id, row[id] ?? null]);
      compared++;
    }
  return compared;
}

describe('CS_INDICATORS on a Shopee Taiwan range, beside the command line (issue 22, item 4)', () => {
  it('reads it in Asia/Taipei, its market’s zone, as the command line reads the file, and says so', () => {
    const market = crossBorderJson(file('shopee-tw-orders.csv'));
    expect(market.imports[1].timeZone).toBe('Asia/Taipei');
    const { figures, notes } = formulaFigures([['tz', 'UTC']]);
    expect(expectSameFigures(market, figures)).toBeGreaterThan(100);
    expect(notes).toContain(
      'orders read in Asia/Taipei, its market’s zone (Shopee Taiwan order report), as the command line reads the file; add orders_tz and a zone to the settings to read it in another',
    );
    // Read in the report's zone instead, the figures would differ: the zone is what makes them agree.
    const inUtc = crossBorderJson(`${file('shopee-tw-orders.csv')}@UTC`);
    expect(inUtc.agents.map((a: { conversion_rate: number }) => a.conversion_rate)).not.toEqual(
      market.agents.map((a: { conversion_rate: number }) => a.conversion_rate),
    );
  });

  it('reads it in the zone orders_tz gives, as FILE@ZONE, with no note', () => {
    const { figures, notes } = formulaFigures([
      ['tz', 'UTC'],
      ['orders_tz', 'UTC'],
    ]);
    expect(
      expectSameFigures(crossBorderJson(`${file('shopee-tw-orders.csv')}@UTC`), figures),
    ).toBeGreaterThan(100);
    expect(notes.some((n) => n.startsWith('orders read in'))).toBe(false);
    expect(() => formulaFigures([['orders_tz', 'Asia/Taipie']])).toThrow(
      'settings orders_tz: "Asia/Taipie" is not a time zone; write an IANA name such as Asia/Taipei.',
    );
  });
});

describe('several order exports of one kind, as the sidebar joins them (issue 22, item 4)', () => {
  /** The report the sidebar computes from the chats and the orders pasted as separate exports. */
  function joined(orderFiles: { path: string; zone?: string }[]) {
    const settings = resolveSettings({ timeZone: 'UTC' });
    const read = <K extends 'chats' | 'orders'>(kind: K, path: string, zone?: string) => {
      const imported = importTable({
        file: basename(path),
        text: readFileSync(path, 'utf8'),
        kind,
        timeZone: zone ?? 'UTC',
        ...(zone === undefined ? { marketZones: true } : {}),
      }) as TableImport<K>;
      return { imported, zone: zoneOfExport(zone, imported, 'UTC') };
    };
    const chats = read('chats', CROSS_BORDER.chats);
    const { report } = runPipeline(
      {
        chats: zonedExports([chats], 'UTC'),
        orders: zonedExports(
          orderFiles.map((f) => read('orders', f.path, f.zone)),
          'UTC',
        ),
      },
      settings,
    );
    const { consultations: _c, sampleSizes: _s, ...figures } = report;
    return JSON.parse(JSON.stringify(figures));
  }
  /** The command line's report of the same files, each an --orders, without what only it prints. */
  function cli(...orders: string[]) {
    const { imports: _i, warnings: _w, proposed: _p, ...figures } = crossBorderJson(...orders);
    return figures;
  }

  it('gives the Shopee TW and Amazon US orders the figures two --orders give, every one, per currency', () => {
    const two = joined([{ path: CROSS_BORDER.shopeeOrders }, { path: CROSS_BORDER.amazonOrders }]);
    expect(two).toEqual(cli(CROSS_BORDER.shopeeOrders, CROSS_BORDER.amazonOrders));
    // Never summed: the main rows' sales empty, each currency's from its own file.
    expect(two.shop.sales).toBeNull();
    expect(two.byCurrency.map((c: { currency: string; orders: number }) => [c.currency, c.orders])).toEqual([
      ['TWD', 120],
      ['USD', 80],
    ]);
    // Each file keeps its zone: read both in UTC, the Shopee orders' days move and the figures too.
    const utc = joined([
      { path: CROSS_BORDER.shopeeOrders, zone: 'UTC' },
      { path: CROSS_BORDER.amazonOrders, zone: 'UTC' },
    ]);
    expect(utc).toEqual(cli(`${CROSS_BORDER.shopeeOrders}@UTC`, `${CROSS_BORDER.amazonOrders}@UTC`));
    expect(utc.agents).not.toEqual(two.agents);
  }, 60_000);
});
