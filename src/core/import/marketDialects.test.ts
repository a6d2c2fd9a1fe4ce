// The cross-border order exports, each as a small file with the header names its evidence shows
// (docs/dialects.md, Evidence): recognized with no mapping, read into the orders a person would count.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importTable } from './importer';

const file = (header: string[], rows: string[][]) => Papa.unparse({ fields: header, data: rows });
const read = (text: string) => importTable({ file: 'orders.csv', text, kind: 'orders', timeZone: 'UTC' });

/** Each order as [id, amount, currency, paid (as a time label), items, refunded]. */
const summary = (result: ReturnType<typeof read>) =>
  result.records.map((o) => [
    o.orderId,
    o.amount,
    o.currency ?? null,
    o.paidAt === null ? null : new Date(o.paidAt).toISOString().slice(0, 16),
    o.items,
    o.refunded === true || o.refundAmount > 0,
  ]);

describe('Shopee (English)', () => {
  const header = [
    'Order ID',
    'Order Status',
    'Tracking Number*',
    'Order Creation Date',
    'Order Paid Time',
    'Product Name',
    'Deal Price',
    'Quantity',
    'Total Amount',
    'Grand Total',
    'Username (Buyer)',
    'Receiver Name',
    'Phone Number',
  ];
  const result = read(
    file(header, [
      // Two SKUs of one order: the order's Grand Total once, its items summed.
      [
        '2511010A',
        'Completed',
        'T1',
        '2025-11-01 10:00',
        '2025-11-01 10:02',
        'Serum',
        'RM 45.00',
        '1',
        'RM 90.00',
        'RM 95.00',
        'aisha',
        'A',
        '012',
      ],
      [
        '2511010A',
        'Completed',
        'T1',
        '2025-11-01 10:00',
        '2025-11-01 10:02',
        'Soap',
        'RM 45.00',
        '2',
        'RM 90.00',
        'RM 95.00',
        'aisha',
        'A',
        '012',
      ],
      [
        '2511010B',
        'Cancelled',
        '',
        '2025-11-01 11:00',
        '2025-11-01 11:01',
        'Soap',
        'RM 45.00',
        '1',
        'RM 45.00',
        'RM 50.00',
        'ben',
        'B',
        '013',
      ],
      [
        '2511010C',
        'Unpaid',
        '',
        '2025-11-01 12:00',
        '',
        'Soap',
        'RM 45.00',
        '1',
        'RM 45.00',
        'RM 50.00',
        'chen',
        'C',
        '014',
      ],
    ]),
  );
  it('is recognized, and its orders read: the cancelled one paid no sale, the ringgit from RM', () => {
    expect(result.dialect?.id).toBe('shopee-orders');
    expect(result.warnings).toEqual([]);
    expect(summary(result)).toEqual([
      ['2511010A', 95, 'MYR', '2025-11-01T10:02', 3, false],
      ['2511010B', 50, 'MYR', null, 1, false],
      ['2511010C', 50, 'MYR', null, 1, false],
    ]);
  });
});

describe('Shopee Taiwan (繁體中文)', () => {
  const header = [
    '訂單編號',
    '訂單成立日期',
    '訂單狀態',
    '退貨 / 退款狀態',
    '商品總價',
    '買家總支付金額',
    '蝦幣折抵',
    '成交手續費',
    '商品名稱',
    '商品選項名稱',
    '數量',
    '商品活動價格',
    '買家帳號',
  ];
  const result = read(
    file(header, [
      [
        '251101AB',
        '2025-11-01 20:15',
        '已完成',
        '',
        '1,280',
        'NT$1,280',
        '0',
        '64',
        '保溫杯',
        '黑',
        '2',
        '640',
        'mei_tw',
      ],
      ['251101CD', '2025-11-01 21:00', '不成立', '', '590', '590', '0', '0', '茶葉', '', '1', '590', 'lin88'],
      [
        '251101EF',
        '2025-11-02 09:30',
        '退貨/退款',
        '退款成功',
        '1,200',
        '1,200',
        '0',
        '60',
        '茶壺',
        '',
        '1',
        '1,200',
        'mei_tw',
      ],
    ]),
  );
  it('is recognized; paid orders count as paid when placed (no payment time); amounts in TWD', () => {
    expect(result.dialect?.id).toBe('shopee-tw-orders');
    expect(result.warnings).toEqual([]);
    expect(summary(result)).toEqual([
      ['251101AB', 1280, 'TWD', '2025-11-01T20:15', 2, false],
      ['251101CD', 590, 'TWD', null, 1, false],
      ['251101EF', 1200, 'TWD', '2025-11-02T09:30', 1, true],
    ]);
    expect(result.records.map((o) => o.customer)).toEqual(['mei_tw', 'lin88', 'mei_tw']);
  });
});

