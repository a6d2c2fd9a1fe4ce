// Property-generated ratings, complaints, online time and issues (with or without chats) through both
// engines: every figure the same (differential.ts), under the settings that shape them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Available, NOTHING_AVAILABLE } from '../../src/core/engine/facts';
import type { Complaint, Issue, Message, OnlineSpan, Rating } from '../../src/core/engine/model';
import { resolveSettings, type Settings } from '../../src/core/engine/settings';
import { duckdbReport, expectSameReports, jsReport, type Records } from './differential';

const START = Date.parse('2024-02-20T00:00:00Z');
const agents = ['小美', '小王', 'Ann'];
const agentOrShop = fc.oneof(fc.constantFrom<string | null>(...agents), fc.constant(null));
// Whole seconds over six weeks, crowded round midnight in Shanghai and UTC, so that records fall on
// both sides of day, week, month and window edges.
const time = fc
  .tuple(
    fc.integer({ min: 0, max: 40 }),
    fc.constantFrom(0, 10 * 3600, 16 * 3600 - 60, 24 * 3600 - 60),
    fc.integer({ min: 0, max: 120 }),
  )
  .map(([day, moment, s]) => START + (day * 86_400 + moment + s) * 1000);

const rating: fc.Arbitrary<Rating> = fc
  .record({
    time,
    agent: agentOrShop,
    customer: fc.constantFrom('c1', 'c2', ''),
    level: fc.integer({ min: 1, max: 5 }),
    id: fc.option(fc.constantFrom('r1', 'r2', 'r3'), { nil: undefined, freq: 3 }),
  })
  .map(({ id, ...r }) => (id === undefined ? r : { ...r, id }));
const complaint: fc.Arbitrary<Complaint> = fc.record({ time, agent: agentOrShop });
const online: fc.Arbitrary<OnlineSpan> = fc
  .record({ agent: fc.constantFrom(...agents), start: time, seconds: fc.integer({ min: 0, max: 9 * 3600 }) })
  .map(({ agent, start, seconds }) => ({ agent, start, end: start + seconds * 1000 }));
const issue: fc.Arbitrary<Issue> = fc.record({
  time,
  agent: fc.constantFrom(...agents),
  resolved: fc.boolean(),
});
const message: fc.Arbitrary<Message> = fc.record({
  time,
  agent: fc.constantFrom(...agents),
  customer: fc.constantFrom('c1', 'c2'),
  from: fc.constantFrom('customer', 'agent'),
  text: fc.constant('在吗'),
  session: fc.constant(null),
  auto: fc.constant(false),
  transfer: fc.constant(null),
  invite: fc.constant(false),
  offline: fc.constant(false),
  rowPrint: fc.constant(null),
}) as fc.Arbitrary<Message>;

const settings: fc.Arbitrary<Settings> = fc
  .record({
    period: fc.constantFrom('all', 'day', 'week', 'month'),
    timeZone: fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York'),
    satisfiedLevels: fc.constantFrom([5, 4], [5], [], [1, 3, 5]),
    dsrDays: fc.constantFrom(1, 3, 7, 180),
    afterSalesWindowDays: fc.constantFrom(null, 1, 5, 30),
    minSample: fc.integer({ min: 0, max: 6 }),
  })
  .map((s) => resolveSettings(s as unknown as Partial<Settings>));

const list = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 25 });

describe('DuckDB and the JS engine on property-generated ratings, complaints, online time and issues', () => {
  it('give the same report for any records, with or without chats, and settings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          messages: fc.option(list(message), { nil: null }),
          ratings: fc.option(list(rating), { nil: null }),
          complaints: fc.option(list(complaint), { nil: null }),
          online: fc.option(list(online), { nil: null }),
          issues: fc.option(list(issue), { nil: null }),
        }),
        settings,
        async ({ messages, ...given }, s) => {
          const available: Available = { ...NOTHING_AVAILABLE, chats: messages !== null };
          const records: Records = {};
          for (const [kind, items] of Object.entries(given)) {
            if (items === null) continue;
            available[kind as keyof Available] = true;
            (records as Record<string, unknown>)[kind] = items;
          }
          const js = jsReport(messages ?? [], s, available, false, records);
          const sql = await duckdbReport(messages ?? [], s, available, false, records);
          expectSameReports(js, sql);
        },
      ),
      { numRuns: 80, endOnFailure: true },
    );
  }, 300_000);

  it('counts a rating repeated in the export once, and keeps DSR to its window (hand-made month)', async () => {
    const day = (d: number, h = 12) =>
      Date.parse(`2024-03-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`);
    const ratings: Rating[] = [
      { time: day(1), agent: '小美', customer: 'c1', level: 5 },
      { time: day(1), agent: '小美', customer: 'c1', level: 5 }, // the same row twice: one rating
      { time: day(20), agent: '小美', customer: 'c2', level: 2, id: 'r9' },
      { time: day(21), agent: '小美', customer: 'c3', level: 4, id: 'r9' }, // the ID seen: a repeat
      { time: day(25), agent: null, customer: 'c4', level: 3 }, // the shop's
    ];
    const online: OnlineSpan[] = [
      { agent: '小美', start: day(2, 1), end: day(2, 1) + 20 * 60_000 },
      { agent: '小美', start: day(3, 1), end: day(3, 1) + 20 * 60_000 },
      { agent: '小王', start: day(3, 1), end: day(3, 1) + 20 * 60_000 },
    ];
    const s = resolveSettings({ timeZone: 'UTC', dsrDays: 10 });
    const available = { ...NOTHING_AVAILABLE, ratings: true, online: true };
    const sql = await duckdbReport([], s, available, false, { ratings, online });
    expectSameReports(jsReport([], s, available, false, { ratings, online }), sql);
    expect(sql.counts.ratings).toBe(3);
    expect(sql.counts.duplicateRatings).toBe(2);
    // 小美: 5 and 2, satisfied 1 of 2; DSR over the 10 days to 25 March: the 2 only. The shop adds the 3.
    const mei = sql.agents.find((r) => r.agent === '小美');
    expect(mei?.satisfaction_rate).toBe(0.5);
    expect(mei?.dsr_service).toBe(2);
    expect(sql.shop.dsr_service).toBe(2.5);
    // Three spans of 20 minutes over two accounts: an hour / 2 accounts, exactly (whole milliseconds summed).
    expect(sql.team.online_hours).toBe(0.5);
    expect(mei?.online_hours).toBe(40 / 60);
  }, 60_000);
});
