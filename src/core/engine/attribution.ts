import { localDay } from '../time/zone';
import { type Consultation, lastActivityBefore } from './consultations';
import type { Available } from './facts';
import type { Interner } from './interner';
import type { PreparedMessages } from './messages';
import type { Order } from './model';
import type { Settings } from './settings';

const NONE: readonly never[] = Object.freeze([]);

/** Who gets an order (SPEC §4): one agent, the assisting agents, and the consultations behind it. */
export interface Attribution {
  order: Order;
  /** The order's place in the list attributed. */
  index: number;
  /** The moment that counts under the basis: payment, or placing the order. */
  eventAt: number;
  /** null: no consultation in the window, a silent order (静默下单). */
  agent: string | null;
  assists: readonly string[];
  /** The consultations within the window, before the event. */
  candidates: readonly Consultation[];
}

export type Basis = Settings['basis'];

export function eventTime(order: Order, basis: Basis, zone: string): number | null {
  // Cash on delivery is paid at the door: placing the order is the buying decision.
  if (basis === 'ordered' || order.cod) return order.createdAt;
  if (basis === 'paid') return order.paidAt;
  if (order.paidAt === null || order.createdAt === null) return null;
  const own = order.zone ?? zone;
  return localDay(own, order.paidAt) === localDay(own, order.createdAt) ? order.paidAt : null;
}

/**
 * Whether the order export has the times `basis` reads (see eventTime): without them no order has an
 * event, and what attribution gives is unknown rather than 0.
 */
export function hasEventTimes(
  basis: Basis,
  { orderTimes, paymentTimes }: Pick<Available, 'orderTimes' | 'paymentTimes'>,
): boolean {
  if (basis === 'ordered') return orderTimes;
  if (basis === 'paid') return paymentTimes;
  return orderTimes && paymentTimes;
}

/** Later activity wins; at the same second the agent name decides, so row order never does. */
function later(a: Consultation, aAt: number, b: Consultation, bAt: number): boolean {
  return aAt > bAt || (aAt === bAt && a.agent > b.agent);
}

function chooseAgent(
  candidates: Consultation[],
  rule: Settings['attribution'],
  eventAt: number,
  consulted: ConsultationsByCustomer,
): string {
  const activityBefore = (c: Consultation) => lastActivityBefore(c, eventAt, consulted.prepared);
  const latest = (among: Consultation[]) => {
    let best = among[0] as Consultation;
    let bestAt = activityBefore(best);
    for (const c of among) {
      const at = activityBefore(c);
      if (later(c, at, best, bestAt)) {
        best = c;
        bestAt = at;
      }
    }
    return best.agent;
  };
  if (rule === 'last') return latest(candidates);
  if (rule === 'first') {
    let best = candidates[0] as Consultation;
    for (const c of candidates) {
      if (later(best, best.firstCustomerAt as number, c, c.firstCustomerAt as number)) best = c;
    }
    return best.agent;
  }
  const counts = new Map<string, number>();
  for (const c of candidates) {
    counts.set(c.agent, (counts.get(c.agent) ?? 0) + c.customerMessages + c.agentMessages);
  }
  const top = Math.max(...counts.values());
  // A tie on messages goes to the tied agent the customer talked to last.
  return latest(candidates.filter((c) => counts.get(c.agent) === top));
}

/** Each order's customer as the number chats gave them, or −1: no customer, or one who never wrote. */
export function orderCustomers(orders: readonly Order[], customers: Interner): Int32Array {
  const ids = new Int32Array(orders.length);
  orders.forEach((order, i) => {
    ids[i] = (order.customer === null ? undefined : customers.find(order.customer)) ?? -1;
  });
  return ids;
}

/**
 * The consultations in which each customer wrote, as flat arrays: customer k's are
 * `list[start[k]] … list[start[k + 1] − 1]` (consultation indexes, in the consultations' order), and
 * what the window test reads of each consultation is kept beside them. Checking an order's window
 * then reads a few numbers in a row instead of one scattered consultation object after another.
 */
export interface ConsultationsByCustomer {
  readonly consultations: readonly Consultation[];
  /** The messages behind them, for who the customer talked to last. */
  readonly prepared: Pick<PreparedMessages, 'columns' | 'order' | 'session'>;
  readonly start: Int32Array;
  readonly list: Int32Array;
  /** By consultation index. */
  readonly firstCustomerAt: Float64Array;
  readonly day: Int32Array;
}

export function consultationsByCustomer(
  consultations: readonly Consultation[],
  prepared: Pick<PreparedMessages, 'columns' | 'order' | 'session'>,
): ConsultationsByCustomer {
  const customerCount = prepared.columns.customers.names.length;
  const start = new Int32Array(customerCount + 1);
  const firstCustomerAt = new Float64Array(consultations.length);
  const day = new Int32Array(consultations.length);
  const customerOf = new Int32Array(consultations.length).fill(-1);
  consultations.forEach((c, i) => {
    if (c.firstCustomerAt === null) return;
    customerOf[i] = c.customerId;
    firstCustomerAt[i] = c.firstCustomerAt;
    day[i] = c.day;
    (start[c.customerId + 1] as number)++;
  });
  for (let k = 0; k < customerCount; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const list = new Int32Array(start[customerCount] as number);
  const next = start.slice(0, customerCount);
  customerOf.forEach((customer, i) => {
    if (customer >= 0) list[(next[customer] as number)++] = i;
  });
  return { consultations, prepared, start, list, firstCustomerAt, day };
}

/**
 * Attributes each order whose basis event happened: to the consultations of the same customer whose
 * day D satisfies D ≤ event day ≤ D + N − 1 and whose first customer message came before the event
 * (a question asked after paying is after-sales, not an inquiry).
 */
export function attributeOrders(
  orders: readonly Order[],
  customerOfOrder: Int32Array,
  consulted: ConsultationsByCustomer,
  settings: Settings,
  basis: Basis = settings.basis,
): Attribution[] {
  const zone = settings.timeZone;
  const earliestDayBack = settings.windowDays - 1;
  const { start, list, firstCustomerAt, day } = consulted;
  const result: Attribution[] = [];
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i] as Order;
    const eventAt = eventTime(order, basis, zone);
    if (eventAt === null) continue;
    const customer = customerOfOrder[i] as number;
    let candidates: Consultation[] | null = null;
    if (customer >= 0 && (start[customer] as number) < (start[customer + 1] as number)) {
      const firstDay = localDay(order.zone ?? zone, eventAt) - earliestDayBack;
      for (let k = start[customer] as number; k < (start[customer + 1] as number); k++) {
        const c = list[k] as number;
        if ((firstCustomerAt[c] as number) > eventAt || (day[c] as number) < firstDay) continue;
        candidates ??= [];
        candidates.push(consulted.consultations[c] as Consultation);
      }
    }
    if (candidates === null) {
      // Most orders are silent: they share one empty list rather than each making two.
      result.push({ order, index: i, eventAt, agent: null, assists: NONE, candidates: NONE });
      continue;
    }
    const agent =
      candidates.length === 1
        ? (candidates[0] as Consultation).agent
        : chooseAgent(candidates, settings.attribution, eventAt, consulted);
    const assists =
      candidates.length === 1
        ? NONE
        : [...new Set(candidates.map((c) => c.agent))].filter((a) => a !== agent).sort();
    result.push({ order, index: i, eventAt, agent, assists, candidates });
  }
  return result;
}
