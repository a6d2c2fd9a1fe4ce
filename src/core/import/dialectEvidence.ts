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
      'm2131/xiaordermanage, app/controller/shopee/order.js (commit 9089122, 2020): an upload controller that reads the English export (Malaysia, the Philippines) by its 45 column names, Order ID, Order Status, Tracking Number* … Order Creation Date, Order Paid Time … Grand Total, Estimated Shipping Fee, Username (Buyer) … Zip Code; the same names in other public importers of Shopee exports',
    dates:
      "year first, a 24-hour clock: `2020-11-13 00:05`. A public cleaner of Philippine shops' exports reads Order Creation Date with the pattern `%Y-%m-%d %H:%M` (the search did not name its repository). One reading",
  },
  'shopee-tw-orders': {
    headers:
      'a public React profit dashboard for Taiwanese shops (the search did not name its repository) that reads the report by its column names: 訂單編號, 訂單成立日期, 訂單狀態, 退貨 / 退款狀態, 商品總價, 買家總支付金額, 蝦幣折抵, 蝦皮補貼金額, 蝦皮補助運費, 賣場優惠券, 優惠券, 賣家蝦幣回饋券, 成交手續費, 其他服務費, 金流與系統處理費, 商品名稱, 商品選項名稱, 商品ID, 規格ID, 數量, 商品活動價格',
    dates:
      'year first: `2025-11-13 12:05` (the dashboard normalizes 訂單成立日期 written `2026/1/5` or `2026-1-5`, with or without a time, and takes the year from its first four characters). One reading',
  },
  'shopee-tw-orders-2020': {
    headers:
      'm2131/xiaordermanage, app/controller/shopee/order.js (commit 9089122, 2020): the same controller reads the Taiwanese export by its 33 column names, 訂單編號 (單), 訂單狀態 (單), 取消原因, 買家帳號 (單), 訂單成立時間 (單), 訂單小計 (單) … 訂單總金額 (單) … 數量 … 付款方式 (單), 買家付款時間 (單)',
    dates:
      "no public file seen shows a cell of 訂單成立時間 (單): read as any export's dates are (Dates and times, below)",
  },
  'lazada-orders': {
    headers:
      'plurantee/posms, src/main/java/com/flogramming/service/ExcelFileService.java: a Java importer that reads the seller centre export by its 77 camelCase column names, orderItemId, orderType, Guarantee … createTime, updateTime … orderNumber … customerName … paidPrice, unitPrice, sellerDiscountTotal … status … refundAmount (row.get("paidPrice") and the like); the same names in a Python cleaner and a pandas report',
    dates:
      "day, the month's English abbreviation, year, a 24-hour clock: `04 Jul 2022 11:46`, in a comment of the importer above, which reads createTime with `dd MMM yyyy HH:mm`; a Thai shop's script reads it with `%d %b %Y %H:%M`, then `%d %B %Y %H:%M`. The month is a name: one reading",
  },
  'tiktok-shop-orders': {
    headers:
      "jeffpham2906/JP-Manager, server/types/order.d.ts: a type naming the export's 54 columns, Order ID, Order Status, Order Substatus, Cancelation/Return Type … SKU ID … Quantity … Order Amount, Order Refund Amount, Created Time, Paid Time … Cancelled Time … Buyer Username … Checked Marked by. Under the header, the export writes a row describing each column in words: public importers skip it by its Order ID, `Platform unique order ID.`, and one notes that Thailand's export writes it in Thai (the search named none of their repositories)",
    dates:
      "day and month as numbers with the year last, each cell ending in a tab. Day first in Vietnam: `31/05/2024 09:56:09` in jeffpham2906/JP-Manager, utils/ordermock.ts, and motcapbovit/Abbott-Cleanning-Data, views/DataCleaning.py reads Created Time with `%d/%m/%Y %H:%M:%S`. Month first with a 12-hour clock elsewhere: a public cleaner of Philippine shops' exports reads it with `%m/%d/%Y %I:%M:%S %p`, another importer documents `12/15/2025 9:30:33 AM` (the search named neither repository). The export does not fix the order: each file settles it (Dates and times, below)",
  },
  'amazon-order-report': {
    headers:
      'brummett/SimpleInventory, t/commands/import_amazon_orders.t: a test that imports the order report, its 29 column names order-id, order-item-id, purchase-date, payments-date, buyer-email, buyer-name, buyer-phone-number, sku, product-name, quantity-purchased, currency, item-price, item-tax, shipping-price, shipping-tax, ship-service-level, recipient-name … delivery-Instructions, tab-separated; the same names in a PHP list of the モール受注CSV（注文レポート） fields and a MySQL table',
    dates:
      "ISO 8601 with the offset of the marketplace's clock: `2009-01-01T10:50:49-08:00` in the test above. An instant: the file's zone does not move it",
  },
  'aliexpress-orders': {
    headers:
      'a public export assistant (the search did not name its repository) that writes a sample of the seller centre export with its 48 column names, 订单号, 店铺, 订单状态, 负责人（业务员）, 买家名称, 下单时间, 付款时间, 支付方式, 供货价, 产品总金额, 物流费用 … 订单金额, 买家实付金额 … 发货时间, 确认收货时间 … 标题',
    dates:
      'year first, a 24-hour clock with seconds: `2026-07-14 10:00:00` in the sample row the assistant writes. One reading',
  },
};
