// npm run bench: speed figures for the README, measured on this machine (not a timed test).
// Synthetic months of 100k and 1M messages go through `cs-kpi report` in fresh processes; the
// Apps Script bundle's size and load time are measured as every custom-function cell pays them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { build, ROOT } from './build.mjs';
import { writeSyntheticMonth } from './synthetic.mjs';

const OUT = join(ROOT, 'out');
const RUNS = 2;

async function dataset(messages, orders) {
  const dir = join(OUT, 'bench', `${messages}-${orders}`);
  if (!existsSync(join(dir, 'ratings.csv'))) {
    mkdirSync(dir, { recursive: true });
    await writeSyntheticMonth(dir, { messages, orders });
  }
  return dir;
}

/** The best of RUNS fresh processes: {ms, peakMB}. */
function measureReport(dir) {
  let best = null;
  for (let run = 0; run < RUNS; run++) {
    const output = execFileSync(
      process.execPath,
      [
        join(ROOT, 'scripts/bench/runReport.mjs'),
        'report',
        '--chats',
        join(dir, 'chats.csv'),
        '--orders',
        join(dir, 'orders.csv'),
        '--ratings',
        join(dir, 'ratings.csv'),
        '--format',
        'json',
        '--out',
        os.devNull,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 },
    );
    const result = JSON.parse(output.trim().split('\n').at(-1));
    if (result.code !== 0) throw new Error(`cs-kpi report failed on ${dir}`);
    if (!best || result.ms < best.ms) best = result;
  }
  return best;
}

function codeJsLoad() {
  const code = readFileSync(join(ROOT, 'dist/Code.js'), 'utf8');
  const times = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    vm.runInContext(code, vm.createContext({}));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

await build();
const figures = {
  machine: `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  date: new Date().toISOString().slice(0, 10),
};
const rows = [];
for (const [messages, orders] of [
  [100_000, 10_000],
  [1_000_000, 100_000],
]) {
  const dir = await dataset(messages, orders);
  const { ms, peakMB } = measureReport(dir);
  const label = messages >= 1_000_000 ? '1m' : `${messages / 1000}k`;
  figures[`report_${label}_ms`] = Math.round(ms);
  figures[`report_${label}_peak_mb`] = Math.round(peakMB);
  figures[`report_${label}_messages_per_s`] = Math.round(messages / (ms / 1000));
  const mb = (statSync(join(dir, 'chats.csv')).size + statSync(join(dir, 'orders.csv')).size) / 2 ** 20;
  rows.push([
    `report, ${messages.toLocaleString('en')} messages + ${orders.toLocaleString('en')} orders (${mb.toFixed(0)} MB)`,
    `${Math.round(ms)} ms`,
    `${Math.round(peakMB)} MB peak`,
    `${Math.round(messages / (ms / 1000)).toLocaleString('en')} msg/s`,
  ]);
}
figures.code_js_kb = Math.round(statSync(join(ROOT, 'dist/Code.js')).size / 102.4) / 10;
figures.code_js_eval_ms = Math.round(codeJsLoad() * 100) / 100;
figures.sidebar_html_kb = Math.round(statSync(join(ROOT, 'dist/Sidebar.html')).size / 102.4) / 10;
rows.push(['dist/Code.js size', `${figures.code_js_kb} KB`, '', '']);
rows.push(['dist/Code.js load (median of 20)', `${figures.code_js_eval_ms} ms`, '', '']);
rows.push(['dist/Sidebar.html size', `${figures.sidebar_html_kb} KB`, '', '']);

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`Benchmark on ${figures.machine}`);
for (const row of rows)
  console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'bench.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log('written to out/bench.json');
