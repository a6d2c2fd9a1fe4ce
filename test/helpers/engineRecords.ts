// Builders for engine tests: readable records in UTC wall-clock time.
import { NOTHING_AVAILABLE } from '../../src/core/engine/facts';
import type {
  Complaint,
  Issue,
  Message,
  OnlineSpan,
  Order,
  Rating,
  Refund,
  Sender,
} from '../../src/core/engine/model';
import { computeReport, type Report } from '../../src/core/engine/report';
import type { Scheme } from '../../src/core/engine/scheme';
import { resolveSettings, type Settings } from '../../src/core/engine/settings';

export const at = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);

export function msg(
  time: string,
  agent: string,
  customer: string,
  from: Sender,
  extra: Partial<Message> = {},
): Message {
  return {
    time: at(time),
    agent,
    customer,
    from,
    text: extra.text ?? `${from} ${time}`,
    session: null,
    auto: false,
    transfer: null,
    invite: false,
    offline: false,
    ...extra,
  };
}

export function order(
  orderId: string,
  customer: string | null,
  paid: string | null,
  extra: Partial<Order> = {},
): Order {
  return {
    orderId,
    customer,
    createdAt: paid === null ? at('2024-01-01 00:00:00') : at(paid) - 60_000,
    paidAt: paid === null ? null : at(paid),
    amount: 100,
    items: 1,
    cod: false,
    refundAmount: 0,
    ...extra,
  };
}

/**
 * 小美's session s1 (asked 10:00, answered 10:45, after a payment at 10:40) spans her session s2, which
 * only she wrote in at 10:30. Before paying at 10:40, c1 last talked to 小王 (10:20), not in s1.
 */
export const SPANNING_SESSIONS: readonly Message[] = [
  msg('2024-03-01 10:00:00', '小美', 'c1', 'customer', { session: 's1' }),
  msg('2024-03-01 10:20:00', '小王', 'c1', 'customer', { session: 's3' }),
  msg('2024-03-01 10:20:30', '小王', 'c1', 'agent', { session: 's3' }),
  msg('2024-03-01 10:30:00', '小美', 'c1', 'agent', { session: 's2' }),
  msg('2024-03-01 10:45:00', '小美', 'c1', 'agent', { session: 's1' }),
];

export function rating(time: string, agent: string, customer: string, level: number): Rating {
  return { time: at(time), agent, customer, level };
}

export interface TestData {
  messages?: Message[];
  orders?: Order[];
  ratings?: Rating[];
  refunds?: Refund[];
  complaints?: Complaint[];
  online?: OnlineSpan[];
  issues?: Issue[];
}

export function report(data: TestData, settings: Partial<Settings> = {}, hasSessions = false): Report {
  return computeReport(
    {
      ...data,
      messages: data.messages ?? [],
      orders: data.orders ?? [],
      ratings: data.ratings ?? [],
      available: {
        ...NOTHING_AVAILABLE,
        chats: data.messages !== undefined,
        orders: data.orders !== undefined,
        ratings: data.ratings !== undefined,
        refunds: data.refunds !== undefined,
        complaints: data.complaints !== undefined,
        online: data.online !== undefined,
        issues: data.issues !== undefined,
        invites: data.messages !== undefined,
        amounts: data.orders !== undefined,
        itemCounts: data.orders !== undefined,
        refundAmounts: data.orders !== undefined,
        orderBuyers: data.orders !== undefined,
        orderTimes: data.orders !== undefined,
        paymentTimes: data.orders !== undefined,
        refundCompleters: data.refunds !== undefined,
        disputeFlags: data.refunds !== undefined,
      },
      hasSessions,
    },
    resolveSettings({ timeZone: 'UTC', ...settings }),
  );
}

export function agentRow(r: Report, agent: string) {
  const row = r.agents.find((a) => a.agent === agent);
  if (!row) throw new Error(`no row for ${agent}`);
  return row;
}

/** A second scheme for tests of several schemes: after-sales agents scored on speed and refunds. */
export const AFTER_SALES_SCHEME: Scheme = {
  name: '售后·日常',
  fullPay: 1500,
  items: [
    {
      id: 'fast_reply_rate',
      better: 'higher',
      target: 0.9,
      thresholds: [0.7, 0.8, 0.9],
      points: [6, 8, 10],
      weight: 10,
      maxPoints: 10,
    },
    {
      id: 'refund_rate',
      better: 'lower',
      target: 0.05,
      thresholds: [0.05, 0.08, 0.12],
      points: [10, 8, 6],
      weight: 5,
      maxPoints: 10,
    },
  ],
};
