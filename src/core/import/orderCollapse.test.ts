import { describe, expect, it } from 'vitest';
import { OrderCollapser, type OrderRow, type PerLine } from './orderCollapse';
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
  return { orders: collapser.orders, duplicates: collapser.duplicates, warnings };
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
});
