// An order export read in two parts, as the command line reads a large one on two cores (the second
// part in a worker, its rows passed back as columns and collapsed with the first part's), gives what
// reading it in one piece gives: orders, warnings, rows, duplicates, preview. Here both parts are read
// in this thread, cut at every record boundary the cut can take; test/cli/orderParts.test.ts runs the
// worker itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { trickyOrders } from '../../test/helpers/trickyOrders';
import { type ImportRequest, importTable } from '../core/import/importer';
import { joinOrderParts } from '../core/import/orderParts';
import { findRecordCut } from '../core/import/split';
import type { TableImport } from '../core/import/tableReader';
import { type OrderRowsBlock, OrderRowsWriter, orderRowsOf } from './orderRows';
import { probeTable } from './parallelImport';

const NOW = Date.UTC(2027, 0, 1);
const ZONE = 'Asia/Shanghai';

const wholeImport = (file: string, text: string) =>
  importTable({ file, text, kind: 'orders', timeZone: ZONE, now: NOW });

/**
 * The file cut where findRecordCut cuts it for `share`, read as parallelImport and the worker read
 * it; null when it gives no cut. `joined` is null when the parts were read in different contexts.
 * The second part is read in the context of the file's start as the probe reads it: its first 64 KB,
 * and here (a small file) no further than the cut, as in a file large enough to be cut; or, with
 * `probeAll`, the whole of its first 64 KB.
 */
function inParts(file: string, bytes: Uint8Array, share: number, probeAll = false) {
  const request = { file, timeZone: ZONE, overrides: {} };
  const table = probeTable(bytes, request, 'orders');
  if (!table) throw new Error('the start cannot be read');
  const cut = findRecordCut(bytes, table.delimiter, table.headerRow, share);
  if (!cut) return null;
  const probe = probeAll ? table : probeTable(bytes.subarray(0, cut.cut), request, 'orders');
  if (!probe?.context) throw new Error('the start leaves rows waiting');
  const decode = (part: Uint8Array) => new TextDecoder().decode(part);
  const common: ImportRequest = { file, text: '', kind: 'orders', timeZone: ZONE, now: NOW };
  const first = importTable({
    ...common,
    text: decode(bytes.subarray(0, cut.cut)),
    continues: true,
  }) as TableImport<'orders'>;
  const part = new Uint8Array(cut.headerEnd + bytes.length - cut.cut);
  part.set(bytes.subarray(0, cut.headerEnd));
  part.set(bytes.subarray(cut.cut), cut.headerEnd);
  // Blocks of a few rows, as postMessage passes them between threads, collapsed as they come.
  const blocks: OrderRowsBlock[] = [];
  const writer = new OrderRowsWriter((block) => blocks.push(structuredClone(block)), 7);
  const second = importTable({
    ...common,
    text: decode(part),
    delimiter: probe.delimiter,
    resume: probe.context,
    onOrderRow: (order) => writer.add(order),
  });
  writer.end();
  expect(second.records).toEqual([]);
  const shift = cut.rowsBeforeCut - probe.headerRow;
  const join = joinOrderParts(first, probe.context);
  for (const block of blocks) for (const order of orderRowsOf(block, shift)) join?.add(order);
  const joined =
    join?.finish({
      warnings: second.warnings.map((w) => (w.row > 0 ? { ...w, row: w.row + shift } : w)),
      rows: second.rows,
      firstRows: second.firstRows.map((r) => ({ ...r, row: r.row + shift })),
    }) ?? null;
  return { cut: cut.cut, joined };
}

/** Every cut the shares find, from the first data rows to the last. */
function everyCut(file: string, text: string, steps = 200) {
  const bytes = new TextEncoder().encode(text);
  const seen = new Map<number, TableImport<'orders'> | null>();
  for (let i = 1; i < steps; i++) {
    const parts = inParts(file, bytes, i / steps);
    if (parts && !seen.has(parts.cut)) seen.set(parts.cut, parts.joined);
  }
  return seen;
}

