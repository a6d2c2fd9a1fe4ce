import { describe, expect, it } from 'vitest';
import { parseCsvRows } from '../import/csv';
import { importTable } from '../import/importer';
import { RatesError } from './currencies';
import { availableFrom } from './facts';
import type { Order } from './model';
import { readRateTable } from './rateTable';
import { computeReport } from './report';
import { resolveSettings } from './settings';

const settings = resolveSettings({ timeZone: 'UTC' });
const at = (text: string) => Date.parse(`${text}Z`);
const order = (
  orderId: string,
  customer: string,
  amount: number,
  paid: string,
  currency?: string,
): Order => ({
  orderId,
  customer,
  createdAt: at(paid),
  paidAt: at(paid),
  amount,
  items: 1,
  cod: false,
  refundAmount: 0,
  ...(currency ? { currency } : {}),
});

/** Two TWD orders of two buyers, two USD orders of one buyer (one in December). */
const ORDERS = [
  order('A', 'b1', 1000, '2026-11-02T10:00:00', 'TWD'),
  order('B', 'b2', 480, '2026-11-03T10:00:00', 'TWD'),
  order('C', 'b3', 40, '2026-11-04T10:00:00', 'USD'),
  order('D', 'b3', 20, '2026-12-01T10:00:00', 'USD'),
];

const available = availableFrom({
  orders: new Set(['order_id', 'customer', 'created_at', 'paid_at', 'amount', 'items', 'currency']),
});

const report = (orders: readonly Order[], rates?: ReturnType<typeof readRateTable>) =>
  computeReport(
    {
      messages: [],
      orders,
      ratings: [],
      available,
      hasSessions: false,
      ...(rates ? { rates } : {}),
    },
    settings,
  );

const rates = (csv: string) => readRateTable(parseCsvRows(csv), 'rates.csv');

describe('orders in two currencies', () => {
  it('are never added together without a rate table: money figures per currency', () => {
    const r = report(ORDERS);
    // 1000 TWD + 480 TWD + 40 USD + 20 USD is no amount of anything.
    expect(r.shop.sales).toBeNull();
    expect(r.shop.aov).toBeNull();
    expect(r.shop.orders).toBe(4);
    expect(r.currency).toBeUndefined();
    expect(r.byCurrency?.map((c) => [c.currency, c.orders, c.shop.sales, c.shop.aov])).toEqual([
      ['TWD', 2, 1480, 740], // 1480 / 2 buyers
      ['USD', 2, 60, 60], // 60 / 1 buyer
    ]);
    // Only money figures in a currency's rows: the counts are the report's own.
    expect(r.byCurrency?.[0]?.shop.orders).toBeUndefined();
  });

  it('are converted at the rate of their currency and month, the rates stated', () => {
    const r = report(ORDERS, rates('currency,period,rate,to\nTWD,2026-11,0.03125,USD\n'));
    // 1000 × 0.03125 = 31.25, 480 × 0.03125 = 15, plus 40 and 20 USD.
    expect(r.shop.sales).toBe(106.25);
    expect(r.shop.aov).toBeCloseTo(106.25 / 3, 10);
    expect(r.currency).toBe('USD');
    expect(r.byCurrency).toBeUndefined();
    expect(r.conversion).toEqual({
      to: 'USD',
      rates: [{ currency: 'TWD', period: '2026-11', rate: 0.03125, orders: 2 }],
    });
  });

  it('converts into the other currency just as well, a rate for all months where no month has one', () => {
    const r = report(ORDERS, rates('币种,期间,汇率,报告币种\nUSD,all,32,TWD\nUSD,2026-12,30,TWD\n'));
    // 40 × 32 (November: the rate for all) + 20 × 30 (December's own) + 1480 TWD.
    expect(r.shop.sales).toBe(1280 + 600 + 1480);
    expect(r.conversion?.rates).toEqual([
      { currency: 'USD', period: '2026-12', rate: 30, orders: 1 },
      { currency: 'USD', period: 'all', rate: 32, orders: 1 },
    ]);
  });

  it('refuses a report whose rate table has no rate for a currency and month used', () => {
    expect(() => report(ORDERS, rates('currency,period,rate,to\nTWD,2026-10,0.03,USD\n'))).toThrow(
      /no rate to USD for TWD 2026-11 \(2 orders\)/,
    );
    expect(() =>
      report(
        [...ORDERS, order('E', 'b4', 5, '2026-11-05T00:00:00')],
        rates('currency,period,rate,to\nTWD,all,0.03,USD\n'),
      ),
    ).toThrow(/order E .* says no currency/);
  });

  it('reads a month a spreadsheet turned into its first day (the 汇率 tab)', () => {
    expect(rates('币种,期间,汇率,报告币种\nTWD,2026-11-01,0.031,USD\n').rates).toEqual([
      { currency: 'TWD', period: '2026-11', rate: 0.031 },
    ]);
    expect(() => rates('currency,period,rate,to\nTWD,2026-11-02,0.031,USD\n')).toThrow(/not a month/);
  });

  it('refuses a rate table it cannot read one way', () => {
    expect(() => rates('currency,rate\nTWD,0.03\n')).toThrow(/no period, to column/);
    expect(() => rates('currency,period,rate,to\nTWD,2026-11,0,03,USD\n')).toThrow(RatesError);
    expect(() => rates('currency,period,rate,to\nTWD,11/2026,0.03,USD\n')).toThrow(/not a month/);
    expect(() => rates('currency,period,rate,to\nTWD,2026-11,0.03,USD\nTWD,2026-11,0.031,USD\n')).toThrow(
      /a second rate for TWD in 2026-11/,
    );
  });

  it('names the tab, the row as the tab numbers it, the column and what to write', () => {
    // Rows as the sidebar reads the 汇率 tab: a blank row left between, a month Sheets made a date.
    const tab =
      (...data: string[][]) =>
      () =>
        readRateTable(
          [
            ['币种', '期间', '汇率', '报告币种'],
            ['TWD', '2026-11-01 00:00:00', '0.0310', 'USD'],
            ['', '', '', ''],
            ...data,
          ],
          '汇率',
        );
    expect(tab()().rates).toEqual([{ currency: 'TWD', period: '2026-11', rate: 0.031 }]);
    expect(tab(['MYR', '2026-11', '1,25', 'USD'])).toThrow(
      '汇率 row 4, column 汇率: "1,25" is not a rate; write how many USD one MYR is, such as 0.031',
    );
    expect(tab(['MYR', 'Nov 2026', '0.22', 'USD'])).toThrow(
      '汇率 row 4, column 期间: "Nov 2026" is not a month; write it as 2026-11 (or all for every month).',
    );
    expect(tab(['马币', '2026-11', '0.22', 'USD'])).toThrow(
      '汇率 row 4, column 币种: "马币" is not a currency; write its ISO code, such as TWD.',
    );
    expect(tab(['MYR', '2026-11', '0.22', 'CNY'])).toThrow(
      '汇率 row 4, column 报告币种: the report currency is CNY here and USD above; write one report currency on every row.',
    );
  });

  it('a single currency is named, and nothing else changes', () => {
    const r = report(ORDERS.filter((o) => o.currency === 'USD'));
    expect(r.currency).toBe('USD');
    expect(r.shop.sales).toBe(60);
    expect(r.byCurrency).toBeUndefined();
  });
});

