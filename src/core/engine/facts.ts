import { IdSet } from './idSet';

/**
 * The counts and sums behind every indicator of one row (an agent, the team or the shop, in one
 * period). Indicators are computed from these, never from other indicators, so team figures come
 * from the underlying rows rather than from averaged averages.
 */
export class Facts {
  consultations = 0;
  receptions = 0;
  /** Consultations the service rates count (transfers out and offline assignments left out). */
  rated = 0;
  ratedReplied = 0;
  /** Rated consultations inside the assessment hours: the time-based rates count these. */
  timed = 0;
  fast = 0;
  firstResponses: number[] = [];
  responseGaps: number[] = [];
  unansweredRounds = 0;
  agentMessages = 0;
  customerMessages = 0;
  invited = 0;
  ratings = 0;
  satisfied = 0;
  dsrSum = 0;
  dsrCount = 0;
  /** Customers by their number in the report (see Interner): only how many counts. */
  inquirers = new IdSet();
  converted = new IdSet();
  orderedCustomers = new IdSet();
  placedOrders = 0;
  paidPlacedOrders = 0;
  sales = 0;
  buyers = new IdSet();
  orders = 0;
  items = 0;
  assistOrders = 0;
  assistSales = 0;
  /** The team's attributed sales, for an agent's share. */
  teamSales: number | null = null;
  /** The team's receptions and the agents who had consultations, for an agent's reception share. */
  teamReceptions = 0;
  headcount = 0;
  /** Everything paid in the shop, for the silent remainder. */
  shopSales: number | null = null;
  paidForRefund = 0;
  refundedPaid = 0;
  disputes = 0;
  complaints = 0;
  refundsCompleted = 0;
  refundsCompletedByShop = 0;
  /** Hours from request to completion of each completed refund. */
  refundHours: number[] = [];
  onlineHours = 0;
  onlineAccounts = new Set<string>();
  issues = 0;
  issuesResolved = 0;

  /** The shop's conversations are the team's: share the counts instead of adding every one twice. */
  adoptConsultations(team: Facts): void {
    this.consultations = team.consultations;
    this.receptions = team.receptions;
    this.rated = team.rated;
    this.ratedReplied = team.ratedReplied;
    this.timed = team.timed;
    this.fast = team.fast;
    this.firstResponses = team.firstResponses;
    this.responseGaps = team.responseGaps;
    this.unansweredRounds = team.unansweredRounds;
    this.agentMessages = team.agentMessages;
    this.customerMessages = team.customerMessages;
    this.invited = team.invited;
    this.inquirers = team.inquirers;
    this.converted = team.converted;
    this.orderedCustomers = team.orderedCustomers;
  }
}

/** Which inputs were given: an indicator whose input is missing is empty, not 0. */
export interface Available {
  chats: boolean;
  orders: boolean;
  ratings: boolean;
  refunds: boolean;
  complaints: boolean;
  online: boolean;
  issues: boolean;
  /** Whether the chat export says which messages invited a rating (邀评). */
  invites: boolean;
  /** Columns an order export may lack: without them the figures built on them are empty. */
  amounts: boolean;
  itemCounts: boolean;
  refundAmounts: boolean;
  /**
   * Whether the order export names each order's buyer. Without a buyer no order can be matched to a
   * chat: every figure that credits orders to agents (conversion, agents' sales…) is empty, not 0.
   */
  orderBuyers: boolean;
  /**
   * Whether the order export has a time the order was placed, and a time it was paid. Without the
   * payment time no order is known to be paid: sales, the payment rate and everything built on them
   * are empty, not 0. (Cells left empty in a file that has the column are orders not placed or not paid.)
   */
  orderTimes: boolean;
  paymentTimes: boolean;
  /**
   * Whether the refund export says who completed each refund (shop, platform, buyer) and whether it was
   * disputed: without the column, 退款自主完结率 or 退款纠纷率 is empty rather than 0.
   */
  refundCompleters: boolean;
  disputeFlags: boolean;
}

/**
 * What an indicator may need: the inputs given, and the times the attribution basis reads (the order's
 * placing under `ordered`, its payment under `paid`, both under `paid-same-day`), worked out from the
 * settings by the report.
 */
export type Source = keyof Available | 'attributionTimes';

/** The fields mapped in each kind of export given; a kind not given is absent (or null). */
export type MappedFields = Partial<
  Record<
    'chats' | 'orders' | 'ratings' | 'refunds' | 'complaints' | 'online' | 'issues',
    ReadonlySet<string> | null
  >
>;

/**
 * What was given, from the fields each export mapped: the one place that says which column each
 * optional figure rests on (the command line, the sidebar and CS_INDICATORS all ask it).
 */
export function availableFrom(mapped: MappedFields): Available {
  const given = (fields: ReadonlySet<string> | null | undefined) => fields !== undefined && fields !== null;
  const { chats, orders } = mapped;
  return {
    chats: given(chats),
    orders: given(orders),
    ratings: given(mapped.ratings),
    refunds: given(mapped.refunds),
    complaints: given(mapped.complaints),
    online: given(mapped.online),
    issues: given(mapped.issues),
    invites: chats?.has('invite') ?? false,
    amounts: orders?.has('amount') ?? false,
    itemCounts: orders?.has('items') ?? false,
    refundAmounts: orders?.has('refund_amount') ?? false,
    orderBuyers: orders?.has('customer') ?? false,
    orderTimes: orders?.has('created_at') ?? false,
    paymentTimes: orders?.has('paid_at') ?? false,
    refundCompleters: mapped.refunds?.has('completed_by') ?? false,
    disputeFlags: mapped.refunds?.has('dispute') ?? false,
  };
}

export const NOTHING_AVAILABLE: Available = {
  invites: false,
  amounts: false,
  itemCounts: false,
  refundAmounts: false,
  orderBuyers: false,
  orderTimes: false,
  paymentTimes: false,
  refundCompleters: false,
  disputeFlags: false,
  chats: false,
  orders: false,
  ratings: false,
  refunds: false,
  complaints: false,
  online: false,
  issues: false,
};
