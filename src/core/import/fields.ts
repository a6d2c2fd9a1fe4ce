/**
 * Every field the importer reads, described once per kind of record: whether the export must have it,
 * the header names it goes by, how its cell is read, what it lets the catalog compute, and its name
 * for people. The column mapper, the converters (records.ts), `availableFrom` (engine/facts.ts),
 * `cs-kpi dialects`, docs/dialects.md and the sidebar's mapping all read this table; a field is added
 * here and read in its kind's converter, nowhere else (docs/decisions.md, "Adding an import field").
 */

/** How a cell is read (records.ts's RowReader has one method for each, typed by this). */
export type Cell =
  /** A date and time in the shop's time zone (or with an offset). */
  | 'time'
  /** Text kept as written, trimmed. */
  | 'text'
  /** An identifier: ="…" and a leading tab, which exports use to keep long numbers whole, are dropped. */
  | 'id'
  /** A buyer's ID: replaced by a keyed hash when pseudonymization is on. */
  | 'buyer'
  /**
   * An amount of money, 0 or more, read only when sure (values.ts, moneyColumns.ts): currency signs and
   * thousands separators allowed, the decimal mark decided per column; empty is unknown unless `empty`.
   */
  | 'money'
  /** A whole number. */
  | 'count'
  /** Yes or no: true/false, 是/否, 1/0, Y/N. */
  | 'flag'
  /** One of the words the converter knows (买家/客服/系统, 转出/转入, 满意…). */
  | 'word'
  /** A currency: an ISO 4217 code (TWD, USD) or a sign that names one alone (NT$, RM, ฿, Rp). */
  | 'currency';

export interface FieldDescription {
  /** An export without a column for it cannot be read. */
  readonly required?: true;
  readonly cell: Cell;
  /**
   * Header names besides the field's own, by the language exports write them in (a name written the
   * same in simplified and traditional characters is listed once, under zh-CN). Matched after
   * normalizeHeader; order does not matter.
   */
  readonly headers: {
    readonly 'zh-CN': readonly string[];
    readonly 'zh-TW': readonly string[];
    readonly en: readonly string[];
  };
  /**
   * What the field, when a column is mapped to it, lets the catalog compute: the `Source` an
   * indicator's `needs` names. Without the column the indicators that need it are empty, never 0.
   */
  readonly gives?: string;
  /** The values a cell may hold, where they are a short list (the docs and `cs-kpi --help` say them). */
  readonly values?: string;
  /** What a cell left empty (or a column missing) counts as, where it is not "nothing". */
  readonly empty?: number;
  /**
   * Read only from a column a recognized export names or the user maps, never guessed from a header's
   * name: its words differ per platform, and exports read before (Olist's order_status, Shopify's
   * Financial Status) would otherwise change figures.
   */
  readonly mappedOnly?: true;
  /** The field's name for people (the sidebar's mapping, the docs). */
  readonly label: { readonly 'zh-CN': string; readonly 'zh-TW': string; readonly en: string };
}

/**
 * Fields in the order the mapper walks them: required fields first, then the optional ones, each
 * taking its column before the next may guess one.
 */
