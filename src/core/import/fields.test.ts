import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../engine/catalog';
import { availableFrom, NOTHING_AVAILABLE } from '../engine/facts';
import { computeReport } from '../engine/report';
import { resolveSettings } from '../engine/settings';
import { DIALECTS } from './dialects';
import { fieldsOf, headerNames, KINDS, type Kind } from './fields';
import { normalizeHeader } from './headers';
import { importTable } from './importer';

/**
 * One export of each kind with every optional column, each row chosen so that every optional column
 * changes a figure: a field described but never read fails the walk below.
 */
const FULL: Partial<Record<Kind, string[][]>> = {
  chats: [
    [
      'time',
      'agent',
      'customer',
      'from',
      'text',
      'session',
      'message_id',
      'auto',
      'transfer',
      'invite',
      'offline',
      'no_response',
      'shop',
    ],
    // The text's prefix marks an auto reply (settings below), so the first manual reply is at 0:20. Its
    // first message needs no response: TikTok Shop's rate (settings below) leaves the conversation out.
    ['2024-03-01 10:00:00', '小美', 'c1', 'customer', '在吗', 's1', 'm1', '否', '', '否', '否', '是', 'A'],
    ['2024-03-01 10:00:05', '小美', 'c1', 'agent', '[自动]您好', 's1', 'm2', '否', '', '否', '否', '否', 'A'],
    ['2024-03-01 10:00:20', '小美', 'c1', 'agent', '在的', 's1', 'm3', '否', '', '是', '否', '否', 'A'],
    // A second conversation the same day: one consultation with it under the day split.
    ['2024-03-01 11:00:00', '小美', 'c1', 'customer', '还在吗', 's2', 'm4', '否', '', '否', '否', '否', 'A'],
    ['2024-03-01 11:00:03', '小美', 'c1', 'agent', '欢迎光临', 's2', 'm5', '是', '', '否', '否', '否', 'A'],
    ['2024-03-01 12:00:00', '小美', 'c2', 'customer', '留个言', 's3', 'm6', '否', '', '否', '是', '否', 'A'],
    ['2024-03-01 12:30:00', '小美', 'c2', 'agent', '好的', 's3', 'm7', '否', '', '否', '否', '否', 'A'],
    // The same words sent twice in one second: two messages by their IDs, one row repeated without.
    ['2024-03-01 12:30:00', '小美', 'c2', 'agent', '好的', 's3', 'm8', '否', '', '否', '否', '否', 'A'],
    ['2024-03-01 13:00:00', '小美', 'c3', 'customer', '转人工', 's4', 'm9', '否', '', '否', '否', '否', 'A'],
    // biome-ignore format: one message a line, as the rows above
    ['2024-03-01 13:00:10', '小美', 'c3', 'agent', '为您转接', 's4', 'm10', '否', '转出', '否', '否', '否', 'A'],
  ],
  orders: [
    [
      'order_id',
      'sub_order_id',
      'customer',
      'created_at',
      'paid_at',
      'amount',
      'items',
      'refund_amount',
      'cod',
      'currency',
      'status',
      'line_status',
    ],
    // Two lines of one order: without their line IDs the second reads as the first repeated. A third
    // line was cancelled: without its own status its item would count as sold.
    // biome-ignore format: one line a row, as the rows below
    ['o1', 'l1', 'c1', '2024-03-01 10:05:00', '2024-03-01 10:06:00', '100', '2', '0', '否', 'CNY', 'paid', 'paid'],
    // biome-ignore format: one line a row
    ['o1', 'l2', 'c1', '2024-03-01 10:05:00', '2024-03-01 10:06:00', '100', '2', '0', '否', 'CNY', 'paid', 'paid'],
    // biome-ignore format: one line a row
    ['o1', 'l8', 'c1', '2024-03-01 10:05:00', '2024-03-01 10:06:00', '100', '1', '0', '否', 'CNY', 'paid', 'cancelled'],
    [
      'o2',
      'l3',
      'c1',
      '2024-03-01 12:00:00',
      '2024-03-01 12:10:00',
      '50',
      '1',
      '50',
      '否',
      'CNY',
      'refunded',
      '',
    ],
    // Cash on delivery: a sale without a payment time. In another currency: without the currency
    // column, its sale would be added to the others'.
    ['o3', 'l4', 'c2', '2024-03-01 13:00:00', '', '80', '1', '0', '是', 'USD', '', ''],
    ['o4', 'l5', 'c9', '2024-03-01 14:00:00', '', '60', '1', '0', '否', 'USD', 'unpaid', ''],
    // Paid, its status not given: only its payment time says so.
    ['o5', 'l6', 'c2', '2024-03-01 15:00:00', '2024-03-01 15:01:00', '30', '1', '0', '否', 'USD', '', ''],
    // Paid, then cancelled: no sale.
    [
      'o6',
      'l7',
      'c3',
      '2024-03-01 16:00:00',
      '2024-03-01 16:01:00',
      '40',
      '1',
      '0',
      '否',
      'USD',
      'cancelled',
      '',
    ],
  ],
  ratings: [
    ['time', 'level', 'agent', 'customer', 'rating_id', 'order_id'],
    // One review given to two orders (as Olist does): two ratings only with the order IDs.
    ['2024-03-01 15:00:00', '5', '小美', 'c1', 'r1', 'o1'],
    ['2024-03-01 15:00:00', '5', '小美', 'c1', 'r1', 'o2'],
    // Two reviews of one order: two ratings only with the review IDs.
    ['2024-03-01 16:00:00', '4', '小美', 'c2', 'r2', 'o3'],
    ['2024-03-01 16:00:00', '4', '小美', 'c2', 'r3', 'o3'],
    // The same rating twice, without IDs: told apart as a repeat only by its buyer.
    ['2024-03-01 17:00:00', '2', '小美', 'c3', '', ''],
    ['2024-03-01 17:00:00', '2', '小美', 'c3', '', ''],
  ],
  refunds: [
    ['order_id', 'applied_at', 'completed_at', 'completed_by', 'dispute', 'agent'],
    ['o1', '2024-03-02 10:00:00', '2024-03-02 12:00:00', '商家', '是', '小美'],
    ['o2', '2024-03-02 11:00:00', '', '', '否', '小美'],
  ],
  complaints: [
    ['time', 'agent'],
    ['2024-03-02 09:00:00', '小美'],
  ],
};

