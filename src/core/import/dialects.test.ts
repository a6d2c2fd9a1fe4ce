// One fixture per dialect, built from the header names the dialect lists (as the platform writes
// them), with one row of data: the dialect must be recognized and every field it names read.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Order } from '../engine/model';
import { DIALECTS, type Dialect } from './dialects';
import { normalizeHeader, PRIVATE_HEADERS } from './headers';
import { importTable, type TableImport } from './importer';

const VALUES: Record<string, string> = {
  time: '2024-03-01 10:00:00',
  created_at: '2024-03-01 10:00:00',
  paid_at: '2024-03-01 10:05:00',
  applied_at: '2024-03-02 10:00:00',
  completed_at: '2024-03-03 10:00:00',
  order_id: '="3000000000000000001"',
  sub_order_id: '3000000000000000002',
  amount: '¥1,299.50',
  items: '2',
  refund_amount: '0.00',
  level: '非常满意',
  rating_id: 'r1',
  agent: '旗舰店:小美',
  customer: 'tb_buyer_01',
  session: 's1',
  text: '在吗',
  status: '交易成功',
  line_status: '交易成功',
  currency: 'USD',
  dispute: '否',
  auto: '否',
};

const FROM: Record<string, string> = { 'zendesk-messages': 'end-user', 'ebay-messages': 'inbound' };

function fixture(dialect: Dialect): string {
  const fieldOf = new Map(Object.entries(dialect.columns).map(([field, column]) => [column, field]));
  // The signature, and the columns a dialect reads where a file has them (Shopee TW's 買家付款時間).
  const header = [
    ...dialect.signature,
    ...Object.values(dialect.columns).filter((c): c is string => !!c && !dialect.signature.includes(c)),
  ];
  const row = header.map((name) => {
    const field = fieldOf.get(name);
    if (field === 'from') return FROM[dialect.id] ?? '买家';
    return field
      ? (VALUES[field] ?? 'x')
      : PRIVATE_HEADERS.includes(normalizeHeader(name))
        ? '13800000000'
        : 'x';
  });
  return Papa.unparse({ fields: header, data: [row] });
}

describe.each(DIALECTS.map((d) => [d.id, d] as const))('dialect %s', (_id, dialect) => {
  const result = importTable({
    file: `${dialect.id}.csv`,
    text: fixture(dialect),
    timeZone: 'Asia/Shanghai',
  });

  it(`is recognized as ${dialect.name.en} (${dialect.kind})`, () => {
    expect(result.kind).toBe(dialect.kind);
    expect(result.dialect?.id).toBe(dialect.id);
  });

  it('maps every field it names to its column', () => {
    for (const [field, column] of Object.entries(dialect.columns)) {
      expect(result.fields.find((f) => f.field === field)?.column, field).toBe(column);
    }
  });

  it('reads the row without warnings and carries no phone number', () => {
    expect(result.warnings).toEqual([]);
    expect(result.records).toHaveLength(1);
    expect(JSON.stringify(result.records)).not.toContain('13800000000');
  });
});

describe('a Taobao order+item export', () => {
  it('collapses SKU rows into one order: items and the lines’ payments summed, a repeated line dropped', () => {
    const text = [
      '子订单编号,主订单编号,商品标题,购买数量,买家实付金额,订单状态,退款金额,订单创建时间,订单付款时间',
      '11,1,T恤,2,120.00,交易成功,0,2024-03-01 10:00:00,2024-03-01 10:01:00',
      '12,1,短裤,1,79.00,交易成功,0,2024-03-01 10:00:00,2024-03-01 10:01:00',
      '12,1,短裤,1,79.00,交易成功,0,2024-03-01 10:00:00,2024-03-01 10:01:00',
    ].join('\n');
    const result = importTable({ file: 'items.csv', text, timeZone: 'Asia/Shanghai' });
    expect(result.dialect?.id).toBe('taobao-order-items');
    expect(result.records).toMatchObject([{ orderId: '1', items: 3, amount: 199 }]);
    expect(result.duplicates).toBe(1);
  });
});

