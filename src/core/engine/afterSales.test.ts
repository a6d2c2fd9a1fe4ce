import { describe, expect, it } from 'vitest';
import { agentRow, at, msg, order, report } from '../../../test/helpers/engineRecords';
import { availableFrom } from './facts';
import type { Refund } from './model';
import { computeReport } from './report';
import { resolveSettings } from './settings';

const messages = [
  msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
  msg('2024-03-01 10:00:10', '小美', 'c1', 'agent'),
  msg('2024-03-01 11:00:00', '小美', 'c2', 'customer'),
  msg('2024-03-01 11:00:10', '小美', 'c2', 'agent'),
];
const orders = [
  order('o1', 'c1', '2024-03-01 12:00:00'),
  order('o2', 'c2', '2024-03-01 12:00:00'),
  order('o3', 'stranger', '2024-03-01 12:00:00'),
  order('o4', 'stranger2', '2024-03-01 12:00:00'),
];

function refund(
  orderId: string,
  applied: string,
  completed: string | null,
  extra: Partial<Refund> = {},
): Refund {
  return {
    orderId,
    agent: null,
    appliedAt: at(applied),
    completedAt: completed === null ? null : at(completed),
    completedBy: 'shop',
    dispute: false,
    ...extra,
  };
}

describe('after-sales records', () => {
  const refunds = [
    refund('o1', '2024-03-02 09:00:00', '2024-03-02 21:00:00', { agent: '小美' }),
    refund('o3', '2024-03-02 09:00:00', '2024-03-04 09:00:00', { completedBy: 'platform', dispute: true }),
    refund('o4', '2024-03-02 09:00:00', null, { dispute: true, agent: '小美' }),
  ];

  it('退款纠纷率 is disputes / paid orders: the shop counts all, an agent those naming it', () => {
    const r = report({ messages, orders, refunds });
    expect(r.shop.dispute_rate).toBe(2 / 4);
    expect(agentRow(r, '小美').dispute_rate).toBe(1 / 2);
  });

  it('退款自主完结率 is refunds the shop completed / refunds completed', () => {
    const r = report({ messages, orders, refunds });
    expect(r.shop.self_refund_rate).toBe(1 / 2);
    expect(agentRow(r, '小美').self_refund_rate).toBe(1);
  });

  it('退款完结时长 is total completion hours / completed refunds, with median and p90', () => {
    const r = report({ messages, orders, refunds });
    expect(r.shop.refund_hours).toBe((12 + 48) / 2);
    expect(r.shop.refund_hours_median).toBe(30);
    expect(agentRow(r, '小美').refund_hours).toBe(12);
  });

  it('退款率 counts a paid order with a refund record as refunded, even when its refund amount is 0 (SPEC §5)', () => {
    // o1 (小美's) and o3 (nobody's) have records and refund amount 0; o2 was refunded by amount alone.
    const withAmount = orders.map((o) => (o.orderId === 'o2' ? { ...o, refundAmount: 30 } : o));
    const records = [refunds[0] as Refund, refunds[1] as Refund];
    const r = report({ messages, orders: withAmount, refunds: records });
    expect(r.shop.refund_rate).toBe(3 / 4);
    expect(agentRow(r, '小美').refund_rate).toBe(2 / 2);
    const amountsOnly = report({ messages, orders: withAmount });
    expect(amountsOnly.shop.refund_rate).toBe(1 / 4);
    expect(agentRow(amountsOnly, '小美').refund_rate).toBe(1 / 2);
  });

  it('投诉率 is complaints / paid orders', () => {
    const complaints = [
      { time: at('2024-03-02 10:00:00'), agent: '小美', customer: 'c1' },
      { time: at('2024-03-02 11:00:00'), agent: null, customer: 'x' },
    ];
    const r = report({ messages, orders, complaints });
    expect(r.shop.complaint_rate).toBe(2 / 4);
    expect(agentRow(r, '小美').complaint_rate).toBe(1 / 2);
  });

  it('is empty, not 0, when the refund export does not say who completed a refund or whether it was disputed', () => {
    const withColumns = (fields: string[]) =>
      computeReport(
        {
          messages,
          orders,
          ratings: [],
          refunds,
          available: availableFrom({
            chats: new Set(['time', 'agent', 'customer', 'from']),
            orders: new Set(['order_id', 'customer', 'created_at', 'paid_at', 'amount']),
            refunds: new Set(['order_id', 'applied_at', 'completed_at', ...fields]),
          }),
          hasSessions: false,
        },
        resolveSettings({ timeZone: 'UTC' }),
      );
    const without = withColumns([]);
    expect([without.shop.self_refund_rate, without.shop.dispute_rate, without.shop.refund_hours]).toEqual([
      null,
      null,
      30,
    ]);
    const full = withColumns(['completed_by', 'dispute']);
    expect([full.shop.self_refund_rate, full.shop.dispute_rate]).toEqual([1 / 2, 2 / 4]);
  });

  it('is empty, not 0, without the records', () => {
    const r = report({ messages, orders });
    expect([
      r.shop.dispute_rate,
      r.shop.self_refund_rate,
      r.shop.refund_hours,
      r.shop.complaint_rate,
    ]).toEqual([null, null, null, null]);
  });
});

