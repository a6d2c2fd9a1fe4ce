import { localDay } from '../time/zone';
import { type Attribution, attributeOrders, consultationsByCustomer, orderCustomers } from './attribution';
import { type Buckets, SHOP, TEAM } from './buckets';
import type { Consultation } from './consultations';
import type { Facts } from './facts';
import { Interner } from './interner';
import type { PreparedMessages } from './messages';
import type { Order } from './model';
import { DailySums } from './rollingWindows';
import type { Settings } from './settings';

/** Paid, or cash on delivery (paid at the door; counted as a sale the day it was placed). */
const isPaid = (order: Order) => order.paidAt !== null || order.cod;

function countPlaced(f: Facts, order: Order) {
  f.placedOrders++;
  if (isPaid(order)) f.paidPlacedOrders++;
}

/** The day an order counts as a sale: paid day, or order day for cash on delivery; null if neither. */
function saleDay(order: Order, zone: string): number | null {
  if (order.cod && order.createdAt !== null) return localDay(order.zone ?? zone, order.createdAt);
  return order.paidAt === null ? null : localDay(order.zone ?? zone, order.paidAt);
}

/**
 * Each order's buyer as a number: the chats' number of a customer who wrote, else a number after
 * those; an order without a customer is a buyer of its own.
 */
function buyersOf(orders: readonly Order[], customerOfOrder: Int32Array, customers: Interner): number[] {
  const others = new Interner();
  const first = customers.names.length;
  return orders.map((order, i) => {
    const id = customerOfOrder[i] as number;
    return id >= 0 ? id : first + others.id(order.customer ?? `\u0000order:${order.orderId}`);
  });
}

function addSale(f: Facts, order: Order, buyer: number) {
  f.sales += order.amount;
  f.orders++;
  f.items += order.items;
  if (order.amount > 0) f.buyers.add(buyer);
}

/** The orders, attributed and not, with what the report needs of them. */
export interface CreditedOrders {
  orders: readonly Order[];
  /** Each order credited (or not) under the settings' basis. */
  attributions: readonly Attribution[];
  /** Each order credited (or not) when placed: the ordered basis, for 下单率. */
  placed: readonly Attribution[];
  /** Each order's buyer (buyersOf). */
  buyers: readonly number[];
  /** Each order's customer as the chats number them, or −1 (orderCustomers). */
  customerOfOrder: Int32Array;
}

/** Each order credited to an agent (or not), under the settings' basis and when placed. */
export function creditOrders(
  orders: readonly Order[],
  consultations: readonly Consultation[],
  prepared: PreparedMessages,
  settings: Settings,
): CreditedOrders {
  const customerOfOrder = orderCustomers(orders, prepared.columns.customers);
  const consulted = consultationsByCustomer(consultations, prepared);
  const attributions = attributeOrders(orders, customerOfOrder, consulted, settings);
  const placed =
    settings.basis === 'ordered'
      ? attributions
      : attributeOrders(orders, customerOfOrder, consulted, settings, 'ordered');
  const buyers = buyersOf(orders, customerOfOrder, prepared.columns.customers);
  return { orders, attributions, placed, buyers, customerOfOrder };
}

/**
 * Sales into the facts: attributed orders for their agents (and assists) and the team, every order
 * for the shop; orders placed; paid orders and refunds by payment day, for the refund rate's window.
 * An order is refunded when its refund amount is above 0 or a refund record names it (SPEC §5): an
 * export may well show 0 for a refund still open, or for one the shop made outside the order.
 */
export function addSales(
  buckets: Buckets,
  credited: CreditedOrders,
  zone: string,
  /** The orders a refund record names; null when no refund records were given. */
  recordedRefunds: ReadonlySet<string> | null,
): DailySums {
  const { orders, attributions, placed, buyers } = credited;
  const refundedOf = (order: Order) =>
    order.refundAmount > 0 || order.refunded === true || (recordedRefunds?.has(order.orderId) ?? false)
      ? 1
      : 0;
  for (let i = 0; i < attributions.length; i++) {
    const a = attributions[i] as Attribution;
    const day = saleDay(a.order, zone);
    if (day === null) continue;
    const periods = buckets.periodsOf(day);
    for (let p = 0; p < periods.length; p++) {
      const period = periods[p] as string;
      if (a.agent !== null) {
        buckets.agents.add(a.agent);
        addSale(buckets.get(a.agent, period), a.order, buyers[a.index] as number);
        addSale(buckets.get(TEAM, period), a.order, buyers[a.index] as number);
        for (const assist of a.assists) {
          const f = buckets.get(assist, period);
          f.assistOrders++;
          f.assistSales += a.order.amount;
        }
      }
    }
  }
  const refunds = new DailySums();
  orders.forEach((order, i) => {
    const day = saleDay(order, zone);
    if (day !== null) {
      const periods = buckets.periodsOf(day);
      for (let p = 0; p < periods.length; p++)
        addSale(buckets.get(SHOP, periods[p] as string), order, buyers[i] as number);
    }
    if (order.createdAt !== null) {
      const periods = buckets.periodsOf(localDay(order.zone ?? zone, order.createdAt));
      for (let p = 0; p < periods.length; p++) countPlaced(buckets.get(SHOP, periods[p] as string), order);
    }
    // Cash on delivery is paid at the door: its refunds count from the day it counts as a sale.
    if (day !== null) refunds.add(SHOP, day, 1, refundedOf(order));
  });
  for (let i = 0; i < placed.length; i++) {
    const a = placed[i] as Attribution;
    if (a.agent === null || a.order.createdAt === null) continue;
    const periods = buckets.periodsOf(localDay(a.order.zone ?? zone, a.order.createdAt));
    for (let p = 0; p < periods.length; p++) {
      countPlaced(buckets.get(a.agent, periods[p] as string), a.order);
      countPlaced(buckets.get(TEAM, periods[p] as string), a.order);
    }
  }
  for (let i = 0; i < attributions.length; i++) {
    const a = attributions[i] as Attribution;
    if (a.agent === null) continue;
    const day = saleDay(a.order, zone);
    if (day === null) continue;
    const refunded = refundedOf(a.order);
    refunds.add(a.agent, day, 1, refunded);
    refunds.add(TEAM, day, 1, refunded);
  }
  return refunds;
}