export const IMPORT_FIELDS = {
  chats: {
    time: {
      required: true,
      cell: 'time',
      headers: {
        'zh-CN': ['时间', '消息时间', '发送时间', '聊天时间'],
        'zh-TW': ['時間', '消息發送時間'],
        en: ['created_at', 'created at', 'createdat', 'timestamp', 'date', 'sent at'],
      },
      label: { 'zh-CN': '发送时间', 'zh-TW': '發送時間', en: 'Time' },
    },
    agent: {
      required: true,
      cell: 'text',
      headers: {
        'zh-CN': ['客服', '客服账号', '客服昵称', '子账号', '接待客服'],
        'zh-TW': ['客服帳號'],
        en: ['account', 'assignee', 'agent name'],
      },
      label: { 'zh-CN': '客服账号', 'zh-TW': '客服帳號', en: 'Agent' },
    },
    customer: {
      required: true,
      cell: 'buyer',
      headers: {
        'zh-CN': ['买家', '顾客', '买家昵称', '买家账号', '客户'],
        'zh-TW': ['買家', '顧客'],
        en: ['requester', 'buyer'],
      },
      label: { 'zh-CN': '买家', 'zh-TW': '買家', en: 'Customer' },
    },
    from: {
      required: true,
      cell: 'word',
      values: 'customer/agent/system, 买家/客服/系统',
      headers: {
        'zh-CN': ['发送方', '角色', '发送人角色', '方向'],
        'zh-TW': ['發送方'],
        en: ['role', 'sender', 'sender role'],
      },
      label: { 'zh-CN': '发送方', 'zh-TW': '發送方', en: 'Sender' },
    },
    text: {
      cell: 'text',
      headers: {
        'zh-CN': ['内容', '消息内容', '聊天内容', '消息'],
        'zh-TW': ['內容'],
        en: ['message', 'body', 'content'],
      },
      label: { 'zh-CN': '消息内容', 'zh-TW': '訊息內容', en: 'Message text' },
    },
    session: {
      cell: 'id',
      headers: {
        'zh-CN': ['会话id', '会话编号', '会话', '会话ID'],
        'zh-TW': ['會話'],
        en: ['conversation_id', 'conversation id', 'ticket id'],
      },
      label: { 'zh-CN': '会话ID', 'zh-TW': '會話ID', en: 'Conversation ID' },
    },
    message_id: {
      cell: 'id',
      headers: {
        'zh-CN': ['消息ID', '消息编号'],
        'zh-TW': ['訊息ID', '訊息編號', '消息編號'],
        en: ['message id', 'msg_id', 'comment id', 'tweet_id'],
      },
      label: { 'zh-CN': '消息ID', 'zh-TW': '訊息ID', en: 'Message ID' },
    },
    auto: {
      cell: 'flag',
      headers: { 'zh-CN': ['自动回复', '是否自动回复'], 'zh-TW': ['自動回覆'], en: ['is_auto'] },
      label: { 'zh-CN': '是否自动回复', 'zh-TW': '是否自動回覆', en: 'Auto reply' },
    },
    transfer: {
      cell: 'word',
      values: 'out/in, 转出/转入',
      headers: { 'zh-CN': ['转接', '转接方向'], 'zh-TW': ['轉接'], en: [] },
      label: { 'zh-CN': '转接', 'zh-TW': '轉接', en: 'Transfer' },
    },
    invite: {
      cell: 'flag',
      headers: { 'zh-CN': ['邀评', '是否邀评'], 'zh-TW': ['邀評', '是否邀評'], en: ['rating_invited'] },
      /** Whether the chat export says which messages invited a rating (邀评率). */
      gives: 'invites',
      label: { 'zh-CN': '是否邀评', 'zh-TW': '是否邀評', en: 'Rating invited' },
    },
    offline: {
      cell: 'flag',
      headers: { 'zh-CN': ['留言', '是否留言', '留言分配'], 'zh-TW': [], en: [] },
      label: { 'zh-CN': '是否留言', 'zh-TW': '是否留言', en: 'Offline message' },
    },
    no_response: {
      cell: 'flag',
      headers: {
        'zh-CN': ['无需回复', '不需要回复', '是否无需回复'],
        'zh-TW': ['無需回覆', '不需回覆', '是否無需回覆'],
        en: ['no response needed', 'no_response_needed', 'no reply needed', 'no response required'],
      },
      label: { 'zh-CN': '无需回复', 'zh-TW': '無需回覆', en: 'No response needed' },
    },
    shop: {
      // A helpdesk or multi-shop chat tool names the shop of each conversation (Zendesk: Brand).
      cell: 'text',
      headers: {
        'zh-CN': ['店铺', '店铺名称', '店铺名'],
        'zh-TW': ['店鋪', '店鋪名稱', '商店名稱'],
        en: ['brand', 'shop', 'store', 'shop name', 'store name'],
      },
      label: { 'zh-CN': '店铺', 'zh-TW': '店鋪', en: 'Shop' },
    },
  },
  orders: {
    order_id: {
      required: true,
      cell: 'id',
      headers: {
        'zh-CN': ['订单编号', '订单号', '主订单编号', '主订单号', '父订单号', '店铺订单号', '订单id'],
        'zh-TW': ['訂單編號', '訂單號'],
        en: ['order id', 'order number', 'orderid'],
      },
      label: { 'zh-CN': '订单编号', 'zh-TW': '訂單編號', en: 'Order ID' },
    },
    sub_order_id: {
      cell: 'id',
      headers: {
        'zh-CN': ['子订单编号', '子订单号', '商品订单号'],
        'zh-TW': ['子訂單編號'],
        en: ['lineitem id'],
      },
      label: { 'zh-CN': '子订单编号', 'zh-TW': '子訂單編號', en: 'Line ID' },
    },
    customer: {
      cell: 'buyer',
      headers: {
        'zh-CN': [
          '买家会员名',
          '买家昵称',
          '买家id',
          '买家账号',
          '下单帐号',
          '下单账号',
          '用户id',
          '用户昵称',
          '买家',
        ],
        'zh-TW': ['買家會員名', '買家帳號'],
        en: ['customer_id', 'customer id', 'buyer', 'buyer_id'],
      },
      /**
       * Whether the order export names each order's buyer. Without a buyer no order can be matched to
       * a chat: every figure that credits orders to agents (conversion, agents' sales…) is empty, not 0.
       */
      gives: 'orderBuyers',
      label: { 'zh-CN': '买家', 'zh-TW': '買家', en: 'Customer' },
    },
    created_at: {
      cell: 'time',
      headers: {
        'zh-CN': ['订单创建时间', '下单时间', '创建时间', '订单提交时间', '提交时间', '成交时间'],
        'zh-TW': ['訂單建立時間', '下單時間', '訂單成立日期', '訂單成立時間'],
        en: ['created at', 'order date', 'order_purchase_timestamp'],
      },
      /**
       * Whether the order export has the time each order was placed. (A cell left empty in a file that
       * has the column is an order not placed.)
       */
      gives: 'orderTimes',
      label: { 'zh-CN': '下单时间', 'zh-TW': '下單時間', en: 'Order time' },
    },
    paid_at: {
      cell: 'time',
      headers: {
        'zh-CN': ['订单付款时间', '付款时间', '支付时间', '支付完成时间', '付款确认时间', '订单支付时间'],
        'zh-TW': ['付款時間', '買家付款時間'],
        en: ['paid at', 'order_approved_at', 'payment date'],
      },
      /**
       * Whether the order export has the time each order was paid. Without it no order is known to be
       * paid: sales, the payment rate and everything built on them are empty, not 0. (An empty cell
       * is an order not paid.)
       */
      gives: 'paymentTimes',
      label: { 'zh-CN': '付款时间', 'zh-TW': '付款時間', en: 'Payment time' },
    },
    amount: {
      cell: 'money',
      headers: {
        'zh-CN': [
          '买家实际支付金额',
          '买家实付金额',
          '实付金额',
          '实付款',
          '用户实付金额(元)',
          '订单应付金额',
          '应付金额',
          '订单金额',
        ],
        'zh-TW': ['買家實際支付金額', '實付金額', '買家總支付金額'],
        en: ['total', 'paid amount'],
      },
      gives: 'amounts',
      label: { 'zh-CN': '买家实际支付金额', 'zh-TW': '買家實際支付金額', en: 'Amount paid' },
    },
    items: {
      cell: 'count',
      headers: {
        'zh-CN': ['宝贝总数量', '购买数量', '商品数量', '商品数量(件)', '订购数量', '成交数量', '数量'],
        'zh-TW': ['寶貝總數量'],
        en: ['quantity', 'lineitem quantity'],
      },
      gives: 'itemCounts',
      empty: 1,
      label: { 'zh-CN': '商品数量', 'zh-TW': '商品數量', en: 'Items' },
    },
    refund_amount: {
      cell: 'money',
      headers: { 'zh-CN': ['退款金额'], 'zh-TW': ['退款金額'], en: ['refunded amount'] },
      gives: 'refundAmounts',
      // Left empty on the orders nothing was refunded on.
      empty: 0,
      label: { 'zh-CN': '退款金额', 'zh-TW': '退款金額', en: 'Refund amount' },
    },
    cod: {
      cell: 'flag',
      headers: { 'zh-CN': ['货到付款', '是否货到付款'], 'zh-TW': ['貨到付款'], en: [] },
      label: { 'zh-CN': '是否货到付款', 'zh-TW': '是否貨到付款', en: 'Cash on delivery' },
    },
    currency: {
      cell: 'currency',
      headers: {
        'zh-CN': ['币种', '币别', '货币', '结算币种'],
        'zh-TW': ['幣別', '幣種', '貨幣'],
        en: ['currency', 'currency code'],
      },
      label: { 'zh-CN': '币种', 'zh-TW': '幣別', en: 'Currency' },
    },
    status: {
      cell: 'word',
      values:
        'paid, unpaid, cancelled, refunded, or a recognized export’s own words (see Order status words)',
      headers: { 'zh-CN': [], 'zh-TW': [], en: [] },
      mappedOnly: true,
      /**
       * Which orders are paid, in an export without payment times (Lazada, Shopee TW): an order whose
       * status says paid counts as paid when it was placed (records.ts).
       */
      gives: 'paymentTimes',
      label: { 'zh-CN': '订单状态', 'zh-TW': '訂單狀態', en: 'Order status' },
    },
    line_status: {
      cell: 'word',
      values:
        'paid, unpaid, cancelled, refunded, or a recognized export’s own words (see Order status words); only cancelled changes a figure',
      headers: { 'zh-CN': [], 'zh-TW': [], en: [] },
      mappedOnly: true,
      /**
       * Each line's own status, in an export that gives the order's status and each line's (Amazon's
       * All Orders report: order-status and item-status): a line it says cancelled adds nothing to its
       * order's sales or items, whatever the order's status (records.ts, cancelledLines).
       */
      label: { 'zh-CN': '商品行状态', 'zh-TW': '商品狀態', en: 'Line status' },
    },
  },
  ratings: {
    time: {
      required: true,
      cell: 'time',
      headers: {
        'zh-CN': ['评价时间'],
        'zh-TW': ['評價時間'],
        en: ['review_creation_date', 'rated at', 'created at'],
      },
      label: { 'zh-CN': '评价时间', 'zh-TW': '評價時間', en: 'Time' },
    },
    level: {
      required: true,
      cell: 'word',
      values: '1–5 or 非常满意…非常不满意',
      headers: {
        'zh-CN': ['评价', '评价等级', '评价结果', '满意度', '服务评价'],
        'zh-TW': ['評價', '滿意度'],
        en: ['score', 'rating', 'review_score', 'satisfaction'],
      },
      label: { 'zh-CN': '评价结果', 'zh-TW': '評價結果', en: 'Rating' },
    },
    agent: {
      cell: 'text',
      headers: { 'zh-CN': ['客服', '被评价客服', '客服账号'], 'zh-TW': ['客服帳號'], en: [] },
      label: { 'zh-CN': '客服账号', 'zh-TW': '客服帳號', en: 'Agent' },
    },
    customer: {
      cell: 'buyer',
      headers: { 'zh-CN': ['买家', '买家昵称'], 'zh-TW': ['買家'], en: ['buyer'] },
      label: { 'zh-CN': '买家', 'zh-TW': '買家', en: 'Customer' },
    },
    rating_id: {
      cell: 'id',
      headers: { 'zh-CN': ['评价id', '评价编号'], 'zh-TW': [], en: ['review_id'] },
      label: { 'zh-CN': '评价编号', 'zh-TW': '評價編號', en: 'Rating ID' },
    },
    order_id: {
      cell: 'id',
      headers: { 'zh-CN': ['订单编号', '订单号'], 'zh-TW': [], en: [] },
      label: { 'zh-CN': '订单编号', 'zh-TW': '訂單編號', en: 'Order ID' },
    },
  },
  refunds: {
    order_id: {
      required: true,
      cell: 'id',
      headers: { 'zh-CN': ['订单编号', '订单号'], 'zh-TW': ['訂單編號'], en: [] },
      label: { 'zh-CN': '订单编号', 'zh-TW': '訂單編號', en: 'Order ID' },
    },
    applied_at: {
      required: true,
      cell: 'time',
      headers: {
        'zh-CN': ['退款申请时间', '退款的申请时间', '申请时间', '买家申请退款时间'],
        'zh-TW': ['退款申請時間'],
        en: [],
      },
      label: { 'zh-CN': '退款申请时间', 'zh-TW': '退款申請時間', en: 'Requested at' },
    },
    completed_at: {
      cell: 'time',
      headers: {
        'zh-CN': ['退款完结时间', '退款完成时间', '完结时间'],
        'zh-TW': ['退款完結時間'],
        en: [],
      },
      label: { 'zh-CN': '退款完结时间', 'zh-TW': '退款完結時間', en: 'Completed at' },
    },
    completed_by: {
      cell: 'word',
      values: 'shop/platform/buyer, 商家/平台/买家',
      headers: { 'zh-CN': ['完结方', '完结方式'], 'zh-TW': [], en: [] },
      /**
       * Whether the refund export says who completed each refund (shop, platform, buyer): without the
       * column, 退款自主完结率 is empty rather than 0.
       */
      gives: 'refundCompleters',
      label: { 'zh-CN': '完结方', 'zh-TW': '完結方', en: 'Completed by' },
    },
    dispute: {
      cell: 'flag',
      headers: { 'zh-CN': ['是否纠纷', '纠纷', '是否小二介入', '小二是否介入'], 'zh-TW': [], en: [] },
      /** Whether the refund export says which refunds were disputed: without it 退款纠纷率 is empty. */
      gives: 'disputeFlags',
      label: { 'zh-CN': '是否纠纷', 'zh-TW': '是否糾紛', en: 'Disputed' },
    },
    agent: {
      cell: 'text',
      headers: { 'zh-CN': ['处理人', '客服', '处理客服'], 'zh-TW': [], en: [] },
      label: { 'zh-CN': '处理客服', 'zh-TW': '處理客服', en: 'Agent' },
    },
  },
  complaints: {
    time: {
      required: true,
      cell: 'time',
      headers: { 'zh-CN': ['投诉时间'], 'zh-TW': ['投訴時間'], en: [] },
      label: { 'zh-CN': '投诉时间', 'zh-TW': '投訴時間', en: 'Time' },
    },
    agent: {
      cell: 'text',
      headers: { 'zh-CN': ['被投诉客服', '客服'], 'zh-TW': [], en: [] },
      label: { 'zh-CN': '被投诉客服', 'zh-TW': '被投訴客服', en: 'Agent' },
    },
  },
  online: {
    agent: {
      required: true,
      cell: 'text',
      headers: { 'zh-CN': ['客服', '客服账号'], 'zh-TW': [], en: [] },
      label: { 'zh-CN': '客服账号', 'zh-TW': '客服帳號', en: 'Agent' },
    },
    start: {
      required: true,
      cell: 'time',
      headers: { 'zh-CN': ['上线时间', '开始时间', '登录时间'], 'zh-TW': [], en: [] },
      label: { 'zh-CN': '上线时间', 'zh-TW': '上線時間', en: 'Online from' },
    },
    end: {
      required: true,
      cell: 'time',
      headers: { 'zh-CN': ['下线时间', '结束时间', '退出时间'], 'zh-TW': [], en: [] },
      label: { 'zh-CN': '下线时间', 'zh-TW': '下線時間', en: 'Online until' },
    },
  },
  issues: {
    time: {
      required: true,
      cell: 'time',
      headers: { 'zh-CN': [], 'zh-TW': [], en: ['opened', 'created', 'case opened'] },
      label: { 'zh-CN': '创建时间', 'zh-TW': '建立時間', en: 'Opened' },
    },
    agent: {
      required: true,
      cell: 'text',
      headers: { 'zh-CN': ['处理人'], 'zh-TW': [], en: ['assignee'] },
      label: { 'zh-CN': '处理人', 'zh-TW': '處理人', en: 'Agent' },
    },
    resolved: {
      required: true,
      cell: 'flag',
      headers: { 'zh-CN': ['已解决', '是否解决'], 'zh-TW': [], en: ['is resolved'] },
      label: { 'zh-CN': '是否解决', 'zh-TW': '是否解決', en: 'Resolved' },
    },
  },
} as const satisfies Record<string, Record<string, FieldDescription>>;

