import { Interner } from './interner';
import type { Message, Sender } from './model';
import { grown } from './typedArrays';

/**
 * Messages as columns: one typed array per field instead of an object per message. A million message
 * objects cost more in garbage collection than the engine's own work, and typed arrays can be handed
 * between threads without copying. Agents and customers are numbered; sessions are numbered by run.
 */
export interface MessageColumns {
  readonly length: number;
  readonly time: Float64Array;
  readonly agent: Int32Array;
  readonly customer: Int32Array;
  /**
   * The row's run of one session ID (−1: no session ID). A run is consecutive rows of one ID (rows
   * without an ID between them do not end it); an ID that comes back later starts another run, with
   * another number. prepareMessages gives each thread's runs of one ID one key: only within a thread
   * does a session ever count, and numbering runs instead of distinct IDs spares a map lookup for
   * every new session (a hundred thousand of them, each a cache miss or two).
   */
  readonly session: Int32Array;
  /** SENDER_CODES */
  readonly from: Uint8Array;
  /** AUTO | INVITE | OFFLINE | TRANSFER_OUT | TRANSFER_IN | HAS_ID | NEVER_DUPLICATE | NO_RESPONSE */
  readonly flags: Uint8Array;
  /** Two independent 32-bit hashes of each message's text, to tell duplicates without keeping texts. */
  readonly textHash: Int32Array;
  /** The same two hashes of each message's own ID (where HAS_ID): a repeated ID is a duplicate. */
  readonly idHash: Int32Array;
  /** Message.rowPrint: the cells no field reads, to tell a repeated row (0 when not read from a file). */
  readonly rowPrint: Int32Array;
  /** The names the numbers stand for; `names[n]` is the name numbered n. */
  readonly agents: Interner;
  readonly customers: Interner;
  /** The ID of each run of `session`. */
  readonly sessions: { readonly names: readonly string[] };
}

/** The names numbered so far, in the order of their numbers. */
export interface NameLists {
  agents: readonly string[];
  customers: readonly string[];
  sessions: readonly string[];
}

/** Columns as they cross between threads: typed arrays, and the names as plain lists. */
export type MessageColumnsData = Omit<MessageColumns, keyof NameLists> & NameLists;

export function columnsData(columns: MessageColumns): MessageColumnsData {
  return {
    ...columns,
    agents: columns.agents.names,
    customers: columns.customers.names,
    sessions: columns.sessions.names,
  };
}

/**
 * Columns read on another thread, renumbered there into the numbering of `NameLists` the reading
 * thread had: names it had keep their numbers, and the lists hold only the names new to it, numbered
 * after `base` in the order first seen (the numbering `add` would have given, one message at a time;
 * for session runs, see renumberRuns).
 */
export type RenumberedColumns = MessageColumnsData & { base: { [K in keyof NameLists]: number } };

/**
 * Session runs of a part numbered after those of `known`: a run that goes on across the cut (the
 * part's first ID is the last run's) keeps that run's number, as reading in one piece gives it.
 */
function renumberRuns(runs: readonly string[], known: readonly string[]) {
  const continues = runs.length > 0 && known.length > 0 && runs[0] === known[known.length - 1];
  const first = continues ? known.length - 1 : known.length;
  const numbers = new Int32Array(runs.length);
  for (let i = 0; i < runs.length; i++) numbers[i] = first + i;
  return { numbers, added: continues ? runs.slice(1) : runs };
}

/** Each of `names` as numbered in `known` or, when new, numbered after it; the new names in order. */
function renumberNames(names: readonly string[], known: readonly string[]) {
  const numberOf = new Map<string, number>();
  known.forEach((name, i) => {
    numberOf.set(name, i);
  });
  const added: string[] = [];
  const numbers = new Int32Array(names.length);
  names.forEach((name, i) => {
    let n = numberOf.get(name);
    if (n === undefined) {
      n = known.length + added.length;
      added.push(name);
    }
    numbers[i] = n;
  });
  return { numbers, added };
}

/**
 * Renumbers a part's columns into the numbering of `into` (see RenumberedColumns), in place. Done by
 * the thread that read the part while the other reads its other files: the name lookups are most of
 * the cost of joining the parts.
 */
