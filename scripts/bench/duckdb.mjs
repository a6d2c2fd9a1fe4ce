// The same three indicators in DuckDB's SQL over the same CSV files: per agent, reply rate, mean
// first response and inquiry conversion (session split, transfers out left out of the service rates,
// window of 2 days, last-touch attribution, paid basis, cash on delivery at order time). It is the
// comparison a data-savvy user would make, and an independent check of the engine's definitions.
import { DuckDBInstance } from '@duckdb/node-api';

const sql = (chats, orders) => `
WITH msgs AS (
  SELECT * FROM read_csv('${chats}', header = true, timestampformat = '%Y-%m-%d %H:%M:%S',
    columns = {'time': 'TIMESTAMP', 'agent': 'VARCHAR', 'customer': 'VARCHAR', 'from': 'VARCHAR',
               'text': 'VARCHAR', 'session': 'VARCHAR', 'auto': 'BOOLEAN', 'transfer': 'VARCHAR'})
),
cons AS (
  SELECT agent, customer, session,
         min(time) FILTER (WHERE "from" = 'customer') AS fc,
         bool_or(coalesce(transfer, '') = 'out') AS transferred
  FROM msgs GROUP BY ALL
),
replies AS (
  SELECT m.agent, m.customer, m.session, min(m.time) AS fr
  FROM msgs m JOIN cons c USING (agent, customer, session)
  WHERE m."from" = 'agent' AND NOT m.auto AND c.fc IS NOT NULL AND m.time >= c.fc
  GROUP BY ALL
),
consultations AS (
  SELECT c.*, r.fr FROM cons c LEFT JOIN replies r USING (agent, customer, session) WHERE c.fc IS NOT NULL
),
orders AS (
  SELECT order_id, customer, CASE WHEN cod THEN created_at ELSE paid_at END AS ev
  FROM read_csv('${orders}', header = true, timestampformat = '%Y-%m-%d %H:%M:%S',
    columns = {'order_id': 'VARCHAR', 'customer': 'VARCHAR', 'created_at': 'TIMESTAMP', 'paid_at': 'TIMESTAMP',
               'amount': 'DOUBLE', 'items': 'INTEGER', 'status': 'VARCHAR', 'refund_amount': 'DOUBLE', 'cod': 'BOOLEAN'})
),
candidates AS (
  SELECT o.order_id, c.agent, c.customer, max(m.time) AS last_touch
  FROM orders o
  JOIN consultations c ON c.customer = o.customer AND c.fc <= o.ev AND CAST(c.fc AS DATE) >= CAST(o.ev AS DATE) - 1
  JOIN msgs m ON m.agent = c.agent AND m.customer = c.customer AND m.session = c.session AND m.time <= o.ev
  WHERE o.ev IS NOT NULL
  GROUP BY o.order_id, c.agent, c.customer, c.session
),
attributed AS (
  SELECT agent, customer FROM (
    SELECT *, row_number() OVER (PARTITION BY order_id ORDER BY last_touch DESC, agent DESC) AS rank FROM candidates
  ) WHERE rank = 1
),
service AS (
  SELECT agent,
         count(fr) FILTER (WHERE NOT transferred) / count(*) FILTER (WHERE NOT transferred) AS reply_rate,
         avg(epoch(fr) - epoch(fc)) FILTER (WHERE NOT transferred AND fr IS NOT NULL) AS first_response_s,
         count(DISTINCT customer) AS inquirers
  FROM consultations GROUP BY agent
),
converted AS (SELECT agent, count(DISTINCT customer) AS converted FROM attributed GROUP BY agent)
SELECT s.agent, s.reply_rate, s.first_response_s, coalesce(c.converted, 0) / s.inquirers AS conversion_rate
FROM service s LEFT JOIN converted c USING (agent) ORDER BY s.agent
`;

/** Runs the query on fresh in-memory DuckDB; returns its time (read and compute) and its rows. */
export async function duckdbIndicators(chatsCsv, ordersCsv) {
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(sql(chatsCsv, ordersCsv));
  const rows = reader.getRowObjects().map((r) => ({
    agent: String(r.agent),
    reply_rate: r.reply_rate === null ? null : Number(r.reply_rate),
    first_response_s: r.first_response_s === null ? null : Number(r.first_response_s),
    conversion_rate: r.conversion_rate === null ? null : Number(r.conversion_rate),
  }));
  const ms = performance.now() - started;
  connection.closeSync();
  return { ms, rows };
}