describe('docs/dialects.md', () => {
  it('is what the catalog says (run `npm run docs` after changing dialects or header names)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderDialectsMarkdown } = await import('./dialectsText');
    expect(readFileSync(new URL('../../../docs/dialects.md', import.meta.url), 'utf8')).toBe(
      renderDialectsMarkdown(),
    );
  });
});

describe('order IDs short and long', () => {
  it('keep 7, 07 and 007 apart, and join the rows of one order whatever its ID looks like', () => {
    const text = [
      '订单编号,宝贝总数量,买家实际支付金额,订单创建时间,订单付款时间',
      '7,1,10.00,2024-03-01 10:00:00,2024-03-01 10:01:00',
      '07,1,20.00,2024-03-01 10:00:00,2024-03-01 10:01:00',
      '007,1,30.00,2024-03-01 10:00:00,2024-03-01 10:01:00',
      '3000000000000000001,1,40.00,2024-03-01 10:00:00,2024-03-01 10:01:00',
      '7,2,10.00,2024-03-01 10:00:00,2024-03-01 10:01:00',
      '3000000000000000001,2,40.00,2024-03-01 10:00:00,2024-03-01 10:01:00',
      '4294967296,1,50.00,2024-03-01 10:00:00,2024-03-01 10:01:00',
    ].join('\n');
    const result = importTable({ file: 'report.csv', text, timeZone: 'Asia/Shanghai', kind: 'orders' });
    expect(result.records.map((o) => [o.orderId, o.items, o.amount])).toEqual([
      ['7', 3, 10],
      ['07', 1, 20],
      ['007', 1, 30],
      ['3000000000000000001', 3, 40],
      ['4294967296', 1, 50],
    ]);
  });
});

describe('an order report with SKU rows and no sub-order column', () => {
  it('sums the items of distinct rows, even when their numbers are equal, and drops a repeated row', () => {
    const text = [
      '订单编号,宝贝标题,宝贝总数量,买家实际支付金额,订单创建时间,订单付款时间',
      '1,T恤,1,199.00,2024-03-01 10:00:00,2024-03-01 10:01:00',
      '1,短裤,1,199.00,2024-03-01 10:00:00,2024-03-01 10:01:00',
      '1,短裤,1,199.00,2024-03-01 10:00:00,2024-03-01 10:01:00',
    ].join('\n');
    const result = importTable({ file: 'report.csv', text, timeZone: 'Asia/Shanghai', kind: 'orders' });
    expect(result.records).toMatchObject([{ orderId: '1', items: 2, amount: 199 }]);
    expect(result.duplicates).toBe(1);
  });
});

/**
 * A full-header export read as the one order it holds, placed 2024-03-01 10:00 and paid 10:02 at UTC+8,
 * and its buyer's name, address and phone never read.
 */
function expectOneOrder(
  result: TableImport,
  dialect: string,
  order: Partial<Order>,
  privateCells: Record<string, string>,
) {
  expect(result.dialect?.id).toBe(dialect);
  expect(result.records).toEqual([
    expect.objectContaining({
      ...order,
      createdAt: Date.parse('2024-03-01T02:00:00Z'),
      paidAt: Date.parse('2024-03-01T02:02:00Z'),
    }),
  ]);
  expect(result.privateColumns).toEqual(expect.arrayContaining(Object.keys(privateCells)));
  for (const value of Object.values(privateCells))
    expect(JSON.stringify(result.records)).not.toContain(value);
}

