import { describe, expect, it } from 'vitest';
import { agentRow, msg, order, report, SPANNING_SESSIONS } from '../../../test/helpers/engineRecords';
import { hasEventTimes } from './attribution';

// c1 talks to 小美 on day 1 and to 小王 on day 2, then pays on day 2 after both.
const messages = [
  msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
  msg('2024-03-01 10:00:10', '小美', 'c1', 'agent'),
  msg('2024-03-01 10:01:00', '小美', 'c1', 'customer'),
  msg('2024-03-01 10:01:10', '小美', 'c1', 'agent'),
  msg('2024-03-02 09:00:00', '小王', 'c1', 'customer'),
  msg('2024-03-02 09:00:10', '小王', 'c1', 'agent'),
];
const orders = [order('o1', 'c1', '2024-03-02 12:00:00', { amount: 80, items: 2 })];

describe('order attribution', () => {
  it('credits the last agent before paying by default, and gives the other assist credit', () => {
    const r = report({ messages, orders });
    expect(agentRow(r, '小王').sales).toBe(80);
    expect(agentRow(r, '小王').conversion_rate).toBe(1);
    expect(agentRow(r, '小美').sales).toBe(0);
    expect(agentRow(r, '小美').conversion_rate).toBe(0);
    expect(agentRow(r, '小美').assist_orders).toBe(1);
    expect(agentRow(r, '小美').assist_sales).toBe(80);
    expect(r.team.conversion_rate).toBe(1);
    expect(r.team.sales).toBe(80);
  });

  it('with sessions, counts only a session’s own messages as its last activity before paying', () => {
    const r = report(
      { messages: [...SPANNING_SESSIONS], orders: [order('o1', 'c1', '2024-03-01 10:40:00')] },
      {},
      true,
    );
    expect(agentRow(r, '小王').sales).toBe(100);
    expect(agentRow(r, '小美').sales).toBe(0);
  });

  it('credits the first agent, or the one with most messages, when asked', () => {
    expect(agentRow(report({ messages, orders }, { attribution: 'first' }), '小美').sales).toBe(80);
    expect(agentRow(report({ messages, orders }, { attribution: 'most' }), '小美').sales).toBe(80);
  });

  it('does not count a conversation that started after the payment', () => {
    const late = [order('o1', 'c1', '2024-03-02 08:00:00')];
    const r = report({ messages, orders: late });
    expect(agentRow(r, '小王').sales).toBe(0);
    expect(agentRow(r, '小美').sales).toBe(100);
  });

  it('leaves orders with no consultation in the window silent: shop totals only', () => {
    const r = report({
      messages,
      orders: [...orders, order('o2', 'stranger', '2024-03-02 13:00:00', { amount: 50 })],
    });
    expect(r.team.sales).toBe(80);
    expect(r.shop.sales).toBe(130);
    expect(r.shop.silent_sales).toBe(50);
    expect(r.counts.silentOrders).toBe(1);
  });

  it('counts the window in calendar days of the shop zone', () => {
    const night = [
      msg('2024-03-01 15:00:00', '小美', 'c9', 'customer'),
      msg('2024-03-01 15:00:10', '小美', 'c9', 'agent'),
    ];
    // 15:00 UTC is 23:00 in Shanghai on day 1; 2024-03-02 16:30 UTC is already day 3 there.
    const pay = [order('o9', 'c9', '2024-03-02 16:30:00')];
    expect(
      agentRow(report({ messages: night, orders: pay }, { windowDays: 2, timeZone: 'UTC' }), '小美').sales,
    ).toBe(100);
    expect(
      agentRow(report({ messages: night, orders: pay }, { windowDays: 2, timeZone: 'Asia/Shanghai' }), '小美')
        .sales,
    ).toBe(0);
  });

  it('uses the order time instead of the payment under basis "ordered", for the inquiry-to-order rate', () => {
    const unpaid = [order('o1', 'c1', null, { createdAt: Date.parse('2024-03-02T12:00:00Z') })];
    const r = report({ messages, orders: unpaid });
    expect(agentRow(r, '小王').conversion_rate).toBe(0);
    expect(agentRow(r, '小王').order_rate).toBe(1);
    expect(agentRow(r, '小王').payment_rate).toBe(0);
    expect(agentRow(report({ messages, orders: unpaid }, { basis: 'ordered' }), '小王').conversion_rate).toBe(
      1,
    );
  });

  it('counts only same-day payments under basis "paid-same-day"', () => {
    const nextDay = [
      order('o1', 'c1', '2024-03-02 12:00:00', { createdAt: Date.parse('2024-03-01T12:00:00Z') }),
    ];
    expect(agentRow(report({ messages, orders: nextDay }), '小美').conversion_rate).toBe(0);
    expect(r2('paid-same-day').team.conversion_rate).toBe(0);
    function r2(basis: 'paid-same-day') {
      return report({ messages, orders: nextDay }, { basis });
    }
  });
});

