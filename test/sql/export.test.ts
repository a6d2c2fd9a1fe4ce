// `cs-kpi export --format parquet` and `cs-kpi sql` through the command line: the canonical table
// written as Parquet, read back by DuckDB, with the views `cs-kpi sql` prints for the flags the export
// names, gives the figures of `cs-kpi report` on the same exports.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { MESSAGE_COLUMNS, ORDER_COLUMNS } from '../../src/cli/sql/canonical';
import { RECORD_TABLES } from '../../src/cli/sql/recordTables';
import type { Row } from '../../src/core/engine/report';
import { DEFAULT_SCHEME } from '../../src/core/engine/scheme';
import { payLines } from '../../src/core/payPeriod/payLines';
import { columnLetter } from '../../src/core/sheets/a1';
import { scorecardTab } from '../../src/core/sheets/scorecard';
import { readSettingsBook, settingsRows } from '../../src/core/sheets/settingsTab';
import type { Tab } from '../../src/core/sheets/tabs';
import { EXAMPLE_CHATS } from '../examples';
import { cli } from '../helpers/cli';
import { TWITTER_CONVERSATION_ARGS } from '../publicData';
import { cellNumber, ensureLibreOffice, recalculatedSheets } from '../xlsx/libreoffice';
import { indicatorDifferences, type SqlValue } from './differential';
import { withNoResponseColumn } from './noResponse';
import { writeMonth, writeRefunds } from './recordFiles';

/** The `cs-kpi sql` flags the export names on stderr, as words (the shell's quoting undone). */
function sqlFlags(stderr: string): string[] {
  const line = /cs-kpi sql (.*) \[--dialect bigquery/.exec(stderr)?.[1];
  expect(line, stderr).toBeDefined();
  return [...(line as string).matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) =>
    m[1] === undefined ? (m[2] as string) : m[1].replaceAll("'\\''", "'"),
  );
}

