import { describe, expect, it } from 'vitest';
import { msg, order, report } from '../../../test/helpers/engineRecords';
import { afterSalesConsultations } from './afterSalesChats';
import { Buckets, SHOP, TEAM } from './buckets';
import { addConsultations } from './consultationFacts';
import { buildConsultations } from './consultations';
import { ChatFacts, Facts } from './facts';
import { prepareMessages } from './messages';
import { creditOrders } from './salesFacts';
import { resolveSettings } from './settings';

// Two weeks of chats that give every consultation fact something to count: replies fast and slow,
// a second round, an invitation, an order placed and paid, a transfer, an offline assignment,
// a consultation outside the assessment hours and an after-sales one (c1 asks again after paying).
const messages = [
  msg('2024-03-04 10:00:00', '小美', 'c1', 'customer'),
  msg('2024-03-04 10:00:10', '小美', 'c1', 'agent', { invite: true }),
  msg('2024-03-04 10:05:00', '小美', 'c1', 'customer'),
  msg('2024-03-04 10:07:00', '小美', 'c1', 'agent'),
  msg('2024-03-04 10:09:00', '小美', 'c1', 'customer'),
  msg('2024-03-05 11:00:00', '小王', 'c2', 'customer'),
  msg('2024-03-05 11:03:00', '小王', 'c2', 'agent'),
  msg('2024-03-06 12:00:00', '小王', 'c3', 'customer', { transfer: 'out' }),
  msg('2024-03-07 12:00:00', '小王', 'c4', 'customer', { offline: true }),
  msg('2024-03-08 10:00:00', '小美', 'c1', 'customer'),
  msg('2024-03-08 10:00:30', '小美', 'c1', 'agent'),
  msg('2024-03-12 23:00:00', '小美', 'c5', 'customer'),
  msg('2024-03-12 23:00:20', '小美', 'c5', 'agent'),
];
const orders = [order('o1', 'c1', '2024-03-04 12:00:00'), order('o2', 'c2', '2024-03-05 12:00:00')];
const settings = resolveSettings({
  timeZone: 'UTC',
  period: 'week',
  assessmentHours: { start: 480, end: 1320 },
});

function chatBuckets(): Buckets {
  const prepared = prepareMessages(messages, settings);
  const consultations = buildConsultations(prepared, settings, 'day');
  const buckets = new Buckets(settings.period);
  const credited = creditOrders(orders, consultations, prepared, settings);
  const afterSales = afterSalesConsultations(consultations, credited, 7, settings.timeZone);
  addConsultations(buckets, consultations, credited, settings, afterSales);
  return buckets;
}

describe('consultation facts', () => {
  it('are counted by the test data, every one of them (a fact never written is caught here)', () => {
    const team = chatBuckets().get(TEAM, 'all').chats;
    for (const [fact, value] of Object.entries(team)) {
      const size = typeof value === 'number' ? value : (value as { size?: number; length?: number });
      const counted = typeof size === 'number' ? size : (size.size ?? size.length ?? 0);
      expect(counted, fact).toBeGreaterThan(0);
    }
  });

  it('live only in ChatFacts: the consultations leave every other fact of every row as it was', () => {
    const untouched = { ...new Facts(), chats: null };
    for (const { who, period, facts } of chatBuckets().all)
      expect({ ...facts, chats: null }, `${who} ${period}`).toEqual(untouched);
  });

  it('are the team’s own on the shop row, in every period, not a copy', () => {
    const buckets = chatBuckets();
    for (const period of ['all', ...buckets.periodLastDay.keys()]) {
      const shop = buckets.get(SHOP, period);
      expect(shop.chats, period).toBe(buckets.get(TEAM, period).chats);
      expect(shop.chats, period).not.toEqual(new ChatFacts());
    }
  });

  it('give the shop row the team’s figure for every indicator that reads only the chats', () => {
    const r = report({ messages }, { period: 'week', assessmentHours: { start: 480, end: 1320 } });
    const shared = Object.keys(r.team).filter(
      (id) => id !== 'low_sample' && r.team[id] !== null && r.shop[id] !== null,
    );
    expect(shared).toContain('fast_reply_rate');
    expect(shared).toContain('invite_rate');
    for (const id of shared) expect(r.shop[id], id).toBe(r.team[id]);
    // Flagged on the same cases, too.
    expect(r.shop.low_sample?.filter((id) => shared.includes(id))).toEqual(r.team.low_sample);
  });
});