describe('sales indicators', () => {
  const sales = [
    order('o1', 'c1', '2024-03-02 12:00:00', { amount: 80, items: 2 }),
    order('o2', 'c1', '2024-03-02 12:30:00', { amount: 40, items: 1, refundAmount: 40 }),
  ];

  it('sums attributed paid orders; AOV is sales per distinct buyer; refunds count paid orders', () => {
    const row = agentRow(report({ messages, orders: sales }), '小王');
    expect([row.sales, row.orders, row.items, row.buyers]).toEqual([120, 2, 3, 1]);
    expect(row.aov).toBe(120);
    expect(row.items_per_buyer).toBe(3);
    expect(row.refund_rate).toBe(0.5);
    expect(row.sales_share).toBe(1);
  });

  it('counts cash-on-delivery orders on the day they were placed, and as paid in the payment rate', () => {
    const cod = [
      order('o3', 'c1', null, { cod: true, createdAt: Date.parse('2024-03-02T12:00:00Z'), amount: 60 }),
      order('o4', 'stranger', null, { createdAt: Date.parse('2024-03-02T12:00:00Z'), amount: 60 }),
    ];
    const r = report({ messages, orders: cod });
    expect(agentRow(r, '小王').sales).toBe(60);
    expect(r.shop.payment_rate).toBe(0.5);
  });

  it('counts a cash-on-delivery order among the paid orders of 退款率 (SPEC §5), for the shop and its agent', () => {
    const orders = [
      order('o3', 'c1', null, {
        cod: true,
        createdAt: Date.parse('2024-03-02T12:00:00Z'),
        amount: 60,
        refundAmount: 50,
      }),
      order('o4', 'stranger', '2024-03-02 12:00:00'),
    ];
    const r = report({ messages, orders });
    expect(r.shop.refund_rate).toBe(1 / 2);
    expect(agentRow(r, '小王').refund_rate).toBe(1);
  });

  it('counts each order as its own buyer when the export has no customer column', () => {
    const anonymous = [
      order('o1', null, '2024-03-02 12:00:00'),
      order('o2', null, '2024-03-02 12:00:00', { amount: 0 }),
    ];
    const r = report({ orders: anonymous });
    expect([r.shop.sales, r.shop.buyers, r.shop.aov]).toEqual([100, 1, 100]);
  });
});

describe('the times an attribution basis reads', () => {
  it('is the payment under paid, the placing under ordered, both under paid-same-day', () => {
    const given = (orderTimes: boolean, paymentTimes: boolean) =>
      (['paid', 'ordered', 'paid-same-day'] as const).map((basis) =>
        hasEventTimes(basis, { orderTimes, paymentTimes }),
      );
    expect(given(true, true)).toEqual([true, true, true]);
    expect(given(false, true)).toEqual([true, false, false]);
    expect(given(true, false)).toEqual([false, true, false]);
  });
});
