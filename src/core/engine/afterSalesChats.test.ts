// Pre-sales and after-sales consultations (issue 18, item 6): a question about an order already paid
// is no inquiry when after_sales_chat_days says so.
import { describe, expect, it } from 'vitest';
import { agentRow, msg, order, report } from '../../../test/helpers/engineRecords';

// b1 pays on day 1 (a silent order) and asks 小美 "什么时候发货" on day 3, buying nothing new; b2 asks
// 小美 before buying on day 3 and pays the same day; b3 asks on day 3 and never buys.
const messages = [
  msg('2024-03-03 10:00:00', '小美', 'b1', 'customer', { text: '什么时候发货' }),
  msg('2024-03-03 10:00:20', '小美', 'b1', 'agent', { text: '今天就发' }),
  msg('2024-03-03 11:00:00', '小美', 'b2', 'customer', { text: '有货吗' }),
  msg('2024-03-03 11:00:10', '小美', 'b2', 'agent', { text: '有的' }),
  msg('2024-03-03 12:00:00', '小美', 'b3', 'customer', { text: '能便宜吗' }),
  msg('2024-03-03 12:01:00', '小美', 'b3', 'agent', { text: '不能哦' }),
];
const orders = [order('o1', 'b1', '2024-03-01 09:00:00'), order('o2', 'b2', '2024-03-03 15:00:00')];

describe('after-sales consultations', () => {
  it('are inquiries that did not convert when after_sales_chat_days is 0 (the default)', () => {
    const r = report({ messages, orders });
    const row = agentRow(r, '小美');
    expect(row.consultations).toBe(3);
    expect(row.inquirers).toBe(3);
    expect(row.conversion_rate).toBeCloseTo(1 / 3, 10);
    expect(row.order_rate).toBeCloseTo(1 / 3, 10);
    expect(row.after_sales_consultations).toBeNull();
    expect(r.counts.afterSalesConsultations).toBe(0);
    // What the note says: one consultation a week after a payment was counted as an inquiry.
    expect(r.counts.afterSalesNotSeparated).toBe(1);
  });

  it('with 7, are after-sales: counted in the service figures, not as an inquiry', () => {
    const r = report({ messages, orders }, { afterSalesChatDays: 7 });
    const row = agentRow(r, '小美');
    expect(row.consultations).toBe(3);
    expect(row.receptions).toBe(3);
    expect(row.fast_reply_rate).toBeCloseTo(2 / 3, 10);
    expect(row.first_response_s).toBeCloseTo(30, 10);
    expect(row.inquirers).toBe(2);
    expect(row.conversion_rate).toBe(0.5);
    expect(row.order_rate).toBe(0.5);
    expect(row.after_sales_consultations).toBe(1);
    expect(r.team.after_sales_consultations).toBe(1);
    expect(r.shop.after_sales_consultations).toBe(1);
    expect(r.team.inquirers).toBe(2);
    expect(r.counts.afterSalesConsultations).toBe(1);
    expect(r.counts.afterSalesNotSeparated).toBe(0);
  });

  it('say nothing when the customer also asked that agent before buying: 询单转化率 is the same either way', () => {
    // b2 asks 小美 on day 3, pays, and asks again on day 5: still one inquirer, a converted one.
    const later = [
      ...messages,
      msg('2024-03-05 10:00:00', '小美', 'b2', 'customer', { text: '到哪了' }),
      msg('2024-03-05 10:00:30', '小美', 'b2', 'agent', { text: '明天到' }),
    ];
    const off = report({ messages: later, orders });
    const on = report({ messages: later, orders }, { afterSalesChatDays: 7 });
    // Only b1's question lowers the rate; b2's second question separates without changing it.
    expect(off.counts.afterSalesNotSeparated).toBe(1);
    expect(on.counts.afterSalesConsultations).toBe(2);
    expect(agentRow(off, '小美').conversion_rate).toBeCloseTo(1 / 3, 10);
    expect(agentRow(on, '小美').conversion_rate).toBe(0.5);
    // Asked by agent: b2's question after paying to 小王, whom b2 never asked before, lowers 小王's rate.
    const toAnother = [
      ...later,
      msg('2024-03-05 11:00:00', '小王', 'b2', 'customer', { text: '到哪了' }),
      msg('2024-03-05 11:00:30', '小王', 'b2', 'agent', { text: '明天到' }),
    ];
    expect(report({ messages: toAnother, orders }).counts.afterSalesNotSeparated).toBe(2);
    const onlyB2 = later.filter((m) => m.customer !== 'b1');
    expect(report({ messages: onlyB2, orders }).counts.afterSalesNotSeparated).toBe(0);
    expect(
      agentRow(report({ messages: onlyB2, orders }, { afterSalesChatDays: 7 }), '小美').conversion_rate,
    ).toBe(agentRow(report({ messages: onlyB2, orders }), '小美').conversion_rate);
  });

  it('look back N days: a payment two days before is outside 1 and inside 2', () => {
    expect(agentRow(report({ messages, orders }, { afterSalesChatDays: 1 }), '小美').inquirers).toBe(3);
    expect(agentRow(report({ messages, orders }, { afterSalesChatDays: 2 }), '小美').inquirers).toBe(2);
  });

  it('stay inquiries when the customer buys again in the window, and count the sale', () => {
    const again = [...orders, order('o3', 'b1', '2024-03-03 18:00:00', { amount: 60 })];
    const r = report({ messages, orders: again }, { afterSalesChatDays: 7 });
    const row = agentRow(r, '小美');
    expect(row.after_sales_consultations).toBe(0);
    expect(row.inquirers).toBe(3);
    expect(row.conversion_rate).toBeCloseTo(2 / 3, 10);
    expect(row.sales).toBe(160);
  });

  it('stay inquiries when the customer places a new order in the window, even unpaid', () => {
    const placed = [...orders, order('o3', 'b1', null, { createdAt: Date.parse('2024-03-03T18:00:00Z') })];
    const r = report({ messages, orders: placed }, { afterSalesChatDays: 7 });
    expect(agentRow(r, '小美').after_sales_consultations).toBe(0);
    expect(agentRow(r, '小美').order_rate).toBeCloseTo(2 / 3, 10);
  });

  it('need a payment before the question: one paid after it is the sale of an inquiry', () => {
    const r = report({ messages, orders }, { afterSalesChatDays: 7 });
    expect(agentRow(r, '小美').conversion_rate).toBe(0.5);
    const paidLater = [order('o1', 'b1', '2024-03-03 10:30:00')];
    const later = report({ messages, orders: paidLater }, { afterSalesChatDays: 7 });
    expect(agentRow(later, '小美').after_sales_consultations).toBe(0);
  });

  it('are empty, not 0, without orders', () => {
    const r = report({ messages }, { afterSalesChatDays: 7 });
    expect(agentRow(r, '小美').after_sales_consultations).toBeNull();
    expect(agentRow(r, '小美').inquirers).toBe(3);
  });
});
