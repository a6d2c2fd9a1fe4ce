// An order export whose amounts and statuses are per line (Lazada: one row per item, each with its own
// status): a line cancelled while the order's other lines were paid is placed, never paid.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { resolveSettings, type Settings } from '../engine/settings';
import { importTable } from '../import/importer';
import { runPipeline, singleExport } from './pipeline';

const HEADER = [
  'orderItemId',
  'createTime',
  'orderNumber',
  'customerName',
  'paidPrice',
  'status',
  'refundAmount',
  'sellerSku',
  'itemName',
];
const rows = [
  // Order 7001: a mug delivered, a teapot cancelled by the seller (out of stock), a spoon delivered.
  ['91', '2025-11-01 10:00', '7001', 'liza', '25.50', 'delivered', '0', 'S1', 'Mug'],
  ['92', '2025-11-01 10:00', '7001', 'liza', '14.10', 'canceled', '0', 'S2', 'Teapot'],
  ['93', '2025-11-01 10:00', '7001', 'liza', '0.20', 'delivered', '0', 'S3', 'Spoon'],
  // Order 7002: its one line cancelled: never a sale under a paid basis.
  ['94', '2025-11-02 11:00', '7002', 'bebang', '30.00', 'canceled', '0', 'S1', 'Mug'],
  // Order 7003: cancelled first, its other line shipped.
  ['95', '2025-11-03 12:00', '7003', 'kim', '9.90', 'canceled', '0', 'S2', 'Teapot'],
  ['96', '2025-11-03 12:00', '7003', 'kim', '10.00', 'shipped', '0', 'S3', 'Tea'],
];
const imported = importTable({
  file: 'lazada.csv',
  text: Papa.unparse({ fields: HEADER, data: rows }),
  kind: 'orders',
  timeZone: 'UTC',
});

const shopOf = (basis: Settings['basis']) =>
  runPipeline({ orders: singleExport(imported) }, resolveSettings({ timeZone: 'UTC', basis }), 0).report.shop;

describe('cancelled lines of a per-line export', () => {
  it('are read with their order, what they add kept apart', () => {
    expect(imported.dialect?.id).toBe('lazada-orders');
    expect(imported.warnings).toEqual([]);
    // Amounts to the cent: the lines are added in floating point.
    const cents = (n: number) => Math.round(n * 100) / 100;
    expect(
      imported.records.map((o) => [o.orderId, cents(o.amount), o.items, o.cancelledLines ?? null]),
    ).toEqual([
      ['7001', 39.8, 3, { amount: 14.1, items: 1 }],
      ['7002', 30, 1, { amount: 30, items: 1 }],
      ['7003', 19.9, 2, { amount: 9.9, items: 1 }],
    ]);
  });

  it('are never paid: sales count only the lines not cancelled, under every basis', () => {
    // 25.50 + 0.20 of 7001 and 10.00 of 7003, added by hand; 7002 is no sale. (Before: 59.70, the
    // teapots' 14.10 and 9.90 counted as paid.)
    for (const basis of ['paid', 'paid-same-day', 'ordered'] as const) {
      const shop = shopOf(basis);
      expect(shop.sales).toBe(35.7);
      expect(shop.orders).toBe(2);
      expect(shop.aov).toBe(17.85);
    }
  });
});
