// One measured run of DuckDB's three-indicator query (duckdb.mjs) in a fresh process: prints
// {ms, peakMB, agents} as JSON, as runReport.mjs does for cs-kpi.
import { duckdbIndicators } from './duckdb.mjs';

const [chats, orders] = process.argv.slice(2);
const { ms, rows } = await duckdbIndicators(chats, orders);
process.stdout.write(
  `\n${JSON.stringify({ code: 0, ms, peakMB: process.resourceUsage().maxRSS / 1024, agents: rows.length })}\n`,
);
