/** The records the engine works on (SPEC §1). Times are epoch milliseconds. */

export type Sender = 'customer' | 'agent' | 'system';

export interface Message {
  time: number;
  /** 客服账号, e.g. 店铺名:小美 */
  agent: string;
  customer: string;
  from: Sender;
  text: string;
  /** The export's own conversation ID, when it has one. */
  session: string | null;
  /** An auto-reply or bot message; never counts as a reply. */
  auto: boolean;
  /** 转接: this message moved the customer to (out) or from (in) another account. */
  transfer: 'in' | 'out' | null;
  /** 邀评: the agent invited a rating. */
  invite: boolean;
  /** 留言: left while no agent was online, assigned later. */
  offline: boolean;
  /** The row of the export it came from, so any figure can be traced back to it. */
  row?: number;
}

export interface Order {
  orderId: string;
  /** null when the export has no customer column: each order then counts as its own buyer. */
  customer: string | null;
  createdAt: number | null;
  paidAt: number | null;
  /** 买家实际支付金额 */
  amount: number;
  items: number;
  status: string;
  /** 货到付款 */
  cod: boolean;
  refundAmount: number;
  row?: number;
}

export interface Rating {
  time: number;
  agent: string;
  customer: string;
  /** 1 (非常不满意) to 5 (非常满意). */
  level: number;
  row?: number;
}

export interface Dataset {
  messages: Message[];
  orders: Order[];
  ratings: Rating[];
}
