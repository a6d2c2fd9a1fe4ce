// Amazon's All Orders report: its own dialect (order-status for the order, item-status for each item),
// no buyer and no payment time; and an order export whose money columns are left unread is never
// silent about it. Figures worked out by hand beside each row.
import { describe, expect, it } from 'vitest';
import { AMAZON_ALL_ORDERS_HEADER as HEADER } from '../../../test/helpers/amazonAllOrders';
import { noteText } from '../../cli/report';
import { customFunction } from '../customFunctions';
import { resolveSettings } from '../engine/settings';
import { importTable } from '../import/importer';
import { runPipeline, singleExport } from './pipeline';

/** One item row: the cells that matter, the others as a seller's file has them. */
const item = (
  id: string,
  day: string,
  order: string,
  line: string,
  sku: string,
  qty: number,
  price: string,
) =>
  [
    id,
    '',
    `2025-11-${day}T10:00:00-08:00`,
    `2025-11-${day}T12:00:00-08:00`,
    order,
    'Merchant',
    'Amazon.com',
    '',
    '',
    'Standard',
    `Product ${sku}`,
    sku,
    `B0${sku}`,
    line,
    String(qty),
    'USD',
    price,
    '0.00',
    '0.00',
    '0.00',
    '',
    '',
    '0.00',
    '0.00',
    'SEATTLE',
    'WA',
    '98101',
    'US',
    '',
  ].join('\t');

const ROWS = [
  // 111-…01: a mug shipped (20.00) and a cup cancelled (15.00) in one order: a sale of 20.00, 1 item.
  item('111-0000001-0000001', '03', 'Shipped', 'Shipped', 'MUG', 1, '20.00'),
  item('111-0000001-0000001', '03', 'Shipped', 'Cancelled', 'CUP', 1, '15.00'),
  // Pending: placed, payment not yet authorized, no price yet: no sale.
  item('111-0000002-0000002', '05', 'Pending', 'Unshipped', 'MUG', 2, ''),
  // Cancelled: placed, no sale.
  item('111-0000003-0000003', '06', 'Cancelled', 'Cancelled', 'MUG', 1, ''),
  // Unshipped: paid, waiting to ship: 30.00, 3 items.
  item('111-0000004-0000004', '07', 'Unshipped', 'Unshipped', 'TEA', 3, '30.00'),
  // Delivered: 12.50, 1 item.
  item('111-0000005-0000005', '08', 'Shipped - Delivered to Buyer', 'Shipped', 'POT', 1, '12.50'),
  // Returned to the seller: a sale (40.00, 1 item), refunded.
  item('111-0000006-0000006', '09', 'Shipped - Returned to Seller', 'Shipped', 'SET', 1, '40.00'),
  // Its only item cancelled: nothing was sold, whatever the order's status says.
  item('111-0000007-0000007', '10', 'Shipped', 'Cancelled', 'CUP', 1, '9.99'),
  // Lost in transit: whether the money stayed is not said: the row is refused, never guessed.
  item('111-0000008-0000008', '11', 'Shipped - Lost in Transit', 'Shipped', 'MUG', 1, '20.00'),
];

const FILE = 'all-orders.txt';
const imported = importTable({
  file: FILE,
  text: [HEADER.join('\t'), ...ROWS].join('\n'),
  kind: 'orders',
  timeZone: 'UTC',
});
const settings = resolveSettings({ timeZone: 'America/Los_Angeles' });

/** A helpdesk's few chats, so that the report tries to credit orders to consultations. */
const CHATS = [
  'Ticket ID,Comment ID,Author,Author role,Requester,Assignee,Created at,Public,Body',
  '1,1,amy,end-user,amy,Emma,2025-11-03 09:00:00,true,Is the mug dishwasher safe?',
  '1,2,Emma,agent,amy,Emma,2025-11-03 09:05:00,true,Yes it is.',
].join('\n');

describe("Amazon's All Orders report", () => {
  it('is its own export, every column it needs read from its own name', () => {
    expect(imported.dialect).toMatchObject({ id: 'amazon-all-orders', confidence: 1 });
    const columns = Object.fromEntries(imported.fields.map((f) => [f.field, f.column]));
    expect(columns).toMatchObject({
      order_id: 'amazon-order-id',
      customer: null,
      paid_at: null,
      status: 'order-status',
      line_status: 'item-status',
      amount: 'item-price',
    });
    // The one refusal: a status whose money is not said.
    expect(imported.warnings.map((w) => [w.row, w.column, w.message.slice(0, 50)])).toEqual([
      [10, 'order-status', '"Shipped - Lost in Transit" is an order status thi'],
    ]);
  });

  it('counts what was paid, leaving out cancelled orders and cancelled items (hand-computed)', () => {
    const { report } = runPipeline({ orders: singleExport(imported) }, settings, 0);
    // 20.00 + 30.00 + 12.50 + 40.00: the cup, the cancelled order, the pending one and the only
    // cancelled item of …07 add nothing.
    expect(report.shop.sales).toBe(102.5);
    expect(report.shop.orders).toBe(4);
    // 1 mug + 3 teas + 1 pot + 1 set.
    expect(report.shop.items).toBe(6);
    // 4 paid of the 7 orders placed (…01 to …07; …08 refused).
    expect(report.shop.payment_rate).toBeCloseTo(4 / 7, 12);
    expect(report.counts.orders).toBe(7);
  });

  it('says its orders cannot be credited to consultations, and why, where a report has chats', () => {
    const chats = importTable({ file: 'zendesk.csv', text: CHATS, kind: 'chats', timeZone: 'UTC' });
    const { report, notes } = runPipeline(
      { chats: singleExport(chats), orders: singleExport(imported) },
      settings,
      0,
    );
    expect(report.shop.sales).toBe(102.5);
    expect(report.agents[0]?.sales ?? null).toBeNull();
    const note = notes.find((n) => n.kind === 'no-buyer-column');
    expect(note).toEqual({
      kind: 'no-buyer-column',
      files: [FILE],
      noBuyer: [{ file: FILE, export: 'Amazon All Orders report' }],
    });
    expect(noteText(note as NonNullable<typeof note>)).toBe(
      `${FILE} (Amazon All Orders report) names no buyer at all: its orders cannot be matched to chats and count in the shop's sales only (销售额 of the shop row); conversion and what agents sold are empty. For them, export Amazon's order report (order-id, buyer-email) instead.`,
    );
    // Its payment and amounts are read: nothing else to say of its money.
    expect(notes.map((n) => n.kind)).not.toContain('money-unread');
  });
});

