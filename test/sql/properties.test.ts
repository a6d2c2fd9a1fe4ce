// Property-generated months through both engines: every figure the same (differential.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RatesError, type RateTable } from '../../src/core/engine/currencies';
import { NOTHING_AVAILABLE } from '../../src/core/engine/facts';
import type { Message, Order } from '../../src/core/engine/model';
import type { Report } from '../../src/core/engine/report';
import { resolveSettings, type Settings } from '../../src/core/engine/settings';
import { CHATS_ONLY, duckdbReport, expectSameReports, jsReport } from './differential';

const START = Date.parse('2024-03-01T00:00:00Z');
const agents = ['小美', '小王', 'Ann', 'internal'];
const customers = ['c1', 'c2', 'c3', 'qa'];
// Times to the second, crowded round a few moments (one just before midnight in Shanghai and UTC) so
// that ties, fast replies, gaps and day edges happen.
const time = fc
  .tuple(
    fc.integer({ min: 0, max: 2 }),
    fc.constantFrom(0, 10 * 3600, 16 * 3600 - 120, 24 * 3600 - 120),
    fc.oneof(
      { arbitrary: fc.constantFrom(0, 1, 10, 11, 30, 31, 60, 61), weight: 4 },
      fc.integer({ min: 0, max: 240 }),
    ),
  )
  .map(([day, moment, s]) => START + (day * 86_400 + moment + s) * 1000);

const message: fc.Arbitrary<Message> = fc
  .record({
    time,
    agent: fc.constantFrom(...agents),
    customer: fc.constantFrom(...customers),
    from: fc.constantFrom('customer', 'customer', 'agent', 'agent', 'system'),
    text: fc.constantFrom('在吗', '亲，在的', '好的', '', '欢迎光临'),
    session: fc.constantFrom(null, 's1', 's2', 's3'),
    auto: fc.boolean(),
    transfer: fc.oneof({ arbitrary: fc.constant(null), weight: 12 }, fc.constantFrom('out', 'in')),
    invite: fc.boolean(),
    offline: fc.oneof({ arbitrary: fc.constant(false), weight: 12 }, fc.constant(true)),
    messageId: fc.option(
      fc.integer({ min: 1, max: 30 }).map((n) => `m${n}`),
      { nil: undefined, freq: 4 },
    ),
    rowPrint: fc.constantFrom(0, 0, 7, null),
  })
  .map(({ messageId, ...m }) => (messageId === undefined ? m : { ...m, messageId })) as fc.Arbitrary<Message>;

const settings: fc.Arbitrary<Settings> = fc
  .record({
    split: fc.constantFrom('day', 'gap', 'id'),
    gapMinutes: fc.constantFrom(1, 2, 10),
    fastReplySeconds: fc.constantFrom(1, 10, 30, 60),
    autoRepliesCloseGaps: fc.boolean(),
    excludeTransfersOut: fc.boolean(),
    excludeOffline: fc.boolean(),
    assessmentHours: fc.option(
      fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 })).map(([a, b]) => ({
        start: Math.min(a, b - 1),
        end: b,
      })),
      { nil: null, freq: 1 },
    ),
    internalAccounts: fc.constantFrom([], ['internal'], ['qa', 'internal']),
    autoPrefixes: fc.constantFrom([], ['欢迎']),
    autoKeywords: fc.constantFrom([], ['在的']),
    period: fc.constantFrom('all', 'day', 'week', 'month'),
    timeZone: fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Asia/Kolkata'),
    minSample: fc.integer({ min: 0, max: 8 }),
  })
  .map((s) => resolveSettings(s as unknown as Partial<Settings>));

describe('DuckDB and the JS engine on property-generated chats', () => {
  it('give the same report for any messages and settings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { minLength: 10, maxLength: 150, size: 'max' }),
        settings,
        fc.boolean(),
        async (messages, s, sessions) => {
          const js = jsReport(messages, s, CHATS_ONLY, sessions);
          const sql = await duckdbReport(messages, s, CHATS_ONLY, sessions);
          expectSameReports(js, sql);
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  }, 300_000);
});

