import type { Kind } from './records';

/**
 * The header names each field goes by in exports (zh-CN, zh-TW, en), normalized with normalizeHeader.
 * Automatic mapping looks a field up here when the recognized dialect does not name its column.
 */

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

type Synonyms = Record<string, readonly string[]>;

export const HEADER_SYNONYMS: Record<Kind, Synonyms> = {
  chats: {
    time: [
      'time',
      '时间',
      '時間',
      '消息时间',
      '发送时间',
      '聊天时间',
      '消息發送時間',
      'created_at',
      'created at',
      'createdat',
      'timestamp',
      'date',
      'sent at',
    ],
    agent: [
      'agent',
      'account',
      '客服',
      '客服账号',
      '客服帳號',
      '客服昵称',
      '子账号',
      '接待客服',
      'assignee',
      'agent name',
    ],
    customer: [
      'customer',
      '买家',
      '買家',
      '顾客',
      '顧客',
      '买家昵称',
      '买家账号',
      '客户',
      'requester',
      'buyer',
    ],
    from: ['from', 'role', 'sender', 'sender role', '发送方', '發送方', '角色', '发送人角色', '方向'],
    text: ['text', 'message', 'body', 'content', '内容', '內容', '消息内容', '聊天内容', '消息'],
    session: [
      'session',
      'conversation_id',
      'conversation id',
      'ticket id',
      '会话id',
      '会话编号',
      '会话',
      '會話',
      '会话ID',
    ],
    auto: ['auto', 'is_auto', '自动回复', '是否自动回复', '自動回覆'],
    transfer: ['transfer', '转接', '转接方向', '轉接'],
    invite: ['invite', 'rating_invited', '邀评', '是否邀评', '邀評'],
    offline: ['offline', '留言', '是否留言', '留言分配'],
  },
  orders: {
    order_id: [
      'order_id',
      'order id',
      'order number',
      'orderid',
      '订单编号',
      '订单号',
      '訂單編號',
      '訂單號',
      '主订单编号',
      '主订单号',
      '父订单号',
      '店铺订单号',
      '订单id',
    ],
    sub_order_id: ['sub_order_id', '子订单编号', '子订单号', '子訂單編號', '商品订单号', 'lineitem id'],
    customer: [
      'customer',
      'customer_id',
      'customer id',
      'buyer',
      'buyer_id',
      '买家会员名',
      '買家會員名',
      '买家昵称',
      '买家id',
      '买家账号',
      '下单帐号',
      '下单账号',
      '用户id',
      '用户昵称',
      '买家',
    ],
    created_at: [
      'created_at',
      'created at',
      'order date',
      'order_purchase_timestamp',
      '订单创建时间',
      '訂單建立時間',
      '下单时间',
      '下單時間',
      '创建时间',
      '订单提交时间',
      '提交时间',
      '成交时间',
    ],
    paid_at: [
      'paid_at',
      'paid at',
      'order_approved_at',
      'payment date',
      '订单付款时间',
      '付款时间',
      '付款時間',
      '支付时间',
      '支付完成时间',
      '付款确认时间',
      '订单支付时间',
    ],
    amount: [
      'amount',
      'total',
      'paid amount',
      '买家实际支付金额',
      '買家實際支付金額',
      '买家实付金额',
      '实付金额',
      '實付金額',
      '实付款',
      '用户实付金额(元)',
      '订单应付金额',
      '应付金额',
      '订单金额',
    ],
    items: [
      'items',
      'quantity',
      'lineitem quantity',
      '宝贝总数量',
      '寶貝總數量',
      '购买数量',
      '商品数量',
      '商品数量(件)',
      '订购数量',
      '成交数量',
      '数量',
    ],
    status: ['status', 'order_status', 'financial status', '订单状态', '訂單狀態', '交易状态'],
    refund_amount: ['refund_amount', 'refunded amount', '退款金额', '退款金額'],
    cod: ['cod', '货到付款', '是否货到付款', '貨到付款'],
  },
  ratings: {
    time: ['time', '评价时间', '評價時間', 'review_creation_date', 'rated at', 'created at'],
    agent: ['agent', '客服', '被评价客服', '客服账号', '客服帳號'],
    customer: ['customer', '买家', '买家昵称', '買家', 'buyer'],
    level: [
      'level',
      'score',
      'rating',
      'review_score',
      'satisfaction',
      '评价',
      '评价等级',
      '评价结果',
      '满意度',
      '服务评价',
      '評價',
      '滿意度',
    ],
    rating_id: ['rating_id', 'review_id', '评价id', '评价编号'],
    order_id: ['order_id', '订单编号', '订单号'],
  },
  refunds: {
    order_id: ['order_id', '订单编号', '订单号', '訂單編號'],
    applied_at: ['applied_at', '退款申请时间', '申请时间', '买家申请退款时间', '退款申請時間'],
    completed_at: ['completed_at', '退款完结时间', '退款完成时间', '完结时间', '退款完結時間'],
    completed_by: ['completed_by', '完结方', '完结方式'],
    dispute: ['dispute', '是否纠纷', '纠纷', '是否小二介入', '小二是否介入'],
    agent: ['agent', '处理人', '客服', '处理客服'],
  },
  complaints: {
    time: ['time', '投诉时间', '投訴時間'],
    agent: ['agent', '被投诉客服', '客服'],
    customer: ['customer', '投诉人', '买家'],
  },
  online: {
    agent: ['agent', '客服', '客服账号'],
    start: ['start', '上线时间', '开始时间', '登录时间'],
    end: ['end', '下线时间', '结束时间', '退出时间'],
  },
  issues: {
    time: ['time', 'opened', 'created', 'case opened'],
    agent: ['agent', 'assignee', '处理人'],
    resolved: ['resolved', 'is resolved', '已解决', '是否解决'],
  },
};

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
].map(normalizeHeader);

const PRIVATE = new Set(PRIVATE_HEADERS);

export function isPrivateHeader(header: string): boolean {
  return PRIVATE.has(normalizeHeader(header));
}