describe('a JD order export with its full header', () => {
  it('is recognized and read: the 30 columns public code lists for the export, in their order', () => {
    const header =
      '订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,下单帐号,客户姓名,客户地址,联系电话,订单备注,发票类型,发票抬头,发票内容,商家备注,商家备注等级（等级1-5为由高到低）,运费金额,付款确认时间,增值税发票,货号,订单完成时间,订单来源,订单渠道';
    const row =
      '2345678901,100012,保温杯,2,在线支付,2024-03-01 10:00:00,99.00,198.00,198.00,0.00,188.00,完成,普通订单,jd_buyer_7,张三,北京市朝阳区某路1号,138****0000,,电子发票,个人,明细,,,0.00,2024-03-01 10:02:00,否,A-1,2024-03-04 09:00:00,京东,PC';
    const result = importTable({ file: 'jd.csv', text: `${header}\n${row}\n`, timeZone: 'Asia/Shanghai' });
    expectOneOrder(
      result,
      'jd-orders',
      { orderId: '2345678901', customer: 'jd_buyer_7', amount: 188, items: 2 },
      { 客户姓名: '张三', 客户地址: '北京市朝阳区某路1号', 联系电话: '138****0000' },
    );
  });
});

describe('a Kuaishou order export with its full header', () => {
  it('is recognized and read: the 61 columns public code lists for the export, in their order', () => {
    // As KevinFan1/FinEngine's Kuaishou processor lists them. There is no buyer column.
    const header =
      '订单号,赠品订单号,活动订单编号,订单创建时间,订单支付时间,预售定金支付时间,订单状态,实付款,快递费,店铺优惠,平台补贴,主播补贴,混资活动优惠,支付优惠,支付方式,成交数量,买家留言,账号类型,账号明细,订单备注,旗帜颜色,售后状态,活动订单,预售/承诺发货时间,订单载体,商品名称,商品ID,商品规格,SKU编码,商品单价,渠道,CPS达人ID,CPS达人昵称,预估推广佣金,预估推广者分佣比例,团长ID,团长昵称,快赚客ID,快赚客昵称,授权推广者ID,授权推广者昵称,收货人姓名,收货人电话,收货地址-省,收货地址-市,收货地址-区,收货地址-街道,收货地址,发货时间,快递公司,快递单号,物流信息,集运类型,直邮类型,仓库名称,仓库地址,实名姓名,服务门店ID,服务门店名称,服务门店地址,国补/类国补/消费券';
    const cells: Record<string, string> = {
      订单号: '2403011000012345678',
      订单创建时间: '2024-03-01 10:00:00',
      订单支付时间: '2024-03-01 10:02:00',
      订单状态: '交易成功',
      实付款: '59.90',
      快递费: '0.00',
      支付方式: '微信',
      成交数量: '2',
      售后状态: '无售后',
      商品名称: '连衣裙',
      商品规格: '红色;M',
      商品单价: '29.95',
      收货人姓名: '张三',
      收货人电话: '138****0000',
      '收货地址-省': '浙江省',
      '收货地址-街道': '文三路街道',
      收货地址: '浙江省杭州市西湖区文三路1号',
      实名姓名: '张三丰',
    };
    const row = header
      .split(',')
      .map((column) => cells[column] ?? '')
      .join(',');
    const result = importTable({
      file: '快手订单.csv',
      text: `${header}\n${row}\n`,
      timeZone: 'Asia/Shanghai',
    });
    expectOneOrder(
      result,
      'kuaishou-orders',
      { orderId: '2403011000012345678', customer: null, amount: 59.9, items: 2 },
      {
        收货人姓名: '张三',
        收货人电话: '138****0000',
        '收货地址-街道': '文三路街道',
        收货地址: '浙江省杭州市西湖区文三路1号',
        实名姓名: '张三丰',
      },
    );
  });
});