const settings = resolveSettings({ timeZone: 'UTC', autoPrefixes: ['[自动]'], platform: 'tiktok' });

const csv = (rows: string[][]) => `${rows.map((row) => row.join(',')).join('\n')}\n`;
const without = (rows: string[][], column: number) => rows.map((row) => row.filter((_, i) => i !== column));

/** The figures of the full exports, with `kind`'s export given as `rows`. */
function figures(kind: Kind, rows: string[][]) {
  const imported = Object.fromEntries(
    Object.entries({ ...FULL, [kind]: rows }).map(([k, r]) => [
      k,
      importTable({
        file: `${k}.csv`,
        text: csv(r as string[][]),
        kind: k as Kind,
        timeZone: 'UTC',
        // A field read only where named (mappedOnly) is named here, as --map names it.
        overrides: Object.fromEntries(
          fieldsOf(k as Kind)
            .filter((f) => f.mappedOnly && (r as string[][])[0]?.includes(f.name))
            .map((f) => [f.name, f.name]),
        ),
      }),
    ]),
  ) as Record<Kind, ReturnType<typeof importTable>>;
  for (const result of Object.values(imported)) expect(result.warnings).toEqual([]);
  const records = (k: Kind) => (imported[k]?.records ?? []) as never[];
  const report = computeReport(
    {
      messages: records('chats'),
      orders: records('orders'),
      ratings: records('ratings'),
      refunds: records('refunds'),
      complaints: records('complaints'),
      online: [],
      issues: [],
      available: availableFrom(
        Object.fromEntries(Object.entries(imported).map(([k, result]) => [k, result.mapped])),
      ),
      hasSessions: imported.chats.mapped.has('session'),
    },
    settings,
  );
  const { agents, team, shop, counts } = report;
  return JSON.stringify({ agents, team, shop, counts });
}

describe('the field description', () => {
  for (const kind of KINDS) {
    const optional = fieldsOf(kind).filter((field) => !field.required);
    if (optional.length === 0) continue;
    it(`has an export of ${kind} with every optional column, read without a warning`, () => {
      const header = FULL[kind]?.[0];
      expect(header, `add ${kind} to FULL`).toBeDefined();
      expect(header).toEqual(fieldsOf(kind).map((field) => field.name));
    });
    for (const field of optional) {
      it(`${kind}.${field.name}: the column changes a figure or a count`, () => {
        const rows = FULL[kind] as string[][];
        const column = (rows[0] as string[]).indexOf(field.name);
        expect(figures(kind, without(rows, column))).not.toEqual(figures(kind, rows));
      });
    }
  }

  it('names only what it describes as an indicator’s needs', () => {
    const described = new Set([
      ...Object.keys(NOTHING_AVAILABLE),
      'attributionTimes',
      'afterSalesChatDays',
      'platform',
    ]);
    for (const indicator of INDICATORS) {
      for (const source of [...indicator.needs, ...(indicator.shopNeeds ?? [])])
        expect(described, `${indicator.id} needs ${source}`).toContain(source);
    }
  });

  it('gives the catalog only what some indicator needs', () => {
    const needed = new Set(INDICATORS.flatMap((i) => [...i.needs, ...(i.shopNeeds ?? [])]));
    for (const kind of KINDS)
      for (const field of fieldsOf(kind))
        if (field.gives) expect(needed, `${kind}.${field.name}`).toContain(field.gives);
  });

  it('is what each dialect maps its columns to', () => {
    for (const dialect of DIALECTS) {
      const names = fieldsOf(dialect.kind).map((field) => field.name);
      for (const field of Object.keys(dialect.columns)) expect(names, dialect.id).toContain(field);
    }
  });

  it('refuses an order export with neither of ONE_OF’s fields, naming both', () => {
    const text = 'order_id,customer,amount\no1,c1,10\n';
    expect(() => importTable({ file: 'o.csv', text, kind: 'orders', timeZone: 'UTC' })).toThrow(
      'o.csv: no column for "created_at or paid_at" in this orders export. Map it with --map created_at=COLUMN',
    );
    const paidOnly = 'order_id,paid_at\no1,2024-03-01 10:00:00\n';
    expect(
      importTable({ file: 'o.csv', text: paidOnly, kind: 'orders', timeZone: 'UTC' }).records,
    ).toHaveLength(1);
  });

  it('gives no header name to two fields of one kind', () => {
    for (const kind of KINDS) {
      const owner = new Map<string, string>();
      for (const field of fieldsOf(kind)) {
        for (const name of headerNames(field).map(normalizeHeader)) {
          expect(owner.get(name) ?? field.name, `${kind}: ${name}`).toBe(field.name);
          owner.set(name, field.name);
        }
      }
    }
  });
});