/**
 * Optional fields of which an export must have at least one: an order export that says neither when
 * an order was placed nor when it was paid cannot be read.
 */
export const ONE_OF: { readonly [K in Kind]?: readonly (readonly FieldOf<K>[])[] } = {
  orders: [['created_at', 'paid_at']],
};

type Described = typeof IMPORT_FIELDS;

/** The kinds of export the engine reads. */
export type Kind = keyof Described;

export const KINDS = Object.keys(IMPORT_FIELDS) as readonly Kind[];

/** The fields of one kind of export. */
export type FieldOf<K extends Kind> = keyof Described[K] & string;

/** The fields of a kind whose cells are read as `cell`. */
export type FieldReadAs<K extends Kind, C extends Cell> = {
  [F in FieldOf<K>]: Described[K][F] extends { readonly cell: C } ? F : never;
}[FieldOf<K>];

/** What a mapped field can give the catalog (see FieldDescription.gives). */
export type Given = {
  [K in Kind]: {
    [F in FieldOf<K>]: Described[K][F] extends { readonly gives: infer G } ? G : never;
  }[FieldOf<K>];
}[Kind];

/** One field of a kind, with its name. */
export type NamedField = FieldDescription & { readonly name: string };

const named = new Map<Kind, readonly NamedField[]>();

/** A kind's fields in the mapper's order, required ones first. */
export function fieldsOf(kind: Kind): readonly NamedField[] {
  let fields = named.get(kind);
  if (!fields) {
    const described = IMPORT_FIELDS[kind] as Record<string, FieldDescription>;
    fields = Object.entries(described).map(([name, field]) => ({ name, ...field }));
    named.set(kind, fields);
  }
  return fields;
}

/** The fields of one kind, or of any kind: what `--map FIELD=COLUMN` may name. */
export function fieldNames(kind?: Kind): string[] {
  const names = (kind ? [kind] : KINDS).flatMap((k) => fieldsOf(k).map((field) => field.name));
  return [...new Set(names)];
}

/** A field's name for people, in `language` (the field's own name when the kind has no such field). */
export function fieldLabel(kind: Kind, name: string, language: keyof FieldDescription['label']): string {
  return fieldsOf(kind).find((field) => field.name === name)?.label[language] ?? name;
}

/** Every header name a field goes by, its own name first. */
export function headerNames(field: NamedField): string[] {
  const { headers } = field;
  return [field.name, ...headers['zh-CN'], ...headers['zh-TW'], ...headers.en];
}