describe('a Taobao order export as 千牛 writes it, with its full header', () => {
  it('is read by its column names: no dialect of its own is needed, and nothing is summed twice', () => {
    // The 19 columns KevinFan1/FinEngine's 千牛 processor lists for the order export. No buyer column.
    const header =
      '订单编号,支付单号,支付详情,买家应付货款,买家应付邮费,总金额,买家实付金额,订单创建时间,订单付款时间,商品标题,退款金额,是否主动赔付,主动赔付金额,主动赔付出账时间,商品属性SKU,C2B小额收款,确认收货打款金额,含应开票给个人红包,总金额(旧版)';
    const row = (title: string) =>
      `="3000000000000000001",2024030122001,支付宝,59.90,8.00,67.90,67.90,2024-03-01 10:00:00,2024-03-01 10:02:00,${title},10.00,否,,,颜色:红,,57.90,,67.90`;
    const result = importTable({
      file: 'ExportOrderList.csv',
      text: `${header}\n${row('连衣裙')}\n${row('腰带')}\n`,
      timeZone: 'Asia/Shanghai',
      kind: 'orders',
    });
    expect(result.warnings).toEqual([]);
    // Two rows of one order (two goods): the payment and refund are the order's, taken once.
    expect(result.records).toEqual([
      expect.objectContaining({
        orderId: '3000000000000000001',
        customer: null,
        amount: 67.9,
        refundAmount: 10,
        items: 2,
        createdAt: Date.parse('2024-03-01T02:00:00Z'),
        paidAt: Date.parse('2024-03-01T02:02:00Z'),
      }),
    ]);
  });
});

describe('a Tmall refund export with the columns public code reads', () => {
  it('reads when each refund was applied for and completed; 客服介入状态 is not taken for a dispute flag', () => {
    const header =
      '退款编号,订单编号,支付宝交易号,订单付款时间,商品编码,退款完结时间,买家实际支付金额,宝贝标题,买家退款金额,手工退款/系统退款,是否需要退货,退款的申请时间,退款状态,货物状态,发货物流信息,客服介入状态,卖家真实姓名,买家退款原因,买家退款说明,部分退款/全部退款';
    const rows = [
      '="8001",="3000000000000000001",2024030122001,2024-03-01 10:02:00,A-1,2024-03-03 09:00:00,59.90,保温杯,59.90,系统退款,否,2024-03-02 09:00:00,退款成功,买家未收到货,,不需客服介入,张三,不想要了,,全部退款',
      '="8002",="3000000000000000002",2024030122002,2024-03-01 11:00:00,A-2,,30.00,保温杯,30.00,手工退款,是,2024-03-02 10:00:00,买家已经申请退款，等待卖家同意,买家已收到货,,客服已经介入,张三,质量问题,有划痕,部分退款',
    ];
    const result = importTable({
      file: 'refund.csv',
      text: [header, ...rows].join('\n'),
      timeZone: 'Asia/Shanghai',
    });
    expect(result.dialect?.id).toBe('taobao-refunds');
    expect(result.warnings).toEqual([]);
    expect(result.records).toEqual([
      expect.objectContaining({
        orderId: '3000000000000000001',
        appliedAt: Date.parse('2024-03-02T01:00:00Z'),
        completedAt: Date.parse('2024-03-03T01:00:00Z'),
        dispute: false,
      }),
      expect.objectContaining({ orderId: '3000000000000000002', completedAt: null, dispute: false }),
    ]);
    // Neither who completed a refund nor a dispute flag is read: those rates are empty, not 0.
    expect([...result.mapped].sort()).toEqual(['applied_at', 'completed_at', 'order_id']);
  });
});

