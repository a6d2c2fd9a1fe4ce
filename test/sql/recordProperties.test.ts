// Property-generated ratings, refunds, complaints, online time and issues (with or without chats, with
// or without orders) through both engines: every figure the same (differential.ts), under the
// settings that shape them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Available, NOTHING_AVAILABLE } from '../../src/core/engine/facts';
import type {
  Complaint,
  Issue,
  Message,
  OnlineSpan,
  Order,
  Rating,
  Refund,
} from '../../src/core/engine/model';
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
// Refunds of the orders below (o1 … o12: some ordered, some not), requested round day edges, completed
// the same second, minutes, hours or days later or not at all, by the shop, the platform, the buyer or
// nobody said; a refund of an order twice (two records of one order).
const refund: fc.Arbitrary<Refund> = fc
  .record({
    orderId: fc.integer({ min: 1, max: 12 }).map((n) => `o${n}`),
    agent: agentOrShop,
    appliedAt: time,
    after: fc.option(fc.constantFrom(0, 1000, 59_000, 3_600_000, 7_777_000, 86_400_000, 5 * 86_400_000 + 1), {
      nil: null,
      freq: 3,
    }),
    completedBy: fc.constantFrom<Refund['completedBy']>('shop', 'shop', 'platform', 'buyer', null),
    dispute: fc.boolean(),
  })
  .map(({ after, ...r }) => ({ ...r, completedAt: after === null ? null : r.appliedAt + after }));
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

// Orders of the chats' buyers (and of nobody the chats know), placed round the records' moments and
// paid at once, a day later or never; some cash on delivery; refunded by amount or status or not.
const order: fc.Arbitrary<Order> = fc
  .record({
    orderId: fc.integer({ min: 1, max: 12 }).map((n) => `o${n}`),
    customer: fc.constantFrom('c1', 'c2', 'nobody', null),
    createdAt: time,
    paidAfter: fc.option(fc.constantFrom(0, 60_000, 86_400_000), { nil: null, freq: 4 }),
    amount: fc.constantFrom(0, 19.9, 100),
    items: fc.integer({ min: 0, max: 2 }),
    cod: fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, fc.constant(true)),
    refundAmount: fc.constantFrom(0, 0, 0, 5),
    refunded: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
  })
  .map(({ paidAfter, refunded, ...o }) => ({
    ...o,
    paidAt: paidAfter === null ? null : o.createdAt + paidAfter,
    ...(refunded === undefined ? {} : { refunded }),
  }));

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

const orderSettings: fc.Arbitrary<Settings> = fc
  .record({
    period: fc.constantFrom('all', 'day', 'week', 'month'),
    timeZone: fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York'),
    windowDays: fc.integer({ min: 1, max: 3 }),
    attribution: fc.constantFrom('last', 'first', 'most'),
    basis: fc.constantFrom('paid', 'ordered', 'paid-same-day'),
    afterSalesChatDays: fc.constantFrom(0, 0, 2),
    afterSalesWindowDays: fc.constantFrom(null, 1, 5, 30),
    minSample: fc.integer({ min: 0, max: 6 }),
  })
  .map((s) => resolveSettings(s as unknown as Partial<Settings>));

const list = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 25 });
/** What a refund export's optional columns gave: who completed each refund, and which were disputed. */
const refundColumns = fc.record({ refundCompleters: fc.boolean(), disputeFlags: fc.boolean() });

