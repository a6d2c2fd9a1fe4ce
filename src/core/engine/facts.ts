import { fieldsOf, type Given, KINDS, type Kind } from '../import/fields';
import { IdSet } from './idSet';

/**
 * The facts of the consultations of one row: the shop's are the team's (every consultation has an
 * agent), so the shop row holds the team's object itself, not a copy (Facts.adoptConsultations).
 * A consultation fact belongs here, where the shop row cannot miss it.
 */
export class ChatFacts {
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
  /** After-sales consultations (afterSalesChats.ts): counted here, not among the inquirers. */
  afterSales = 0;
  /** Customers by their number in the report (see Interner): only how many counts. */
  inquirers = new IdSet();
  converted = new IdSet();
  orderedCustomers = new IdSet();
}

/**
 * The counts and sums behind every indicator of one row (an agent, the team or the shop, in one
 * period). Indicators are computed from these, never from other indicators, so team figures come
 * from the underlying rows rather than from averaged averages.
 */
export class Facts {
  /** What the consultations give (shared by the shop row with the team's). */
  chats = new ChatFacts();
  ratings = 0;
  satisfied = 0;
  dsrSum = 0;
  dsrCount = 0;
  placedOrders = 0;
  paidPlacedOrders = 0;
  sales = 0;
  /** Buyers by their number in the report (see Interner): only how many counts. */
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
  /** Whole milliseconds online, summed exactly; onlineHours is them in hours, divided once (as SQL does). */
  onlineMs = 0;
  onlineHours = 0;
  onlineAccounts = new Set<string>();
  issues = 0;
  issuesResolved = 0;
  /**
   * What the platform setting's response rule gives this row (platformFacts.ts, PlatformFigures): the
   * cases of its window, those answered in time, the rate as the platform computes it (null: no case,
   * or no platform), and the hours to the answer of each case the platform averages.
   */
  platformCases = 0;
  platformOnTime = 0;
  platformRate: number | null = null;
  platformResponseHours: number[] = [];

  /** The shop's conversations are the team's: share them instead of adding every one twice. */
  adoptConsultations(team: Facts): void {
    this.chats = team.chats;
  }
}

/**
 * Which inputs were given: each kind of export, and what its optional columns give the catalog (see
 * `gives` in import/fields.ts). An indicator whose input is missing is empty, not 0.
 */
export type Available = Record<Kind | Given, boolean>;

/**
 * What an indicator may need: the inputs given, the times the attribution basis reads (the order's
 * placing under `ordered`, its payment under `paid`, both under `paid-same-day`), and whether
 * after_sales_chat_days separates after-sales consultations and whether a `platform` is chosen, worked
 * out from the settings by the report.
 */
export type Source = keyof Available | 'attributionTimes' | 'afterSalesChatDays' | 'platform';

/** The fields mapped in each kind of export given; a kind not given is absent (or null). */
export type MappedFields = Partial<Record<Kind, ReadonlySet<string> | null>>;

/**
 * What was given, from the fields each export mapped and what the field description says each gives:
 * the one place that says which column each optional figure rests on (the command line, the sidebar
 * and CS_INDICATORS all ask it).
 */
export function availableFrom(mapped: MappedFields): Available {
  const available = { ...NOTHING_AVAILABLE };
  for (const kind of KINDS) {
    const fields = mapped[kind];
    if (fields === undefined || fields === null) continue;
    available[kind] = true;
    for (const field of fieldsOf(kind)) {
      if (field.gives !== undefined && fields.has(field.name)) available[field.gives as Given] = true;
    }
  }
  return available;
}

/** Nothing given: every kind and every column's gift false. */
export const NOTHING_AVAILABLE: Available = Object.freeze(
  Object.fromEntries(
    KINDS.flatMap((kind) => [kind, ...fieldsOf(kind).flatMap((field) => field.gives ?? [])]).map((source) => [
      source,
      false,
    ]),
  ) as Available,
);