describe('Lazada', () => {
  const header = [
    'orderItemId',
    'orderType',
    'lazadaId',
    'sellerSku',
    'createTime',
    'updateTime',
    'orderNumber',
    'customerName',
    'shippingName',
    'shippingAddress',
    'payMethod',
    'paidPrice',
    'unitPrice',
    'itemName',
    'status',
    'refundAmount',
  ];
  const result = read(
    file(header, [
      // One row per item: the order's paid price is the sum of its items'.
      [
        '91',
        'Normal',
        'L1',
        'S1',
        '2025-11-01 10:00',
        '2025-11-01 12:00',
        '7001',
        'liza',
        'L',
        'KL',
        'COD',
        '25.50',
        '25.50',
        'Mug',
        'delivered',
        '0',
      ],
      [
        '92',
        'Normal',
        'L2',
        'S2',
        '2025-11-01 10:00',
        '2025-11-01 12:00',
        '7001',
        'liza',
        'L',
        'KL',
        'COD',
        '14.00',
        '14.00',
        'Tea',
        'delivered',
        '0',
      ],
      [
        '93',
        'Normal',
        'L3',
        'S1',
        '2025-11-01 11:00',
        '2025-11-01 12:00',
        '7002',
        'bebang',
        'B',
        'PJ',
        'Card',
        '25.50',
        '25.50',
        'Mug',
        'canceled',
        '0',
      ],
      [
        '94',
        'Normal',
        'L4',
        'S1',
        '2025-11-01 13:00',
        '2025-11-02 12:00',
        '7003',
        'kim',
        'K',
        'PJ',
        'Card',
        '25.50',
        '25.50',
        'Mug',
        'returned',
        '25.50',
      ],
    ]),
  );
  it('is recognized; items are summed per order, and the status says paid, cancelled or refunded', () => {
    expect(result.dialect?.id).toBe('lazada-orders');
    expect(result.warnings).toEqual([]);
    expect(summary(result)).toEqual([
      ['7001', 39.5, null, '2025-11-01T10:00', 2, false],
      ['7002', 25.5, null, null, 1, false],
      ['7003', 25.5, null, '2025-11-01T13:00', 1, true],
    ]);
  });
});

describe('TikTok Shop', () => {
  const header = [
    'Order ID',
    'Order Status',
    'Order Substatus',
    'Cancelation/Return Type',
    'SKU ID',
    'Quantity',
    'SKU Subtotal After Discount',
    'Order Amount',
    'Order Refund Amount',
    'Created Time',
    'Paid Time',
    'Buyer Username',
    'Recipient',
    'Phone #',
  ];
  const result = read(
    file(header, [
      [
        '5771',
        'Completed',
        'Delivered',
        '',
        'k1',
        '1',
        '฿299.00',
        '฿349.00',
        '฿0.00',
        '2025-11-01 10:00:00',
        '2025-11-01 10:01:00',
        'noi',
        'N',
        '08',
      ],
      [
        '5771',
        'Completed',
        'Delivered',
        '',
        'k2',
        '1',
        '฿50.00',
        '฿349.00',
        '฿0.00',
        '2025-11-01 10:00:00',
        '2025-11-01 10:01:00',
        'noi',
        'N',
        '08',
      ],
      [
        '5772',
        'Cancelled',
        '',
        'Cancel',
        'k1',
        '1',
        '฿299.00',
        '฿299.00',
        '฿0.00',
        '2025-11-01 11:00:00',
        '2025-11-01 11:01:00',
        'ploy',
        'P',
        '09',
      ],
    ]),
  );
  it('is recognized; the order amount once, its SKUs’ items summed, baht from ฿', () => {
    expect(result.dialect?.id).toBe('tiktok-shop-orders');
    expect(result.warnings).toEqual([]);
    expect(summary(result)).toEqual([
      ['5771', 349, 'THB', '2025-11-01T10:01', 2, false],
      ['5772', 299, 'THB', null, 1, false],
    ]);
  });
});

