import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exampleChatRows, exampleChatsWithoutAutoFlag } from '../../../test/examples';
import { INSTANT_REPLY_MS, SAME_TEXT_CONSULTATIONS } from '../engine/autoReplies';
import { resolveSettings } from '../engine/settings';
import { importTable } from '../import/importer';
import type { Kind } from '../import/records';
import { type Imports, runPipeline, singleExport } from './pipeline';

const settings = resolveSettings({ timeZone: 'UTC' });
const read = <K extends Kind>(kind: K, file: string, text: string) =>
  importTable({ kind, file, text, timeZone: 'UTC' });

const CHATS = [
  'time,agent,customer,from',
  '2024-03-01 10:00:00,小美,c1,customer',
  '2024-03-01 10:00:20,小美,c1,agent',
  '2024-03-01 11:00:00,小王,c2,customer',
  'yesterday,小王,c2,agent',
].join('\n');
const ORDERS_WITH_BUYER =
  'order_id,customer,created_at,paid_at,amount\nA1,c1,2024-03-01 10:05:00,2024-03-01 10:06:00,99';
const ORDERS_NO_BUYER = 'order_id,created_at,paid_at,amount\nB1,2024-03-01 12:00:00,2024-03-01 12:01:00,50';

describe('the pipeline: exports read and settings in, report and typed notes out', () => {
  it('notes the rows skipped, with the first of them', () => {
    const { report, notes } = runPipeline(
      { chats: singleExport(read('chats', 'chats.csv', CHATS)) },
      settings,
    );
    expect(report.counts.consultations).toBe(2);
    // The low-sample note of these few rows aside (lowSample.test.ts).
    expect(notes.filter((n) => n.kind !== 'low-sample')).toEqual([
      {
        kind: 'rows-skipped',
        rows: 1,
        first: expect.objectContaining({ file: 'chats.csv', row: 5, column: 'time' }),
        listed: [expect.objectContaining({ file: 'chats.csv', row: 5, column: 'time' })],
      },
    ]);
  });

  it('counts a field only if every export of its kind has it, and names the order exports without buyers', () => {
    const chats = singleExport(read('chats', 'chats.csv', CHATS));
    const withBuyer = read('orders', 'a.csv', ORDERS_WITH_BUYER);
    const noBuyer = read('orders', 'b.csv', ORDERS_NO_BUYER);
    const both: Imports = {
      chats,
      orders: {
        records: [...withBuyer.records, ...noBuyer.records],
        exports: [singleExport(withBuyer).exports[0], singleExport(noBuyer).exports[0]].flatMap(
          (e) => e ?? [],
        ),
      },
    };
    const { available, report, notes } = runPipeline(both, settings);
    expect([available.orderBuyers, available.paymentTimes]).toEqual([false, true]);
    expect(report.team.conversion_rate).toBeNull();
    expect(notes.filter((n) => n.kind !== 'rows-skipped' && n.kind !== 'low-sample')).toEqual([
      { kind: 'no-buyer-column', files: ['b.csv'] },
    ]);

    const matched = runPipeline({ chats, orders: singleExport(withBuyer) }, settings);
    expect(matched.available.orderBuyers).toBe(true);
    expect(matched.report.agents.find((a) => a.agent === '小美')?.conversion_rate).toBe(1);
    expect(matched.notes.map((n) => n.kind).filter((k) => k !== 'low-sample')).toEqual(['rows-skipped']);
  });

  it('notes that no order matched, with the orders read and the window, when buyers are named apart', () => {
    const chats = singleExport(read('chats', 'chats.csv', CHATS));
    const orders = singleExport(read('orders', 'a.csv', ORDERS_WITH_BUYER.replace(',c1,', ',2088001,')));
    const { report, notes } = runPipeline(
      { chats, orders },
      resolveSettings({ timeZone: 'UTC', windowDays: 3 }),
    );
    expect(report.team.conversion_rate).toBe(0);
    expect(notes).toContainEqual({ kind: 'no-buyer-in-common', orders: 1, windowDays: 3 });
  });

  it('notes suspected auto replies in the example month without its auto flag, and none with it', () => {
    const csv = (rows: string[][]) => Papa.unparse(rows);
    const unmarked = runPipeline(
      { chats: singleExport(read('chats', 'chats', csv(exampleChatsWithoutAutoFlag()))) },
      settings,
    );
    const [note] = unmarked.notes;
    expect(note).toEqual({
      kind: 'suspected-auto-replies',
      consultations: unmarked.report.counts.suspectedAutoReplies,
      withinSeconds: INSTANT_REPLY_MS / 1000,
      sameTextConsultations: SAME_TEXT_CONSULTATIONS,
      fastReplySeconds: 30,
    });
    expect(unmarked.report.counts.suspectedAutoReplies).toBeGreaterThan(SAME_TEXT_CONSULTATIONS);
    const marked = runPipeline(
      { chats: singleExport(read('chats', 'chats', csv(exampleChatRows()))) },
      settings,
    );
    expect(marked.notes).toEqual([]);
  });

  it('notes the consultations after a payment counted as inquiries, and none once the setting separates them', () => {
    const chats = singleExport(
      read(
        'chats',
        'chats.csv',
        'time,agent,customer,from\n2024-03-03 10:00:00,小美,b1,customer\n2024-03-03 10:00:20,小美,b1,agent\n',
      ),
    );
    const orders = singleExport(
      read('orders', 'o.csv', 'order_id,customer,paid_at,amount\no1,b1,2024-03-01 09:00:00,100\n'),
    );
    expect(runPipeline({ chats, orders }, settings).notes).toContainEqual({
      kind: 'after-sales-as-inquiries',
      consultations: 1,
      lookBackDays: 7,
    });
    const separated = runPipeline(
      { chats, orders },
      resolveSettings({ timeZone: 'UTC', afterSalesChatDays: 7 }),
    );
    expect(separated.notes.map((n) => n.kind)).not.toContain('after-sales-as-inquiries');
    expect(separated.report.team.after_sales_consultations).toBe(1);
    // Eight days after the payment the look-back no longer counts it.
    const later = singleExport(
      read(
        'chats',
        'chats.csv',
        'time,agent,customer,from\n2024-03-09 10:00:00,小美,b1,customer\n2024-03-09 10:00:20,小美,b1,agent\n',
      ),
    );
    const notes = runPipeline({ chats: later, orders }, settings).notes.map((n) => n.kind);
    expect(notes).not.toContain('after-sales-as-inquiries');
  });

  it('notes an export with a header and no rows, and lists a caution apart from the rows skipped', () => {
    const chats = singleExport(read('chats', 'chats.csv', CHATS.split('\n').slice(0, 4).join('\n')));
    const empty = read('orders', 'empty.csv', 'order_id,customer,created_at,paid_at,amount\n');
    // An order on two rows with two amounts: counted, with the first row's amount, and a caution.
    const twice = read(
      'orders',
      'twice.csv',
      `${ORDERS_WITH_BUYER}\nA1,c1,2024-03-01 10:05:00,2024-03-01 10:06:00,98`,
    );
    const { report, notes } = runPipeline(
      {
        chats,
        orders: {
          records: [...empty.records, ...twice.records],
          exports: [...singleExport(empty).exports, ...singleExport(twice).exports],
        },
      },
      settings,
    );
    expect(report.shop.sales).toBe(99);
    const rowNotes = ['no-rows', 'rows-skipped', 'rows-cautioned'];
    expect(notes.filter((n) => rowNotes.includes(n.kind))).toEqual([
      { kind: 'no-rows', files: ['empty.csv'] },
      {
        kind: 'rows-cautioned',
        rows: 1,
        listed: [expect.objectContaining({ file: 'twice.csv', row: 3, counted: true })],
      },
    ]);
  });

  it('leaves a kind not given out of the figures: empty, not 0', () => {
    const { report, available } = runPipeline(
      { chats: singleExport(read('chats', 'chats.csv', CHATS)) },
      settings,
    );
    expect([available.orders, available.ratings]).toEqual([false, false]);
    expect([report.team.sales, report.team.satisfaction_rate]).toEqual([null, null]);
  });
});
