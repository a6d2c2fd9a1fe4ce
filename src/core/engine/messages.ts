import type { Interner } from './interner';
import {
  CUSTOMER,
  HAS_ID,
  isColumns,
  type MessageColumns,
  NEVER_DUPLICATE,
  toColumns,
} from './messageColumns';
import type { Message, Order, Rating } from './model';
import type { Settings } from './settings';
import { grown } from './typedArrays';

/**
 * Messages as the engine counts them, grouped into agent × customer threads sorted by time: internal
 * accounts gone, auto replies marked, duplicates dropped. Threads are runs of `order`, which lists
 * message indexes of `columns`.
 */
export interface PreparedMessages {
  columns: MessageColumns;
  order: Int32Array;
  /** Thread t is order[threadStart[t]] … order[threadStart[t + 1] − 1]. */
  threadStart: Int32Array;
  /**
   * Each message's session, by message index: one number for every run of one session ID within its
   * thread (see MessageColumns.session), −1 for none. Comparable within a thread only.
   */
  session: Int32Array;
  messages: number;
  duplicates: number;
  internal: number;
}

/** Whether message a comes after message b: by time, and at the same second the customer's first. */
function after(c: MessageColumns, a: number, b: number): boolean {
  const ta = c.time[a] as number;
  const tb = c.time[b] as number;
  if (ta !== tb) return ta > tb;
  return c.from[a] !== CUSTOMER && c.from[b] === CUSTOMER;
}

/** Sorts order[from … to) by time, stably (so a tie keeps the export's order). */
function sortThread(c: MessageColumns, order: Int32Array, from: number, to: number) {
  // Exports list a conversation in time order: sorting is mostly a check.
  let sorted = true;
  for (let i = from + 1; i < to && sorted; i++)
    sorted = !after(c, order[i - 1] as number, order[i] as number);
  if (sorted) return;
  const thread = Array.from(order.subarray(from, to));
  thread.sort((a, b) => (after(c, a, b) ? 1 : after(c, b, a) ? -1 : a - b));
  order.set(thread, from);
}

/** The session ID of message i, or null. */
const sessionName = (c: MessageColumns, i: number) => {
  const run = c.session[i] as number;
  return run < 0 ? null : (c.sessions.names[run] as string);
};

/**
 * Whether message b (of a's thread, at a's second, without an ID) repeats row a: alike in every
 * field (sender, text, flags, session) and in the cells no field reads.
 */
const repeatsRow = (c: MessageColumns, a: number, b: number) =>
  c.from[a] === c.from[b] &&
  c.flags[a] === c.flags[b] &&
  c.textHash[2 * a] === c.textHash[2 * b] &&
  c.textHash[2 * a + 1] === c.textHash[2 * b + 1] &&
  c.rowPrint[a] === c.rowPrint[b] &&
  sessionName(c, a) === sessionName(c, b);

/**
 * The message IDs seen so far, by their two hashes (MessageColumns.idHash): an open-addressing table
 * of message indexes in a typed array, since a Set of a million joined keys costs a string each.
 */
