import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isZeroTailed, OrderCollapser, type OrderRow, type PerLine } from './orderCollapse';
import type { ImportWarning } from './warnings';

const row = (orderId: string, fields: Partial<OrderRow> = {}): OrderRow => ({
  orderId,
  subOrderId: null,
  rowPrint: 1,
  customer: null,
  createdAt: null,
  paidAt: null,
  amount: 0,
  items: 1,
  cod: false,
  refundAmount: 0,
  row: 2,
  ...fields,
});

function collapse(rows: OrderRow[], perLine: PerLine = { amount: false, refundAmount: false }) {
  const warnings: ImportWarning[] = [];
  const collapser = new OrderCollapser(perLine, warnings, 'orders.csv');
  for (const r of rows) collapser.add(r);
  return { orders: collapser.finish(), duplicates: collapser.duplicates, warnings };
}

describe('OrderCollapser', () => {
  it('keeps "1" and "01" apart: an index-like ID and a text ID are looked up in different places', () => {
    const { orders } = collapse([
      row('1', { amount: 5 }),
      row('01', { amount: 7 }),
      row('1', { rowPrint: 2 }),
    ]);
    expect(orders.map((o) => [o.orderId, o.amount, o.items])).toEqual([
      ['1', 5, 2],
      ['01', 7, 1],
    ]);
  });

  it('tells every index-like ID from the others at the edges (0, nine digits, ten digits, a sign)', () => {
    const ids = ['0', '00', '999999999', '1000000000', '0999999999', '+5', '5', '-5', '5 '];
    const first = ids.map((id, i) => row(id, { amount: i + 1, rowPrint: 1 }));
    const again = ids.map((id) => row(id, { rowPrint: 2, items: 2 }));
    const { orders, duplicates } = collapse([...first, ...again]);
    expect(orders.map((o) => [o.orderId, o.amount, o.items])).toEqual(ids.map((id, i) => [id, i + 1, 3]));
    expect(duplicates).toBe(0);
  });

  it('groups rows by their order ID exactly as the IDs’ texts are equal, whatever their digits', () => {
    const digitsOf = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
    const id = fc.oneof(
      digitsOf(1, 3),
      digitsOf(8, 11),
      digitsOf(17, 21),
      fc.constantFrom('3000000000000000000', '300000000000000000', '30000000000000000000', '1000000000'),
      fc.constantFrom('3000000000000000001', '0300000000000000001', '3000000000000000001x', 'A123'),
    );
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 60 }), (ids) => {
        const { orders } = collapse(ids.map((orderId, i) => row(orderId, { rowPrint: i })));
        const counts = new Map<string, number>();
        for (const orderId of ids) counts.set(orderId, (counts.get(orderId) ?? 0) + 1);
        expect(orders.map((o) => [o.orderId, o.items])).toEqual([...counts]);
      }),
      { numRuns: 500 },
    );
  });

  it('tells apart thousands of 19-digit IDs that share their last nine digits, and finds each again', () => {
    const ids = Array.from({ length: 6000 }, (_, i) => `${3_000_000_000 + (i >> 1)}00000000${i & 1}`);
    const rows = [...ids, ...[...ids].reverse()].map((orderId, i) => row(orderId, { rowPrint: i }));
    const { orders, duplicates } = collapse(rows);
    expect(orders.map((o) => [o.orderId, o.items])).toEqual(ids.map((orderId) => [orderId, 2]));
    expect(duplicates).toBe(0);
  });

  it('adds SKU rows, and counts a row read again (however far apart) once, as a duplicate', () => {
    const id = '3000000000000007919';
    const rows = [
      row(id, { rowPrint: 11, items: 2, amount: 90, row: 2 }),
      row(id, { rowPrint: 12, items: 1, amount: 90, row: 3 }),
      row('9', { rowPrint: 13, row: 4 }),
      row(id, { rowPrint: 11, items: 2, amount: 90, row: 5 }),
    ];
    const { orders, duplicates, warnings } = collapse(rows);
    expect(orders.map((o) => [o.orderId, o.items, o.amount])).toEqual([
      [id, 3, 90],
      ['9', 1, 0],
    ]);
    expect(duplicates).toBe(1);
    expect(warnings).toEqual([]);
  });

  it('sums per-line amounts; keeps the first order-level amount and says so on the row that differs', () => {
    const lines = [
      row('7', { rowPrint: 1, amount: 10, refundAmount: 1 }),
      row('7', { rowPrint: 2, amount: 4, refundAmount: 2, row: 3 }),
    ];
    const perLine = collapse(lines, { amount: true, refundAmount: true });
    expect([perLine.orders[0]?.amount, perLine.orders[0]?.refundAmount]).toEqual([14, 3]);
    expect(perLine.warnings).toEqual([]);

    const orderLevel = collapse(lines);
    expect([orderLevel.orders[0]?.amount, orderLevel.orders[0]?.refundAmount]).toEqual([10, 1]);
    expect(orderLevel.warnings).toEqual([
      expect.objectContaining({ file: 'orders.csv', row: 3, column: 'amount' }),
    ]);
  });

  it('takes the buyer and times from the first row that has them, and leaves the rows read as they were', () => {
    const first = row('5', { rowPrint: 1, amount: 0 });
    const second = row('5', { rowPrint: 2, customer: 'tb_1', createdAt: 1000, paidAt: 2000, amount: 30 });
    const third = row('5', { rowPrint: 3, customer: 'tb_2', createdAt: 5000, paidAt: 6000, amount: 30 });
    const { orders } = collapse([first, second, third]);
    expect(orders[0]).toMatchObject({
      customer: 'tb_1',
      createdAt: 1000,
      paidAt: 2000,
      amount: 30,
      items: 3,
    });
    expect(first).toMatchObject({ customer: null, createdAt: null, amount: 0, items: 1 });
  });

  it('tells rows of one order apart by sub-order ID when there is one, whatever the other cells', () => {
    const { orders, duplicates } = collapse([
      row('8', { subOrderId: '81', rowPrint: 1 }),
      row('8', { subOrderId: '82', rowPrint: 1 }),
      row('8', { subOrderId: '81', rowPrint: 9 }),
    ]);
    expect(orders[0]?.items).toBe(2);
    expect(duplicates).toBe(1);
  });

  it('drops an order whose zero-tailed ID rows of different buyers share, with every row, and its warnings', () => {
    const id = '3000000000000000000';
    const paid = 1;
    const { orders, warnings, duplicates } = collapse([
      row(id, { customer: 'A', amount: 100, paidAt: paid, row: 2 }),
      row('7', { customer: 'Z', amount: 9, paidAt: paid, row: 3 }),
      // The same buyer again with another amount: a warning, withdrawn once another buyer shows the ID.
      row(id, { customer: 'A', amount: 150, paidAt: paid, row: 4, rowPrint: 2 }),
      row(id, { customer: 'B', amount: 200, paidAt: paid, row: 5, rowPrint: 3 }),
      row(id, { customer: 'B', amount: 200, paidAt: paid, row: 5, rowPrint: 3 }),
    ]);
    expect(orders.map((o) => [o.orderId, o.amount])).toEqual([['7', 9]]);
    // Row 5 read twice is no duplicate either: its order is counted nowhere.
    expect(duplicates).toBe(0);
    expect(warnings.map((w) => [w.row, w.column])).toEqual([
      [2, 'order_id'],
      [4, 'order_id'],
      [5, 'order_id'],
      [5, 'order_id'],
    ]);
    expect(warnings[0]?.message).toContain('a spreadsheet rounded');
  });

  it('keeps a zero-tailed ID of one buyer, and one whose rows name no buyer', () => {
    const id = '3000000000000000000';
    const { orders, warnings } = collapse([
      row(id, { customer: 'A', amount: 100, items: 1 }),
      row(id, { customer: 'A', amount: 100, items: 2, rowPrint: 2 }),
      row('4000000000000000000', { amount: 50 }),
      row('4000000000000000000', { amount: 50, rowPrint: 2 }),
    ]);
    expect(orders.map((o) => [o.orderId, o.amount, o.items])).toEqual([
      [id, 100, 3],
      ['4000000000000000000', 50, 2],
    ]);
    expect(warnings).toEqual([]);
  });

  it('tells a zero-tailed ID: 16 digits or more, all 0 after the 15th', () => {
    expect(
      [
        '3000000000000000000',
        '1234567890123450',
        '123456789012345',
        '3000000000000000100',
        '12345678901234a0',
      ].map(isZeroTailed),
    ).toEqual([true, true, false, false, false]);
  });

  it('takes an empty (NaN) amount from another row, sums it as unknown per line, and refuses a sale without one', () => {
    const paid = 1;
    const orderLevel = collapse([
      row('1', { amount: Number.NaN, paidAt: paid }),
      row('1', { amount: 30, paidAt: paid, rowPrint: 2 }),
      row('2', { amount: Number.NaN, cod: true, row: 4 }),
      row('3', { amount: Number.NaN, row: 5 }),
    ]);
    expect(orderLevel.orders.map((o) => [o.orderId, o.amount])).toEqual([
      ['1', 30],
      ['3', 0],
    ]);
    expect(orderLevel.warnings).toMatchObject([
      {
        row: 4,
        column: 'amount',
        message: expect.stringContaining('order 2 is cash on delivery but its amount is empty'),
      },
    ]);
    const perLine = collapse(
      [
        row('1', { amount: 10, paidAt: paid }),
        row('1', { amount: Number.NaN, paidAt: paid, rowPrint: 2, row: 3 }),
      ],
      { amount: true, refundAmount: false },
    );
    expect(perLine.orders).toEqual([]);
    expect(perLine.warnings.map((w) => w.row)).toEqual([2, 3]);
  });
});
