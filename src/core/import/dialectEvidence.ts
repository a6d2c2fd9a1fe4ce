/**
 * Where the header names of each cross-border export were found (docs/dialects.md, Evidence): the
 * repository and file where the search that found the public code named them, else what the code is,
 * and the names it shows. Apart from dialects.ts so that Code.js, which recognizes exports, does not
 * carry the docs' text.
 */
export const DIALECT_EVIDENCE: Readonly<Record<string, string>> = {
  'shopee-orders':
    'public code that reads the English export (MY/SG/PH seller centre) by its 45 column names, Order ID … Zip Code (a Node upload controller that also reads the Taiwanese export); the same names (Order ID, Order Status, Username (Buyer), Order Creation Date, Deal Price, Grand Total) in other public importers of Shopee exports',
  'shopee-tw-orders':
    'public code (a React profit dashboard) that reads the Shopee TW report by its column names: 訂單編號, 訂單成立日期, 訂單狀態, 退貨 / 退款狀態, 商品總價, 買家總支付金額, 蝦幣折抵, 蝦皮補貼金額, 成交手續費, 金流與系統處理費, 商品名稱, 商品選項名稱, 數量, 商品活動價格',
  'shopee-tw-orders-2020':
    'public code (a Node upload controller, 2020) that reads the Taiwanese export by its column names, 訂單編號 (單), 訂單狀態 (單), 買家帳號 (單), 訂單成立時間 (單), 訂單小計 (單), 訂單總金額 (單), 數量, 買家付款時間 (單) …',
  'lazada-orders':
    'public code that reads the seller centre export by its camelCase column names: a Java importer (orderItemId … refundAmount, via row.get("paidPrice") and the like), a Python cleaner (createTime, orderNumber, paidPrice, unitPrice, sellerDiscountTotal, refundAmount, status) and a pandas report (orderNumber, sellerSku, createTime, customerName, paidPrice, status)',
  'tiktok-shop-orders':
    "jeffpham2906/JP-Manager, server/types/order.d.ts: a type naming the export's 54 columns, Order ID, Order Status, Order Substatus, Cancelation/Return Type, SKU ID, Quantity, Order Amount, Order Refund Amount, Created Time, Paid Time, Cancelled Time, Buyer Username … Checked Marked by",
  'amazon-order-report':
    'public code that reads the order report by its column names: a PHP list of the モール受注CSV（注文レポート） fields, order-id, order-item-id, purchase-date, payments-date, buyer-email, buyer-name, buyer-phone-number, sku, product-name, quantity-purchased, currency, item-price, item-tax, shipping-price … ship-country; a MySQL table with the same columns',
  'aliexpress-orders':
    'public code (an export assistant) that writes a sample of the seller centre export with its 48 column names, 订单号, 店铺, 订单状态, 负责人（业务员）, 买家名称, 下单时间, 付款时间, 支付方式, 产品总金额, 物流费用, 订单金额, 买家实付金额 … 确认收货时间',
};
