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
  /**
   * Marked as needing no response (Amazon's "no response needed"): platform_response_rate leaves it
   * out. Set only when marked.
   */
  noResponse?: boolean;
  /** The export's own ID for the message, when it has one: a repeated ID is a repeated message. */
  messageId?: string;
  /**
   * A fingerprint of the cells of its row that no field reads: with the fields, what tells a row
   * repeated (a duplicate) from another message at the same second. null when the row cannot be told
   * from another message by its cells (a message whose text is empty, such as a picture: two sent in
   * one second look alike), so it is never a duplicate. Absent (as 0) on messages not read from a file.
   */
  rowPrint?: number | null;
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
  /** 货到付款 */
  cod: boolean;
  refundAmount: number;
  /** The zone its export was read in, where not the report's (a shop in another market): its days follow it. */
  zone?: string;
  /** The export's status says the order was refunded (counted as refunded whatever its refund amount). */
  refunded?: boolean;
  /**
   * The amounts' currency (ISO 4217), from a currency column, the amount's sign or the export's market;
   * absent when nothing says. Amounts of different currencies are never added (docs/decisions.md).
   */
  currency?: string;
  /**
   * What lines whose own status says cancelled add to amount and items, in an export whose amounts
   * are per line (Lazada cancels one item of an order and ships the rest) or that gives each line's
   * status (Amazon's All Orders report: item-status): never paid, so left out of its sales
   * (report.ts withoutCancelledLines); an order whose every line is cancelled is no sale.
   */
  cancelledLines?: { amount: number; items: number };
  row?: number;
}

export interface Rating {
  time: number;
  /** null when the rating is of the shop (e.g. a product review export): shop totals only. */
  agent: string | null;
  customer: string;
  /** 1 (非常不满意) to 5 (非常满意). */
  level: number;
  /** The export's own ID for the rating (review_id, with the order it rates), when it has one. */
  id?: string;
  /** The zone its export was read in, where not the report's (a shop in another market): its days follow it. */
  zone?: string;
  row?: number;
}

/** A refund request (退款), as the platform's refund export lists it. */
export interface Refund {
  orderId: string;
  /** The agent who handled it, when the export says. */
  agent: string | null;
  appliedAt: number;
  completedAt: number | null;
  /** Who closed it: the shop itself (自主完结), the platform (小二介入) or the buyer (撤销). */
  completedBy: 'shop' | 'platform' | 'buyer' | null;
  /** 退款纠纷: the buyer escalated it to the platform. */
  dispute: boolean;
  /** The zone its export was read in, where not the report's (a shop in another market): its days follow it. */
  zone?: string;
  row?: number;
}

/** A complaint (投诉) about the shop or one of its agents. */
export interface Complaint {
  time: number;
  agent: string | null;
  /** The zone its export was read in, where not the report's (a shop in another market): its days follow it. */
  zone?: string;
  row?: number;
}

/** A span an agent account was online (在线), from the platform's attendance export. */
export interface OnlineSpan {
  agent: string;
  start: number;
  end: number;
  /** The zone its export was read in, where not the report's (a shop in another market): its days follow it. */
  zone?: string;
  row?: number;
}

/** A customer issue (eBay cases and the like) and whether it was resolved. */
export interface Issue {
  time: number;
  agent: string;
  resolved: boolean;
  /** The zone its export was read in, where not the report's (a shop in another market): its days follow it. */
  zone?: string;
  row?: number;
}
