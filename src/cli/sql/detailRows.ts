import type { Settings } from '../../core/engine/settings';
import type { DetailConsultation } from '../../core/sheets/tabs';
import type { Dialect } from './dialect';

/**
 * The workbook's 明细 (one row per consultation with a customer message) from DuckDB, in the JS
 * engine's order (buildConsultations): threads in the order their first kept message comes in the
 * exports, then each thread's consultations in the order of their first message in the thread's time
 * order (a session's first appearance, or the day's or the gap's). A consultation's session is its
 * first message's. DuckDB only (the workbook is the command line's), over the views of views.ts.
 */
export function detailSql(settings: Settings, d: Dialect, zoned = false): string {
  const hours = settings.assessmentHours;
  // A consultation's hours and audit times follow its agent's zone (cs_read's column when zoned).
  const zone = zoned ? 'zone' : undefined;
  const inHours =
    hours === null
      ? 'TRUE'
      : `(${d.minuteOf('fc', zone)} >= ${hours.start} AND ${d.minuteOf('fc', zone)} < ${hours.end})`;
  const consultation = `agent, customer, k1, k2${zoned ? ', zone' : ''}`;
  return `SELECT agent, customer, first_session AS session, fc, first_reply,
  customer_messages, agent_messages, auto_messages, t_out = 1 AS transferred_out, off = 1 AS offline, ${inHours} AS in_hours${zoned ? ', zone' : ''}
FROM (
  SELECT ${consultation}, fc, t_out, off, first_session,
    MIN(thread_first) AS thread_first, MIN(pos) AS first_pos,
    MIN(CASE WHEN sender = 'agent' AND NOT auto AND time_ms >= fc THEN time_ms END) AS first_reply,
    SUM(CASE WHEN sender = 'customer' THEN 1 ELSE 0 END) AS customer_messages,
    SUM(CASE WHEN sender = 'agent' AND NOT auto THEN 1 ELSE 0 END) AS agent_messages,
    SUM(CASE WHEN sender = 'agent' AND auto THEN 1 ELSE 0 END) AS auto_messages
  FROM (
    SELECT *,
      MIN(seq) OVER (PARTITION BY agent, customer) AS thread_first,
      FIRST_VALUE(session) OVER (PARTITION BY ${consultation} ORDER BY pos) AS first_session
    FROM ${d.table('cs_steps')}
  ) AS s
  GROUP BY ${consultation}, fc, t_out, off, first_session
) AS c
WHERE fc IS NOT NULL
ORDER BY thread_first, first_pos`;
}

type Cell = string | number | bigint | boolean | null;
/** detailSql's columns, in its order (the zone only when zoned). */
type DetailRow = readonly [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell?];

/** A row of detailSql as the detail tab takes it (times in epoch ms; its zone, else the report's). */
export function detailConsultation(
  row: readonly Cell[],
  reportZone: string,
): DetailConsultation & { firstCustomerAt: number } {
  const [agent, customer, session, fc, firstReply, customers, agents, autos, out, offline, inHours, own] =
    row as readonly Cell[] as DetailRow;
  const zone = own === undefined || own === null ? reportZone : String(own);
  const time = (v: Cell) => (v === null ? null : Number(v));
  return {
    agent: String(agent),
    customer: String(customer),
    session: session === null ? null : String(session),
    zone,
    firstCustomerAt: Number(fc),
    firstReplyAt: time(firstReply),
    customerMessages: Number(customers),
    agentMessages: Number(agents),
    autoMessages: Number(autos),
    transferredOut: out === true,
    offline: offline === true,
    inAssessmentHours: inHours === true,
  };
}
