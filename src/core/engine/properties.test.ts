// Properties that must hold for any data: rates stay within [0, 1], row order does not matter, and
// importing the same rows twice changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { report } from '../../../test/helpers/engineRecords';
import { INDICATORS } from './catalog';
import type { Message, Order, Rating } from './model';
import type { Report } from './report';

const START = Date.parse('2024-03-01T00:00:00Z');
const agents = ['小美', '小王', 'Ann'];
const customers = ['c1', 'c2', 'c3', 'c4', 'c5'];
const time = fc.integer({ min: 0, max: 4 * 86_400 }).map((s) => START + s * 1000);

const message: fc.Arbitrary<Message> = fc.record({
  time,
  agent: fc.constantFrom(...agents),
  customer: fc.constantFrom(...customers),
  from: fc.constantFrom('customer', 'customer', 'agent', 'agent', 'system'),
  text: fc.constantFrom('在吗', '亲，在的', '好的', ''),
  session: fc.constant(null),
  auto: fc.boolean(),
  transfer: fc.constantFrom(null, null, null, 'out'),
  invite: fc.boolean(),
  offline: fc.constantFrom(false, false, true),
}) as fc.Arbitrary<Message>;

const order: fc.Arbitrary<Order> = fc
  .record({
    orderId: fc.integer({ min: 1, max: 40 }).map(String),
    customer: fc.constantFrom(...customers, null),
    createdAt: time,
    payDelay: fc.option(fc.integer({ min: 0, max: 2 * 86_400 }), { nil: null }),
    amount: fc.integer({ min: 0, max: 500 }),
    items: fc.integer({ min: 1, max: 5 }),
    cod: fc.constantFrom(false, false, true),
    refundAmount: fc.constantFrom(0, 0, 10),
  })
  .map(({ payDelay, ...o }) => ({
    ...o,
    paidAt: payDelay === null ? null : o.createdAt + payDelay * 1000,
  }));

const rating: fc.Arbitrary<Rating> = fc.record({
  time,
  agent: fc.constantFrom(...agents),
  customer: fc.constantFrom(...customers),
  level: fc.integer({ min: 1, max: 5 }),
});

const messageKey = (m: Message) => `${m.time}|${m.agent}|${m.customer}|${m.from}|${m.text}`;

const dataset = fc.record({
  // One message per deduplication key: rows that share it are one row, whatever their flags.
  messages: fc.uniqueArray(message, { maxLength: 60, selector: messageKey }),
  orders: fc.array(order, { maxLength: 15 }),
  ratings: fc.array(rating, { maxLength: 10 }),
});

const settings = fc.record({
  split: fc.constantFrom('day', 'gap') as fc.Arbitrary<'day' | 'gap'>,
  attribution: fc.constantFrom('last', 'first', 'most') as fc.Arbitrary<'last' | 'first' | 'most'>,
  basis: fc.constantFrom('paid', 'ordered', 'paid-same-day') as fc.Arbitrary<
    'paid' | 'ordered' | 'paid-same-day'
  >,
  windowDays: fc.integer({ min: 1, max: 15 }),
  period: fc.constantFrom('all', 'day', 'week') as fc.Arbitrary<'all' | 'day' | 'week'>,
});

/** Rates that are shares of a whole; ratios like 问答比 or 接待量占比 may exceed 1. */
const BOUNDED = INDICATORS.filter(
  (i) => i.unit === 'ratio' && !['qa_ratio', 'rating_rate', 'reception_share'].includes(i.id),
).map((i) => i.id);

function comparable(r: Report) {
  const { consultations: _ignored, counts, ...rest } = r;
  return { ...rest, consultationCount: counts.consultations };
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('engine properties', () => {
  it('keeps every share-of-a-whole rate within [0, 1], and never NaN or Infinity', () => {
    fc.assert(
      fc.property(dataset, settings, (data, options) => {
        const r = report(data, options);
        for (const row of [...r.agents, r.team, r.shop]) {
          for (const [key, value] of Object.entries(row)) {
            if (typeof value === 'number') expect(Number.isFinite(value), key).toBe(true);
          }
          for (const id of BOUNDED) {
            const value = row[id];
            if (value !== null) expect(value, id).toBeGreaterThanOrEqual(0);
            if (value !== null) expect(value, id).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same report whatever the order of the rows', () => {
    fc.assert(
      fc.property(dataset, settings, fc.integer({ min: 1, max: 1e6 }), (data, options, seed) => {
        const shuffled = {
          messages: shuffle(data.messages, seed),
          orders: shuffle(data.orders, seed + 1),
          ratings: shuffle(data.ratings, seed + 2),
        };
        // Rows sharing an order ID or every deduplicated field are one row: only the first is kept.
        const firstOnly = {
          ...data,
          orders: data.orders.filter((o, i) => data.orders.findIndex((p) => p.orderId === o.orderId) === i),
        };
        const unique = {
          ...shuffled,
          orders: shuffled.orders.filter((o) => firstOnly.orders.includes(o)),
        };
        expect(comparable(report(unique, options))).toEqual(comparable(report(firstOnly, options)));
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing when the same rows are imported twice', () => {
    fc.assert(
      fc.property(dataset, settings, (data, options) => {
        const twice = {
          messages: [...data.messages, ...data.messages],
          orders: [...data.orders, ...data.orders],
          ratings: [...data.ratings, ...data.ratings],
        };
        expect(comparable(report(twice, options))).toEqual(comparable(report(data, options)));
      }),
      { numRuns: 300 },
    );
  });
});
