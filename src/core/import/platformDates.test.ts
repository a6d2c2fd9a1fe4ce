// Orders in the seller centres' own date formats, read through the importer: a TikTok Shop column's
// day/month order decided from a date that reads one way only (rows before it held, then read), a
// column that never decides refused row by row, Lazada's month names, 12-hour clocks at 12:xx.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importTable } from './importer';

const file = (header: string[], rows: string[][]) => Papa.unparse({ fields: header, data: rows });
const read = (text: string) => importTable({ file: 'orders.csv', text, kind: 'orders', timeZone: 'UTC' });
const times = (result: ReturnType<typeof read>) =>
  result.records.map((o) => [
    o.orderId,
    new Date(o.createdAt as number).toISOString().slice(0, 19),
    o.paidAt === null ? null : new Date(o.paidAt).toISOString().slice(0, 19),
  ]);

const TIKTOK = [
  'Order ID',
  'Order Status',
  'SKU ID',
  'Quantity',
  'Order Amount',
  'Created Time',
  'Paid Time',
  'Buyer Username',
];
/** A TikTok Shop row as the export writes it, each time cell ending in a tab. */
const tiktok = (id: string, created: string, paid: string) => [
  id,
  'Completed',
  `k${id}`,
  '1',
  '100.00',
  `${created}\t`,
  paid === '' ? '' : `${paid}\t`,
  `buyer${id}`,
];

describe('TikTok Shop dates, day or month first', () => {
  it('reads a day-first column once a date after the 12th says so, the rows before it too', () => {
    const result = read(
      file(TIKTOK, [
        tiktok('1', '03/06/2024 02:28:28', '03/06/2024 02:30:00'),
        tiktok('2', '12/06/2024 23:59:59', '13/06/2024 00:00:01'),
        tiktok('3', '31/05/2024 09:56:09', '31/05/2024 09:57:00'),
      ]),
    );
    expect(result.dialect?.id).toBe('tiktok-shop-orders');
    expect(result.warnings).toEqual([]);
    expect(times(result)).toEqual([
      ['1', '2024-06-03T02:28:28', '2024-06-03T02:30:00'],
      ['2', '2024-06-12T23:59:59', '2024-06-13T00:00:01'],
      ['3', '2024-05-31T09:56:09', '2024-05-31T09:57:00'],
    ]);
  });

  it('reads a month-first column with a 12-hour clock: 12:05 AM is just after midnight, 12:05 PM noon', () => {
    const result = read(
      file(TIKTOK, [
        tiktok('1', '11/01/2025 12:05:00 AM', '11/01/2025 12:05:30 AM'),
        tiktok('2', '11/12/2025 12:05:00 PM', '11/12/2025 12:59:59 PM'),
        tiktok('3', '11/13/2025 11:59:59 PM', ''),
      ]),
    );
    expect(result.warnings).toEqual([]);
    expect(times(result)).toEqual([
      ['1', '2025-11-01T00:05:00', '2025-11-01T00:05:30'],
      ['2', '2025-11-12T12:05:00', '2025-11-12T12:59:59'],
      ['3', '2025-11-13T23:59:59', null],
    ]);
  });

  it('refuses every date of two readings when nothing in its column settles the order', () => {
    const result = read(
      file(TIKTOK, [tiktok('1', '11/01/2025 10:00:00 AM', ''), tiktok('2', '05/05/2025 10:00:00 AM', '')]),
    );
    // 05/05 is one date either way; 11/01 is 11 January or 1 November.
    expect(times(result)).toEqual([['2', '2025-05-05T10:00:00', null]]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ row: 2, column: 'Created Time' });
    expect(result.warnings[0]?.message).toMatch(
      /"11\/01\/2025 10:00:00 AM" reads two ways .* the row is refused/,
    );
  });

  it('refuses a date that puts the other number first than the file', () => {
    const result = read(
      file(TIKTOK, [tiktok('1', '13/11/2025 10:00:00', ''), tiktok('2', '11/14/2025 10:00:00', '')]),
    );
    expect(times(result)).toEqual([['1', '2025-11-13T10:00:00', null]]);
    expect(result.warnings[0]).toMatchObject({ row: 3, column: 'Created Time' });
    expect(result.warnings[0]?.message).toMatch(
      /"11\/14\/2025 10:00:00" puts the month first, but "13\/11\/2025 10:00:00" \(Created Time\) in the same file puts the day first/,
    );
  });

  it('reads all the time columns of a file in one order', () => {
    // Paid Time reads two ways in every row; the file's Created Time says day first.
    const result = read(
      file(TIKTOK, [
        tiktok('1', '01/12/2025 23:58:00', '02/12/2025 00:01:00'),
        tiktok('2', '13/12/2025 10:00:00', '13/12/2025 10:00:05'),
      ]),
    );
    expect(result.warnings).toEqual([]);
    expect(times(result)).toEqual([
      ['1', '2025-12-01T23:58:00', '2025-12-02T00:01:00'],
      ['2', '2025-12-13T10:00:00', '2025-12-13T10:00:05'],
    ]);
  });
});

