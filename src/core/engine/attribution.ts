import { localDay } from '../time/zone';
import type { Consultation } from './consultations';
import type { Order } from './model';
import type { Settings } from './settings';

/** Who gets an order (SPEC §4): one agent, the assisting agents, and the consultations behind it. */
export interface Attribution {
  order: Order;
  /** The moment that counts under the basis: payment, or placing the order. */
  eventAt: number;
  /** null: no consultation in the window, a silent order (静默下单). */
  agent: string | null;
  assists: string[];
  /** The consultations within the window, before the event. */
  candidates: Consultation[];
}

export type Basis = Settings['basis'];

export function eventTime(order: Order, basis: Basis, zone: string): number | null {
  if (basis === 'ordered') return order.createdAt;
  if (basis === 'paid') return order.paidAt;
  if (order.paidAt === null || order.createdAt === null) return null;
  return localDay(zone, order.paidAt) === localDay(zone, order.createdAt) ? order.paidAt : null;
}

/** The last time this consultation saw a message at or before `t`. */
function lastActivityBefore(c: Consultation, t: number): number {
  let lo = 0;
  let hi = c.times.length - 1;
  let found = c.firstCustomerAt ?? 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const time = c.times[mid] as number;
    if (time <= t) {
      found = time;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function chooseAgent(candidates: Consultation[], rule: Settings['attribution'], eventAt: number): string {
  const latest = () => {
    let best = candidates[0] as Consultation;
    let bestAt = lastActivityBefore(best, eventAt);
    for (const c of candidates) {
      const at = lastActivityBefore(c, eventAt);
      if (at > bestAt) {
        best = c;
        bestAt = at;
      }
    }
    return best.agent;
  };
  if (rule === 'last') return latest();
  if (rule === 'first') {
    let best = candidates[0] as Consultation;
    for (const c of candidates)
      if ((c.firstCustomerAt as number) < (best.firstCustomerAt as number)) best = c;
    return best.agent;
  }
  const counts = new Map<string, number>();
  for (const c of candidates) {
    counts.set(c.agent, (counts.get(c.agent) ?? 0) + c.customerMessages + c.agentMessages);
  }
  const top = Math.max(...counts.values());
  const leaders = [...counts].filter(([, n]) => n === top).map(([agent]) => agent);
  // A tie on messages goes to the agent the customer talked to last.
  return leaders.length === 1 ? (leaders[0] as string) : latest();
}

/**
 * Attributes each order whose basis event happened: to the consultations of the same customer whose
 * day D satisfies D ≤ event day ≤ D + N − 1 and whose first customer message came before the event
 * (a question asked after paying is after-sales, not an inquiry).
 */
export function attributeOrders(
  orders: readonly Order[],
  consultations: readonly Consultation[],
  settings: Settings,
  basis: Basis = settings.basis,
): Attribution[] {
  const zone = settings.timeZone;
  const byCustomer = new Map<string, Consultation[]>();
  for (const c of consultations) {
    if (c.firstCustomerAt === null) continue;
    const list = byCustomer.get(c.customer);
    if (list) list.push(c);
    else byCustomer.set(c.customer, [c]);
  }
  const result: Attribution[] = [];
  for (const order of orders) {
    const eventAt = eventTime(order, basis, zone);
    if (eventAt === null) continue;
    const eventDay = localDay(zone, eventAt);
    const consulted = order.customer === null ? undefined : byCustomer.get(order.customer);
    const candidates = (consulted ?? []).filter(
      (c) => (c.firstCustomerAt as number) <= eventAt && c.day >= eventDay - (settings.windowDays - 1),
    );
    if (candidates.length === 0) {
      result.push({ order, eventAt, agent: null, assists: [], candidates });
      continue;
    }
    const agent = chooseAgent(candidates, settings.attribution, eventAt);
    const assists = [...new Set(candidates.map((c) => c.agent))].filter((a) => a !== agent);
    result.push({ order, eventAt, agent, assists, candidates });
  }
  return result;
}
