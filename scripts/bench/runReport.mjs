// One measured run of `cs-kpi report` in a fresh process: prints {ms, peakMB} as JSON.
import { main } from '../../build/cli.js';

const args = process.argv.slice(2);
const started = performance.now();
const code = await main(args);
const ms = performance.now() - started;
process.stdout.write(`\n${JSON.stringify({ code, ms, peakMB: process.resourceUsage().maxRSS / 1024 })}\n`);
