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
      'bruce-yang-422/shopee_orders_etl, scripts/config.py (commit 35f354d): the column map of an ETL that reads the report (`*_Order.all.*.xlsx`, scripts/order_processing_script.py, every cell as text) by its 53 column names in their order, 訂單編號, 訂單狀態, 不成立原因, 退貨 / 退款狀態, 買家帳號, 訂單成立日期, 商品總價 … 買家總支付金額 … 商品名稱, 商品選項名稱 … 數量 … 付款方式, 最晚出貨日期, 包裹查詢號碼, 買家付款時間, 實際出貨時間, 訂單完成時間, 買家備註, 備註; the same names in bruce-yang-422/ec-data-pipeline, config/shopee_fields_mapping.json, whose two longest (收件者電話, 蝦皮專線和包裹查詢碼) carry a line break and a sentence in parentheses. A public React profit dashboard for Taiwanese shops (the search did not name its repository) reads 21 of them, without 買家帳號 and 買家付款時間: a file without them counts an order whose status says paid as paid when placed. The ETL treats `-` in its time columns as empty: such a cell is refused here as no date (Dates and times, below)',
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
  'amazon-all-orders': {
    headers:
      "caponica/AmazonMwsComplete, src/CaponicaAmazonMwsComplete/Domain/Report/ReportTrackingByOrderDateFlatFile.php (commit 832ae56): a PHP client's class for the report, its expected tab-separated header of 29 names, amazon-order-id, merchant-order-id, purchase-date, last-updated-date, order-status, fulfillment-channel, sales-channel, order-channel, url, ship-service-level, product-name, sku, asin, item-status, quantity, currency, item-price, item-tax, shipping-price, shipping-tax, gift-wrap-price, gift-wrap-tax, item-promotion-discount, ship-promotion-discount, ship-city, ship-state, ship-postal-code, ship-country, promotion-ids; 33 at commit 4778e67 (is-business-order, purchase-order-number, price-designation, is-sold-by-ab added), and 32 in ReportFbaSalesAllByLastUpdateFlatFile.php, the FBA variant. No buyer and no payment date in any. A Scala CSV test (the search did not name its repository) parses a scrubbed row of the 32 columns from Amazon.it whose order-status is Shipped and item-status Cancelled at 89.95 EUR: a cancelled item of a shipped order. Status words: Amazon's Orders API reference, as public clients copy it, says Pending is an order placed whose payment is not yet authorized (its prices not yet given) and Unshipped one whose payment is; the Status column of a public Amazon India sales dataset taken from this report (Order ID, Date, Status, Fulfilment, Sales Channel, ship-service-level … promotion-ids) holds Pending, Pending - Waiting for Pick Up, Shipping, Shipped, Shipped - Delivered to Buyer, Shipped - Picked Up, Shipped - Out for Delivery, Shipped - Returned to Seller, Shipped - Returning to Seller, Shipped - Rejected by Buyer, Shipped - Lost in Transit, Shipped - Damaged and Cancelled. Those whose money is not said by their words (Pending - Waiting for Pick Up, Shipped - Returning to Seller, Shipped - Lost in Transit, Shipped - Damaged) are not known words: their rows are refused, never guessed",
    dates:
      "ISO 8601 with an offset: `2017-06-17T08:04:21+00:00` in the Scala test above. An instant: the file's zone does not move it",
  },
  'aliexpress-orders': {
    headers:
      "a public export assistant (the search did not name its repository) that writes a sample of the seller centre export with its 48 column names, 订单号, 店铺, 订单状态, 负责人（业务员）, 买家名称, 下单时间, 付款时间, 支付方式, 供货价, 产品总金额, 物流费用 … 订单金额, 买家实付金额 … 发货时间, 确认收货时间 … 标题. Searched again for a named repository (find_string on 负责人（业务员） and on the assistant's list of names, code search for 速卖通 订单导出 with 买家实付金额, English AliExpress seller order exports): the list is found only in that file, whose repository the tools do not name; the other public readers of AliExpress seller exports seen (a PHP ERP's 速卖通订单导入) read cells by column letter, naming no header (its dates have dots between year, month and day, which it turns into dashes)",
    dates:
      'year first, a 24-hour clock with seconds: `2026-07-14 10:00:00` in the sample row the assistant writes. One reading',
  },
};