/** Exports, prints the views, runs them on DuckDB over the Parquet file: cs_indicators' rows. */
async function throughParquet(inputs: readonly string[], settings: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-parquet-'));
  const exported = cli(['export', '--format', 'parquet', '--out', dir, ...inputs, ...settings]);
  expect(exported.status, exported.stderr).toBe(0);
  const file = join(dir, 'messages.parquet');
  expect(exported.stderr).toContain(`cs-kpi: wrote ${file} (`);
  const flags = sqlFlags(exported.stderr);
  const printed = cli(['sql', ...flags, '--dialect', 'duckdb', '--dataset', 'cs']);
  expect(printed.status, printed.stderr).toBe(0);
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    await connection.run(printed.stdout);
    for (const [table, columns] of [
      ['messages', MESSAGE_COLUMNS],
      ['orders', ORDER_COLUMNS],
      ...Object.entries(RECORD_TABLES),
    ] as const) {
      const written = join(dir, `${table}.parquet`);
      if (!existsSync(written)) continue;
      const read = `read_parquet('${written.replaceAll("'", "''")}')`;
      const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${read}`)).getRowObjectsJS();
      expect(described.map((c) => c.column_name)).toEqual(columns.map((c) => c.name));
      await connection.run(`INSERT INTO cs.${table} SELECT * FROM ${read}`);
    }
    const reader = await connection.runAndReadAll('SELECT * FROM cs.cs_indicators');
    const rows = reader
      .getRowObjectsJS()
      .map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : (v as SqlValue)]),
        ),
      );
    return { rows, flags, stderr: exported.stderr };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function report(inputs: readonly string[], settings: readonly string[]) {
  const result = cli(['report', ...inputs, ...settings, '--format', 'json', '--engine', 'js']);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('cs-kpi export --format parquet', () => {
  it("writes the example chats' canonical rows, which the printed views read back to the report's figures", async () => {
    const inputs = ['--chats', EXAMPLE_CHATS];
    for (const settings of [[], ['--hours', '09:00-18:00', '--internal', "o'brien x", '--period', 'week']]) {
      const { rows, flags } = await throughParquet(inputs, settings);
      // The example has a session column and no invitation column: the export says so.
      expect(flags.slice(0, 3)).toEqual(['--split', 'id', '--no-invites']);
      // Then every setting given, in the settings' order, quoted for a shell.
      expect(flags.slice(3)).toEqual(settings);
      const js = report(inputs, settings);
      expect(indicatorDifferences(js, rows)).toEqual([]);
      expect(js.team.consultations).toBeGreaterThan(50);
      expect(js.team.first_response_s_median).toBeGreaterThan(0);
      expect(js.team.invite_rate).toBeNull();
    }
  }, 120_000);

  it("writes which buyer messages need no response, and the views with --platform give the report's platform figures", async () => {
    const marked = withNoResponseColumn(EXAMPLE_CHATS, '无需回复', (cells) => cells[4] === '买家', [
      '是',
      '否',
    ]);
    const inputs = ['--chats', marked];
    for (const settings of [
      ['--platform', 'amazon'],
      // In the settings' order, as the export names them.
      ['--period', 'week', '--platform', 'lazada', '--platform-window-days', '3'],
    ]) {
      const { rows, flags } = await throughParquet(inputs, settings);
      expect(flags.slice(3)).toEqual(settings);
      const js = report(inputs, settings);
      expect(js.team.platform_response_rate).toBeGreaterThan(0);
      expect(indicatorDifferences(js, rows)).toEqual([]);
    }
    // Not a vacuous match: the marked messages change what the platform counts.
    expect(report(inputs, ['--platform', 'amazon']).team.platform_response_rate).not.toBe(
      report(['--chats', EXAMPLE_CHATS], ['--platform', 'amazon']).team.platform_response_rate,
    );
  }, 180_000);

  it('does so on the public Twitter threads (columns named by --map, split by day) and the invite fixture', async () => {
    const twitter = await throughParquet(TWITTER_CONVERSATION_ARGS, ['--split', 'day', '--tz', 'UTC']);
    expect(twitter.flags.slice(0, 2)).toEqual(['--split', 'day']);
    const js = report(TWITTER_CONVERSATION_ARGS, ['--split', 'day', '--tz', 'UTC']);
    expect(js.agents.length).toBeGreaterThan(5);
    expect(indicatorDifferences(js, twitter.rows)).toEqual([]);
    const invites = ['--chats', 'test/fixtures/chats-invite-offline.csv'];
    const fixture = await throughParquet(invites, []);
    expect(fixture.flags).not.toContain('--no-invites');
    const withInvites = report(invites, []);
    expect(withInvites.team.invite_rate).toBeGreaterThan(0);
    expect(indicatorDifferences(withInvites, fixture.rows)).toEqual([]);
  }, 120_000);

  it("writes the example orders' canonical rows beside the chats', and the views give the report's order figures", async () => {
    const inputs = ['--chats', EXAMPLE_CHATS, '--orders', 'examples/taobao-orders.csv'];
    for (const settings of [
      [],
      ['--attribution', 'most', '--basis', 'ordered', '--after-sales-chat-days', '7', '--period', 'week'],
    ]) {
      const { rows, flags, stderr } = await throughParquet(inputs, settings);
      // The orders' table and what their columns gave, which the views need to be told.
      expect(stderr).toContain('orders.parquet (500 orders)');
      expect(flags.slice(3, 5)).toEqual([
        '--order-columns',
        'orderBuyers,orderTimes,paymentTimes,amounts,itemCounts,refundAmounts',
      ]);
      const js = report(inputs, settings);
      expect(indicatorDifferences(js, rows)).toEqual([]);
      expect(js.team.sales).toBeGreaterThan(10_000);
      expect(js.team.conversion_rate).toBeGreaterThan(0.1);
    }
  }, 120_000);

  it("writes every other kind's table (ratings, refunds, complaints, online time, issues), and the views give the report's figures", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-parquet-records-'));
    const month = writeMonth(dir);
    const inputs = [
      ...['--chats', EXAMPLE_CHATS, '--orders', 'examples/taobao-orders.csv'],
      ...['--ratings', 'examples/service-ratings.csv', '--refunds', writeRefunds(dir)],
      ...['--complaints', month.complaints, '--online', month.online, '--issues', month.issues],
    ];
    for (const settings of [[], ['--period', 'week', '--after-sales-days', '7', '--dsr-days', '10']]) {
      const { rows, flags, stderr } = await throughParquet(inputs, settings);
      // Each table written, and the kinds and the refund export's columns the views need to be told.
      for (const written of [
        'ratings.parquet (',
        'refunds.parquet (90 refunds)',
        'complaints.parquet (25 complaints)',
        'online.parquet (120 online spans)',
        'issues.parquet (60 issues)',
      ])
        expect(stderr).toContain(written);
      expect(flags.slice(5, 9)).toEqual([
        '--records',
        'ratings,refunds,complaints,online,issues',
        '--refund-columns',
        'refundCompleters,disputeFlags',
      ]);
      const js = report(inputs, settings);
      expect(indicatorDifferences(js, rows)).toEqual([]);
      // Not a vacuous match: every kind's figures are there.
      for (const id of [
        'satisfaction_rate',
        'dsr_service',
        'dispute_rate',
        'self_refund_rate',
        'refund_hours',
        'complaint_rate',
        'online_hours',
        'resolution_rate',
      ])
        expect(js.shop[id] ?? js.team[id], id).toBeGreaterThan(0);
    }
  }, 240_000);

  it("writes exports without chats (an empty messages table, so the views run), and the views give the report's shop figures", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-parquet-nochats-'));
    const month = writeMonth(dir);
    const orders = ['--orders', 'examples/taobao-orders.csv'];
    const records = ['--ratings', 'examples/service-ratings.csv', '--complaints', month.complaints];
    for (const inputs of [orders, [...orders, ...records]]) {
      const { rows, stderr } = await throughParquet(inputs, []);
      expect(stderr).toContain('messages.parquet (0 messages)');
      expect(stderr).toContain('orders.parquet (500 orders)');
      const js = report(inputs, []);
      expect(indicatorDifferences(js, rows)).toEqual([]);
      // The shop's sales are there, and no agent: nothing names one without chats but the records.
      expect(js.shop.sales).toBeGreaterThan(10_000);
      expect(js.team.consultations ?? 0).toBe(0);
    }
  }, 120_000);

  it('refuses what it does not write, before reading a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-parquet-'));
    const csv = cli(['export', '--format', 'csv', '--out', dir, '--chats', EXAMPLE_CHATS]);
    expect(csv.status).toBe(2);
    expect(csv.stderr).toContain('cs-kpi export writes --format parquet; got "csv"');
    const noDir = cli(['export', '--format', 'parquet', '--chats', EXAMPLE_CHATS]);
    expect(noDir.status).toBe(2);
    expect(noDir.stderr).toContain('give --out DIR');
    const zoned = cli([
      'export',
      '--format',
      'parquet',
      '--out',
      dir,
      '--chats',
      `${EXAMPLE_CHATS}@Asia/Taipei`,
    ]);
    expect(zoned.status).toBe(2);
    expect(zoned.stderr).toContain(
      `${EXAMPLE_CHATS} was given Asia/Taipei. Export it in a run of its own with --tz Asia/Taipei.`,
    );
    const same = cli([
      'export',
      '--format',
      'parquet',
      '--out',
      dir,
      '--chats',
      `${EXAMPLE_CHATS}@Asia/Taipei`,
      '--tz',
      'Asia/Taipei',
    ]);
    expect(same.status, same.stderr).toBe(0);
    expect(same.stderr).toContain('--tz Asia/Taipei');
  });
});

describe('cs-kpi sql', () => {
  it('prints the BigQuery views into a dataset, and says what it needs', () => {
    const printed = cli([
      'sql',
      '--split',
      'id',
      '--dialect',
      'bigquery',
      '--dataset',
      'my-project.cs_kpi',
      '--period',
      'month',
    ]);
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.stdout).toContain(
      'CREATE TABLE IF NOT EXISTS `my-project.cs_kpi.messages` (seq INT64, time_ms INT64',
    );
    expect(printed.stdout).toContain('CREATE OR REPLACE VIEW `my-project.cs_kpi.cs_indicators` AS');
    expect(printed.stdout).toContain("FORMAT_DATE('%Y-%m', DATE_FROM_UNIX_DATE(day))");
    const auto = cli(['sql', '--dialect', 'bigquery']);
    expect(auto.status).toBe(2);
    expect(auto.stderr).toContain('cs-kpi sql needs --split id, day or gap');
    const platform = cli(['sql', '--split', 'id', '--platform', 'shopee']);
    expect(platform.status, platform.stderr).toBe(0);
    expect(platform.stdout).toContain('CREATE OR REPLACE VIEW cs_platform_facts AS');
  });
});

/** The formula docs/scale.md gives for a 绩效 figure cell read from a Connected Sheets extract. */
function extractFormula(indicator: number, row: number): string {
  const docs = readFileSync(join(ROOT, 'docs/scale.md'), 'utf8');
  const formula = /^\s*(=IF\(SUMPRODUCT\(EXACT\(BigQuery!.*)$/m.exec(docs)?.[1];
  expect(formula, 'the formula in docs/scale.md').toBeDefined();
  const column = columnLetter(2 + indicator);
  return (formula as string)
    .slice(1)
    .replaceAll('B$2:B$2000', `${column}$2:${column}$2000`)
    .replaceAll(/\$A2\b/g, `$A${row}`);
}

describe('绩效 reading a BigQuery extract (docs/scale.md), recalculated by LibreOffice', () => {
  it("gives the pay 绩效 gives from the report's figures", async () => {
    ensureLibreOffice();
    const { workbookOf } = await import('../../src/cli/workbook');
    const chats = ['--chats', EXAMPLE_CHATS];
    const { rows } = await throughParquet(chats, []);
    const agents: Row[] = report(chats, []).agents;
    // A scheme of the figures the views compute (chats): 30秒应答率 and 平均响应时间.
    const scheme = { ...DEFAULT_SCHEME, items: DEFAULT_SCHEME.items.slice(0, 2) };
    const settings = settingsRows([scheme], []);
    const book = readSettingsBook(settings);
    const ids = scheme.items.map((i) => i.id);
    // The extract: who, then the scheme's indicators, the agents' rows of the period in BigQuery's order
    // (reversed here, so that a figure is found by name, not by place); the last agent left out.
    const extracted = rows
      .filter((r) => r.level === 'agent' && r.period === 'all')
      .map((r) => [String(r.who), ...ids.map((id) => r[id] ?? null)])
      .reverse()
      .slice(1);
    const missing = String(rows.filter((r) => r.level === 'agent' && r.period === 'all').at(-1)?.who);
    expect(agents.map((a) => String(a.agent))).toContain(missing);
    const card = scorecardTab(agents, book, 'native');
    // Each figure cell reads the extract, as the walk says to write it.
    card.rows.forEach((line, r) => {
      if (r === 0) return;
      ids.forEach((_, k) => {
        line[2 + k * 2] = { formula: extractFormula(k, r + 1) };
      });
    });
    const tabs: Tab[] = [
      card,
      { name: '设置', rows: settings, formats: [], frozenRows: 1, frozenColumns: 0, conditional: [] },
      {
        name: 'BigQuery',
        rows: [['who', ...ids], ...extracted],
        formats: ['@', ...ids.map(() => null)],
        frozenRows: 1,
        frozenColumns: 0,
        conditional: [],
      },
    ];
    const path = join(mkdtempSync(join(tmpdir(), 'cs-kpi-extract-')), 'extract.xlsx');
    await (await workbookOf(tabs)).xlsx.writeFile(path);
    const [header = [], ...lines] = recalculatedSheets(path).get('绩效') as string[][];
    // What 绩效 pays from the report's own figures; the agent missing from the extract has none.
    const expected = payLines(
      agents.map((a) =>
        String(a.agent) === missing ? { ...a, ...Object.fromEntries(ids.map((id) => [id, null])) } : a,
      ),
      book,
    );
    expect(lines).toHaveLength(agents.length);
    lines.forEach((line, a) => {
      const agent = agents[a] as Row;
      ids.forEach((id, k) => {
        const shown = cellNumber(line[2 + k * 2]);
        if (String(agent.agent) === missing) expect(shown, `${line[0]} ${id}`).toBeNull();
        else expect(shown, `${line[0]} ${id}`).toBeCloseTo(agent[id] as number, 9);
      });
      const pay = cellNumber(line[header.indexOf('绩效工资')]);
      const line0 = expected[a];
      if (line0?.pay === null) expect(pay, `${line[0]} pay`).toBeNull();
      else expect(pay, `${line[0]} pay`).toBeCloseTo(line0?.pay as number, 6);
    });
    expect(expected.filter((l) => l.pay !== null && l.pay > 0).length).toBeGreaterThan(2);
  }, 240_000);
});