describe('amounts of the cross-border markets', () => {
  const read = (amounts: string[], header = 'order_id,paid_at,amount') =>
    importTable({
      file: 'orders.csv',
      text: `${header}\n${amounts.map((a, i) => `o${i},2026-11-02 10:00,"${a}"`).join('\n')}\n`,
      kind: 'orders',
      timeZone: 'UTC',
    });

  it('are read by their market: RM 1,234.50, NT$1,234, ฿1,234.00, Rp 1.234.567, and Rp 1.234', () => {
    const result = read(['RM 1,234.50']);
    expect(result.records.map((o) => [o.amount, o.currency])).toEqual([[1234.5, 'MYR']]);
    expect(read(['NT$1,234']).records.map((o) => [o.amount, o.currency])).toEqual([[1234, 'TWD']]);
    expect(read(['฿1,234.00']).records.map((o) => [o.amount, o.currency])).toEqual([[1234, 'THB']]);
    expect(read(['Rp 1.234.567', 'Rp 1.234']).records.map((o) => [o.amount, o.currency])).toEqual([
      [1234567, 'IDR'],
      [1234, 'IDR'],
    ]);
  });

  it('a bare $ names no currency, and 1,234 with it stays refused as two readings', () => {
    const result = read(['$1,234']);
    expect(result.records).toEqual([]);
    expect(result.warnings[0]?.message).toMatch(/"\$1,234" can be read as 1234 or as 1.234/);
  });

  it('a sign that disagrees with the currency column is refused', () => {
    const result = importTable({
      file: 'orders.csv',
      text: 'order_id,paid_at,amount,currency\no1,2026-11-02 10:00,NT$1200,TWD\no2,2026-11-02 11:00,RM 50.00,TWD\n',
      kind: 'orders',
      timeZone: 'UTC',
    });
    expect(result.records.map((o) => o.orderId)).toEqual(['o1']);
    expect(result.warnings).toMatchObject([
      {
        row: 3,
        column: 'amount',
        message: expect.stringMatching(/"RM 50.00" is in MYR, but the row's currency column says TWD/),
      },
    ]);
  });
});