class SeenIds {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly idHash: Int32Array,
    ids: number,
  ) {
    let size = 16;
    while (size < ids * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Whether message i's ID came before; remembers it when not. */
  repeated(i: number): boolean {
    const h = this.idHash;
    const a = h[2 * i] as number;
    const b = h[2 * i + 1] as number;
    for (let s = Math.imul(a ^ b, 0x9e3779b1) & this.mask; ; s = (s + 1) & this.mask) {
      const slot = this.slots[s] as number;
      if (slot === 0) {
        this.slots[s] = i + 1;
        return false;
      }
      if (h[2 * (slot - 1)] === a && h[2 * (slot - 1) + 1] === b) return true;
    }
  }
}

/** A table of the message IDs, when some messages have one. */
function seenIds(c: MessageColumns): SeenIds | null {
  let ids = 0;
  for (let i = 0; i < c.length; i++) if ((c.flags[i] as number) & HAS_ID) ids++;
  return ids === 0 ? null : new SeenIds(c.idHash, ids);
}

/**
 * Numbers agent × customer threads in the order they first appear. A customer talks to one agent or a
 * few, so each customer's threads are a short chain of links in typed arrays: a million messages walk
 * those faster than they look up a Map of agent-and-customer keys with a hundred thousand entries.
 */
class ThreadNumbers {
  private readonly firstOfCustomer: Int32Array;
  private agentOf = new Int32Array(1024);
  private nextOfCustomer = new Int32Array(1024);
  private count = 0;

  constructor(customers: number) {
    this.firstOfCustomer = new Int32Array(customers).fill(-1);
  }

  /** The thread's number: the next free one (the count so far) the first time. */
  of(agent: number, customer: number): number {
    let last = -1;
    for (let t = this.firstOfCustomer[customer] as number; t >= 0; t = this.nextOfCustomer[t] as number) {
      if (this.agentOf[t] === agent) return t;
      last = t;
    }
    const thread = this.count++;
    if (thread === this.agentOf.length) {
      this.agentOf = grown(this.agentOf, thread * 2);
      this.nextOfCustomer = grown(this.nextOfCustomer, thread * 2);
    }
    this.agentOf[thread] = agent;
    this.nextOfCustomer[thread] = -1;
    if (last < 0) this.firstOfCustomer[customer] = thread;
    else this.nextOfCustomer[last] = thread;
    return thread;
  }
}

export function prepareMessages(
  input: readonly Message[] | MessageColumns,
  settings: Settings,
): PreparedMessages {
  const c = isColumns(input) ? input : toColumns(input, settings);
  const internalNames = new Set(settings.internalAccounts);
  const numbered = (names: Interner) => new Set([...internalNames].flatMap((name) => names.find(name) ?? []));
  const internalAgents = numbered(c.agents);
  const internalCustomers = numbered(c.customers);
  const hasInternal = internalAgents.size > 0 || internalCustomers.size > 0;
  // Each message's thread, numbered in the order threads first appear.
  const threadOf = new Int32Array(c.length);
  const threads = new ThreadNumbers(c.customers.names.length);
  const counts: number[] = [];
  let internal = 0;
  // A message with its export's ID is a duplicate exactly when its ID came before (in file order),
  // wherever that was: another file of the same export, or the other side of the CLI's cut.
  const ids = seenIds(c);
  let duplicates = 0;
  let lastAgent = -1;
  let lastCustomer = -1;
  let lastThread = -1;
  for (let i = 0; i < c.length; i++) {
    const agent = c.agent[i] as number;
    const customer = c.customer[i] as number;
    if (hasInternal && (internalAgents.has(agent) || internalCustomers.has(customer))) {
      internal++;
      threadOf[i] = -1;
      continue;
    }
    if (ids !== null && (c.flags[i] as number) & HAS_ID && ids.repeated(i)) {
      duplicates++;
      threadOf[i] = -1;
      continue;
    }
    if (agent !== lastAgent || customer !== lastCustomer) {
      const thread = threads.of(agent, customer);
      if (thread === counts.length) counts.push(0);
      lastAgent = agent;
      lastCustomer = customer;
      lastThread = thread;
    }
    threadOf[i] = lastThread;
    counts[lastThread] = (counts[lastThread] as number) + 1;
  }
  // Counting sort: each thread's messages together, in the export's order.
  const threadCount = counts.length;
  const position = new Int32Array(threadCount + 1);
  for (let t = 0; t < threadCount; t++) position[t + 1] = (position[t] as number) + (counts[t] as number);
  const order = new Int32Array(c.length - internal - duplicates);
  const next = position.slice(0, threadCount);
  for (let i = 0; i < c.length; i++) {
    const t = threadOf[i] as number;
    if (t < 0) continue;
    const at = next[t] as number;
    order[at] = i;
    next[t] = at + 1;
  }
  // Sort each thread by time and drop the rows without an ID that repeat one kept at the same second,
  // moving kept ones forward.
  const threadStart = new Int32Array(threadCount + 1);
  const session = new Int32Array(c.length).fill(-1);
  const sessionNumbers = new Map<string, number>();
  let kept = 0;
  for (let t = 0; t < threadCount; t++) {
    const from = position[t] as number;
    const to = position[t + 1] as number;
    sortThread(c, order, from, to);
    threadStart[t] = kept;
    const first = kept;
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      let duplicate = false;
      if (((c.flags[i] as number) & (HAS_ID | NEVER_DUPLICATE)) === 0) {
        for (let j = kept - 1; j >= first && c.time[order[j] as number] === c.time[i]; j--) {
          if (repeatsRow(c, order[j] as number, i)) {
            duplicate = true;
            break;
          }
        }
      }
      if (duplicate) duplicates++;
      else order[kept++] = i;
    }
    sameSessionsAlike(c, order, first, kept, session, sessionNumbers);
  }
  threadStart[threadCount] = kept;
  return {
    columns: c,
    order: order.subarray(0, kept),
    threadStart,
    session,
    messages: kept,
    duplicates,
    internal,
  };
}