describe('Amazon order report', () => {
  const header = [
    'order-id',
    'order-item-id',
    'purchase-date',
    'payments-date',
    'buyer-email',
    'buyer-name',
    'sku',
    'product-name',
    'quantity-purchased',
    'currency',
    'item-price',
    'item-tax',
    'shipping-price',
    'ship-service-level',
    'recipient-name',
    'ship-address-1',
  ];
  const result = read(
    Papa.unparse(
      {
        fields: header,
        data: [
          [
            '111-1',
            'i1',
            '2025-11-01T15:00:00+00:00',
            '2025-11-01T15:05:00+00:00',
            'a@marketplace.amazon.com',
            'Ann',
            'S1',
            'Mug',
            '2',
            'USD',
            '32.00',
            '0',
            '0',
            'Standard',
            'Ann',
            '1 Main',
          ],
          [
            '111-1',
            'i2',
            '2025-11-01T15:00:00+00:00',
            '2025-11-01T15:05:00+00:00',
            'a@marketplace.amazon.com',
            'Ann',
            'S2',
            'Tea',
            '1',
            'USD',
            '8.50',
            '0',
            '0',
            'Standard',
            'Ann',
            '1 Main',
          ],
          [
            '111-2',
            'i3',
            '2025-11-02T09:00:00+00:00',
            '',
            'b@marketplace.amazon.com',
            'Bob',
            'S1',
            'Mug',
            '1',
            'USD',
            '15.99',
            '0',
            '0',
            'Standard',
            'Bob',
            '2 Main',
          ],
        ],
      },
      { delimiter: '\t' },
    ),
  );
  it('is recognized (tab-separated); item prices summed per order, in its currency column’s USD', () => {
    expect(result.dialect?.id).toBe('amazon-order-report');
    expect(result.warnings).toEqual([]);
    expect(summary(result)).toEqual([
      ['111-1', 40.5, 'USD', '2025-11-01T15:05', 3, false],
      ['111-2', 15.99, 'USD', null, 1, false],
    ]);
  });
});

describe('AliExpress (速卖通)', () => {
  const header = [
    '订单号',
    '店铺',
    '订单状态',
    '负责人（业务员）',
    '买家名称',
    '下单时间',
    '付款时间',
    '支付方式',
    '产品总金额',
    '物流费用',
    '订单金额',
    '买家实付金额',
    '商品信息',
    '收货国家',
  ];
  const result = read(
    file(header, [
      [
        '3001',
        '旗舰店',
        '等待您发货',
        '小王',
        'Acme',
        '2025-11-01 10:00:00',
        '2025-11-01 10:05:00',
        '担保交易',
        'US $20.00',
        'US $3.00',
        'US $23.00',
        'US $23.00',
        '贴纸',
        'PL',
      ],
      [
        '3002',
        '旗舰店',
        '已取消',
        '小王',
        'Bolt',
        '2025-11-01 11:00:00',
        '',
        '担保交易',
        'US $10.00',
        'US $3.00',
        'US $13.00',
        'US $13.00',
        '贴纸',
        'DE',
      ],
    ]),
  );
  it('is recognized; a closed order is no sale; US $ names the dollar', () => {
    expect(result.dialect?.id).toBe('aliexpress-orders');
    expect(result.warnings).toEqual([]);
    expect(summary(result)).toEqual([
      ['3001', 23, 'USD', '2025-11-01T10:05', 1, false],
      ['3002', 13, 'USD', null, 1, false],
    ]);
  });
});

it('an order status word no export says is refused with its row, not guessed', () => {
  const result = read(
    file(
      [
        'orderItemId',
        'createTime',
        'orderNumber',
        'customerName',
        'paidPrice',
        'status',
        'refundAmount',
        'sellerSku',
        'itemName',
      ],
      [['1', '2025-11-01 10:00', '7001', 'liza', '25.50', 'in limbo', '0', 'S', 'Mug']],
    ),
  );
  expect(result.dialect?.id).toBe('lazada-orders');
  expect(result.records).toEqual([]);
  expect(result.warnings[0]).toMatchObject({ row: 2, column: 'status' });
  expect(result.warnings[0]?.message).toMatch(/"in limbo" is an order status this does not know/);
});
