// The workbook (--format xlsx, --xlsx) with --engine duckdb: every tab, cell for cell (value, number
// format, note, font), with the column widths, frozen panes and conditional formats of --engine js's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CROSS_BORDER, EXAMPLE_CHATS } from '../examples';
import { cli } from '../helpers/cli';
import { TWITTER_CONVERSATION_ARGS } from '../publicData';

/** Everything of a workbook a reader sees, sheet by sheet, as plain data to compare. */
async function contentOf(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets.map((sheet) => {
    const cells: unknown[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells.push([
          r,
          c,
          cell.value instanceof Date ? cell.value.toISOString() : cell.value,
          cell.numFmt ?? null,
          cell.note ?? null,
          cell.font?.bold ?? null,
          cell.font?.color?.argb ?? null,
        ]);
      });
    });
    return {
      name: sheet.name,
      rows: sheet.rowCount,
      cells,
      widths: (sheet.columns ?? []).map((c) => c.width ?? null),
      views: sheet.views.map((v) => [
        v.state,
        (v as { xSplit?: number }).xSplit,
        (v as { ySplit?: number }).ySplit,
      ]),
      conditional: (
        sheet as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }
      ).conditionalFormattings.map((f) => [f.ref, f.rules.map((r) => r.formulae)]),
    };
  });
}

/** Writes the workbook with both engines and requires the same content; the JS engine's, read back. */
async function expectSameWorkbook(args: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-sql-book-'));
  const paths = { js: join(dir, 'js.xlsx'), duckdb: join(dir, 'duckdb.xlsx') };
  for (const engine of ['js', 'duckdb'] as const) {
    const run = cli([...args, '--format', 'xlsx', '--out', paths[engine], '--engine', engine]);
    expect(run.status, run.stderr).toBe(0);
  }
  const js = await contentOf(paths.js);
  const duckdb = await contentOf(paths.duckdb);
  expect(duckdb.map((s) => s.name)).toEqual(js.map((s) => s.name));
  js.forEach((sheet, i) => {
    expect(duckdb[i], sheet.name).toEqual(sheet);
  });
  return js;
}

describe('cs-kpi report --engine duckdb --format xlsx', () => {
  it('gives the workbook of --engine js on the example chats and ratings, 明细 row for row', async () => {
    const args = ['report', '--chats', EXAMPLE_CHATS, '--ratings', 'examples/service-ratings.csv'];
    const book = await expectSameWorkbook(args);
    // Not a vacuous match: 明细 lists the example's consultations, with their times and flags.
    const detail = book.find((s) => s.name === '咨询明细');
    expect(detail?.rows).toBeGreaterThan(100);
    await expectSameWorkbook([...args, '--period', 'week', '--hours', '09:00-18:00', '--split', 'gap']);
  }, 240_000);

  it('does so on the Twitter threads (sessions split by day) and the invite/offline fixture', async () => {
    await expectSameWorkbook(['report', ...TWITTER_CONVERSATION_ARGS, '--split', 'day', '--tz', 'UTC']);
    const book = await expectSameWorkbook(['report', '--chats', 'test/fixtures/chats-invite-offline.csv']);
    expect(book.find((s) => s.name === '咨询明细')?.rows).toBeGreaterThan(1);
  }, 240_000);

  it('does so for exports read in zones of their own: 明细 times and hours on each agent’s clock', async () => {
    const book = await expectSameWorkbook([
      ...['report', '--chats', `${EXAMPLE_CHATS}@America/Los_Angeles`, '--hours', '09:00-18:00'],
      ...['--orders', 'examples/taobao-orders.csv@Pacific/Auckland', '--period', 'day'],
    ]);
    expect(book.find((s) => s.name === '咨询明细')?.rows).toBeGreaterThan(100);
    // The cross-border month as npm run start:crossborder writes it (Shopee TW's orders in Asia/Taipei).
    await expectSameWorkbook([
      ...['report', '--chats', CROSS_BORDER.chats, '--orders', CROSS_BORDER.shopeeOrders],
      ...['--orders', 'examples/crossborder/amazon-us-orders.txt'],
    ]);
  }, 240_000);

  it('writes --xlsx beside another format, the same as the JS engine does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-sql-book-'));
    const outputs = [];
    for (const engine of ['js', 'duckdb']) {
      const xlsx = join(dir, `${engine}.xlsx`);
      const run = cli([
        'report',
        '--chats',
        EXAMPLE_CHATS,
        '--format',
        'json',
        '--xlsx',
        xlsx,
        '--engine',
        engine,
      ]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain(`cs-kpi: wrote ${xlsx}`);
      outputs.push({ stdout: run.stdout, book: await contentOf(xlsx) });
    }
    expect(outputs[1]).toEqual(outputs[0]);
  }, 120_000);
});
