// `cs-kpi export --format parquet` and `cs-kpi sql` through the command line: the canonical table
// written as Parquet, read back by DuckDB, with the views `cs-kpi sql` prints for the flags the export
// names, gives the figures of `cs-kpi report` on the same exports.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { MESSAGE_COLUMNS } from '../../src/cli/sql/canonical';
import { EXAMPLE_CHATS } from '../examples';
import { cli } from '../helpers/cli';
import { TWITTER_CONVERSATION_ARGS } from '../publicData';
import { indicatorDifferences, type SqlValue } from './differential';

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
    const read = `read_parquet('${file.replaceAll("'", "''")}')`;
    const columns = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${read}`)).getRowObjectsJS();
    expect(columns.map((c) => c.column_name)).toEqual(MESSAGE_COLUMNS.map((c) => c.name));
    await connection.run(`INSERT INTO cs.messages SELECT * FROM ${read}`);
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

  it('refuses what it does not write, before reading a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-parquet-'));
    const csv = cli(['export', '--format', 'csv', '--out', dir, '--chats', EXAMPLE_CHATS]);
    expect(csv.status).toBe(2);
    expect(csv.stderr).toContain('cs-kpi export writes --format parquet; got "csv"');
    const noDir = cli(['export', '--format', 'parquet', '--chats', EXAMPLE_CHATS]);
    expect(noDir.status).toBe(2);
    expect(noDir.stderr).toContain('give --out DIR');
    const orders = cli([
      'export',
      '--format',
      'parquet',
      '--out',
      dir,
      '--chats',
      EXAMPLE_CHATS,
      '--orders',
      'examples/taobao-orders.csv',
    ]);
    expect(orders.status).toBe(2);
    expect(orders.stderr).toContain('--orders was given');
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
    expect(platform.status).toBe(2);
    expect(platform.stderr).toContain('the indicator platform_response_rate has no SQL form yet');
  });
});