/**
 * Numbers the sessions of one thread (order[from … to)) into `session`: runs of one session ID get the
 * number of the first such run. `numbers` is a map to reuse, emptied here: one per thread would be a
 * few hundred thousand.
 */
function sameSessionsAlike(
  c: MessageColumns,
  order: Int32Array,
  from: number,
  to: number,
  session: Int32Array,
  numbers: Map<string, number>,
) {
  if (numbers.size > 0) numbers.clear();
  let lastRun = -1;
  let lastNumber = -1;
  for (let k = from; k < to; k++) {
    const i = order[k] as number;
    const run = c.session[i] as number;
    if (run < 0) continue;
    if (run !== lastRun) {
      const name = c.sessions.names[run] as string;
      const known = numbers.get(name);
      if (known === undefined) numbers.set(name, run);
      lastNumber = known ?? run;
      lastRun = run;
    }
    session[i] = lastNumber;
  }
}

/**
 * Adds `key` to `seen`; whether it was not there before. One lookup rather than has() then add(): with
 * hundreds of thousands of IDs each lookup is a cache miss or two.
 */
function isNew<K>(seen: Set<K>, key: K): boolean {
  const before = seen.size;
  return seen.add(key).size !== before;
}

/** One order per order ID: the first row wins (a later export of the same order repeats it). */
export function dedupeOrders(orders: readonly Order[]): { orders: Order[]; duplicates: number } {
  const seen = new Set<string>();
  const kept = orders.filter((o) => isNew(seen, o.orderId));
  return { orders: kept, duplicates: orders.length - kept.length };
}

/**
 * One rating per rating ID, or per (time, agent, customer, level) when the export has no ID. A rating
 * with neither an ID nor a customer cannot be told from another, so it is never taken for a duplicate.
 */
export function dedupeRatings(ratings: readonly Rating[]): { ratings: Rating[]; duplicates: number } {
  const seenIds = new Set<string>();
  // Found by time (a number) rather than by a text key joined for every rating; ratings at one
  // millisecond are few, so agent, customer and level are compared among them.
  const atTime = new Map<number, Rating[]>();
  const same = (a: Rating, b: Rating) =>
    a.agent === b.agent && a.customer === b.customer && a.level === b.level;
  const kept = ratings.filter((r) => {
    if (r.id !== undefined) return isNew(seenIds, r.id);
    if (r.customer === '') return true;
    const others = atTime.get(r.time);
    if (others === undefined) atTime.set(r.time, [r]);
    else if (others.some((other) => same(other, r))) return false;
    else others.push(r);
    return true;
  });
  return { ratings: kept, duplicates: ratings.length - kept.length };
}
