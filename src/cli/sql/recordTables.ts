import type { Complaint, Issue, OnlineSpan, Rating, Refund } from '../../core/engine/model';
import type { CanonicalColumn, RowSink } from './sqlTypes';

/**
 * The canonical tables of the exports besides chats and orders: ratings (评价), refunds (退款),
 * complaints (投诉), online time (在线) and issues (工单), one row per record the importer kept, in
 * file order (`seq`). A record that names no agent (a rating of the shop) has a NULL agent: it counts
 * for the shop only, as in the JS engine (buckets.ts, `named`). Buyers are carried only where the
 * engine reads them (a rating's customer tells two ratings at one moment apart); a refund carries its
 * order's ID (a refund record makes that order refunded, salesFacts.ts), never a phone or address.
 */
const SEQ: CanonicalColumn = {
  name: 'seq',
  duckdb: 'BIGINT',
  means: 'place in the exports, in the order read (file order decides repeats)',
};

const TIME: CanonicalColumn = { name: 'time_ms', duckdb: 'BIGINT', means: 'epoch milliseconds' };

/** Last in every table but the messages' (whose zone is their agent's: the agent_zones table). */
export const ZONE: CanonicalColumn = {
  name: 'zone',
  duckdb: 'VARCHAR',
  means:
    "the zone its export was read in (a shop in another market), which its days follow; NULL: the report's",
};

export const RATING_COLUMNS: readonly CanonicalColumn[] = [
  SEQ,
  TIME,
  { name: 'agent', duckdb: 'VARCHAR', means: 'agent account; NULL: a rating of the shop' },
  { name: 'customer', duckdb: 'VARCHAR', means: "the buyer as the export names them ('' when none)" },
  { name: 'level', duckdb: 'INTEGER', means: 'rating level, 1 (非常不满意) to 5 (非常满意)' },
  { name: 'id', duckdb: 'VARCHAR', means: "the export's own rating ID, or NULL" },
  ZONE,
];

export const REFUND_COLUMNS: readonly CanonicalColumn[] = [
  SEQ,
  { name: 'order_id', duckdb: 'VARCHAR', means: 'the order refunded (its ID in the order exports)' },
  { name: 'agent', duckdb: 'VARCHAR', means: 'agent who handled it; NULL: the shop' },
  {
    name: 'applied_ms',
    duckdb: 'BIGINT',
    means: 'requested at, epoch milliseconds (its day counts a dispute)',
  },
  {
    name: 'completed_ms',
    duckdb: 'BIGINT',
    means: 'completed at, epoch milliseconds (its day counts the completion); NULL: open',
  },
  {
    name: 'completed_by',
    duckdb: 'VARCHAR',
    means: 'shop, platform or buyer; NULL: the export does not say',
  },
  { name: 'dispute', duckdb: 'BOOLEAN', means: 'the buyer escalated it to the platform (退款纠纷)' },
  ZONE,
];

export const COMPLAINT_COLUMNS: readonly CanonicalColumn[] = [
  SEQ,
  TIME,
  { name: 'agent', duckdb: 'VARCHAR', means: 'agent account; NULL: the shop' },
  ZONE,
];

export const ONLINE_COLUMNS: readonly CanonicalColumn[] = [
  SEQ,
  { name: 'agent', duckdb: 'VARCHAR', means: 'agent account' },
  { name: 'start_ms', duckdb: 'BIGINT', means: 'epoch milliseconds the span began (its day counts it)' },
  { name: 'end_ms', duckdb: 'BIGINT', means: 'epoch milliseconds the span ended' },
  ZONE,
];

export const ISSUE_COLUMNS: readonly CanonicalColumn[] = [
  SEQ,
  TIME,
  { name: 'agent', duckdb: 'VARCHAR', means: 'agent account' },
  { name: 'resolved', duckdb: 'BOOLEAN', means: 'the issue was resolved' },
  ZONE,
];

/** The record tables by name, as CANONICAL_TABLES lists them after messages. */
export const RECORD_TABLES = {
  ratings: RATING_COLUMNS,
  refunds: REFUND_COLUMNS,
  complaints: COMPLAINT_COLUMNS,
  online: ONLINE_COLUMNS,
  issues: ISSUE_COLUMNS,
} as const;

export type RecordTable = keyof typeof RECORD_TABLES;
export const RECORD_TABLE_NAMES = Object.keys(RECORD_TABLES) as RecordTable[];

export const isRecordTable = (kind: string): kind is RecordTable => kind in RECORD_TABLES;

/** The record each table holds a row of. */
export interface RecordOfTable {
  ratings: Rating;
  refunds: Refund;
  complaints: Complaint;
  online: OnlineSpan;
  issues: Issue;
}

function time(ms: number, what: string): number {
  if (!Number.isInteger(ms))
    throw new Error(`a ${what} time of ${ms} ms is not whole milliseconds: use --engine js`);
  return ms;
}

const orNothing = (s: RowSink, text: string | null | undefined) =>
  text === null || text === undefined ? s.nothing() : s.text(text);

/** Records of one kind into canonical rows, numbered in the order given. */
export class RecordRows<T extends RecordTable> {
  private seq = 0;
  /** Whether a record was read in a zone of its own (the views then count each row's days in its zone). */
  zoned = false;

  constructor(
    readonly table: T,
    private readonly sink: RowSink,
  ) {}

  get count(): number {
    return this.seq;
  }

  add(record: RecordOfTable[T]): void {
    const s = this.sink;
    s.bigint(this.seq++);
    if (this.table === 'ratings') {
      const r = record as Rating;
      s.bigint(time(r.time, 'rating'));
      orNothing(s, r.agent);
      s.text(r.customer);
      s.integer(r.level);
      orNothing(s, r.id);
    } else if (this.table === 'refunds') {
      const r = record as Refund;
      s.text(r.orderId);
      orNothing(s, r.agent);
      s.bigint(time(r.appliedAt, 'refund request'));
      if (r.completedAt === null) s.nothing();
      else s.bigint(time(r.completedAt, 'refund completion'));
      orNothing(s, r.completedBy);
      s.bool(r.dispute);
    } else if (this.table === 'complaints') {
      const c = record as Complaint;
      s.bigint(time(c.time, 'complaint'));
      orNothing(s, c.agent);
    } else if (this.table === 'online') {
      const o = record as OnlineSpan;
      s.text(o.agent);
      s.bigint(time(o.start, 'online span'));
      s.bigint(time(o.end, 'online span'));
    } else {
      const i = record as Issue;
      s.bigint(time(i.time, 'issue'));
      s.text(i.agent);
      s.bool(i.resolved);
    }
    if (record.zone !== undefined) this.zoned = true;
    orNothing(s, record.zone);
    s.endRow();
  }
}