describe('online hours and resolution rate', () => {
  it('在线时长 is total online hours / accounts', () => {
    const online = [
      { agent: '小美', start: at('2024-03-01 08:00:00'), end: at('2024-03-01 16:00:00') },
      { agent: '小美', start: at('2024-03-01 18:00:00'), end: at('2024-03-01 20:00:00') },
      { agent: '小王', start: at('2024-03-01 08:00:00'), end: at('2024-03-01 12:00:00') },
    ];
    const r = report({ online });
    expect(agentRow(r, '小美').online_hours).toBe(10);
    expect(r.team.online_hours).toBe(7);
  });

  it('问题解决率 is resolved issues / issues', () => {
    const issues = [
      { time: at('2024-03-01 08:00:00'), agent: 'ebay-amy', resolved: true },
      { time: at('2024-03-01 09:00:00'), agent: 'ebay-amy', resolved: false },
    ];
    expect(agentRow(report({ issues }), 'ebay-amy').resolution_rate).toBe(0.5);
  });
});

describe('rating-based indicators', () => {
  it('服务态度DSR is the mean rating level over the 180 days ending on the last day of the period', () => {
    const ratings = [
      { time: at('2023-12-31 10:00:00'), agent: '小美', customer: 'a', level: 1 },
      { time: at('2024-06-20 10:00:00'), agent: '小美', customer: 'b', level: 4 },
      { time: at('2024-06-28 10:00:00'), agent: '小美', customer: 'c', level: 5 },
    ];
    const r = report({ ratings });
    // 2023-12-31 is 180 days before 2024-06-28, one day outside the window (2024-01-01 is inside).
    expect(agentRow(r, '小美').dsr_service).toBe(4.5);
    expect(agentRow(r, '小美').satisfaction_rate).toBeCloseTo(2 / 3, 12);
    const inside = report({
      ratings: [
        { ...ratings[0], time: at('2024-01-01 10:00:00') } as (typeof ratings)[0],
        ...ratings.slice(1),
      ],
    });
    expect(agentRow(inside, '小美').dsr_service).toBeCloseTo(10 / 3, 12);
  });
});

describe('invite rate', () => {
  it('is empty, not 0 %, when the chat export does not say which messages invited a rating', () => {
    const messages = [
      msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
      msg('2024-03-01 10:00:10', '小美', 'c1', 'agent'),
    ];
    const withInvites = report({
      messages: [...messages, msg('2024-03-01 10:01:00', '小美', 'c1', 'agent', { invite: true })],
    });
    expect(agentRow(withInvites, '小美').invite_rate).toBe(1);
  });
});

describe('the after-sales window (SPEC §5: over the period, or N days ending on the report date)', () => {
  const refund = (
    orderId: string,
    applied: string,
    completed: string,
    completedBy: Refund['completedBy'],
  ) => ({
    orderId,
    agent: null,
    appliedAt: at(applied),
    completedAt: at(completed),
    completedBy,
    dispute: false,
  });
  // Completed 03-01 by the shop after 34 h, and 03-05 by the platform after 20 h.
  const refunds = [
    refund('o1', '2024-02-28 23:00:00', '2024-03-01 09:00:00', 'shop'),
    refund('o2', '2024-03-04 13:00:00', '2024-03-05 09:00:00', 'platform'),
  ];
  const day = (r: ReturnType<typeof report>, date: string) =>
    r.shopByPeriod?.find((row) => row.period === date);

  it('退款自主完结率 and 退款完结时长 count the refunds completed in the window, like 退款率', () => {
    const perDay = report({ messages, orders, refunds }, { period: 'day' });
    expect(day(perDay, '2024-03-05')?.self_refund_rate).toBe(0);
    expect(day(perDay, '2024-03-05')?.refund_hours).toBe(20);
    const windowed = report({ messages, orders, refunds }, { period: 'day', afterSalesWindowDays: 28 });
    expect(day(windowed, '2024-03-05')?.self_refund_rate).toBe(1 / 2);
    expect(day(windowed, '2024-03-05')?.refund_hours).toBe(27);
    expect(day(windowed, '2024-03-01')?.refund_hours).toBe(34);
  });
});