export function renumberColumns(part: MessageColumnsData, into: NameLists): RenumberedColumns {
  const agents = renumberNames(part.agents, into.agents);
  const customers = renumberNames(part.customers, into.customers);
  const sessions = renumberRuns(part.sessions, into.sessions);
  for (let j = 0; j < part.length; j++) {
    part.agent[j] = agents.numbers[part.agent[j] as number] as number;
    part.customer[j] = customers.numbers[part.customer[j] as number] as number;
    const session = part.session[j] as number;
    if (session >= 0) part.session[j] = sessions.numbers[session] as number;
  }
  return {
    ...part,
    agents: agents.added,
    customers: customers.added,
    sessions: sessions.added,
    base: { agents: into.agents.length, customers: into.customers.length, sessions: into.sessions.length },
  };
}

/** The typed arrays of columns, to hand to another thread without copying. */
export function transferables(columns: MessageColumnsData): ArrayBuffer[] {
  return [
    columns.time,
    columns.agent,
    columns.customer,
    columns.session,
    columns.from,
    columns.flags,
    columns.textHash,
    columns.idHash,
    columns.rowPrint,
  ].map((array) => array.buffer as ArrayBuffer);
}

export const CUSTOMER = 0;
export const AGENT = 1;
export const SYSTEM = 2;
const SENDER_CODES: Record<Sender, number> = { customer: CUSTOMER, agent: AGENT, system: SYSTEM };

export const AUTO = 1;
export const INVITE = 2;
export const OFFLINE = 4;
export const TRANSFER_OUT = 8;
export const TRANSFER_IN = 16;
/** The message has its export's own ID (idHash): duplicates are then exactly the repeated IDs. */
export const HAS_ID = 32;
/** Without an ID, a row nothing tells from another message (no text): never taken for a duplicate. */
export const NEVER_DUPLICATE = 64;
/** A customer message marked as needing no response: platform_response_rate leaves it out. */
export const NO_RESPONSE = 128;

/** What marks an agent message as an auto reply besides the export's own flag (see Settings). */
export interface AutoReplyRules {
  autoPrefixes: readonly string[];
  autoKeywords: readonly string[];
}

/** Whether the settings' prefixes or keywords make an agent message an auto reply. */
export function marksAutoReply(message: Message, rules: AutoReplyRules): boolean {
  return (
    message.from === 'agent' &&
    (rules.autoPrefixes.some((p) => message.text.startsWith(p)) ||
      rules.autoKeywords.some((k) => message.text.includes(k)))
  );
}

/** FNV-1a and a multiply-rotate hash of the same text: equal texts, equal pairs. */
export function hashText(text: string, into: Int32Array, at: number) {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul((b << 5) | (b >>> 27), 0x85ebca6b) ^ code;
  }
  into[at] = a;
  into[at + 1] = b;
}

/** Grows the columns as messages come, one at a time, from an import or from message objects. */
export class MessageColumnsBuilder {
  private length = 0;
  private time = new Float64Array(1024);
  private agent = new Int32Array(1024);
  private customer = new Int32Array(1024);
  private session = new Int32Array(1024);
  private from = new Uint8Array(1024);
  private flags = new Uint8Array(1024);
  private textHash = new Int32Array(2048);
  private idHash = new Int32Array(2048);
  private rowPrint = new Int32Array(1024);
  private readonly agents = new Interner();
  private readonly customers = new Interner();
  private readonly sessions: string[] = [];
  // Consecutive rows mostly share their agent, customer and session: compare before looking up.
  private last = { agent: '', agentId: -1, customer: '', customerId: -1, session: '', sessionId: -1 };
  private readonly marksAuto: boolean;

  constructor(private readonly rules: AutoReplyRules) {
    this.marksAuto = rules.autoPrefixes.length > 0 || rules.autoKeywords.length > 0;
  }

  /** Room for `size` messages: twice as many as now while messages come one by one. */
  private grow(size = this.time.length * 2) {
    this.time = grown(this.time, size);
    this.agent = grown(this.agent, size);
    this.customer = grown(this.customer, size);
    this.session = grown(this.session, size);
    this.from = grown(this.from, size);
    this.flags = grown(this.flags, size);
    this.textHash = grown(this.textHash, size * 2);
    this.idHash = grown(this.idHash, size * 2);
    this.rowPrint = grown(this.rowPrint, size);
  }

