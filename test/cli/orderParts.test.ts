// A large order export is read on two cores (the second part in a worker, its rows collapsed with the
// first part's: src/cli/orderParts.test.ts tests the join at every cut): here the command itself, any
// size made "large", against reading the file in one piece.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as run } from '../helpers/cli';
import { trickyOrders } from '../helpers/trickyOrders';
import { publicDataFile } from '../publicData';

/** The command, which must succeed. */
function cli(args: string[], env: Record<string, string> = {}) {
  const result = run(args, env);
  expect(result.status, result.stderr).toBe(0);
  return result;
}

const IN_PARTS = { CS_KPI_PARALLEL_MIN_BYTES: '1' };

/** inspect and report in parts and whole: the same output. */
function expectSameInParts(file: string, join = /\(second part, its rows collapsed as they come\)/) {
  const inspect = ['inspect', file, '--json'];
  const report = ['report', '--orders', file, '--format', 'json'];
  for (const args of [inspect, report]) {
    const whole = cli(args);
    const parts = cli([...args, '--timings'], IN_PARTS);
    expect(parts.stderr).toMatch(join);
    expect(parts.stdout).toBe(whole.stdout);
    // What the report says on stderr of its rows (refused, read with a caution) too.
    const listed = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(listed(parts.stderr)).toEqual(listed(whole.stderr));
  }
  return JSON.parse(cli(inspect).stdout);
}

describe('cs-kpi reads a large order export on two cores', () => {
  it('with the orders, warnings and duplicates of one reading: Taobao rows across the cut, BOM, CRLF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-orders-'));
    for (const [name, newline, bom] of [
      ['lf.csv', '\n', false],
      ['crlf.csv', '\r\n', true],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, trickyOrders(newline, bom));
      const inspection = expectSameInParts(file);
      expect(inspection.duplicates).toBeGreaterThan(0);
      // Refused or cautioned rows on both sides of the cut (about row 80).
      expect(inspection.warnings.map((w: { row: number }) => w.row)).toEqual([
        10, 50, 93, 108, 123, 137, 154,
      ]);
    }
  }, 120_000);

  it('in one piece while a worker reads a chat export, with the same figures', () => {
    const file = publicDataFile('tmall_order_report.csv');
    const args = ['report', '--chats', 'examples/qianniu-chats.csv', '--orders', file, '--format', 'json'];
    const whole = cli(args);
    const parts = cli([...args, '--timings'], IN_PARTS);
    expect(parts.stderr).toContain('wait for qianniu-chats.csv (second part)');
    expect(parts.stderr).toContain('import tmall_order_report.csv ');
    expect(parts.stderr).not.toContain('tmall_order_report.csv (second part)');
    expect(parts.stdout).toBe(whole.stdout);
  }, 120_000);

  it('with the figures of one reading for the Tmall report and Olist', () => {
    for (const name of ['tmall_order_report.csv', 'olist_orders_head.csv']) {
      const inspection = expectSameInParts(publicDataFile(name));
      expect(inspection.rows).toBeGreaterThan(4000);
    }
  }, 120_000);

  it('reads it again in one piece when its start did not say how to read the second part', () => {
    // A small file: the start the worker's part is read by is the whole file, whose amount 12.50
    // (row 42) settles the decimal mark after the cut; the first part leaves it unsettled.
    const lines = ['order_id,customer,created_at,paid_at,amount'];
    for (let i = 0; i < 60; i++)
      lines.push(`o${i},c${i},2026-10-01 10:00:00,2026-10-01 10:01:00,${i === 40 ? '12.50' : 100 + i}`);
    const file = join(mkdtempSync(join(tmpdir(), 'cs-kpi-orders-')), 'orders.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expectSameInParts(file, /import orders\.csv again in one piece/);
  }, 120_000);
});