describe('DuckDB and the JS engine on property-generated ratings, complaints, online time and issues', () => {
  it('give the same report for any records, with or without chats, and settings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          messages: fc.option(list(message), { nil: null }),
          ratings: fc.option(list(rating), { nil: null }),
          refunds: fc.option(list(refund), { nil: null }),
          complaints: fc.option(list(complaint), { nil: null }),
          online: fc.option(list(online), { nil: null }),
          issues: fc.option(list(issue), { nil: null }),
        }),
        refundColumns,
        settings,
        async ({ messages, ...given }, columns, s) => {
          const available: Available = { ...NOTHING_AVAILABLE, chats: messages !== null };
          const records: Records = {};
          for (const [kind, items] of Object.entries(given)) {
            if (items === null) continue;
            available[kind as keyof Available] = true;
            (records as Record<string, unknown>)[kind] = items;
          }
          if (available.refunds) Object.assign(available, columns);
          const js = jsReport(messages ?? [], s, available, false, records);
          const sql = await duckdbReport(messages ?? [], s, available, false, records);
          expectSameReports(js, sql);
        },
      ),
      { numRuns: 80, endOnFailure: true },
    );
  }, 300_000);

  it('give the same report with orders: refunds making orders refunded, 退款纠纷率 and 投诉率 over paid orders', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          messages: fc.array(message, { minLength: 1, maxLength: 40 }),
          orders: fc.array(order, { minLength: 1, maxLength: 20 }),
          refunds: fc.option(list(refund), { nil: null }),
          complaints: fc.option(list(complaint), { nil: null }),
        }),
        refundColumns,
        fc.record({ refundAmounts: fc.boolean(), orderTimes: fc.boolean() }),
        orderSettings,
        async ({ messages, orders, refunds, complaints }, columns, orderColumns, s) => {
          const available: Available = {
            ...NOTHING_AVAILABLE,
            chats: true,
            orders: true,
            orderBuyers: true,
            paymentTimes: true,
            amounts: true,
            ...orderColumns,
            ...(refunds ? { refunds: true, ...columns } : {}),
            ...(complaints ? { complaints: true } : {}),
          };
          const records: Records = {
            orders,
            ...(refunds ? { refunds } : {}),
            ...(complaints ? { complaints } : {}),
          };
          const js = jsReport(messages, s, available, false, records);
          const sql = await duckdbReport(messages, s, available, false, records);
          expectSameReports(js, sql);
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  }, 300_000);

  it('count each export’s records on its own zone’s days, and its agents’ chats on theirs', async () => {
    const zone = fc.option(fc.constantFrom('America/Los_Angeles', 'Pacific/Auckland', 'UTC'), { nil: null });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          messages: list(message),
          ratings: list(rating),
          refunds: list(refund),
          complaints: list(complaint),
          online: list(online),
          issues: list(issue),
          // Orders or none: with them a refund's request day counts a dispute over paid orders.
          orders: fc.option(fc.array(order, { maxLength: 15 }), { nil: null }),
        }),
        // Each kind's export, and each agent's chats, in a zone of its own or the report's.
        fc.record({
          ratings: zone,
          refunds: zone,
          complaints: zone,
          online: zone,
          issues: zone,
          orders: zone,
        }),
        fc.array(zone, { minLength: agents.length, maxLength: agents.length }),
        refundColumns,
        settings,
        async ({ messages, orders, ...given }, zones, agentZoneList, columns, s) => {
          const own = (z: string | null) => z !== null && z !== s.timeZone;
          const available: Available = { ...NOTHING_AVAILABLE, chats: true, ...columns };
          const records: Records = {
            agentZones: new Map(
              agents.flatMap((a, i) =>
                own(agentZoneList[i] ?? null) ? [[a, agentZoneList[i] as string]] : [],
              ),
            ),
          };
          for (const [kind, items] of Object.entries(given)) {
            available[kind as keyof Available] = true;
            const z = zones[kind as keyof typeof zones];
            (records as Record<string, unknown>)[kind] = own(z)
              ? items.map((r) => ({ ...r, zone: z }))
              : items;
          }
          if (orders) {
            Object.assign(available, { orders: true, orderBuyers: true, paymentTimes: true, amounts: true });
            records.orders = own(zones.orders)
              ? orders.map((o) => ({ ...o, zone: zones.orders as string }))
              : orders;
          }
          const js = jsReport(messages, s, available, false, records);
          const sql = await duckdbReport(messages, s, available, false, records);
          expectSameReports(js, sql);
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  }, 300_000);

  it('counts refunds as the JS engine does (hand-made month): records refunding orders, disputes, completions', async () => {
    const at = (day: number, hour: number, minute = 0) =>
      Date.parse(`2024-03-0${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
    const chat = (agent: string, customer: string, time: number, from: 'customer' | 'agent'): Message => ({
      time,
      agent,
      customer,
      from,
      text: '在吗',
      session: null,
      auto: false,
      transfer: null,
      invite: false,
      offline: false,
      rowPrint: null,
    });
    const messages = [
      chat('小美', 'c1', at(1, 10), 'customer'),
      chat('小美', 'c1', at(1, 10, 1), 'agent'),
      chat('小王', 'c2', at(1, 11), 'customer'),
      chat('小王', 'c2', at(1, 11, 1), 'agent'),
    ];
    const paid = (orderId: string, customer: string, time: number): Order => ({
      orderId,
      customer,
      createdAt: time,
      paidAt: time,
      amount: 100,
      items: 1,
      cod: false,
      refundAmount: 0,
    });
    // Three paid orders, none refunded by amount or status: 小美's, 小王's, and one nobody sold.
    const orders = [paid('o1', 'c1', at(1, 12)), paid('o2', 'c2', at(1, 13)), paid('o3', 'c3', at(2, 8))];
    const refunds: Refund[] = [
      {
        orderId: 'o1',
        agent: '小美',
        appliedAt: at(2, 9),
        completedAt: at(2, 21),
        completedBy: 'shop',
        dispute: false,
      },
      {
        orderId: 'o3',
        agent: null,
        appliedAt: at(2, 9),
        completedAt: at(4, 9),
        completedBy: 'platform',
        dispute: true,
      },
      {
        orderId: 'o2',
        agent: '小美',
        appliedAt: at(3, 9),
        completedAt: at(3, 10, 30),
        completedBy: 'shop',
        dispute: true,
      },
      // An agent nothing else names (no chats, ratings, online time or issues): no row of their own.
      {
        orderId: 'o9',
        agent: 'Ghost',
        appliedAt: at(3, 9),
        completedAt: at(3, 12),
        completedBy: 'buyer',
        dispute: false,
      },
      {
        orderId: 'o9',
        agent: '小王',
        appliedAt: at(4, 9),
        completedAt: null,
        completedBy: null,
        dispute: false,
      },
    ];
    const available: Available = {
      ...NOTHING_AVAILABLE,
      chats: true,
      orders: true,
      orderBuyers: true,
      orderTimes: true,
      paymentTimes: true,
      amounts: true,
      refundAmounts: true,
      refunds: true,
      refundCompleters: true,
      disputeFlags: true,
    };
    const s = resolveSettings({ timeZone: 'UTC' });
    const records = { orders, refunds };
    const sql = await duckdbReport(messages, s, available, false, records);
    expectSameReports(jsReport(messages, s, available, false, records), sql);
    expect(sql.agents.map((r) => r.agent)).toEqual(['小美', '小王']);
    const mei = sql.agents.find((r) => r.agent === '小美');
    const wang = sql.agents.find((r) => r.agent === '小王');
    // Every paid order has a refund record: refunded, though no amount or status says so.
    expect([sql.shop.refund_rate, mei?.refund_rate, wang?.refund_rate]).toEqual([1, 1, 1]);
    // Disputes over paid orders: the shop's two (the one naming nobody, 小美's) of three; 小美's one of
    // her one order; the team's one of its two attributed orders.
    expect([sql.shop.dispute_rate, mei?.dispute_rate, sql.team.dispute_rate]).toEqual([2 / 3, 1, 1 / 2]);
    expect([sql.shop.self_refund_rate, mei?.self_refund_rate, sql.team.self_refund_rate]).toEqual([
      2 / 4,
      1,
      2 / 3,
    ]);
    // Hours from request to completion: 12, 48, 1.5 and 3 for the shop; 12 and 1.5 for 小美.
    expect([sql.shop.refund_hours, sql.shop.refund_hours_median]).toEqual([64.5 / 4, 7.5]);
    expect([mei?.refund_hours, mei?.refund_hours_median, sql.team.refund_hours_median]).toEqual([
      6.75, 6.75, 3,
    ]);
    expect(wang?.refund_hours).toBeNull();
  }, 60_000);

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
