// npm run bench: speed figures for the README, measured on this machine (not a timed test).
// Synthetic months of 100k to 20M messages go through `cs-kpi report` in fresh processes, beside
// DuckDB's three-indicator query over the same files; the Apps Script bundle's size and load time are
// measured as every custom-function cell pays them. Each figure is the median of RUNS fresh processes
// (one at 20M). The months are generated once and kept (scripts/bench/months.mjs).
// `npm run bench -- --quick` (or CS_KPI_BENCH_QUICK=1) runs the same steps on small months in seconds,
// writing out/bench-quick.json: to try the script, not to quote.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import Papa from 'papaparse';
import { measureProcess, median } from './bench/measure.mjs';
import { benchMonth } from './bench/months.mjs';
import { build, ROOT } from './build.mjs';

const OUT = join(ROOT, 'out');
const BENCH = join(OUT, 'bench');
const RUNS = 3;
const QUICK = process.argv.includes('--quick') || process.env.CS_KPI_BENCH_QUICK === '1';
/** What each part of the bench reads; --quick: the same parts, small. */
const SIZES = QUICK
  ? {
      orderRows: 20_000,
      chatImport: [10_000, 1_000],
      csIndicators: [5_000, 500],
      scale: [
        [10_000, 1_000],
        [20_000, 2_000],
      ],
    }
  : {
      orderRows: 1_450_000,
      chatImport: [1_000_000, 100_000],
      csIndicators: [50_000, 5_000],
      scale: [
        [10_000, 1_000],
        [100_000, 10_000],
        [1_000_000, 100_000],
        [5_000_000, 500_000],
        [20_000_000, 2_000_000],
      ],
    };
/** Sizes run once rather than RUNS times: a run takes minutes. */
const ONCE_FROM = 20_000_000;
/**
 * The issue's target for 20M messages: a run there is stopped when its memory passes this, and
 * recorded as stopped (with the peak it had reached), not left to run on for many minutes.
 */
const MEMORY_TARGET_MB = 4096;

const dataset = benchMonth;
const label = (messages) => (messages >= 1_000_000 ? `${messages / 1_000_000}m` : `${messages / 1000}k`);

/**
 * The median of `runs` fresh processes running `cs-kpi ARGS` (time and peak memory each the median
 * of its own): {ms, peakMB, stderr, times}. Throws when one fails, unless `mayFail`: then a failed
 * run is returned as {failure, peakMB} (the peak it reached before it stopped).
 */
async function measureCli(args, { runs = RUNS, mayFail = false, memoryLimitMB = null } = {}) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const result = await measureProcess(join(ROOT, 'scripts/bench/runReport.mjs'), args, { memoryLimitMB });
    if (!result.ok) {
      if (mayFail) return { failure: result.failure, peakMB: result.peakMB, ms: null };
      throw new Error(`cs-kpi ${args.join(' ')} failed: ${result.failure}\n${result.stderr}`);
    }
    results.push(result);
  }
  const middle = [...results].sort((a, b) => a.ms - b.ms)[Math.floor(results.length / 2)];
  return {
    ms: median(results.map((r) => r.ms)),
    peakMB: median(results.map((r) => r.peakMB)),
    stderr: middle.stderr,
    times: results.map((r) => Math.round(r.ms)),
  };
}

/** The steps `--timings` printed: {step: ms}. */
function timingsOf(stderr) {
  const line = stderr.split('\n').find((l) => l.startsWith('cs-kpi: timings: ')) ?? '';
  const steps = {};
  for (const [, step, ms] of line
    .slice('cs-kpi: timings: '.length)
    .matchAll(/(?:^|, )([^,;]+?) ([\d,]+) ms/g))
    steps[step] = Number(ms.replaceAll(',', ''));
  return steps;
}

/** `cs-kpi report` on a month's three files, with --engine ENGINE when not null. */
function measureReport(dir, engine, options) {
  const files = ['chats', 'orders', 'ratings'].flatMap((kind) => [`--${kind}`, join(dir, `${kind}.csv`)]);
  const choice = engine ? ['--engine', engine] : [];
  return measureCli(
    ['report', ...files, ...choice, '--format', 'json', '--out', os.devNull, '--timings'],
    options,
  );
}

