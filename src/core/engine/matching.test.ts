import { describe, expect, it } from 'vitest';
import { msg, order, report } from '../../../test/helpers/engineRecords';
import { NOTHING_AVAILABLE } from './facts';
import { matchProblem } from './matching';

const chatsAndOrders = { ...NOTHING_AVAILABLE, chats: true, orders: true };
// 小美 talks to A; the order is paid by A, or by a buyer who never wrote.
const messages = [
  msg('2024-03-01 10:00:00', '小美', 'A', 'customer'),
  msg('2024-03-01 10:00:20', '小美', 'A', 'agent'),
];
const paidBy = (customer: string) => [order('1', customer, '2024-03-01 10:06:00')];

describe('matchProblem', () => {
  it('names an order export without a buyer column, whatever matched', () => {
    const { counts } = report({ messages, orders: paidBy('A') });
    expect(matchProblem(counts, chatsAndOrders)).toBe('no-buyer-column');
  });

  it('names exports with no buyer in common, and says nothing when one order matches', () => {
    const withBuyers = { ...chatsAndOrders, orderBuyers: true };
    expect(matchProblem(report({ messages, orders: paidBy('2088001') }).counts, withBuyers)).toBe(
      'no-buyer-in-common',
    );
    expect(matchProblem(report({ messages, orders: paidBy('A') }).counts, withBuyers)).toBeNull();
  });

  it('says nothing without both chats and orders', () => {
    const { counts } = report({ messages });
    expect(matchProblem(counts, { ...NOTHING_AVAILABLE, chats: true })).toBeNull();
  });
});