describe('an order export whose money columns are left unread', () => {
  const read = (text: string, file = 'orders.csv') =>
    importTable({ file, text, kind: 'orders', timeZone: 'UTC' });
  const run = (text: string) => runPipeline({ orders: singleExport(read(text)) }, settings, 0);
  const unread = (notes: ReturnType<typeof run>['notes']) => notes.find((n) => n.kind === 'money-unread');

  it('no payment time and no status read: sales are empty, and a note says why and what to map', () => {
    const { report, notes } = run(
      'order id,created at,total,order status\nA1,2025-11-01 10:00,10,Completed\nA2,2025-11-02 10:00,20,Cancelled\n',
    );
    expect(report.shop.sales).toBeNull();
    const note = unread(notes);
    expect(note).toEqual({
      kind: 'money-unread',
      exports: [{ file: 'orders.csv', noPayment: true, noAmount: false, statusColumn: 'order status' }],
    });
    expect(noteText(note as NonNullable<typeof note>)).toContain('--map "status=order status"');
  });

  it('a status column left unread beside payment times: the note names it, as a cancelled order counts', () => {
    const text =
      'order id,created at,paid at,total,order status\nA1,2025-11-01 10:00,2025-11-01 10:01,10,Completed\nA2,2025-11-02 10:00,2025-11-02 10:01,20,Cancelled\n';
    const { report, notes } = run(text);
    // A2, paid then cancelled, counts as a sale while its status is unread: what the note warns of.
    expect(report.shop.sales).toBe(30);
    expect(unread(notes)).toEqual({
      kind: 'money-unread',
      exports: [{ file: 'orders.csv', noPayment: false, noAmount: false, statusColumn: 'order status' }],
    });
    // Read, it is 10.00 and the note goes.
    const mapped = read(text);
    const withStatus = importTable({
      file: 'orders.csv',
      text,
      kind: 'orders',
      timeZone: 'UTC',
      overrides: { status: 'order status' },
    });
    expect(mapped.gaps).toEqual({ statusColumn: 'order status' });
    expect(withStatus.gaps).toBeUndefined();
    const fixed = runPipeline({ orders: singleExport(withStatus) }, settings, 0);
    expect(fixed.report.shop.sales).toBe(10);
    expect(unread(fixed.notes)).toBeUndefined();
  });

  it('no amount read: the note says so; a recognized export that never has one (Olist) is not flagged', () => {
    const { notes } = run('order id,created at,paid at\nA1,2025-11-01 10:00,2025-11-01 10:01\n');
    expect(unread(notes)).toEqual({
      kind: 'money-unread',
      exports: [{ file: 'orders.csv', noPayment: false, noAmount: true, statusColumn: null }],
    });
    const olist = read(
      'order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date\no1,c1,delivered,2017-10-02 10:56:33,2017-10-02 11:07:15,2017-10-04 19:55:00,2017-10-10 21:25:13,2017-10-18 00:00:00\n',
    );
    expect(olist.dialect?.id).toBe('olist-orders');
    // order_status is Olist's own column, not read by choice (docs/decisions.md): no gap.
    expect(olist.gaps).toBeUndefined();
  });

  it('CS_INDICATORS says it in its last rows', () => {
    const grid = (text: string) => text.split('\n').map((line) => line.split(','));
    const chats = grid(
      'time,agent,customer,from\n2025-11-01 09:00,小美,A,customer\n2025-11-01 09:01,小美,A,agent',
    );
    const orders = grid('order id,created at,total,order status\nA1,2025-11-01 10:00,10,Completed');
    const table = customFunction('CS_INDICATORS').run(chats, orders, [['tz', 'UTC']]) as unknown[][];
    const last = table.map((row) => String(row[0]));
    expect(last).toContain(
      '订单未读取付款时间或订单状态，销售额等金额指标为空；「order status」列似为订单状态，请用侧边栏导入并选择该列',
    );
  });
});