  add(message: Message): void {
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    const last = this.last;
    if (message.agent !== last.agent || last.agentId < 0) {
      last.agent = message.agent;
      last.agentId = this.agents.id(message.agent);
    }
    if (message.customer !== last.customer || last.customerId < 0) {
      last.customer = message.customer;
      last.customerId = this.customers.id(message.customer);
    }
    let session = -1;
    if (message.session !== null) {
      if (message.session !== last.session || last.sessionId < 0) {
        last.session = message.session;
        last.sessionId = this.sessions.push(message.session) - 1;
      }
      session = last.sessionId;
    }
    this.time[i] = message.time;
    this.agent[i] = last.agentId;
    this.customer[i] = last.customerId;
    this.session[i] = session;
    this.from[i] = SENDER_CODES[message.from];
    const auto = message.auto || (this.marksAuto && marksAutoReply(message, this.rules));
    this.flags[i] =
      (auto ? AUTO : 0) |
      (message.invite ? INVITE : 0) |
      (message.offline ? OFFLINE : 0) |
      (message.transfer === 'out' ? TRANSFER_OUT : 0) |
      (message.transfer === 'in' ? TRANSFER_IN : 0) |
      (message.noResponse ? NO_RESPONSE : 0) |
      (message.messageId !== undefined ? HAS_ID : message.rowPrint === null ? NEVER_DUPLICATE : 0);
    hashText(message.text, this.textHash, i * 2);
    if (message.messageId !== undefined) hashText(message.messageId, this.idHash, i * 2);
    this.rowPrint[i] = message.rowPrint ?? 0;
  }

  /** The names numbered so far, to renumber another thread's part by (see renumberColumns). */
  names(): NameLists {
    return { agents: this.agents.names, customers: this.customers.names, sessions: this.sessions };
  }

  /** Appends a part renumbered into this builder's names, as they were when `names()` gave them. */
  addRenumbered(part: RenumberedColumns): void {
    const { base } = part;
    if (
      base.agents !== this.agents.names.length ||
      base.customers !== this.customers.names.length ||
      base.sessions !== this.sessions.length
    )
      throw new Error(
        'messages were added after the names were taken: the part was renumbered for other names',
      );
    // Room for exactly the part: doubling would copy the columns again for every doubling it takes,
    // and leave up to half of them empty (at 5M messages, 3.4M rows of columns never used).
    if (this.length + part.length > this.time.length) this.grow(this.length + part.length);
    const at = this.length;
    this.time.set(part.time, at);
    this.agent.set(part.agent, at);
    this.customer.set(part.customer, at);
    this.session.set(part.session, at);
    this.from.set(part.from, at);
    this.flags.set(part.flags, at);
    this.textHash.set(part.textHash, at * 2);
    this.idHash.set(part.idHash, at * 2);
    this.rowPrint.set(part.rowPrint, at);
    this.length += part.length;
    this.agents.appendNew(part.agents);
    this.customers.appendNew(part.customers);
    for (const run of part.sessions) this.sessions.push(run);
  }

  /**
   * The columns so far. They are views of the builder's arrays, not copies (a million messages are
   * 30 MB): a message added later goes past their end, or into arrays grown anew, so they never change.
   */
  build(): MessageColumns {
    const n = this.length;
    return {
      length: n,
      time: this.time.subarray(0, n),
      agent: this.agent.subarray(0, n),
      customer: this.customer.subarray(0, n),
      session: this.session.subarray(0, n),
      from: this.from.subarray(0, n),
      flags: this.flags.subarray(0, n),
      textHash: this.textHash.subarray(0, n * 2),
      idHash: this.idHash.subarray(0, n * 2),
      rowPrint: this.rowPrint.subarray(0, n),
      agents: this.agents,
      customers: this.customers,
      sessions: { names: this.sessions },
    };
  }
}

export function toColumns(messages: readonly Message[], rules: AutoReplyRules): MessageColumns {
  const builder = new MessageColumnsBuilder(rules);
  for (const message of messages) builder.add(message);
  return builder.build();
}

export const isColumns = (messages: readonly Message[] | MessageColumns): messages is MessageColumns =>
  !Array.isArray(messages);
