/**
 * Where the header names and the date format of each cross-border export were found (docs/dialects.md,
 * Evidence): the repository and file of the public code (or the help page) that shows them, and the
 * names and dates it shows. Apart from dialects.ts so that Code.js, which recognizes exports, does not
 * carry the docs' text.
 */
export interface Evidence {
  /** Where the header names come from. */
  headers: string;
  /** How the export writes its dates, where that was seen, and whether the day/month order is fixed. */
  dates: string;
}

export const DIALECT_EVIDENCE: Readonly<Record<string, Evidence>> = {
  'shopee-orders': {
    headers:
      'public code that reads the English export (MY/SG/PH seller centre) by its 45 column names, Order ID … Zip Code (a Node upload controller that also reads the Taiwanese export); the same names (Order ID, Order Status, Username (Buyer), Order Creation Date, Deal Price, Grand Total) in other public importers of Shopee exports',
    dates:
      'year first, a 24-hour clock: `2025-11-01 10:00` (public code reads Order Creation Date with the pattern `%Y-%m-%d %H:%M`); one reading',
  },
  'shopee-tw-orders': {
    headers:
      'public code (a React profit dashboard) that reads the Shopee TW report by its column names: 訂單編號, 訂單成立日期, 訂單狀態, 退貨 / 退款狀態, 商品總價, 買家總支付金額, 蝦幣折抵, 蝦皮補貼金額, 成交手續費, 金流與系統處理費, 商品名稱, 商品選項名稱, 數量, 商品活動價格',
    dates:
      'year first, a 24-hour clock: `2026-11-21 20:39` (the dashboard above takes the year from the first four characters of 訂單成立日期 and the month from the sixth and seventh); one reading',
  },
  'shopee-tw-orders-2020': {
    headers:
      'public code (a Node upload controller, 2020) that reads the Taiwanese export by its column names, 訂單編號 (單), 訂單狀態 (單), 買家帳號 (單), 訂單成立時間 (單), 訂單小計 (單), 訂單總金額 (單), 數量, 買家付款時間 (單) …',
    dates: "no public code seen shows them: read as any export's dates are (Dates and times, below)",
  },
  'lazada-orders': {
    headers:
      'public code that reads the seller centre export by its camelCase column names: a Java importer (orderItemId … refundAmount, via row.get("paidPrice") and the like), a Python cleaner (createTime, orderNumber, paidPrice, unitPrice, sellerDiscountTotal, refundAmount, status) and a pandas report (orderNumber, sellerSku, createTime, customerName, paidPrice, status)',
    dates:
      'day, English month name, year, a 24-hour clock: `01 Nov 2025 10:00` (public code reads createTime with `%d %b %Y %H:%M`, then `%d %B %Y %H:%M`); the month is a name, so one reading',
  },
  'tiktok-shop-orders': {
    headers:
      "jeffpham2906/JP-Manager, server/types/order.d.ts: a type naming the export's 54 columns, Order ID, Order Status, Order Substatus, Cancelation/Return Type, SKU ID, Quantity, Order Amount, Order Refund Amount, Created Time, Paid Time, Cancelled Time, Buyer Username … Checked Marked by",
    dates:
      "day and month as numbers, the year last, each cell ending in a tab: `31/05/2024 09:56:09` in jeffpham2906/JP-Manager, utils/ordermock.ts (a Vietnamese shop's rows: day first, 24-hour clock), `12/15/2025 9:30:33 AM` in another public importer (month first, 12-hour clock). The export does not fix the order, so each file's order is decided by a date that reads one way only (Dates and times, below)",
  },
  'amazon-order-report': {
    headers:
      'public code that reads the order report by its column names: a PHP list of the モール受注CSV（注文レポート） fields, order-id, order-item-id, purchase-date, payments-date, buyer-email, buyer-name, buyer-phone-number, sku, product-name, quantity-purchased, currency, item-price, item-tax, shipping-price … ship-country; a MySQL table with the same columns',
    dates:
      "ISO 8601 with the offset of the marketplace's clock: `2026-11-19T11:43:56-08:00` (an instant; no zone is needed)",
  },
  'aliexpress-orders': {
    headers:
      'public code (an export assistant) that writes a sample of the seller centre export with its 48 column names, 订单号, 店铺, 订单状态, 负责人（业务员）, 买家名称, 下单时间, 付款时间, 支付方式, 产品总金额, 物流费用, 订单金额, 买家实付金额 … 确认收货时间',
    dates:
      'year first, a 24-hour clock with seconds: `2026-07-14 10:00:00` (the sample row the export assistant above writes); one reading',
  },
};
