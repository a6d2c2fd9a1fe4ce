import { normalizeHeader } from './headers';
import type { OrderStatus } from './orderStatus';
import type { Kind } from './records';
import { SUPPORT_LOG_COLUMNS } from './twitterThreads';

/**
 * Exports the importer recognizes by their headers. `columns` names the column a field comes from
 * where the generic synonyms would be ambiguous (a Tmall report has both 总金额 and 买家实际支付金额;
 * the buyer's actual payment is the one that counts). `basis` says where the header names come from.
 */
export interface Dialect {
  id: string;
  name: { zh: string; en: string };
  kind: Kind;
  /** Where the header names were taken from: a real export in test/fixtures/public-data, public code, or the platforms' documentation as remembered. */
  basis: 'real export' | 'real export and documentation' | 'public code' | 'documentation';
  /** Headers (as the platform writes them) that identify the export. */
  signature: readonly string[];
  columns: Partial<Record<string, string>>;
  /**
   * Money fields that belong to each line (sub-order) rather than to the order: an order's rows are
   * summed over its distinct lines, where order-level amounts are taken once.
   */
  perLine?: readonly ('amount' | 'refund_amount')[];
  /**
   * The export writes a negative amount in parentheses, "(12.00)", as accounting does. Without it a
   * parenthesised amount is refused: nothing else says what the parentheses mean. (An order's amounts
   * are never negative, so on an order such a cell is refused either way, as a negative amount.)
   */
  parenthesesNegative?: true;
  /**
   * The market the export comes from, where it has one: its country (ISO 3166) and the currency of its
   * amounts, for orders whose export names none (no currency column, no sign that names one).
   */
  market?: { country: string; currency: string };
  /** The export's own status words, where one means something else than elsewhere (orderStatus.ts). */
  statuses?: Readonly<Record<string, OrderStatus>>;
  /**
   * The export writes, under its header, a row describing each column in words (TikTok Shop: "Platform
   * unique order ID." under Order ID, in the seller centre's language). Names the ID column that tells
   * it: the first row under the header is that description when this column's cell has no digit, as no
   * ID of the export lacks one.
   */
  descriptionRow?: string;
  /**
   * The export names no buyer at all (Amazon's All Orders report): its orders cannot be matched to
   * chats, whatever is mapped, and the report says so (pipeline notes), rather than asking for a column.
   */
  noBuyer?: true;
}

