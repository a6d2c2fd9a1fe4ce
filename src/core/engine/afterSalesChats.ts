import { localDay } from '../time/zone';
import type { Attribution } from './attribution';
import type { Consultation } from './consultations';
import type { Order } from './model';

/**
 * How many days back a payment makes a consultation look like after-sales when after_sales_chat_days
 * is off: a week covers dispatch and delivery, when "什么时候发货" and "到哪了" are asked. Only the
 * note that says how many such consultations were counted as inquiries uses it.
 */
export const AFTER_SALES_LOOK_BACK_DAYS = 7;

/** When an order was bought: paid, or placed for cash on delivery (paid at the door); null if neither. */
const boughtAt = (order: Order) => order.paidAt ?? (order.cod ? order.createdAt : null);

/** The orders behind consultations: those credited to them, under the basis or when placed. */
export interface OrdersOfConsultations {
  orders: readonly Order[];
  /** Each order's buyer as the chats number customers (see orderCustomers), or −1. */
  customerOfOrder: Int32Array;
  attributions: readonly Attribution[];
  placed: readonly Attribution[];
}

/**
 * The after-sales consultations (售后咨询), marked 1 by consultation index: the customer paid an order
 * (or placed one cash on delivery) before its first message and at most `days` days before its day
 * (days D − N … D), and no order of theirs is credited to it in its window, under the basis or when
 * placed: a question about an order already bought, not an inquiry. null when `days` is 0.
 */
export function afterSalesConsultations(
  consultations: readonly Consultation[],
  orders: OrdersOfConsultations,
  days: number,
  zone: string,
): Uint8Array | null {
  if (days <= 0) return null;
  const marks = new Uint8Array(consultations.length);
  const { customers, start, times, days: dayOf } = purchasesByCustomer(orders, zone);
  if (times.length === 0) return marks;
  const behindAnOrder = new Uint8Array(consultations.length);
  for (const list of [orders.attributions, orders.placed]) {
    for (let i = 0; i < list.length; i++) {
      const candidates = (list[i] as Attribution).candidates;
      for (let k = 0; k < candidates.length; k++) behindAnOrder[(candidates[k] as Consultation).index] = 1;
    }
  }
  for (let i = 0; i < consultations.length; i++) {
    const c = consultations[i] as Consultation;
    if (c.firstCustomerAt === null || behindAnOrder[c.index] === 1) continue;
    const customer = c.customerId;
    if (customer >= customers) continue;
    const firstDay = c.day - days;
    for (let k = start[customer] as number; k < (start[customer + 1] as number); k++) {
      if ((times[k] as number) < c.firstCustomerAt && (dayOf[k] as number) >= firstDay) {
        marks[c.index] = 1;
        break;
      }
    }
  }
  return marks;
}

/**
 * The marked consultations that lower their agent's 询单转化率 when counted as inquiries: those of a
 * customer whom the agent served only in marked consultations over the report. A customer who also
 * asked that agent before buying is an inquirer, and a converted one, either way.
 */
export function countLoweringConversion(
  consultations: readonly Consultation[],
  marks: Uint8Array | null,
): number {
  if (marks === null) return 0;
  const marked = new Set<number>();
  for (const c of consultations) if (marks[c.index] === 1) marked.add(c.customerId);
  if (marked.size === 0) return 0;
  // By agent, then customer number: a text key joined per consultation cost more than the rest.
  const askedOtherwise = new Map<string, Set<number>>();
  for (const c of consultations) {
    if (c.firstCustomerAt === null || marks[c.index] === 1 || !marked.has(c.customerId)) continue;
    const customers = askedOtherwise.get(c.agent);
    if (customers === undefined) askedOtherwise.set(c.agent, new Set([c.customerId]));
    else customers.add(c.customerId);
  }
  let n = 0;
  for (const c of consultations)
    if (marks[c.index] === 1 && !askedOtherwise.get(c.agent)?.has(c.customerId)) n++;
  return n;
}

/** How many consultations are marked. */
export function countMarked(marks: Uint8Array | null): number {
  let n = 0;
  if (marks) for (let i = 0; i < marks.length; i++) n += marks[i] as number;
  return n;
}

/** Each customer's purchase times (and local days), as flat arrays like consultationsByCustomer's. */
function purchasesByCustomer(orders: OrdersOfConsultations, zone: string) {
  const { customerOfOrder } = orders;
  let customers = 0;
  for (let i = 0; i < customerOfOrder.length; i++)
    customers = Math.max(customers, (customerOfOrder[i] as number) + 1);
  const start = new Int32Array(customers + 1);
  const bought = new Float64Array(orders.orders.length).fill(Number.NaN);
  orders.orders.forEach((order, i) => {
    const at = boughtAt(order);
    const customer = customerOfOrder[i] as number;
    if (at === null || customer < 0) return;
    bought[i] = at;
    (start[customer + 1] as number)++;
  });
  for (let k = 0; k < customers; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const times = new Float64Array(start[customers] as number);
  const days = new Int32Array(times.length);
  const next = start.slice(0, customers);
  for (let i = 0; i < bought.length; i++) {
    const at = bought[i] as number;
    if (Number.isNaN(at)) continue;
    const slot = (next[customerOfOrder[i] as number] as number)++;
    times[slot] = at;
    days[slot] = localDay((orders.orders[i] as Order).zone ?? zone, at);
  }
  return { customers, start, times, days };
}