describe('a Tmall order-and-item export with its full header', () => {
  // Columns A–W as public code that reads the export lists them. Each row is one line (子订单): the
  // buyer's payment and the refund are the line's, so an order's lines add up.
  const header =
    '子订单编号,主订单编号,商品标题,商品价格,购买数量,外部系统编号,商品属性,套餐信息,联系方式备注,订单状态,商家编码,买家应付货款,买家实付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品ID,商家备注,主订单买家留言,发货时间,物流单号,物流公司';
  const line = (sub: string, order: string, items: string, paid: string, refund: string) =>
    `${sub},${order},保温杯,25.00,${items},,颜色:白,,,交易成功,A-1,${paid},${paid},${refund === '0.00' ? '' : '退款成功'},${refund},2024-03-01 10:00:00,2024-03-01 10:02:00,600012,,,2024-03-02 09:00:00,SF100,顺丰`;
  const text = [
    header,
    line('5001', '1001', '2', '50.00', '0.00'),
    line('5002', '1001', '1', '30.00', '30.00'),
    line('5001', '1001', '2', '50.00', '0.00'),
    line('5003', '1002', '1', '20.00', '0.00'),
  ].join('\n');

  it('sums each order’s lines: items, payment and refund; a repeated line is a duplicate', () => {
    const result = importTable({ file: 'ExportOrderList.csv', text, timeZone: 'Asia/Shanghai' });
    expect(result.dialect?.id).toBe('taobao-order-items');
    expect(result.duplicates).toBe(1);
    expect(result.warnings).toEqual([]);
    expect(
      (result.records as Order[]).map(({ orderId, items, amount, refundAmount }) => [
        orderId,
        items,
        amount,
        refundAmount,
      ]),
    ).toEqual([
      ['1001', 3, 80, 30],
      ['1002', 1, 20, 0],
    ]);
  });

  it('takes an amount once when the user maps it to another column', () => {
    const result = importTable({
      file: 'ExportOrderList.csv',
      text,
      timeZone: 'Asia/Shanghai',
      overrides: { amount: '商品价格' },
    });
    expect((result.records as Order[]).map((o) => [o.orderId, o.amount, o.refundAmount])).toEqual([
      ['1001', 25, 30],
      ['1002', 25, 0],
    ]);
  });
});

describe('a Shopify orders export with its full header', () => {
  // The columns in the order public code lists them (jadwro/allegro_csv_parser and others read the
  // export by these names); an order's second line item repeats only the line-item columns.
  const header =
    'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References';
  const columns = header.split(',');
  const line = (cells: Record<string, string>) => columns.map((c) => cells[c] ?? '').join(',');
  const first = line({
    Name: '#1001',
    Email: 'jane@example.com',
    'Financial Status': 'paid',
    'Paid at': '2024-03-01 10:02:00 +0800',
    Currency: 'USD',
    Subtotal: '59.00',
    Total: '64.00',
    'Created at': '2024-03-01 10:00:00 +0800',
    'Lineitem quantity': '2',
    'Lineitem name': 'Mug',
    'Billing Name': 'Jane Doe',
    'Billing Address1': '1 Harbour St',
    'Shipping Phone': '+1 555 0100',
    'Refunded Amount': '0.00',
    Id: '5550001',
  });
  const second = line({
    Name: '#1001',
    Email: 'jane@example.com',
    'Created at': '2024-03-01 10:00:00 +0800',
    'Lineitem quantity': '1',
    'Lineitem name': 'Spoon',
  });

  it('is recognized and its line items make one order, the total counted once', () => {
    const result = importTable({
      file: 'orders_export.csv',
      text: `${header}\n${first}\n${second}\n`,
      timeZone: 'UTC',
    });
    expectOneOrder(
      result,
      'shopify-orders',
      { orderId: '#1001', customer: 'jane@example.com', amount: 64, items: 3 },
      { 'Billing Name': 'Jane Doe', 'Billing Address1': '1 Harbour St', 'Shipping Phone': '+1 555 0100' },
    );
  });
  it('reads an order with a discount code: Discount Code is not the cash-on-delivery flag', () => {
    const discounted = first.replace(',64.00,,', ',64.00,SPRING10,');
    expect(discounted).toContain('SPRING10');
    const result = importTable({
      file: 'orders_export.csv',
      text: `${header}\n${discounted}\n`,
      timeZone: 'UTC',
    });
    expect(result.fields.find((f) => f.field === 'cod')?.column).toBeNull();
    expect(result.warnings).toEqual([]);
    expect(result.records).toHaveLength(1);
  });
});
