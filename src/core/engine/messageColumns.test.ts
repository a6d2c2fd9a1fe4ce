// A file read in two parts on two threads joins into the very columns of reading it in one piece.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { msg } from '../../../test/helpers/engineRecords';
import { columnsData, MessageColumnsBuilder, renumberColumns } from './messageColumns';
import type { Message } from './model';

const RULES = { autoPrefixes: ['【自动回复】'], autoKeywords: [] };

const message: fc.Arbitrary<Message> = fc
  .record({
    second: fc.integer({ min: 0, max: 86_399 }),
    agent: fc.constantFrom('小美', '小王', 'Ann'),
    customer: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6'),
    from: fc.constantFrom('customer' as const, 'agent' as const, 'system' as const),
    text: fc.constantFrom('在吗', '亲，在的', '【自动回复】您好', ''),
    session: fc.constantFrom(null, 's1', 's2', 's3', 's4'),
    transfer: fc.constantFrom(null, 'out' as const, 'in' as const),
  })
  .map(({ second, agent, customer, from, ...extra }) => {
    const time = new Date(Date.UTC(2024, 2, 1, 0, 0, second)).toISOString().slice(0, 19).replace('T', ' ');
    return msg(time, agent, customer, from, extra);
  });

function builderOf(messages: readonly Message[]) {
  const builder = new MessageColumnsBuilder(RULES);
  for (const m of messages) builder.add(m);
  return builder;
}

/** Columns as plain values, to compare with toEqual. */
function plain(builder: MessageColumnsBuilder) {
  const { agents, customers, sessions, ...arrays } = builder.build();
  return { ...arrays, agents: agents.names, customers: customers.names, sessions: sessions.names };
}

describe('columns read in two parts', () => {
  it('join into the columns of adding every message in order, names numbered alike', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 40 }), fc.nat(), (messages, at) => {
        const cut = messages.length === 0 ? 0 : at % (messages.length + 1);
        const first = builderOf(messages.slice(0, cut));
        const second = columnsData(builderOf(messages.slice(cut)).build());
        first.addRenumbered(renumberColumns(second, first.names()));
        expect(plain(first)).toEqual(plain(builderOf(messages)));
      }),
      { numRuns: 300 },
    );
  });

  it('still find every name, the second part’s included, and number new ones after them', () => {
    const first = builderOf([msg('2024-03-01 10:00:00', '小美', 'c1', 'customer', { session: 's1' })]);
    const second = builderOf([
      msg('2024-03-01 10:00:05', '小王', 'c2', 'customer', { session: 's2' }),
      msg('2024-03-01 10:00:09', '小美', 'c1', 'agent', { session: 's1' }),
    ]);
    first.addRenumbered(renumberColumns(columnsData(second.build()), first.names()));
    first.add(msg('2024-03-01 10:01:00', 'Ann', 'c3', 'customer'));
    const columns = first.build();
    expect(columns.customers.find('c2')).toBe(1);
    expect(columns.customers.find('c3')).toBe(2);
    expect(columns.agents.names).toEqual(['小美', '小王', 'Ann']);
    expect([...columns.customer]).toEqual([0, 1, 0, 2]);
    // Sessions are numbered by run: s1 coming back after s2 is a run of its own.
    expect([...columns.session]).toEqual([0, 1, 2, -1]);
    expect(columns.sessions.names).toEqual(['s1', 's2', 's1']);
  });

  it('are refused when messages came between taking the names and joining', () => {
    const first = builderOf([msg('2024-03-01 10:00:00', '小美', 'c1', 'customer')]);
    const renumbered = renumberColumns(
      columnsData(builderOf([msg('2024-03-01 10:00:05', '小王', 'c2', 'customer')]).build()),
      first.names(),
    );
    first.add(msg('2024-03-01 10:00:07', '小美', 'c9', 'customer'));
    expect(() => first.addRenumbered(renumbered)).toThrow(/renumbered for other names/);
  });
});
