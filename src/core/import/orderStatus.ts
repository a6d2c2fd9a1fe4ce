/**
 * What an order export's status words say of an order: paid (a sale: paid, shipped, delivered,
 * completed), unpaid (not yet a sale), cancelled (never a sale, even if it was paid first: the money
 * went back) or refunded (a sale, refunded). Words are the platforms' own, as the evidence behind each
 * dialect shows them (dialects.ts); a dialect may give its own words where a word means something else
 * on its platform (Lazada's "pending" is an order placed and paid, or cash on delivery, awaiting the
 * seller; Amazon's "Pending" is one not yet paid).
 */
export type OrderStatus = 'paid' | 'unpaid' | 'cancelled' | 'refunded';

const WORDS: Readonly<Record<OrderStatus, readonly string[]>> = {
  paid: [
    'paid',
    'completed',
    'complete',
    'delivered',
    'shipped',
    'shipping',
    'to ship',
    'ready to ship',
    'ready_to_ship',
    'to receive',
    'in transit',
    'awaiting shipment',
    'awaiting collection',
    'unshipped',
    'partially shipped',
    '已付款',
    '交易成功',
    '交易完成',
    '已完成',
    '已发货',
    '待发货',
    '等待您发货',
    '等待买家收货',
    '待收货',
    '已签收',
    '待出貨',
    '運送中',
    '已出貨',
    '待收貨',
    '已簽收',
  ],
  unpaid: ['unpaid', 'to pay', 'awaiting payment', 'pending payment', '待付款', '等待买家付款', '未付款'],
  cancelled: ['cancelled', 'canceled', 'cancellation', 'failed', '已取消', '不成立', '已關閉'],
  refunded: [
    'refunded',
    'returned',
    'return/refund',
    'return refund',
    'package returned',
    '退款成功',
    '已退款',
    '退货退款',
    '退貨/退款',
    '退款/退貨',
    '已退貨',
  ],
};

/** Lower-cased, spaces around a slash dropped: "Return / Refund" is "return/refund". */
const key = (word: string) =>
  word
    .trim()
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/');

let table: Map<string, OrderStatus> | null = null;

/** The status a word says, with a dialect's own words first; undefined: a word this does not know. */
export function orderStatusOf(
  word: string,
  own?: Readonly<Record<string, OrderStatus>>,
): OrderStatus | undefined {
  const k = key(word);
  if (own) for (const [w, status] of Object.entries(own)) if (key(w) === k) return status;
  if (!table) {
    table = new Map();
    for (const [status, words] of Object.entries(WORDS) as [OrderStatus, readonly string[]][])
      for (const w of words) table.set(key(w), status);
  }
  return table.get(k);
}

/** The known words, for the docs (docs/dialects.md, "Order status words"). */
export function statusWords(): Readonly<Record<OrderStatus, readonly string[]>> {
  return WORDS;
}