/** The same import, field for field, each order's fields in the same order. */
function expectSame(joined: TableImport<'orders'> | null, whole: TableImport<'orders'>, at: number) {
  expect(joined, `cut at byte ${at}`).not.toBeNull();
  expect(joined, `cut at byte ${at}`).toStrictEqual(whole);
  expect(JSON.stringify(joined?.records), `cut at byte ${at}`).toBe(JSON.stringify(whole.records));
}

describe('an order export read in two parts', () => {
  for (const [name, newline, bom] of [
    ['LF', '\n', false],
    ['CRLF with a BOM', '\r\n', true],
  ] as const) {
    it(`gives the orders and warnings of one reading at every cut (${name}): orders across the cut, duplicates, refusals`, () => {
      const text = trickyOrders(newline, bom);
      const whole = wholeImport('orders.csv', text);
      // What the file holds, so that the cuts fall among these.
      expect(whole.duplicates).toBeGreaterThan(0);
      const rounded = whole.warnings.filter((w) => w.message.includes('all its rows are refused'));
      expect(rounded.map((w) => w.row).length).toBe(2);
      expect(whole.warnings.some((w) => w.message.includes('different amounts'))).toBe(true);
      expect(whole.warnings.some((w) => w.message.includes('totals row'))).toBe(true);
      expect(whole.warnings.some((w) => w.message.includes('of 13 columns'))).toBe(true);
      expect(whole.warnings.some((w) => w.message.includes('昨天'))).toBe(true);
      expect(whole.warnings.some((w) => w.message.includes('such as "100.00"'))).toBe(true);
      const cuts = everyCut('orders.csv', text, 160);
      expect(cuts.size).toBeGreaterThan(120);
      for (const [at, joined] of cuts) expectSame(joined, whole, at);
    }, 120_000);
  }

  it('gives the orders of one reading for the Taobao, Amazon and Shopee examples at every cut', () => {
    for (const path of [
      'examples/taobao-orders.csv',
      'examples/crossborder/amazon-us-orders.txt',
      'examples/crossborder/shopee-tw-orders.csv',
    ]) {
      const text = readFileSync(join(ROOT, path), 'utf8');
      const whole = wholeImport('orders.csv', text);
      const cuts = everyCut('orders.csv', text, 40);
      expect(cuts.size, path).toBeGreaterThan(30);
      for (const [at, joined] of cuts) expectSame(joined, whole, at);
    }
  }, 120_000);

  it('gives the orders of one reading for the Tmall report and Olist', () => {
    for (const path of ['tmall_order_report.csv', 'olist_orders_head.csv']) {
      const text = readFileSync(join(ROOT, 'test/fixtures/public-data', path), 'utf8');
      const whole = wholeImport(path, text);
      const cuts = everyCut(path, text, 8);
      expect(cuts.size, path).toBe(7);
      for (const [at, joined] of cuts) expectSame(joined, whole, at);
    }
  }, 120_000);

  it('is read again in one piece when the first part settles what the second was read without', () => {
    // The first amounts say nothing of the decimal mark; a later one does (and a row cut before it
    // would quote it in its warning): a second part read in the start's context would differ.
    const lines = ['order_id,customer,created_at,paid_at,amount'];
    for (let i = 0; i < 60; i++)
      lines.push(`o${i},c${i},2026-10-01 10:00:00,2026-10-01 10:01:00,${i === 40 ? '12.50' : 100 + i}`);
    lines.push('o99,c99,2026-10-01 10:00:00,2026-10-01 10:01:00,"1,5"');
    const text = `${lines.join('\n')}\n`;
    const bytes = new TextEncoder().encode(text);
    // The probe reads the whole small file, so it starts the second part as settled by row 42.
    const before = inParts('orders.csv', bytes, 0.3, true);
    expect(before?.joined).toBeNull();
    const after = inParts('orders.csv', bytes, 0.9, true);
    expectSame(after?.joined ?? null, wholeImport('orders.csv', text), after?.cut ?? 0);
  });
});
