import { Interner } from './interner';
import type { Message, Sender } from './model';

/**
 * Messages as columns: one typed array per field instead of an object per message. A million message
 * objects cost more in garbage collection than the engine's own work, and typed arrays can be handed
 * between threads without copying. Names (agents, customers, sessions) are numbered.
 */
export interface MessageColumns {
  readonly length: number;
  readonly time: Float64Array;
  readonly agent: Int32Array;
  readonly customer: Int32Array;
  /** -1: the row has no session ID. */
  readonly session: Int32Array;
  /** SENDER_CODES */
  readonly from: Uint8Array;
  /** AUTO | INVITE | OFFLINE | TRANSFER_OUT | TRANSFER_IN */
  readonly flags: Uint8Array;
  /** Two independent 32-bit hashes of each message's text, to tell duplicates without keeping texts. */
  readonly textHash: Int32Array;
  /** The names the numbers stand for; `names[n]` is the name numbered n. */
  readonly agents: Interner;
  readonly customers: Interner;
  readonly sessions: Interner;
}

/** Columns as they cross between threads: typed arrays, and the names as plain lists. */
export type MessageColumnsData = Omit<MessageColumns, 'agents' | 'customers' | 'sessions'> & {
  agents: readonly string[];
  customers: readonly string[];
  sessions: readonly string[];
};

export function columnsData(columns: MessageColumns): MessageColumnsData {
  return {
    ...columns,
    agents: columns.agents.names,
    customers: columns.customers.names,
    sessions: columns.sessions.names,
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

/** What marks an agent message as an auto reply besides the export's own flag (see Settings). */
export interface AutoReplyRules {
  autoPrefixes: readonly string[];
  autoKeywords: readonly string[];
}

/** FNV-1a and a multiply-rotate hash of the same text: equal texts, equal pairs. */
function hashText(text: string, into: Int32Array, at: number) {
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
  private readonly agents = new Interner();
  private readonly customers = new Interner();
  private readonly sessions = new Interner();
  // Consecutive rows mostly share their agent, customer and session: compare before looking up.
  private last = { agent: '', agentId: -1, customer: '', customerId: -1, session: '', sessionId: -1 };
  private readonly marksAuto: boolean;

  constructor(private readonly rules: AutoReplyRules) {
    this.marksAuto = rules.autoPrefixes.length > 0 || rules.autoKeywords.length > 0;
  }

  private grow() {
    const size = this.time.length * 2;
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(old: T, length: number): T => {
      const next = new (old.constructor as new (n: number) => T)(length);
      next.set(old);
      return next;
    };
    this.time = grown(this.time, size);
    this.agent = grown(this.agent, size);
    this.customer = grown(this.customer, size);
    this.session = grown(this.session, size);
    this.from = grown(this.from, size);
    this.flags = grown(this.flags, size);
    this.textHash = grown(this.textHash, size * 2);
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
        last.sessionId = this.sessions.id(message.session);
      }
      session = last.sessionId;
    }
    this.time[i] = message.time;
    this.agent[i] = last.agentId;
    this.customer[i] = last.customerId;
    this.session[i] = session;
    this.from[i] = SENDER_CODES[message.from];
    const auto =
      message.auto ||
      (this.marksAuto &&
        message.from === 'agent' &&
        (this.rules.autoPrefixes.some((p) => message.text.startsWith(p)) ||
          this.rules.autoKeywords.some((k) => message.text.includes(k))));
    this.flags[i] =
      (auto ? AUTO : 0) |
      (message.invite ? INVITE : 0) |
      (message.offline ? OFFLINE : 0) |
      (message.transfer === 'out' ? TRANSFER_OUT : 0) |
      (message.transfer === 'in' ? TRANSFER_IN : 0);
    hashText(message.text, this.textHash, i * 2);
  }

  /** Appends columns read elsewhere (another thread's part of the file), renumbering their names. */
  addColumns(other: MessageColumnsData): void {
    const agents = other.agents.map((name) => this.agents.id(name));
    const customers = other.customers.map((name) => this.customers.id(name));
    const sessions = other.sessions.map((name) => this.sessions.id(name));
    for (let j = 0; j < other.length; j++) {
      if (this.length === this.time.length) this.grow();
      const i = this.length++;
      const session = other.session[j] as number;
      this.time[i] = other.time[j] as number;
      this.agent[i] = agents[other.agent[j] as number] as number;
      this.customer[i] = customers[other.customer[j] as number] as number;
      this.session[i] = session < 0 ? -1 : (sessions[session] as number);
      this.from[i] = other.from[j] as number;
      this.flags[i] = other.flags[j] as number;
      this.textHash[2 * i] = other.textHash[2 * j] as number;
      this.textHash[2 * i + 1] = other.textHash[2 * j + 1] as number;
    }
  }

  build(): MessageColumns {
    const n = this.length;
    return {
      length: n,
      time: this.time.slice(0, n),
      agent: this.agent.slice(0, n),
      customer: this.customer.slice(0, n),
      session: this.session.slice(0, n),
      from: this.from.slice(0, n),
      flags: this.flags.slice(0, n),
      textHash: this.textHash.slice(0, n * 2),
      agents: this.agents,
      customers: this.customers,
      sessions: this.sessions,
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