describe("Lazada's month names", () => {
  const header = [
    'orderItemId',
    'orderNumber',
    'createTime',
    'customerName',
    'paidPrice',
    'status',
    'sellerSku',
    'itemName',
  ];
  it('reads 01 Nov 2025 10:00 and the 13th, on the shop clock', () => {
    const result = importTable({
      file: 'lazada.csv',
      text: file(header, [
        ['1', '7001', '01 Nov 2025 10:00', 'liza', '25.50', 'delivered', 'S', 'Mug'],
        ['2', '7002', '13 Nov 2025 00:30', 'amir', '10.00', 'shipped', 'S', 'Mug'],
      ]),
      kind: 'orders',
      timeZone: 'Asia/Kuala_Lumpur',
    });
    expect(result.dialect?.id).toBe('lazada-orders');
    expect(result.warnings).toEqual([]);
    expect(times(result)).toEqual([
      ['7001', '2025-11-01T02:00:00', '2025-11-01T02:00:00'],
      ['7002', '2025-11-12T16:30:00', '2025-11-12T16:30:00'],
    ]);
  });
});

describe("TikTok Shop's row describing each column", () => {
  // Public importers skip the export's second row: "Platform unique order ID." under Order ID in
  // English, the same words in Thai in Thailand's export.
  const description = (orderId: string, created: string) => [
    orderId,
    'Current order status.',
    'SKU ID.',
    'SKU sold quantity',
    'Order amount',
    created,
    'Order paid time.',
    'Buyer username.',
  ];

  it.each([
    ['English', description('Platform unique order ID.', 'Order created time.')],
    ['Thai', description('รหัสคำสั่งซื้อ', 'เวลาที่สร้าง')],
  ])('is skipped with a note, in %s', (_, row) => {
    const result = read(file(TIKTOK, [row, tiktok('1', '13/11/2025 10:00:00', '13/11/2025 10:01:00')]));
    expect(result.warnings).toEqual([]);
    expect(result.rows).toBe(1);
    expect(times(result)).toEqual([['1', '2025-11-13T10:00:00', '2025-11-13T10:01:00']]);
    expect(
      result.notes.some((note) =>
        note.startsWith(`row 2 describes the columns in words ("${row[0]}" under Order ID)`),
      ),
    ).toBe(true);
  });

  it('is only the first row, and only one whose Order ID has no digit', () => {
    const result = read(
      file(TIKTOK, [
        tiktok('1', '13/11/2025 10:00:00', ''),
        description('Platform unique order ID.', 'Order created time.'),
      ]),
    );
    expect(times(result)).toEqual([['1', '2025-11-13T10:00:00', null]]);
    // Anywhere else it is a row of words: refused with what each cell is not, never skipped unsaid.
    expect(new Set(result.warnings.map((w) => w.row))).toEqual(new Set([3]));
    expect(result.warnings.map((w) => w.column)).toContain('Created Time');
  });
});