describe('DuckDB and the JS engine on repeated rows', () => {
  it('keep a row without a message ID that matches an earlier row with one in every other cell', async () => {
    const at = START + 10 * 3600 * 1000;
    const base = { agent: '小美', customer: 'c1', text: '在吗', session: null, auto: false, transfer: null };
    const messages = [
      { ...base, time: at, from: 'customer', invite: false, offline: false, rowPrint: 0, messageId: 'm1' },
      // The same cells but no ID: the JS engine compares its flags (no ID) and keeps it.
      { ...base, time: at, from: 'customer', invite: false, offline: false, rowPrint: 0 },
      // A true repeat of the row before: dropped by both.
      { ...base, time: at, from: 'customer', invite: false, offline: false, rowPrint: 0 },
      {
        ...base,
        time: at + 5000,
        from: 'agent',
        text: '亲，在的',
        invite: false,
        offline: false,
        rowPrint: 0,
      },
    ] as Message[];
    const s = resolveSettings({});
    const js = jsReport(messages, s, CHATS_ONLY, false);
    expect(js.counts.messages).toBe(3);
    expectSameReports(js, await duckdbReport(messages, s, CHATS_ONLY, false));
  });
});

describe('DuckDB and the JS engine on rows alike but for one cell', () => {
  it('keep every row that differs from an earlier one in a single cell, and drop the exact repeat', async () => {
    const at = START + 10 * 3600 * 1000;
    const base = {
      time: at,
      agent: '小美',
      customer: 'c1',
      from: 'customer',
      text: '在吗',
      session: 's1',
      auto: false,
      transfer: null,
      invite: false,
      offline: false,
      rowPrint: 7,
    } as Message;
    // Each a repeat of the first row but for one cell: a new message to both engines.
    const others: Partial<Message>[] = [
      { time: at + 1000 },
      { agent: '小王' },
      { customer: 'c2' },
      { from: 'agent' },
      { text: '好的' },
      { session: 's2' },
      { session: null },
      { auto: true },
      { transfer: 'out' },
      { transfer: 'in' },
      { invite: true },
      { offline: true },
      { rowPrint: 0 },
    ];
    const messages = [base, ...others.map((o) => ({ ...base, ...o })), { ...base }] as Message[];
    for (const split of ['id', 'day'] as const) {
      const s = resolveSettings({ split });
      const js = jsReport(messages, s, CHATS_ONLY, true);
      expect(js.counts.messages).toBe(1 + others.length);
      expect(js.counts.duplicateMessages).toBe(1);
      expectSameReports(js, await duckdbReport(messages, s, CHATS_ONLY, true));
    }
  });
});

describe('DuckDB and the JS engine where the clocks go back', () => {
  it('split by day as the JS engine does when summer time ends at midnight (São Paulo, 2018-02-18)', async () => {
    // 23:59 on the 17th in summer time (-02:00); the clocks then went back to 23:00 (-03:00): 23:30
    // and 23:50 are still the 17th, and 00:10 is the 18th, a new consultation.
    const utc = (iso: string) => Date.parse(iso);
    const base = { agent: '小美', customer: 'c1', session: null, auto: false, transfer: null };
    const flags = { invite: false, offline: false, rowPrint: null };
    const messages = [
      { ...base, ...flags, time: utc('2018-02-18T01:59:00Z'), from: 'customer', text: '在吗' },
      { ...base, ...flags, time: utc('2018-02-18T02:31:00Z'), from: 'agent', text: '在的' },
      { ...base, ...flags, time: utc('2018-02-18T02:50:00Z'), from: 'customer', text: '还在吗' },
      { ...base, ...flags, time: utc('2018-02-18T03:10:00Z'), from: 'customer', text: '？' },
      { ...base, ...flags, time: utc('2018-02-18T03:15:00Z'), from: 'agent', text: '在的' },
    ] as Message[];
    const s = resolveSettings({ split: 'day', timeZone: 'America/Sao_Paulo' });
    const js = jsReport(messages, s, CHATS_ONLY, false);
    expect(js.team.consultations).toBe(2);
    expectSameReports(js, await duckdbReport(messages, s, CHATS_ONLY, false));
  });
});

