// Grouping messages into threads, and telling repeated ratings from distinct ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, msg } from '../../../test/helpers/engineRecords';
import { importTable } from '../import/importer';
import { toColumns } from './messageColumns';
import { dedupeRatings, prepareMessages } from './messages';
import type { Message, Rating } from './model';
import { resolveSettings } from './settings';

const settings = resolveSettings({ timeZone: 'UTC' });

/** A message within an hour from any of `agents` to any of `customers`, in one of 15 sessions or none. */
function messageAmong(agents: string[], customers: string[]): fc.Arbitrary<Message> {
  return fc
    .record({
      second: fc.integer({ min: 0, max: 3600 }),
      agent: fc.constantFrom(...agents),
      customer: fc.constantFrom(...customers),
      from: fc.constantFrom('customer' as const, 'agent' as const),
      session: fc.option(fc.integer({ min: 1, max: 15 }).map((n) => `s${n}`)),
    })
    .map(({ second, agent, customer, from, session }) => ({
      ...msg('2024-03-01 00:00:00', agent, customer, from, { session }),
      time: at('2024-03-01 00:00:00') + second * 1000,
      text: `${second}`,
    }));
}

describe('prepareMessages', () => {
  it('numbers threads in the order they first appear, each customer with each agent its own', () => {
    const messages = [
      msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
      msg('2024-03-01 10:00:01', '小王', 'c2', 'customer'),
      msg('2024-03-01 10:00:02', '小王', 'c1', 'customer'),
      msg('2024-03-01 10:00:03', '小美', 'c1', 'agent'),
      msg('2024-03-01 10:00:04', 'Ann', 'c1', 'customer'),
      msg('2024-03-01 10:00:05', '小王', 'c1', 'agent'),
    ];
    const prepared = prepareMessages(toColumns(messages, settings), settings);
    const threads = [...prepared.threadStart.subarray(0, -1)].map((from, t) =>
      [...prepared.order.subarray(from, prepared.threadStart[t + 1])].map(
        (i) => `${messages[i]?.agent}/${messages[i]?.customer}`,
      ),
    );
    expect(threads).toEqual([['小美/c1', '小美/c1'], ['小王/c2'], ['小王/c1', '小王/c1'], ['Ann/c1']]);
  });

  it('groups any messages as a Map of agent-and-customer keys would', () => {
    fc.assert(
      fc.property(
        fc.array(messageAmong(['小美', '小王', 'Ann', 'Bo'], ['c1', 'c2', 'c3', 'c4', 'c5']), {
          maxLength: 60,
        }),
        (messages) => {
          const prepared = prepareMessages(toColumns(messages, settings), settings);
          const expected = new Map<string, number>();
          for (const m of messages) {
            const key = `${m.agent}\u0000${m.customer}`;
            if (!expected.has(key)) expected.set(key, expected.size);
          }
          expect(prepared.threadStart.length - 1).toBe(expected.size);
          prepared.threadStart.subarray(0, -1).forEach((from, t) => {
            for (let k = from; k < (prepared.threadStart[t + 1] as number); k++) {
              const m = messages[prepared.order[k] as number] as Message;
              expect(expected.get(`${m.agent}\u0000${m.customer}`)).toBe(t);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sessions within a thread', () => {
  it('number alike exactly the messages of one thread with one session ID, however its rows are spread', () => {
    fc.assert(
      fc.property(
        // Two agents and two customers: up to fifteen sessions a thread, their rows spread among others.
        fc.array(messageAmong(['小美', '小王'], ['c1', 'c2']), { minLength: 40, maxLength: 160 }),
        (messages) => {
          const prepared = prepareMessages(toColumns(messages, settings), settings);
          prepared.threadStart.subarray(0, -1).forEach((from, t) => {
            const kept = [...prepared.order.subarray(from, prepared.threadStart[t + 1])];
            for (const i of kept) {
              for (const j of kept) {
                const [a, b] = [messages[i] as Message, messages[j] as Message];
                const sameNumber = prepared.session[i] === prepared.session[j] && prepared.session[i] !== -1;
                expect(sameNumber).toBe(a.session !== null && a.session === b.session);
              }
            }
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('duplicate messages', () => {
  /** The messages kept and dropped as duplicates from a chat export given as lines. */
  function read(...lines: string[]) {
    const imported = importTable({
      file: 'c.csv',
      text: `${lines.join('\n')}\n`,
      kind: 'chats',
      timeZone: 'UTC',
    });
    expect(imported.warnings).toEqual([]);
    const prepared = prepareMessages(toColumns(imported.records, settings), settings);
    return { kept: prepared.messages, duplicates: prepared.duplicates, mapped: imported.mapped };
  }

  it('with a message ID column, are exactly the rows that repeat an ID', () => {
    const counted = read(
      '消息ID,发送时间,客服账号,买家昵称,发送方,消息内容',
      'm1,2024-03-01 10:00:00,小美,c1,买家,在吗',
      // Two pictures (no text) and two "好的" in one second: four messages, by their IDs.
      'm2,2024-03-01 10:00:05,小美,c1,客服,',
      'm3,2024-03-01 10:00:05,小美,c1,客服,',
      'm4,2024-03-01 10:00:06,小美,c1,客服,好的',
      'm5,2024-03-01 10:00:06,小美,c1,客服,好的',
      // A later export repeats m1 and m4; an ID repeated is the message repeated, whatever else.
      'm1,2024-03-01 10:00:00,小美,c1,买家,在吗',
      'm4,2024-03-01 18:00:00,小王,c9,客服,好的',
    );
    expect(counted.mapped.has('message_id')).toBe(true);
    expect(counted).toMatchObject({ kept: 5, duplicates: 2 });
  });

  it('without one, are the rows alike in every column, and never two rows whose text is empty', () => {
    const counted = read(
      '发送时间,客服账号,买家昵称,发送方,消息内容,商品链接',
      '2024-03-01 10:00:00,小美,c1,买家,在吗,item/1',
      '2024-03-01 10:00:00,小美,c1,买家,在吗,item/1',
      // Alike in every field, but not in a column no field reads: two messages.
      '2024-03-01 10:00:00,小美,c1,买家,在吗,item/2',
      // Two pictures sent in one second: nothing tells them apart, so both count.
      '2024-03-01 10:00:05,小美,c1,客服,,',
      '2024-03-01 10:00:05,小美,c1,客服,,',
      '2024-03-01 10:00:06,小美,c1,客服,好的,',
      '2024-03-01 10:00:06,小美,c1,客服,好的,',
    );
    expect(counted).toMatchObject({ kept: 5, duplicates: 2 });
  });

  it('without one, are told apart by their session too', () => {
    const counted = read(
      '会话ID,发送时间,客服账号,买家昵称,发送方,消息内容',
      's1,2024-03-01 10:00:00,小美,c1,买家,在吗',
      's2,2024-03-01 10:00:00,小美,c1,买家,在吗',
      's1,2024-03-01 10:00:00,小美,c1,买家,在吗',
    );
    expect(counted).toMatchObject({ kept: 2, duplicates: 1 });
  });
});

describe('dedupeRatings', () => {
  const rating = (time: string, agent: string | null, customer: string, level: number, id?: string) =>
    ({ time: at(time), agent, customer, level, ...(id ? { id } : {}) }) satisfies Rating;

  it('drops a rating repeated in time, agent, customer and level, and keeps any that differs', () => {
    const ratings = [
      rating('2024-03-01 10:00:00', '小美', 'c1', 5),
      rating('2024-03-01 10:00:00', '小美', 'c1', 5),
      rating('2024-03-01 10:00:00', '小王', 'c1', 5),
      rating('2024-03-01 10:00:00', '小美', 'c2', 5),
      rating('2024-03-01 10:00:00', '小美', 'c1', 4),
      rating('2024-03-01 10:00:01', '小美', 'c1', 5),
      rating('2024-03-01 10:00:00', '小王', 'c1', 5),
      rating('2024-03-01 10:00:00', '小美', 'c2', 5),
    ];
    const { ratings: kept, duplicates } = dedupeRatings(ratings);
    expect(kept).toEqual([ratings[0], ratings[2], ratings[3], ratings[4], ratings[5]]);
    expect(duplicates).toBe(3);
  });

  it('tells a rating of the shop from one of an agent named "null"', () => {
    const ratings = [
      rating('2024-03-01 10:00:00', null, 'c1', 5),
      rating('2024-03-01 10:00:00', 'null', 'c1', 5),
    ];
    expect(dedupeRatings(ratings).duplicates).toBe(0);
  });

  it('goes by the rating ID when there is one, and never drops a rating with neither ID nor customer', () => {
    const ratings = [
      rating('2024-03-01 10:00:00', '小美', 'c1', 5, 'r1'),
      rating('2024-03-01 11:00:00', '小王', 'c9', 1, 'r1'),
      rating('2024-03-01 10:00:00', '小美', 'c1', 5, 'r2'),
      rating('2024-03-01 10:00:00', '小美', '', 5),
      rating('2024-03-01 10:00:00', '小美', '', 5),
    ];
    const { ratings: kept, duplicates } = dedupeRatings(ratings);
    expect(kept).toEqual([ratings[0], ratings[2], ratings[3], ratings[4]]);
    expect(duplicates).toBe(1);
  });
});