/** About 100 MB of orders with the Tmall order report's columns (one row per order). */
function tmallShapedExport(rows) {
  const path = join(BENCH, `tmall-shaped-orders-${rows}.csv`);
  if (existsSync(path)) return path;
  mkdirSync(BENCH, { recursive: true });
  const lines = ['订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额'];
  const start = Date.UTC(2020, 1, 1);
  const stamp = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  for (let i = 0; i < rows; i++) {
    const created = start + ((i * 7919) % (28 * 86_400)) * 1000;
    const paid = i % 7 === 0 ? '' : stamp(created + 8000);
    const amount = ((i * 37) % 500) + 0.8;
    const refund = i % 5 === 0 ? '10.0' : '0.0';
    lines.push(
      `${i + 1},${amount.toFixed(1)},${paid ? amount.toFixed(1) : '0.0'},上海,${stamp(created)},${paid},${refund}`,
    );
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

/** The file's header with the first half of its rows, and the header with the rest: two files. */
function halvesOf(path) {
  const bytes = readFileSync(path);
  const headerEnd = bytes.indexOf(0x0a) + 1;
  const middle = bytes.indexOf(0x0a, headerEnd + Math.floor((bytes.length - headerEnd) / 2)) + 1;
  const header = bytes.subarray(0, headerEnd);
  return [
    [headerEnd, middle],
    [middle, bytes.length],
  ].map(([from, to], i) => {
    const half = path.replace(/\.csv$/, `.half${i + 1}.csv`);
    if (!existsSync(half)) writeFileSync(half, Buffer.concat([header, bytes.subarray(from, to)]));
    return half;
  });
}

/** scripts/bench/importFloor.ts, bundled as it is now. */
async function importFloorScript() {
  const script = join(BENCH, 'importFloor.mjs');
  await esbuild.build({
    entryPoints: [join(ROOT, 'scripts/bench/importFloor.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'warning',
  });
  return script;
}

/**
 * Runs each command (a script and its arguments) in its own process, all at once; each prints JSON
 * with its own `ms` on its last line. The median of RUNS of the slowest process's own time, so that
 * starting Node is not counted, as measureCli does not count it.
 */
async function atOnce(commands, env = {}) {
  const runOne = (command) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, command, {
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, ...env },
      });
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) => {
        const result = code === 0 ? JSON.parse(out.trim().split('\n').at(-1)) : null;
        if (result && (result.code ?? 0) === 0) resolve(result.ms);
        else reject(new Error(`${command.join(' ')} failed`));
      });
    });
  const times = [];
  for (let run = 0; run < RUNS; run++) times.push(Math.max(...(await Promise.all(commands.map(runOne)))));
  return median(times);
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
  runs: `median of ${RUNS} fresh processes each (one from ${ONCE_FROM.toLocaleString('en')} messages)`,
};
const rows = [];
const stepLines = [];
const count = (n) => n.toLocaleString('en');
const mbOf = (...paths) => paths.reduce((sum, path) => sum + statSync(path).size, 0) / 2 ** 20;
const orderExport = tmallShapedExport(SIZES.orderRows);
for (const [kind, path] of [
  ['orders', orderExport],
  ['chats', join(await dataset(...SIZES.chatImport), 'chats.csv')],
]) {
  const mb = mbOf(path);
  const { ms } = await measureCli(['inspect', path, '--json']);
  figures[`import_${kind}_mb_per_s`] = Math.round((mb / (ms / 1000)) * 10) / 10;
  rows.push([
    `import (read, map, convert) ${kind} export, ${mb.toFixed(0)} MB`,
    `${Math.round(ms)} ms`,
    '',
    `${figures[`import_${kind}_mb_per_s`]} MB/s`,
  ]);
}
/** Every export read in one piece, on one core (parallelImport.ts's threshold past any file). */
const ONE_PIECE = { CS_KPI_PARALLEL_MIN_BYTES: String(Number.MAX_SAFE_INTEGER) };
{
  // How fast the order export could be read at all while Papa Parse reads it (issue 4's 50 MB/s).
  const mb = mbOf(orderExport);
  const floor = await importFloorScript();
  const halves = halvesOf(orderExport);
  const inspect = (file) => [join(ROOT, 'scripts/bench/runReport.mjs'), 'inspect', file, '--json'];
  for (const [what, key, commands, env] of [
    ['Papa Parse alone, one core', 'papa_1', [[floor, orderExport, 'papa']]],
    ['Papa Parse alone, its two halves in two processes', 'papa_2', halves.map((h) => [floor, h, 'papa'])],
    [
      'least conversion (ID, 2 times, 2 amounts), two halves in two processes',
      'minimal_2',
      halves.map((h) => [floor, h, 'minimal']),
    ],
    // Each half in one piece: a half past CS_KPI_PARALLEL_MIN_BYTES would be read on both cores itself.
    [
      'cs-kpi inspect on the two halves in two processes, never joined',
      'inspect_2',
      halves.map(inspect),
      ONE_PIECE,
    ],
  ]) {
    const ms = await atOnce(commands, env);
    figures[`order_floor_${key}_mb_per_s`] = Math.round((mb / (ms / 1000)) * 10) / 10;
    rows.push([
      `  floor of the order export: ${what}`,
      `${Math.round(ms)} ms`,
      '',
      `${figures[`order_floor_${key}_mb_per_s`]} MB/s`,
    ]);
  }
}
{
  // CS_INDICATORS as a formula cell runs it: the built Code.js, ranges as rows of cells.
  const [messages, orders] = SIZES.csIndicators;
  const dir = await dataset(messages, orders);
  const parse = (file) => Papa.parse(readFileSync(join(dir, file), 'utf8').trim(), { header: false }).data;
  const [chats, orderRows] = [parse('chats.csv'), parse('orders.csv')];
  const context = vm.createContext({});
  vm.runInContext(readFileSync(join(ROOT, 'dist/Code.js'), 'utf8'), context);
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const table = context.CS_INDICATORS(chats, orderRows, [['tz', 'Asia/Shanghai']]);
    times.push(performance.now() - started);
    if (!Array.isArray(table) || table.length < 3) throw new Error('CS_INDICATORS gave no table');
  }
  figures[`cs_indicators_${label(messages)}_ms`] = Math.round(median(times));
  rows.push([
    `CS_INDICATORS, ${count(messages)} messages + ${count(orders)} orders (built Code.js)`,
    `${Math.round(median(times))} ms`,
    '',
    '',
  ]);
}