// Orders of the same customers, placed and paid round the same moments (so that an order lands on a
// window's first or last day, at a consultation's second, before or after it), some cash on delivery,
// some unpaid, repeated IDs, refunds by amount or status, cancelled lines, one currency or none.
const order: fc.Arbitrary<Order> = fc
  .record({
    orderId: fc.integer({ min: 1, max: 40 }).map((n) => `o${n}`),
    customer: fc.constantFrom('c1', 'c2', 'c3', 'qa', 'nobody', null),
    createdAt: fc.option(time, { nil: null, freq: 8 }),
    paidAfter: fc.option(fc.constantFrom(0, 1000, 60_000, 3_600_000, 86_400_000, 3 * 86_400_000), {
      nil: null,
      freq: 4,
    }),
    amount: fc.constantFrom(0, 0.1, 0.2, 19.9, 59.7, 100, 0.3),
    items: fc.integer({ min: 0, max: 3 }),
    cod: fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, fc.constant(true)),
    refundAmount: fc.constantFrom(0, 0, 0, 5),
    refunded: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
    cancelled: fc.option(fc.constantFrom({ amount: 0.1, items: 1 }, { amount: 19.9, items: 0 }), {
      nil: undefined,
      freq: 2,
    }),
  })
  .map(({ paidAfter, cancelled, refunded, createdAt, ...o }) => ({
    ...o,
    createdAt,
    paidAt: paidAfter === null || createdAt === null ? null : createdAt + paidAfter,
    ...(refunded === undefined ? {} : { refunded }),
    ...(cancelled === undefined ? {} : { cancelledLines: cancelled }),
  }));

const orderSettings: fc.Arbitrary<Settings> = fc
  .tuple(
    settings,
    fc.record({
      windowDays: fc.integer({ min: 1, max: 4 }),
      attribution: fc.constantFrom('last', 'first', 'most'),
      basis: fc.constantFrom('paid', 'ordered', 'paid-same-day'),
      afterSalesChatDays: fc.constantFrom(0, 0, 1, 3),
      afterSalesWindowDays: fc.constantFrom(null, 1, 2, 7),
    }),
  )
  .map(([s, o]) => resolveSettings({ ...s, ...o } as Partial<Settings>));

/** What the order export gave: a buyer column always (else nothing is attributed), the rest at random. */
const orderColumns = fc
  .record({
    orderTimes: fc.boolean(),
    paymentTimes: fc.boolean(),
    amounts: fc.boolean(),
    itemCounts: fc.boolean(),
    refundAmounts: fc.boolean(),
  })
  .map((given) => ({ ...NOTHING_AVAILABLE, ...CHATS_ONLY, orders: true, orderBuyers: true, ...given }));

describe('DuckDB and the JS engine on property-generated chats and orders', () => {
  it('give the same report for any orders, buyers, times and attribution settings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { minLength: 5, maxLength: 100, size: 'max' }),
        fc.array(order, { minLength: 1, maxLength: 40, size: 'max' }),
        orderSettings,
        orderColumns,
        fc.boolean(),
        // No currency, one, or two: each currency's money figures apart (report.ts byCurrency).
        fc.constantFrom<readonly (string | undefined)[]>(
          [undefined],
          ['CNY'],
          ['CNY', 'USD'],
          ['USD', undefined],
        ),
        async (messages, given, s, available, sessions, currencies) => {
          const orders = given.map((o, i) => {
            const currency = currencies[i % currencies.length];
            return currency ? { ...o, currency } : o;
          });
          const js = jsReport(messages, s, available, sessions, { orders });
          const sql = await duckdbReport(messages, s, available, sessions, { orders });
          expectSameReports(js, sql);
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  }, 300_000);
});

// Shops in other markets (issue 21): each agent's chats, and each order, read in a zone of its own or
// the report's, round the day edges the times crowd at.
const ZONES = ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'] as const;
const agentZones = fc
  .array(fc.option(fc.constantFrom(...ZONES), { nil: null }), {
    minLength: agents.length,
    maxLength: agents.length,
  })
  .map((zones) => new Map(agents.flatMap((agent, i) => (zones[i] ? [[agent, zones[i]] as const] : []))));

