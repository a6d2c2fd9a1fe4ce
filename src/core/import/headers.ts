/** Trimmed, lower case, no spaces, full-width brackets and colons made ASCII: "订单付款时间 " = "订单付款时间". */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[：]/g, ':')
    .replace(/[\s_]+/g, '');
}

/**
 * Columns with the receiver's name, phone or address: never read, so they are never carried past
 * import (the engine needs none of them).
 */
export const PRIVATE_HEADERS: readonly string[] = [
  '收货人',
  '收货人姓名',
  '收件人',
  '收件人姓名',
  '收货人手机',
  '收货人电话',
  '收件人手机号',
  '收件人电话',
  '联系电话',
  '联系手机',
  '手机',
  '手机号',
  '电话',
  '收货地址',
  '详细地址',
  // The Kuaishou order export splits the address, and has the buyer's real name.
  '收货地址-省',
  '收货地址-市',
  '收货地址-区',
  '收货地址-街道',
  '实名姓名',
  '收件地址',
  '客户地址',
  '客户姓名',
  '身份证姓名',
  '省',
  '市',
  '区',
  '街道',
  '收貨人',
  '收貨地址',
  '聯絡電話',
  'receiver',
  'receiver name',
  'phone',
  'mobile',
  'address',
  'shipping name',
  'shipping address1',
  'shipping address2',
  'shipping street',
  'shipping phone',
  'billing name',
  'billing address1',
  'billing address2',
  'billing street',
  'billing phone',
  'phone number',
  // The cross-border exports (dialects.ts): Shopee, TikTok Shop, Lazada, Amazon, AliExpress.
  'delivery address',
  'recipient',
  'phone #',
  'detail address',
  'shippingAddress',
  'shippingPhone',
  'buyer-phone-number',
  'recipient-name',
  'ship-address-1',
  'ship-address-2',
  'ship-address-3',
  '收件者姓名',
  '收件者電話',
  '收件人名称',
  '完整收货地址',
  '收件者姓名 (單)',
  '收件者電話 (單)',
  '收件地址 (單)',
].map(normalizeHeader);

const PRIVATE = new Set(PRIVATE_HEADERS);

export function isPrivateHeader(header: string): boolean {
  return PRIVATE.has(normalizeHeader(header));
}