/**
 * The engines `cs-kpi report --engine` offers, found by asking for each on the smallest month: an
 * engine the command does not know yet is left out and said so (never given a made-up figure).
 */
async function engines() {
  const dir = await dataset(...SIZES.scale[0]);
  const files = ['--chats', join(dir, 'chats.csv'), '--orders', join(dir, 'orders.csv')];
  const found = [];
  const missing = {};
  for (const engine of ['js', 'duckdb']) {
    const trial = await measureProcess(join(ROOT, 'scripts/bench/runReport.mjs'), [
      'report',
      ...files,
      '--engine',
      engine,
      '--format',
      'json',
      '--out',
      os.devNull,
    ]);
    if (trial.ok) found.push(engine);
    else missing[engine] = trial.failure;
  }
  // Before --engine existed there was one engine, the JavaScript one, and no option to choose it.
  if (found.length === 0) return { found: [null], missing };
  return { found, missing };
}

// Our full path (read the chat, order and rating CSV files, map, consultations, every indicator)
// against DuckDB computing three of them in SQL over the same chat and order files, in this one run,
// each engine and the query in turn at each size; the answers agree (test/duckdb.test.ts). `ours` is
// the best engine's median, end to end.
const { found, missing } = await engines();
for (const [engine, why] of Object.entries(missing))
  if (found[0] !== null || engine !== 'js') figures[`engine_${engine}_missing`] = why;