describe('DuckDB and the JS engine on exports read in zones of their own', () => {
  it('count every day, hour, window and period in each export’s zone, as the JS engine does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { minLength: 5, maxLength: 100, size: 'max' }),
        fc.array(
          fc
            .tuple(order, fc.option(fc.constantFrom(...ZONES), { nil: null }))
            .map(([o, zone]) => (zone === null ? o : { ...o, zone })),
          { minLength: 1, maxLength: 40, size: 'max' },
        ),
        orderSettings,
        orderColumns,
        fc.boolean(),
        agentZones,
        async (messages, orders, s, available, sessions, zones) => {
          // A zone of its own is one other than the report's (zones.ts leaves the report's out).
          const own = new Map([...zones].filter(([, zone]) => zone !== s.timeZone));
          const inOwnZone = orders.map(({ zone, ...o }) =>
            zone === undefined || zone === s.timeZone ? o : { ...o, zone },
          );
          const records = { orders: inOwnZone, agentZones: own };
          const js = jsReport(messages, s, available, sessions, records);
          const sql = await duckdbReport(messages, s, available, sessions, records);
          expectSameReports(js, sql);
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  }, 300_000);
});

// Rate tables (--rates): a report currency, a rate per currency and month (or for every month) or
// none, the orders in several currencies, some in zones of their own (their month is their zone's).
const rate = fc.constantFrom(0.031, 7.1, 0.1, 32.5, 0.14, 1 / 3);
const rateTable: fc.Arbitrary<RateTable> = fc
  .record({
    to: fc.constantFrom('USD', 'CNY'),
    // Mostly a rate for every month (missing now and then: the report is refused), and some months' own.
    every: fc.array(fc.option(rate, { nil: null, freq: 8 }), { minLength: 3, maxLength: 3 }),
    monthly: fc.uniqueArray(
      fc.record({
        currency: fc.constantFrom('TWD', 'USD', 'CNY'),
        period: fc.constantFrom('2024-02', '2024-03'),
        rate,
      }),
      { selector: (r) => `${r.currency} ${r.period}`, maxLength: 4 },
    ),
  })
  .map(({ to, every, monthly }) => ({
    to,
    rates: [
      ...(['TWD', 'USD', 'CNY'] as const).flatMap((currency, i) =>
        every[i] === null ? [] : [{ currency, period: 'all', rate: every[i] as number }],
      ),
      ...monthly,
    ].filter((r) => r.currency !== to),
  }));

describe('DuckDB and the JS engine on orders converted by a rate table', () => {
  it('convert every amount to the cent, say the rates used, and refuse the same orders', async () => {
    let converted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { minLength: 5, maxLength: 60, size: 'max' }),
        fc.array(
          fc.record({
            order,
            currency: fc.oneof(
              { arbitrary: fc.constantFrom<string | undefined>('TWD', 'USD', 'CNY'), weight: 30 },
              { arbitrary: fc.constant(undefined), weight: 1 },
            ),
            zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined, freq: 3 }),
          }),
          { minLength: 1, maxLength: 30, size: 'max' },
        ),
        orderSettings,
        orderColumns,
        rateTable,
        async (messages, given, s, available, rates) => {
          const orders = given.map(({ order: o, currency, zone }) => ({
            ...o,
            ...(currency ? { currency } : {}),
            ...(zone && zone !== s.timeZone ? { zone } : {}),
          }));
          const outcome = async (report: () => Report | Promise<Report>) => {
            try {
              return { report: await report() };
            } catch (error) {
              if (!(error instanceof RatesError)) throw error;
              return { refused: error.message };
            }
          };
          const js = await outcome(() => jsReport(messages, s, available, false, { orders, rates }));
          const sql = await outcome(() => duckdbReport(messages, s, available, false, { orders, rates }));
          if ('refused' in js) expect(sql).toEqual(js);
          else {
            expect('report' in sql && sql.report).toBeTruthy();
            expectSameReports(js.report, (sql as { report: Report }).report);
            if (js.report.conversion) converted++;
          }
        },
      ),
      { numRuns: 80, endOnFailure: true },
    );
    // Not vacuous: some runs converted (the others refused, or had nothing to convert).
    expect(converted).toBeGreaterThan(20);
  }, 300_000);
});
