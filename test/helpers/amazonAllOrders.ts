/**
 * Amazon's All Orders report: its 29 columns as caponica/AmazonMwsComplete's
 * src/CaponicaAmazonMwsComplete/Domain/Report/ReportTrackingByOrderDateFlatFile.php (commit 832ae56)
 * lists them. The evidence the dialect's tests read, written apart from dialects.ts.
 */
export const AMAZON_ALL_ORDERS_HEADER: readonly string[] = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'order-channel',
  'url',
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
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'promotion-ids',
];
