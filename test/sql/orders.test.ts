// The order views on hand-made months whose figures are worked out here: ties the rules break by the
// agent name, a session's own activity, silent orders and the silent remainder, the refund window.
import { describe, expect, it } from 'vitest';
import { type Available, NOTHING_AVAILABLE } from '../../src/core/engine/facts';
import type { Message, Order } from '../../src/core/engine/model';
import type { Report } from '../../src/core/engine/report';
import { resolveSettings, type Settings } from '../../src/core/engine/settings';
import { msg, order, SPANNING_SESSIONS } from '../helpers/engineRecords';
import { duckdbReport, expectSameReports, jsReport } from './differential';

const EVERY_COLUMN: Available = {
  ...NOTHING_AVAILABLE,
  chats: true,
  orders: true,
  orderBuyers: true,
  orderTimes: true,
  paymentTimes: true,
  amounts: true,
  itemCounts: true,
  refundAmounts: true,
};

/** Both engines' reports, required equal; DuckDB's returned. */
async function both(
  messages: Message[],
  orders: Order[],
  given: Partial<Settings> = {},
  sessions = false,
): Promise<Report> {
  const settings = resolveSettings({ timeZone: 'UTC', ...given });
  const sql = await duckdbReport(messages, settings, EVERY_COLUMN, sessions, { orders });
  expectSameReports(jsReport(messages, settings, EVERY_COLUMN, sessions, { orders }), sql);
  return sql;
}

const agent = (r: Report, name: string) => r.agents.find((a) => a.agent === name) ?? {};

// c1 asks Ann and 小美 at the same second, each answers at the same second: every rule ties.
const tied = [
  msg('2024-03-01 10:00:00', 'Ann', 'c1', 'customer'),
  msg('2024-03-01 10:00:10', 'Ann', 'c1', 'agent'),
  msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
  msg('2024-03-01 10:00:10', '小美', 'c1', 'agent'),
];
const paid = [order('o1', 'c1', '2024-03-01 12:00:00', { amount: 59.7, items: 2 })];

describe('the order views (DuckDB) against the JS engine, on months worked out by hand', () => {
  it('break a tie of activity by the later agent name (小美 after Ann) and of first messages by the earlier', async () => {
    const last = await both(tied, paid);
    expect(agent(last, '小美').sales).toBe(59.7);
    expect(agent(last, 'Ann').sales).toBe(0);
    expect(agent(last, 'Ann').assist_orders).toBe(1);
    expect(agent(last, 'Ann').assist_sales).toBe(59.7);
    expect(agent(await both(tied, paid, { attribution: 'most' }), '小美').items).toBe(2);
    expect(agent(await both(tied, paid, { attribution: 'first' }), 'Ann').sales).toBe(59.7);
  });

  it("count a session's own messages only as its last activity before paying", async () => {
    // 小美's session s1 spans her s2; before the payment at 10:40, c1 last talked to 小王 (10:20).
    const r = await both([...SPANNING_SESSIONS], [order('o1', 'c1', '2024-03-01 10:40:00')], {}, true);
    expect(agent(r, '小王').sales).toBe(100);
    expect(agent(r, '小美').sales).toBe(0);
  });

  it('leave orders with no consultation in the window silent, the shop row keeping the remainder', async () => {
    const orders = [
      ...paid,
      order('o2', 'stranger', '2024-03-01 13:00:00', { amount: 0.1 }),
      order('o3', null, '2024-03-05 13:00:00', { amount: 0.2 }),
      // A repeat of o2 (dropped) and an order never paid (placed only).
      order('o2', 'stranger', '2024-03-01 13:00:00', { amount: 50 }),
      order('o4', 'c1', null, { createdAt: Date.parse('2024-03-01T11:00:00Z') }),
    ];
    const r = await both(tied, orders, { period: 'day' });
    expect(r.counts).toMatchObject({ orders: 4, duplicateOrders: 1, attributedOrders: 1, silentOrders: 2 });
    expect(r.shop.sales).toBe(59.7 + 0.1 + 0.2);
    expect(r.shop.silent_sales).toBe(59.7 + 0.1 + 0.2 - 59.7);
    // Placed: o1 and o4 by 小美 (the later name), one of them paid; the shop's four, three paid.
    expect(agent(r, '小美').payment_rate).toBe(0.5);
    expect(r.shop.payment_rate).toBe(0.75);
    // The days with a record: the consultations' and the payments' (1 and 5 March).
    expect(r.period).toMatchObject({ from: '2024-03-01', to: '2024-03-05' });
    expect(r.shopByPeriod?.map((row) => row.period)).toEqual(['2024-03-01', '2024-03-05']);
  });

  it("count refunds over the after-sales window back from the period's last day", async () => {
    const orders = [
      order('o1', 'c1', '2024-03-01 12:00:00', { refundAmount: 5 }),
      order('o2', 'c1', '2024-03-03 12:00:00'),
      order('o3', 'x', '2024-03-03 12:00:00', { refunded: true }),
    ];
    // c1's orders are in their 3-day window (小美's, the later name); x's is silent.
    const r = await both(tied, orders, { afterSalesWindowDays: 2, windowDays: 3 });
    // Window 2–3 March: o2 and o3 paid, o3 refunded (the shop's); 小美's o2 only, not refunded.
    expect(r.shop.refund_rate).toBe(0.5);
    expect(agent(r, '小美').refund_rate).toBe(0);
    expect(agent(r, '小美').orders).toBe(2);
    // Over the whole period (1–3 March): o1 refunded by amount, o3 by status.
    const period = await both(tied, orders, { windowDays: 3 });
    expect(period.shop.refund_rate).toBe(2 / 3);
    expect(agent(period, '小美').refund_rate).toBe(0.5);
  });
});