const scale = [];
for (const [messages, orders] of SIZES.scale) {
  const dir = await dataset(messages, orders);
  const chats = join(dir, 'chats.csv');
  const orderFile = join(dir, 'orders.csv');
  const runs = messages >= ONCE_FROM ? 1 : RUNS;
  const key = label(messages);
  const perEngine = {};
  const memoryLimitMB = messages >= ONCE_FROM ? MEMORY_TARGET_MB : null;
  for (const engine of found)
    perEngine[engine ?? 'js'] = await measureReport(dir, engine, { runs, mayFail: true, memoryLimitMB });
  const duckTimes = [];
  const duckPeaks = [];
  for (let run = 0; run < runs; run++) {
    const result = await measureProcess(join(ROOT, 'scripts/bench/runDuckdb.mjs'), [chats, orderFile]);
    if (!result.ok) throw new Error(`DuckDB's query failed on ${dir}: ${result.failure}`);
    duckTimes.push(result.ms);
    duckPeaks.push(result.peakMB);
  }
  const duck = { ms: median(duckTimes), peakMB: median(duckPeaks) };
  for (const engine of ['js', 'duckdb']) {
    const measured = perEngine[engine];
    figures[`report_${key}_${engine}_ms`] = measured?.ms == null ? null : Math.round(measured.ms);
    figures[`report_${key}_${engine}_peak_mb`] =
      measured?.peakMB == null ? null : Math.round(measured.peakMB);
    if (measured?.failure) figures[`report_${key}_${engine}_failure`] = measured.failure;
  }
  const finished = Object.entries(perEngine).filter(([, m]) => m.ms !== null);
  const [bestEngine, best] = finished.sort((a, b) => a[1].ms - b[1].ms)[0] ?? [null, null];
  const peak = best?.peakMB ?? Math.max(...Object.values(perEngine).map((m) => m.peakMB ?? 0));
  const ratio = best ? Math.round((best.ms / duck.ms) * 100) / 100 : null;
  figures[`duckdb_ms_${key}`] = Math.round(duck.ms);
  figures[`duckdb_peak_mb_${key}`] = Math.round(duck.peakMB);
  figures[`ours_vs_duckdb_ms_${key}`] = best ? Math.round(best.ms) : null;
  figures[`ours_engine_${key}`] = bestEngine;
  figures[`duckdb_ratio_${key}`] = ratio;
  // The best engine's; when none finished, the most any reached before it stopped.
  figures[`report_${key}_peak_mb`] = Math.round(peak);
  if (best) {
    const steps = timingsOf(best.stderr);
    figures[`report_${key}_ms`] = Math.round(best.ms);
    figures[`report_${key}_steps_ms`] = steps;
    figures[`report_${key}_messages_per_s`] = Math.round(messages / (best.ms / 1000));
    stepLines.push(
      `report, ${count(messages)} messages (${bestEngine ?? 'js'}), by step (ms, of the median run): ${Object.entries(
        steps,
      )
        .map(([step, stepMs]) => `${step} ${stepMs}`)
        .join(', ')}`,
    );
  }
  scale.push({
    messages,
    orders,
    mb: mbOf(chats, orderFile),
    runs,
    perEngine,
    best,
    bestEngine,
    duck,
    ratio,
    peak,
  });
}
{
  const at = (messages) => scale.find((s) => s.messages === messages);
  const [small, large] = QUICK ? [at(10_000), at(20_000)] : [at(1_000_000), at(5_000_000)];
  if (small?.best && large?.best)
    figures[QUICK ? 'growth_10k_to_20k' : 'growth_1m_to_5m'] =
      Math.round((large.best.ms / small.best.ms) * 100) / 100;
}
figures.code_js_kb = Math.round(statSync(join(ROOT, 'dist/Code.js')).size / 102.4) / 10;
figures.code_js_eval_ms = Math.round(codeJsLoad() * 100) / 100;
figures.sidebar_html_kb = Math.round(statSync(join(ROOT, 'dist/Sidebar.html')).size / 102.4) / 10;
rows.push(['dist/Code.js size', `${figures.code_js_kb} KB`, '', '']);
rows.push(['dist/Code.js load (median of 20)', `${figures.code_js_eval_ms} ms`, '', '']);
rows.push(['dist/Sidebar.html size', `${figures.sidebar_html_kb} KB`, '', '']);

const print = (table) => {
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const row of table)
    console.log(
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
    );
};
console.log(`Benchmark on ${figures.machine}; ${figures.runs}`);
print(rows);
for (const line of stepLines) console.log(line);
const seconds = (ms) => (ms == null ? '—' : `${(ms / 1000).toFixed(2)} s`);
const gb = (mb) => (mb == null ? '—' : `${(mb / 1024).toFixed(2)} GB`);
const engineCell = (m) =>
  m == null
    ? 'n/a'
    : m.ms != null
      ? `${seconds(m.ms)}, ${gb(m.peakMB)}`
      : m.failure?.startsWith('stopped')
        ? `stopped past ${gb(MEMORY_TARGET_MB)}`
        : `failed at ${gb(m.peakMB)}`;
console.log(
  "\nThe issue's table: cs-kpi report (every indicator) and DuckDB (three indicators in SQL) over the same CSV files",
);
print([
  [
    'messages + orders',
    'MB of CSV',
    'ours (js)',
    'ours (duckdb)',
    'DuckDB query',
    'ratio',
    'our peak memory',
  ],
  ...scale.map((s) => [
    `${count(s.messages)} + ${count(s.orders)}${s.runs === 1 ? ' (1 run)' : ''}`,
    s.mb.toFixed(0),
    engineCell(s.perEngine.js),
    engineCell(s.perEngine.duckdb),
    `${seconds(s.duck.ms)}, ${gb(s.duck.peakMB)}`,
    s.ratio == null ? '—' : String(s.ratio),
    gb(s.peak),
  ]),
]);
const growthKey = QUICK ? 'growth_10k_to_20k' : 'growth_1m_to_5m';
console.log(`${growthKey}: ${figures[growthKey] ?? '—'}`);
for (const [engine, why] of Object.entries(missing))
  if (figures[`engine_${engine}_missing`]) console.log(`--engine ${engine} not measured: ${why}`);
for (const s of scale)
  for (const [engine, m] of Object.entries(s.perEngine))
    if (m.failure) console.log(`${count(s.messages)} messages, ${engine} engine: ${m.failure}`);
mkdirSync(OUT, { recursive: true });
const written = join(OUT, QUICK ? 'bench-quick.json' : 'bench.json');
writeFileSync(written, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`written to ${written}`);
