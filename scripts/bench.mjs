// npm run bench: speed figures for the README, measured on this machine (not a timed test).
// Synthetic months of 100k and 1M messages go through `cs-kpi report` in fresh processes; the
// Apps Script bundle's size and load time are measured as every custom-function cell pays them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import Papa from 'papaparse';
import { duckdbIndicators } from './bench/duckdb.mjs';
import { build, ROOT } from './build.mjs';
import { GENERATOR_VERSION, writeSyntheticMonth } from './synthetic.mjs';

const OUT = join(ROOT, 'out');
const RUNS = 2;

async function dataset(messages, orders) {
  const dir = join(OUT, 'bench', `${messages}-${orders}-v${GENERATOR_VERSION}`);
  if (!existsSync(join(dir, 'ratings.csv'))) {
    mkdirSync(dir, { recursive: true });
    await writeSyntheticMonth(dir, { messages, orders });
  }
  return dir;
}

/** The best of RUNS fresh processes running `cs-kpi ARGS`: {ms, peakMB, stderr}. */
function measureCli(args) {
  let best = null;
  for (let run = 0; run < RUNS; run++) {
    const child = spawnSync(process.execPath, [join(ROOT, 'scripts/bench/runReport.mjs'), ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 26,
    });
    const result = { ...JSON.parse(child.stdout.trim().split('\n').at(-1)), stderr: child.stderr };
    if (result.code !== 0) throw new Error(`cs-kpi ${args.join(' ')} failed: ${child.stderr}`);
    if (!best || result.ms < best.ms) best = result;
  }
  return best;
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

function measureReport(dir) {
  const files = ['chats', 'orders', 'ratings'].flatMap((kind) => [`--${kind}`, join(dir, `${kind}.csv`)]);
  return measureCli(['report', ...files, '--format', 'json', '--out', os.devNull, '--timings']);
}

/** About 100 MB of orders with the Tmall order report's columns (one row per order). */
function tmallShapedExport(path) {
  if (existsSync(path)) return path;
  const lines = ['订单编号,总金额,买家实际支付金额,收货地址 ,订单创建时间,订单付款时间 ,退款金额'];
  const start = Date.UTC(2020, 1, 1);
  const stamp = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  for (let i = 0; i < 1_450_000; i++) {
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
  const script = join(OUT, 'bench', 'importFloor.mjs');
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
 * with its own `ms` on its last line. The best of RUNS of the slowest process's own time, so that
 * starting Node is not counted, as measureCli does not count it.
 */
async function atOnce(commands) {
  const runOne = (command) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, command, { stdio: ['ignore', 'pipe', 'ignore'] });
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
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run++)
    best = Math.min(best, Math.max(...(await Promise.all(commands.map(runOne)))));
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
const stepLines = [];
for (const [messages, orders] of [
  [100_000, 10_000],
  [1_000_000, 100_000],
]) {
  const dir = await dataset(messages, orders);
  const { ms, peakMB, stderr } = measureReport(dir);
  const label = messages >= 1_000_000 ? '1m' : `${messages / 1000}k`;
  const steps = timingsOf(stderr);
  figures[`report_${label}_ms`] = Math.round(ms);
  figures[`report_${label}_steps_ms`] = steps;
  figures[`report_${label}_peak_mb`] = Math.round(peakMB);
  figures[`report_${label}_messages_per_s`] = Math.round(messages / (ms / 1000));
  const mb = (statSync(join(dir, 'chats.csv')).size + statSync(join(dir, 'orders.csv')).size) / 2 ** 20;
  rows.push([
    `report, ${messages.toLocaleString('en')} messages + ${orders.toLocaleString('en')} orders (${mb.toFixed(0)} MB)`,
    `${Math.round(ms)} ms`,
    `${Math.round(peakMB)} MB peak`,
    `${Math.round(messages / (ms / 1000)).toLocaleString('en')} msg/s`,
  ]);
  stepLines.push(
    `report, ${messages.toLocaleString('en')} messages, by step (ms): ${Object.entries(steps)
      .map(([step, stepMs]) => `${step} ${stepMs}`)
      .join(', ')}`,
  );
}
for (const [label, path] of [
  ['orders', tmallShapedExport(join(OUT, 'bench', 'tmall-shaped-orders.csv'))],
  ['chats', join(await dataset(1_000_000, 100_000), 'chats.csv')],
]) {
  const mb = statSync(path).size / 2 ** 20;
  const { ms } = measureCli(['inspect', path, '--json']);
  figures[`import_${label}_mb_per_s`] = Math.round((mb / (ms / 1000)) * 10) / 10;
  rows.push([
    `import (read, map, convert) ${label} export, ${mb.toFixed(0)} MB`,
    `${Math.round(ms)} ms`,
    '',
    `${figures[`import_${label}_mb_per_s`]} MB/s`,
  ]);
}
{
  // How fast the order export could be read at all while Papa Parse reads it (issue 4's 50 MB/s).
  const path = join(OUT, 'bench', 'tmall-shaped-orders.csv');
  const mb = statSync(path).size / 2 ** 20;
  const floor = await importFloorScript();
  const halves = halvesOf(path);
  const inspect = (file) => [join(ROOT, 'scripts/bench/runReport.mjs'), 'inspect', file, '--json'];
  for (const [label, key, commands] of [
    ['Papa Parse alone, one core', 'papa_1', [[floor, path, 'papa']]],
    ['Papa Parse alone, its two halves in two processes', 'papa_2', halves.map((h) => [floor, h, 'papa'])],
    [
      'least conversion (ID, 2 times, 2 amounts), two halves in two processes',
      'minimal_2',
      halves.map((h) => [floor, h, 'minimal']),
    ],
    ['cs-kpi inspect on the two halves in two processes, never joined', 'inspect_2', halves.map(inspect)],
  ]) {
    const ms = await atOnce(commands);
    figures[`order_floor_${key}_mb_per_s`] = Math.round((mb / (ms / 1000)) * 10) / 10;
    rows.push([
      `  floor of the order export: ${label}`,
      `${Math.round(ms)} ms`,
      '',
      `${figures[`order_floor_${key}_mb_per_s`]} MB/s`,
    ]);
  }
}
{
  // CS_INDICATORS as a formula cell runs it: the built Code.js, ranges as rows of cells.
  const dir = await dataset(50_000, 5_000);
  const parse = (file) => Papa.parse(readFileSync(join(dir, file), 'utf8').trim(), { header: false }).data;
  const [chats, orders] = [parse('chats.csv'), parse('orders.csv')];
  const context = vm.createContext({});
  vm.runInContext(readFileSync(join(ROOT, 'dist/Code.js'), 'utf8'), context);
  const times = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const table = context.CS_INDICATORS(chats, orders, [['tz', 'Asia/Shanghai']]);
    times.push(performance.now() - started);
    if (!Array.isArray(table) || table.length < 3) throw new Error('CS_INDICATORS gave no table');
  }
  figures.cs_indicators_50k_ms = Math.round(Math.min(...times));
  rows.push([
    'CS_INDICATORS, 50,000 messages + 5,000 orders (built Code.js)',
    `${figures.cs_indicators_50k_ms} ms`,
    '',
    '',
  ]);
}
// Our full path (read CSV, map, consultations, every indicator) against DuckDB computing three of
// them in SQL over the same files, in this one run; the answers must agree.
for (const [messages, orders] of [
  [10_000, 1_000],
  [100_000, 10_000],
  [1_000_000, 100_000],
]) {
  const dir = await dataset(messages, orders);
  const chats = join(dir, 'chats.csv');
  const orderFile = join(dir, 'orders.csv');
  const ours = measureCli([
    'report',
    '--chats',
    chats,
    '--orders',
    orderFile,
    '--format',
    'json',
    '--out',
    os.devNull,
  ]);
  let duck = null;
  for (let run = 0; run < RUNS; run++) {
    const result = await duckdbIndicators(chats, orderFile);
    if (!duck || result.ms < duck.ms) duck = result;
  }
  const label = messages >= 1_000_000 ? '1m' : `${messages / 1000}k`;
  const ratio = Math.round((ours.ms / duck.ms) * 100) / 100;
  figures[`duckdb_ms_${label}`] = Math.round(duck.ms);
  figures[`ours_vs_duckdb_ms_${label}`] = Math.round(ours.ms);
  figures[`duckdb_ratio_${label}`] = ratio;
  rows.push([
    `vs DuckDB, ${messages.toLocaleString('en')} messages: ours / DuckDB`,
    `${Math.round(ours.ms)} ms`,
    `${Math.round(duck.ms)} ms`,
    `ratio ${ratio}`,
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
for (const line of stepLines) console.log(line);
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'bench.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log('written to out/bench.json');