export const DIALECTS: readonly Dialect[] = [
  {
    id: 'taobao-order-report',
    name: { zh: '淘宝/天猫 订单报表', en: 'Taobao/Tmall order report' },
    kind: 'orders',
    basis: 'real export and documentation',
    signature: [
      '订单编号',
      '买家会员名',
      '买家支付宝账号',
      '买家应付货款',
      '买家应付邮费',
      '总金额',
      '买家实际支付金额',
      '订单状态',
      '买家留言',
      '收货人姓名',
      '收货地址',
      '联系手机',
      '订单创建时间',
      '订单付款时间',
      '宝贝标题',
      '宝贝种类',
      '物流单号',
      '宝贝总数量',
      '店铺名称',
      '退款金额',
    ],
    columns: {
      order_id: '订单编号',
      customer: '买家会员名',
      amount: '买家实际支付金额',
      items: '宝贝总数量',
      created_at: '订单创建时间',
      paid_at: '订单付款时间',
      refund_amount: '退款金额',
    },
  },
  {
    id: 'taobao-order-items',
    name: { zh: '淘宝/天猫 订单+宝贝报表', en: 'Taobao/Tmall order and item export' },
    kind: 'orders',
    // Checked against public code that reads this export (a pandas script naming its columns A–W,
    // 子订单编号 … 物流公司). It sums 买家实付金额 and 退款金额 over the rows: both are per line.
    basis: 'public code',
    signature: [
      '子订单编号',
      '主订单编号',
      '商品标题',
      '商品价格',
      '购买数量',
      '外部系统编号',
      '商品属性',
      '套餐信息',
      '订单状态',
      '商家编码',
      '退款状态',
      '退款金额',
      '买家实付金额',
      '订单创建时间',
      '订单付款时间',
    ],
    columns: {
      order_id: '主订单编号',
      sub_order_id: '子订单编号',
      items: '购买数量',
      amount: '买家实付金额',
      created_at: '订单创建时间',
      paid_at: '订单付款时间',
      refund_amount: '退款金额',
    },
    perLine: ['amount', 'refund_amount'],
  },
  {
    id: 'jd-orders',
    name: { zh: '京东 订单导出', en: 'JD order export' },
    kind: 'orders',
    // Checked against public code that reads JD's order export row by row (a Java class listing its 30
    // columns, 订单号 … 订单渠道); the signature is the part of that header a shop's export always has.
    basis: 'public code',
    signature: [
      '订单号',
      '商品ID',
      '商品名称',
      '订购数量',
      '支付方式',
      '下单时间',
      '京东价',
      '订单金额',
      '结算金额',
      '应付金额',
      '订单状态',
      '订单类型',
      '下单帐号',
      '客户姓名',
      '客户地址',
      '联系电话',
      '付款确认时间',
    ],
    columns: {
      order_id: '订单号',
      customer: '下单帐号',
      created_at: '下单时间',
      paid_at: '付款确认时间',
      amount: '应付金额',
      items: '订购数量',
    },
  },
  {
    id: 'doudian-orders',
    name: { zh: '抖店 订单导出', en: 'Douyin shop (抖店) order export' },
    kind: 'orders',
    basis: 'public code',
    signature: [
      '主订单编号',
      '子订单编号',
      '选购商品',
      '商品规格',
      '商品数量',
      '商品ID',
      '商家编码',
      '商品金额',
      '订单应付金额',
      '运费',
      '订单提交时间',
      '支付完成时间',
      '订单完成时间',
      '订单状态',
      '售后状态',
      '取消原因',
      '订单类型',
    ],
    columns: {
      order_id: '主订单编号',
      sub_order_id: '子订单编号',
      items: '商品数量',
      amount: '订单应付金额',
      created_at: '订单提交时间',
      paid_at: '支付完成时间',
    },
  },
  {
    id: 'pdd-orders',
    name: { zh: '拼多多 订单导出', en: 'Pinduoduo order export' },
    kind: 'orders',
    basis: 'public code',
    signature: [
      '商品',
      '订单号',
      '订单状态',
      '商品总价(元)',
      '店铺优惠折扣(元)',
      '平台优惠折扣(元)',
      '邮费(元)',
      '用户实付金额(元)',
      '商家实收金额(元)',
      '商品数量(件)',
      '支付时间',
      '拼单成功时间',
      '发货时间',
      '确认收货时间',
      '商品id',
      '售后状态',
    ],
    // A Pinduoduo order exists once it is paid: the payment time is also when it was placed.
    columns: {
      order_id: '订单号',
      amount: '用户实付金额(元)',
      items: '商品数量(件)',
      created_at: '支付时间',
      paid_at: '支付时间',
    },
  },
  {
    id: 'kuaishou-orders',
    name: { zh: '快手小店 订单导出', en: 'Kuaishou shop order export' },
    kind: 'orders',
    // Checked against public code that reads the shop's order export by its 61 column names (订单号 …
    // 国补/类国补/消费券); a test reads that full header. It has no buyer column: its orders cannot be
    // matched to chats unless one is added (a column named 买家昵称 or 买家ID is read as the buyer).
    basis: 'public code',
    signature: [
      '订单号',
      '订单创建时间',
      '订单支付时间',
      '订单状态',
      '实付款',
      '快递费',
      '成交数量',
      '售后状态',
      '商品名称',
      '商品规格',
      '商品单价',
      '收货人姓名',
      '收货人电话',
      '收货地址',
    ],
    columns: {
      order_id: '订单号',
      created_at: '订单创建时间',
      paid_at: '订单支付时间',
      amount: '实付款',
      items: '成交数量',
    },
  },
  {
    id: 'shopify-orders',
    name: { zh: 'Shopify 订单导出', en: 'Shopify orders export' },
    kind: 'orders',
    // Checked against public code that reads the export by its column names (a type listing its 79
    // columns, Name … Payment References); a test reads that full header.
    basis: 'public code',
    signature: [
      'Name',
      'Email',
      'Financial Status',
      'Paid at',
      'Fulfillment Status',
      'Currency',
      'Subtotal',
      'Shipping',
      'Taxes',
      'Total',
      'Created at',
      'Lineitem quantity',
      'Lineitem name',
      'Refunded Amount',
    ],
    columns: {
      order_id: 'Name',
      customer: 'Email',
      created_at: 'Created at',
      paid_at: 'Paid at',
      amount: 'Total',
      items: 'Lineitem quantity',
      refund_amount: 'Refunded Amount',
      currency: 'Currency',
    },
  },
  {
    id: 'shopee-orders',
    name: { zh: 'Shopee 虾皮 订单导出（英文）', en: 'Shopee order export (English)' },
    kind: 'orders',
    // One row per SKU; the amounts are the order's, repeated on each row. Grand Total is what the order
    // came to for the buyer (Total Amount is before the buyer's shipping fee).
    basis: 'public code',
    signature: [
      'Order ID',
      'Order Status',
      'Tracking Number*',
      'Shipping Option',
      'Estimated Ship Out Date',
      'Order Creation Date',
      'Order Paid Time',
      'Parent SKU Reference No.',
      'Product Name',
      'SKU Reference No.',
      'Variation Name',
      'Original Price',
      'Deal Price',
      'Quantity',
      'Product Subtotal',
      'Total Amount',
      'Grand Total',
      'Username (Buyer)',
    ],
    columns: {
      order_id: 'Order ID',
      customer: 'Username (Buyer)',
      created_at: 'Order Creation Date',
      paid_at: 'Order Paid Time',
      amount: 'Grand Total',
      items: 'Quantity',
      status: 'Order Status',
    },
  },
  {
    id: 'shopee-tw-orders',
    name: { zh: '蝦皮 訂單報表（台灣）', en: 'Shopee Taiwan order report' },
    kind: 'orders',
    // The current Taiwanese report: one row per product option, order-level amounts repeated. 買家帳號
    // and 買家付款時間 are in it (a public ETL's column list), not in every public reader of it: a file
    // without 買家付款時間 counts an order whose status says paid as paid when placed.
    basis: 'public code',
    market: { country: 'TW', currency: 'TWD' },
    signature: [
      '訂單編號',
      '訂單成立日期',
      '訂單狀態',
      '退貨 / 退款狀態',
      '商品總價',
      '買家總支付金額',
      '蝦幣折抵',
      '蝦皮補貼金額',
      '成交手續費',
      '金流與系統處理費',
      '商品名稱',
      '商品選項名稱',
      '數量',
      '商品活動價格',
    ],
    columns: {
      order_id: '訂單編號',
      customer: '買家帳號',
      created_at: '訂單成立日期',
      paid_at: '買家付款時間',
      amount: '買家總支付金額',
      items: '數量',
      status: '訂單狀態',
    },
  },
  {
    id: 'shopee-tw-orders-2020',
    name: {
      zh: '蝦皮 訂單報表（台灣，舊版「(單)」欄名）',
      en: 'Shopee Taiwan order report (older, "(單)" columns)',
    },
    kind: 'orders',
    basis: 'public code',
    market: { country: 'TW', currency: 'TWD' },
    signature: [
      '訂單編號 (單)',
      '訂單狀態 (單)',
      '取消原因',
      '買家帳號 (單)',
      '訂單成立時間 (單)',
      '訂單小計 (單)',
      '買家支付的運費 (單)',
      '訂單總金額 (單)',
      '商品名稱 (品)',
      '數量',
      '付款方式 (單)',
      '買家付款時間 (單)',
    ],
    columns: {
      order_id: '訂單編號 (單)',
      customer: '買家帳號 (單)',
      created_at: '訂單成立時間 (單)',
      paid_at: '買家付款時間 (單)',
      amount: '訂單總金額 (單)',
      items: '數量',
      status: '訂單狀態 (單)',
    },
  },
  {
    id: 'lazada-orders',
    name: { zh: 'Lazada 订单导出', en: 'Lazada order export' },
    kind: 'orders',
    // One row per item (orderItemId), its paid price and refund its own: summed over an order's items.
    // No payment time: an order whose status says paid (pending, ready_to_ship, shipped, delivered)
    // counts as paid when placed; a cash-on-delivery order the same.
    basis: 'public code',
    statuses: { pending: 'paid', confirmed: 'paid', 'package returned': 'refunded' },
    signature: [
      'orderItemId',
      'orderType',
      'deliveryType',
      'lazadaId',
      'sellerSku',
      'createTime',
      'updateTime',
      'orderNumber',
      'customerName',
      'customerEmail',
      'payMethod',
      'paidPrice',
      'unitPrice',
      'sellerDiscountTotal',
      'shippingFee',
      'itemName',
      'status',
      'refundAmount',
    ],
    columns: {
      order_id: 'orderNumber',
      sub_order_id: 'orderItemId',
      customer: 'customerName',
      created_at: 'createTime',
      amount: 'paidPrice',
      refund_amount: 'refundAmount',
      status: 'status',
    },
    perLine: ['amount', 'refund_amount'],
  },
  {
    id: 'tiktok-shop-orders',
    name: { zh: 'TikTok Shop 订单导出', en: 'TikTok Shop order export' },
    kind: 'orders',
    // One row per SKU; Order Amount and Order Refund Amount are the order's.
    basis: 'public code',
    descriptionRow: 'Order ID',
    signature: [
      'Order ID',
      'Order Status',
      'Order Substatus',
      'Cancelation/Return Type',
      'SKU ID',
      'Seller SKU',
      'Product Name',
      'Quantity',
      'SKU Subtotal After Discount',
      'Order Amount',
      'Order Refund Amount',
      'Created Time',
      'Paid Time',
      'Cancelled Time',
      'Buyer Username',
      'Payment Method',
    ],
    columns: {
      order_id: 'Order ID',
      sub_order_id: 'SKU ID',
      customer: 'Buyer Username',
      created_at: 'Created Time',
      paid_at: 'Paid Time',
      amount: 'Order Amount',
      items: 'Quantity',
      refund_amount: 'Order Refund Amount',
      status: 'Order Status',
    },
  },
  {
    id: 'amazon-order-report',
    name: { zh: 'Amazon 订单报告', en: 'Amazon order report' },
    kind: 'orders',
    // Seller Central's order report (tab-separated flat file), one row per order item: item-price is
    // the item line's price (quantity × unit price), summed over an order's items. buyer-email is
    // Amazon's per-buyer relay address, the buyer's ID here. No status column: every order in the
    // report has a payment date or is waiting for one.
    basis: 'public code',
    signature: [
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
      'shipping-tax',
      'ship-service-level',
    ],
    columns: {
      order_id: 'order-id',
      sub_order_id: 'order-item-id',
      customer: 'buyer-email',
      created_at: 'purchase-date',
      paid_at: 'payments-date',
      amount: 'item-price',
      items: 'quantity-purchased',
      currency: 'currency',
    },
    perLine: ['amount'],
  },
  {
    id: 'amazon-all-orders',
    name: { zh: 'Amazon 全部订单报告', en: 'Amazon All Orders report' },
    kind: 'orders',
    // Seller Central's All Orders report (GET_FLAT_FILE_ALL_ORDERS_DATA…, tab-separated), one row per
    // order item: order-status is the order's, item-status the item's (an item cancelled in a shipped
    // order), item-price the item line's price, summed over the order's items as the order report's.
    // No payment time: an order whose status says paid counts as paid when placed; Amazon's Pending is
    // an order not yet paid. No buyer column at all: its orders count in the shop's sales, never
    // credited to a consultation (noBuyer).
    basis: 'public code',
    noBuyer: true,
    statuses: {
      pending: 'unpaid',
      'shipped - delivered to buyer': 'paid',
      'shipped - picked up': 'paid',
      'shipped - out for delivery': 'paid',
      'shipped - returned to seller': 'refunded',
      'shipped - rejected by buyer': 'refunded',
    },
    signature: [
      'amazon-order-id',
      'merchant-order-id',
      'purchase-date',
      'last-updated-date',
      'order-status',
      'fulfillment-channel',
      'sales-channel',
      'order-channel',
      'ship-service-level',
      'product-name',
      'sku',
      'asin',
      'item-status',
      'quantity',
      'currency',
      'item-price',
      'item-tax',
      'shipping-price',
      'promotion-ids',
    ],
    columns: {
      order_id: 'amazon-order-id',
      created_at: 'purchase-date',
      amount: 'item-price',
      items: 'quantity',
      currency: 'currency',
      status: 'order-status',
      line_status: 'item-status',
    },
    perLine: ['amount'],
  },
  {
    id: 'aliexpress-orders',
    name: { zh: '速卖通 订单导出', en: 'AliExpress order export' },
    kind: 'orders',
    basis: 'public code',
    signature: [
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
      '发货时间',
      '确认收货时间',
    ],
    columns: {
      order_id: '订单号',
      customer: '买家名称',
      created_at: '下单时间',
      paid_at: '付款时间',
      amount: '买家实付金额',
      status: '订单状态',
    },
  },
  {
    id: 'olist-orders',
    name: { zh: 'Olist 订单', en: 'Olist orders' },
    kind: 'orders',
    basis: 'real export',
    signature: [
      'order_id',
      'customer_id',
      'order_status',
      'order_purchase_timestamp',
      'order_approved_at',
      'order_delivered_carrier_date',
      'order_delivered_customer_date',
      'order_estimated_delivery_date',
    ],
    columns: {
      order_id: 'order_id',
      customer: 'customer_id',
      created_at: 'order_purchase_timestamp',
      paid_at: 'order_approved_at',
    },
  },
  {
    id: 'olist-reviews',
    name: { zh: 'Olist 评价', en: 'Olist reviews' },
    kind: 'ratings',
    basis: 'real export',
    signature: [
      'review_id',
      'order_id',
      'review_score',
      'review_comment_title',
      'review_comment_message',
      'review_creation_date',
      'review_answer_timestamp',
    ],
    columns: { level: 'review_score', time: 'review_creation_date' },
  },
  {
    id: 'twitter-support-log',
    name: { zh: 'Twitter 客服会话', en: 'Twitter support conversations' },
    kind: 'chats',
    basis: 'real export',
    signature: [...SUPPORT_LOG_COLUMNS, 'in_response_to_tweet_id'],
    columns: {
      session: 'conversation_id',
      agent: 'account',
      customer: 'customer',
      from: 'role',
      time: 'created_at_utc',
      message_id: 'tweet_id',
    },
  },
  {
    id: 'zendesk-messages',
    name: { zh: 'Zendesk 工单消息', en: 'Zendesk ticket comments' },
    kind: 'chats',
    basis: 'documentation',
    signature: [
      'Ticket ID',
      'Comment ID',
      'Author',
      'Author role',
      'Requester',
      'Assignee',
      'Created at',
      'Public',
      'Body',
    ],
    columns: {
      session: 'Ticket ID',
      message_id: 'Comment ID',
      agent: 'Assignee',
      customer: 'Requester',
      from: 'Author role',
      time: 'Created at',
      text: 'Body',
    },
  },
  {
    id: 'ebay-messages',
    name: { zh: 'eBay 买家消息', en: 'eBay messages' },
    kind: 'chats',
    basis: 'documentation',
    signature: [
      'Message ID',
      'Item ID',
      'Sender',
      'Recipient',
      'Buyer',
      'Seller',
      'Direction',
      'Subject',
      'Received Date',
      'Message',
    ],
    columns: {
      session: 'Item ID',
      message_id: 'Message ID',
      agent: 'Seller',
      customer: 'Buyer',
      from: 'Direction',
      time: 'Received Date',
      text: 'Message',
    },
  },
  {
    id: 'qianniu-chat-records',
    name: { zh: '千牛 聊天记录导出', en: 'Qianniu chat record export' },
    kind: 'chats',
    basis: 'documentation',
    signature: ['客服账号', '买家昵称', '发送方', '消息内容', '发送时间', '会话ID', '是否自动回复'],
    columns: {
      agent: '客服账号',
      customer: '买家昵称',
      from: '发送方',
      text: '消息内容',
      time: '发送时间',
      session: '会话ID',
      auto: '是否自动回复',
    },
  },
  {
    id: 'taobao-service-ratings',
    name: { zh: '淘宝 客服服务评价', en: 'Taobao service ratings' },
    kind: 'ratings',
    basis: 'documentation',
    signature: ['评价时间', '客服账号', '买家昵称', '评价结果', '评价内容', '订单编号'],
    columns: { time: '评价时间', agent: '客服账号', customer: '买家昵称', level: '评价结果' },
  },
  {
    id: 'taobao-refunds',
    name: { zh: '淘宝/天猫 退款报表', en: 'Taobao/Tmall refund report' },
    kind: 'refunds',
    // Checked against public code that reads the refund export by its column names (a Django import
    // resource listing the columns it reads, 退款编号 … 买家退款说明; a Hive script over the same export).
    // The application time is 退款的申请时间 there; a newer export writes 退款申请时间, read by its name.
    // 客服介入状态 says how far the platform's staff stepped in, as text (不需客服介入, 客服已经介入…):
    // it is not read as a dispute flag, so 退款纠纷率 stays empty for this export.
    basis: 'public code',
    signature: [
      '退款编号',
      '订单编号',
      '支付宝交易号',
      '订单付款时间',
      '退款完结时间',
      '买家实际支付金额',
      '宝贝标题',
      '买家退款金额',
      '是否需要退货',
      '退款的申请时间',
      '退款状态',
      '货物状态',
      '客服介入状态',
      '买家退款原因',
    ],
    columns: {
      order_id: '订单编号',
      applied_at: '退款的申请时间',
      completed_at: '退款完结时间',
    },
  },
];

export interface DialectMatch {
  dialect: Dialect;
  /** Share of the file's headers (or of the signature, if shorter) that the signature explains. */
  confidence: number;
}

/** The dialect whose signature best explains the header, if any explains at least 60 % of it. */
export function recognizeDialect(header: readonly string[], kind?: Kind): DialectMatch | null {
  const present = new Set(header.map(normalizeHeader).filter(Boolean));
  let best: DialectMatch | null = null;
  for (const dialect of DIALECTS) {
    if (kind && dialect.kind !== kind) continue;
    const matched = dialect.signature.filter((h) => present.has(normalizeHeader(h))).length;
    const confidence = matched / Math.min(present.size, dialect.signature.length);
    if (matched >= 3 && confidence >= 0.6 && (!best || confidence > best.confidence))
      best = { dialect, confidence };
  }
  return best;
}
