// How many rows CS_INDICATORS reads within Sheets' 30 seconds for a custom function, measured once
// (not a timed test): the built dist/Code.js in node:vm, ranges as Sheets hands them over (rows of
// cells, the time columns as Date objects), synthetic months of growing size. Figures in
// docs/decisions.md. Run: npm run build && node scripts/bench/csIndicatorsRows.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import Papa from 'papaparse';
import { ROOT } from '../build.mjs';
import { benchMonth } from './months.mjs';

const sizes = process.argv.slice(2).map(Number);
const context = vm.createContext({});
vm.runInContext(readFileSync(join(ROOT, 'dist/Code.js'), 'utf8'), context);
// Sheets gives a date-time cell as a Date; the synthetic exports write "2026-10-02 03:03:33" (Shanghai).
const asDates = (rows, columns) =>
  rows.map((row, r) =>
    r === 0
      ? row
      : row.map((cell, c) =>
          columns.includes(c) && cell ? new Date(`${cell.replace(' ', 'T')}+08:00`) : cell,
        ),
  );
for (const messages of sizes.length > 0 ? sizes : [50_000, 100_000, 200_000]) {
  const orders = messages / 10;
  const dir = await benchMonth(messages, orders);
  const parse = (file) => Papa.parse(readFileSync(join(dir, file), 'utf8').trim(), { header: false }).data;
  const [chatRows, orderRows] = [parse('chats.csv'), parse('orders.csv')];
  const timeColumns = (rows) => rows[0].flatMap((h, i) => (/time|时间/i.test(h) ? [i] : []));
  const chats = asDates(chatRows, timeColumns(chatRows));
  const orderCells = asDates(orderRows, timeColumns(orderRows));
  const started = performance.now();
  const table = context.CS_INDICATORS(chats, orderCells, [['tz', 'Asia/Shanghai']]);
  const ms = performance.now() - started;
  if (!Array.isArray(table) || table.length < 3) throw new Error('CS_INDICATORS gave no table');
  const rows = chatRows.length - 1 + orderRows.length - 1;
  console.log(
    JSON.stringify({
      messages,
      orders,
      rows,
      ms: Math.round(ms),
      rowsPerSecond: Math.round(rows / (ms / 1000)),
    }),
  );
}
