import { Interner } from './interner';
import type { Message, Order, Rating } from './model';
import type { Settings } from './settings';

/**
 * Messages as the engine counts them, grouped into agent × customer threads sorted by time: internal
 * accounts gone, auto replies marked, duplicates dropped.
 */
export interface PreparedMessages {
  threads: Message[][];
  /** The number `customers` gives the customer of each thread. */
  threadCustomers: number[];
  customers: Interner;
  messages: number;
  duplicates: number;
  internal: number;
}

export function byTime(a: Message, b: Message): number {
  // Same second: the customer's message first, since a reply cannot come before its question.
  return a.time - b.time || (a.from === 'customer' ? -1 : 0) - (b.from === 'customer' ? -1 : 0);
}

const sameMessage = (a: Message, b: Message) => a.from === b.from && a.text === b.text;

function isSorted(thread: readonly Message[]): boolean {
  for (let i = 1; i < thread.length; i++)
    if (byTime(thread[i - 1] as Message, thread[i] as Message) > 0) return false;
  return true;
}

export function prepareMessages(input: readonly Message[], settings: Settings): PreparedMessages {
  const internal = new Set(settings.internalAccounts);
  const { autoPrefixes, autoKeywords } = settings;
  const marksAuto = autoPrefixes.length > 0 || autoKeywords.length > 0;
  const customers = new Interner();
  // Threads by agent, then by customer number, in the order they first appear.
  const byAgent = new Map<string, Map<number, Message[]>>();
  const grouped: Message[][] = [];
  const threadCustomers: number[] = [];
  let internalCount = 0;
  // Exports list a conversation's messages together: most messages join the thread before them.
  let last: Message[] | null = null;
  let lastAgent = '';
  let lastCustomer = '';
  for (const message of input) {
    if (internal.size > 0 && (internal.has(message.agent) || internal.has(message.customer))) {
      internalCount++;
      continue;
    }
    if (last !== null && message.customer === lastCustomer && message.agent === lastAgent) {
      last.push(message);
      continue;
    }
    lastAgent = message.agent;
    lastCustomer = message.customer;
    let ofAgent = byAgent.get(message.agent);
    if (!ofAgent) {
      ofAgent = new Map();
      byAgent.set(message.agent, ofAgent);
    }
    const customer = customers.id(message.customer);
    let thread = ofAgent.get(customer);
    if (thread) thread.push(message);
    else {
      thread = [message];
      ofAgent.set(customer, thread);
      grouped.push(thread);
      threadCustomers.push(customer);
    }
    last = thread;
  }
  let kept = 0;
  let duplicates = 0;
  for (const thread of grouped) {
    // Exports list a conversation in time order: sorting is mostly a check.
    if (!isSorted(thread)) thread.sort(byTime);
    // Duplicates share agent, customer and time, so after sorting they sit among the same second. The
    // messages kept are moved to the front of the thread's own array (this function made it).
    let unique = 0;
    for (const message of thread) {
      let duplicate = false;
      for (let i = unique - 1; i >= 0 && (thread[i] as Message).time === message.time; i--) {
        if (sameMessage(thread[i] as Message, message)) {
          duplicate = true;
          break;
        }
      }
      if (duplicate) {
        duplicates++;
        continue;
      }
      const markedAuto =
        marksAuto &&
        message.from === 'agent' &&
        !message.auto &&
        (autoPrefixes.some((p) => message.text.startsWith(p)) ||
          autoKeywords.some((k) => message.text.includes(k)));
      thread[unique++] = markedAuto ? { ...message, auto: true } : message;
    }
    thread.length = unique;
    kept += unique;
  }
  return {
    threads: grouped,
    threadCustomers,
    customers,
    messages: kept,
    duplicates,
    internal: internalCount,
  };
}

/** One order per order ID: the first row wins (a later export of the same order repeats it). */
export function dedupeOrders(orders: readonly Order[]): { orders: Order[]; duplicates: number } {
  const seen = new Set<string>();
  const kept = orders.filter((o) => !seen.has(o.orderId) && seen.add(o.orderId));
  return { orders: kept, duplicates: orders.length - kept.length };
}

/**
 * One rating per rating ID, or per (time, agent, customer, level) when the export has no ID. A rating
 * with neither an ID nor a customer cannot be told from another, so it is never taken for a duplicate.
 */
export function dedupeRatings(ratings: readonly Rating[]): { ratings: Rating[]; duplicates: number } {
  const seen = new Set<string>();
  const kept = ratings.filter((r) => {
    if (r.id === undefined && r.customer === '') return true;
    const key =
      r.id !== undefined ? `id\u0001${r.id}` : `${r.time}\u0001${r.agent}\u0001${r.customer}\u0001${r.level}`;
    return !seen.has(key) && seen.add(key);
  });
  return { ratings: kept, duplicates: ratings.length - kept.length };
}
