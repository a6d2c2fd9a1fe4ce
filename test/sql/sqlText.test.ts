// `cs-kpi sql`: the BigQuery text parsed by a parser that knows BigQuery's grammar and run on DuckDB
// (BigQuery's few date functions defined there by their documented meaning), the DuckDB text run on
// DuckDB; both over the canonical table give the JS engine's figures on the example chats.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import sqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { createTableSql, MessageRows, OrderRows } from '../../src/cli/sql/canonical';
import { sqlSources } from '../../src/cli/sql/coverage';
import { dialect } from '../../src/cli/sql/dialect';
import { appenderSink } from '../../src/cli/sql/engine';
import { RecordRows } from '../../src/cli/sql/recordTables';
import { parseSqlOptions, type SqlText, sqlScript } from '../../src/cli/sql/sqlCommand';
import { reportViews } from '../../src/cli/sql/views';
import { type Available, NOTHING_AVAILABLE } from '../../src/core/engine/facts';
import type { Message, Order, Refund } from '../../src/core/engine/model';
import { PLATFORM_IDS } from '../../src/core/engine/platform';
import { importTable } from '../../src/core/import/importer';
import { EXAMPLE_CHATS } from '../examples';
import { indicatorDifferences as differences, jsReport, type SqlValue as Value } from './differential';
import { writeRefunds } from './recordFiles';

/** Settings as `cs-kpi sql` flags: each split, period, hours, internal accounts, auto replies, zones. */
const FLAGS: string[][] = [
  ['--split', 'id'],
  ['--split', 'day', '--period', 'day', '--hours', '09:00-18:00', '--internal', '小美'],
  ['--split', 'gap', '--gap-minutes', '5', '--period', 'week', '--auto-replies-close-gaps', 'true'],
  ['--split', 'day', '--period', 'month', '--exclude-offline', 'false', '--tz', 'America/New_York'],
  [
    '--split',
    'id',
    '--fast-reply-seconds',
    '60',
    '--auto-prefix',
    '您好',
    '--exclude-transfers-out',
    'false',
  ],
];

/** With the example orders: every rule and basis, windows, after-sales days, periods, fewer columns. */
const EVERY_ORDER_COLUMN = 'orderBuyers,orderTimes,paymentTimes,amounts,itemCounts,refundAmounts';
const ORDER_FLAGS: string[][] = [
  ['--split', 'id', '--order-columns', EVERY_ORDER_COLUMN],
  [
    ...['--split', 'day', '--period', 'week', '--attribution', 'most', '--basis', 'paid-same-day'],
    ...['--window-days', '3', '--after-sales-chat-days', '7', '--order-columns', EVERY_ORDER_COLUMN],
  ],
  [
    ...['--split', 'gap', '--attribution', 'first', '--basis', 'ordered', '--after-sales-days', '5'],
    ...['--period', 'day', '--tz', 'America/New_York', '--order-columns', 'orderBuyers,orderTimes,amounts'],
  ],
  // Every other kind's table read too (their rows: export.test.ts), the refund export's columns given.
  [
    ...['--split', 'id', '--period', 'week', '--order-columns', EVERY_ORDER_COLUMN],
    ...[
      '--records',
      'ratings,refunds,complaints,online,issues',
      '--refund-columns',
      'refundCompleters,disputeFlags',
    ],
  ],
];
const EXAMPLE_ORDERS = 'examples/taobao-orders.csv';
/** The statements of a script: the 6 canonical tables besides orders and the 26 views. */
const STATEMENTS = 6 + 26;
/** The statements of a script with orders: the orders' table and their 15 views besides. */
const ORDER_STATEMENTS = STATEMENTS + 16;
/** The platform's 6 views (platformViews.ts and their sample's stats), with --platform. */
const PLATFORM_STATEMENTS = 6;

/** The example orders as the importer reads them. */
const exampleOrders = (zone: string): Order[] => exampleRecords('orders', EXAMPLE_ORDERS, zone);

/** What the exports gave, as `cs-kpi sql` was told. */
function availableOf(text: SqlText): Available {
  const orders = text.orderColumns
    ? { orders: true, ...Object.fromEntries(text.orderColumns.map((g) => [g, true])) }
    : {};
  const records = Object.fromEntries([...text.records, ...text.refundColumns].map((g) => [g, true]));
  return { ...NOTHING_AVAILABLE, chats: true, invites: text.invites, ...orders, ...records };
}

const options = (flags: readonly string[], more: readonly string[] = []): SqlText =>
  parseSqlOptions([...flags, ...more]);

/** The statements of a script, its comment lines left out. */
const statements = (script: string) =>
  script
    .split(/;\n/)
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s.length > 0);

/** An example export as the importer reads it, in the zone the report reads it in. */
function exampleRecords<K extends 'chats' | 'orders' | 'refunds'>(kind: K, file: string, zone: string) {
  return importTable({ file, text: readFileSync(file, 'utf8'), timeZone: zone, kind }).records;
}

/** The example chat export as the importer reads it. */
const exampleMessages = (zone: string): Message[] => exampleRecords('chats', EXAMPLE_CHATS, zone);

/**
 * BigQuery's functions the views use, defined in DuckDB as BigQuery documents them: TIMESTAMP_MILLIS
 * (a timestamp from epoch ms), DATETIME/DATE(timestamp, zone) (the wall clock / day in a zone),
 * UNIX_DATE and DATE_FROM_UNIX_DATE (days since 1970-01-01), FORMAT_DATE(format, date). DuckDB's
 * parser takes DATE(…) for a cast, so that one is renamed in the text run.
 */
const BIGQUERY_FUNCTIONS = [
  'CREATE MACRO TIMESTAMP_MILLIS(ms) AS make_timestamptz(ms * 1000)',
  'CREATE MACRO DATETIME(ts, zone) AS timezone(zone, ts)',
  'CREATE MACRO BQ_DATE(ts, zone) AS CAST(timezone(zone, ts) AS DATE)',
  "CREATE MACRO UNIX_DATE(d) AS CAST(d - DATE '1970-01-01' AS BIGINT)",
  "CREATE MACRO DATE_FROM_UNIX_DATE(n) AS DATE '1970-01-01' + CAST(n AS INTEGER)",
  'CREATE MACRO FORMAT_DATE(fmt, d) AS strftime(d, fmt)',
  // BigQuery's name of a double (the orders' amounts).
  'CREATE TYPE FLOAT64 AS DOUBLE',
];

/** cs_indicators' rows after the script ran on DuckDB over these messages (in the `cs` schema for duckdb). */
async function indicatorRows(
  script: string,
  schema: string,
  messages: readonly Message[],
  text: SqlText,
  orders: readonly Order[] = [],
  refunds: readonly Refund[] = [],
) {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection: DuckDBConnection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    if (text.dialect === 'bigquery') for (const macro of BIGQUERY_FUNCTIONS) await connection.run(macro);
    await connection.run(script);
    const appender = await connection.createAppender('messages', schema);
    const rows = new MessageRows(appenderSink(appender), text.settings);
    for (const m of messages) rows.add(m);
    appender.closeSync();
    if (text.orderColumns) {
      const orderAppender = await connection.createAppender('orders', schema);
      const orderRows = new OrderRows(appenderSink(orderAppender));
      for (const o of orders) orderRows.add(o);
      orderAppender.closeSync();
    }
    if (refunds.length > 0) {
      const refundAppender = await connection.createAppender('refunds', schema);
      const refundRows = new RecordRows('refunds', appenderSink(refundAppender));
      for (const r of refunds) refundRows.add(r);
      refundAppender.closeSync();
    }
    const prefix = schema === 'main' ? '' : `${schema}.`;
    const reader = await connection.runAndReadAll(`SELECT * FROM ${prefix}cs_indicators`);
    return reader
      .getRowObjectsJS()
      .map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : (v as Value)]),
        ),
      );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('cs-kpi sql --dialect bigquery', () => {
  it("parses with node-sql-parser's BigQuery grammar, every statement, under every setting tried", () => {
    const parser = new sqlParser.Parser();
    for (const flags of [...FLAGS, ...ORDER_FLAGS]) {
      for (const more of [['--dataset', 'my-project.cs_kpi'], ['--no-invites'], []]) {
        const text = options(flags, ['--dialect', 'bigquery', ...more]);
        const list = statements(sqlScript(text));
        // The canonical tables (messages, ratings, refunds, complaints, online, issues) and the views;
        // the orders' table and their views.
        expect(list.length).toBe(text.orderColumns ? ORDER_STATEMENTS : STATEMENTS);
        for (const statement of list)
          expect(() => parser.astify(statement, { database: 'bigquery' }), statement).not.toThrow();
      }
    }
    // A text with a quote in it is escaped as BigQuery reads it.
    const quoted = sqlScript(options(['--split', 'id', '--internal', "o'brien"], ['--dialect', 'bigquery']));
    expect(quoted).toContain("NOT IN ('o\\'brien')");
    for (const statement of statements(quoted)) parser.astify(statement, { database: 'bigquery' });
  });

  it("is the text DuckDB runs but for BigQuery's date functions, and gives the JS engine's figures there", async () => {
    for (const flags of [...FLAGS, ...ORDER_FLAGS]) {
      const duckdb = options(flags, ['--dialect', 'duckdb']);
      const bigquery = options(flags, ['--dialect', 'bigquery']);
      const duckdbText = sqlScript(duckdb);
      const bigqueryText = sqlScript(bigquery);
      // Line by line, the texts differ only where a time becomes a day, a minute or a period label,
      // where DuckDB folds amounts in the orders' order and refund hours in the records' (BigQuery sums
      // them), and where a consultation's keys are matched NULL to NULL (DuckDB's IS NOT DISTINCT FROM,
      // which BigQuery's parser here lacks).
      const dialectLines = bigqueryText.split('\n').filter((line, i) => line !== duckdbText.split('\n')[i]);
      for (const line of dialectLines)
        expect(line, line).toMatch(
          /TIMESTAMP_MILLIS|DATE_FROM_UNIX_DATE|^-- cs-kpi|^CREATE TABLE|SUM\((amount|items|x)\)|\.k1 = \w+\.k1 OR \(/,
        );
      const messages = exampleMessages(duckdb.settings.timeZone);
      const orders = duckdb.orderColumns ? exampleOrders(duckdb.settings.timeZone) : [];
      const js = jsReport(messages, duckdb.settings, availableOf(duckdb), true, { orders });
      expect(js.team.consultations).toBeGreaterThan(50);
      if (duckdb.orderColumns) expect(js.counts.attributedOrders).toBeGreaterThan(100);
      const run = bigqueryText.replaceAll('UNIX_DATE(DATE(', 'UNIX_DATE(BQ_DATE(');
      expect(
        differences(js, await indicatorRows(run, 'main', messages, bigquery, orders)),
        flags.join(' '),
      ).toEqual([]);
    }
  }, 300_000);
});

describe('the views of exports read in zones of their own, in BigQuery’s text', () => {
  // The views --engine duckdb runs when an export was read in a zone other than --tz: a message's day
  // in its agent's zone (agent_zones), an order's and a refund's in its own (their zone column).
  const LA = 'America/Los_Angeles';
  const zonedScript = (text: SqlText, agents: ReadonlyMap<string, string>) => {
    const d = dialect(text.dialect, text.settings.timeZone);
    const sources = sqlSources(availableOf(text), text.settings);
    const views = reportViews({
      settings: text.settings,
      split: text.settings.split,
      sources,
      dialect: d,
      zoned: { agents: true, records: true },
    });
    const tables = ['messages', 'orders', 'ratings', 'refunds', 'complaints', 'online', 'issues'].map(
      (table) => `${createTableSql(table, text.dialect)};`,
    );
    const zones = [...agents].map(([agent, zone]) => `(${d.text(agent)}, ${d.text(zone)})`).join(', ');
    return [
      ...tables,
      'CREATE TABLE agent_zones (agent STRING, zone STRING);',
      ...(zones ? [`INSERT INTO agent_zones VALUES ${zones};`] : []),
      ...views.map((v) => `CREATE OR REPLACE VIEW ${v.name} AS\n${v.sql};`),
    ].join('\n');
  };

  it("parses with BigQuery's grammar and gives the JS engine's figures, run on DuckDB", async () => {
    const parser = new sqlParser.Parser();
    const refundFile = writeRefunds(mkdtempSync(join(tmpdir(), 'cs-kpi-sql-zoned-refunds-')));
    // Two of the order settings: a week of paid-same-day and most messages, and a gap split in New York.
    for (const flags of ORDER_FLAGS.slice(1)) {
      const text = options(flags, ['--dialect', 'bigquery']);
      const zone = text.settings.timeZone;
      const messages = exampleMessages(zone);
      // Half the agents in Los Angeles; the orders read there too.
      const agents = [...new Set(messages.map((m) => m.agent))].sort();
      const agentZones = new Map(agents.filter((_, i) => i % 2 === 0).map((agent) => [agent, LA]));
      const orders = exampleOrders(LA).map((o) => ({ ...o, zone: LA }));
      // With --records refunds, a month of refunds of the example orders read there as well.
      const refunds = text.records.includes('refunds')
        ? exampleRecords('refunds', refundFile, LA).map((r) => ({ ...r, zone: LA }))
        : [];
      const script = zonedScript(text, agentZones);
      expect(script).toContain(`DATE(TIMESTAMP_MILLIS(created_ms), COALESCE(zone, '${zone}'))`);
      if (refunds.length > 0)
        expect(script).toContain(`DATE(TIMESTAMP_MILLIS(completed_ms), COALESCE(zone, '${zone}'))`);
      for (const statement of statements(script))
        expect(() => parser.astify(statement, { database: 'bigquery' }), statement).not.toThrow();
      const js = jsReport(messages, text.settings, availableOf(text), true, {
        orders,
        agentZones,
        ...(refunds.length > 0 ? { refunds } : {}),
      });
      expect(js.counts.attributedOrders).toBeGreaterThan(100);
      if (refunds.length > 0) expect(js.shop.self_refund_rate).toBeGreaterThan(0);
      const run = script.replaceAll('UNIX_DATE(DATE(', 'UNIX_DATE(BQ_DATE(');
      expect(
        differences(js, await indicatorRows(run, 'main', messages, text, orders, refunds)),
        flags.join(' '),
      ).toEqual([]);
    }
  }, 300_000);
});

describe('the platform views (--platform), in both dialects', () => {
  // Every platform, under settings that shape its figures: windows of its own or given, periods,
  // assessment hours, another zone; a seventh of the buyer messages marked as needing no response.
  const FLAG_SETS: string[][] = [
    ['--split', 'id'],
    ['--split', 'gap', '--period', 'week', '--platform-window-days', '7', '--tz', 'America/New_York'],
    ['--split', 'day', '--period', 'day', '--hours', '09:00-18:00', '--exclude-transfers-out', 'false'],
  ];
  const marked = (zone: string) =>
    exampleMessages(zone).map((m, i) =>
      m.from === 'customer' && i % 7 === 0 ? { ...m, noResponse: true } : m,
    );

  it("parse with BigQuery's grammar, run on DuckDB as BigQuery's and DuckDB's text, and give the JS engine's figures", async () => {
    const parser = new sqlParser.Parser();
    const platforms = PLATFORM_IDS.filter((p) => p !== 'none');
    for (const [i, platform] of platforms.entries()) {
      const flags = [...(FLAG_SETS[i % FLAG_SETS.length] as string[]), '--platform', platform];
      const bigquery = options(flags, ['--dialect', 'bigquery']);
      const duckdb = options(flags, ['--dialect', 'duckdb']);
      const bigqueryText = sqlScript(bigquery);
      const duckdbText = sqlScript(duckdb);
      const list = statements(bigqueryText);
      expect(list.length).toBe(STATEMENTS + PLATFORM_STATEMENTS);
      for (const statement of list)
        expect(() => parser.astify(statement, { database: 'bigquery' }), statement).not.toThrow();
      // Line by line, the texts differ only where the dialects do (as above).
      const dialectLines = bigqueryText.split('\n').filter((line, k) => line !== duckdbText.split('\n')[k]);
      for (const line of dialectLines)
        expect(line, line).toMatch(
          /TIMESTAMP_MILLIS|DATE_FROM_UNIX_DATE|^-- cs-kpi|^CREATE TABLE|SUM\((amount|items|x)\)|\.k1 = \w+\.k1 OR \(/,
        );
      const messages = marked(duckdb.settings.timeZone);
      const js = jsReport(messages, duckdb.settings, availableOf(duckdb), true);
      // Not a vacuous match: the platform's figure is there.
      expect(js.team.platform_response_rate, platform).not.toBeNull();
      const run = bigqueryText.replaceAll('UNIX_DATE(DATE(', 'UNIX_DATE(BQ_DATE(');
      expect(differences(js, await indicatorRows(run, 'main', messages, bigquery)), flags.join(' ')).toEqual(
        [],
      );
      // DuckDB's own text (which --engine duckdb runs, tested on its own elsewhere) for every third.
      if (i % 3 === 0)
        expect(
          differences(js, await indicatorRows(duckdbText, 'main', messages, duckdb)),
          flags.join(' '),
        ).toEqual([]);
    }
  }, 600_000);
});

describe('cs-kpi sql --dialect duckdb', () => {
  it("runs on DuckDB over the canonical table and gives the JS engine's figures on the example chats", async () => {
    for (const flags of [...FLAGS, ...ORDER_FLAGS]) {
      for (const invites of [true, false]) {
        const text = options(flags, [
          '--dialect',
          'duckdb',
          '--dataset',
          'cs',
          ...(invites ? [] : ['--no-invites']),
        ]);
        const messages = exampleMessages(text.settings.timeZone);
        const orders = text.orderColumns ? exampleOrders(text.settings.timeZone) : [];
        const js = jsReport(messages, text.settings, availableOf(text), true, { orders });
        const rows = await indicatorRows(sqlScript(text), 'cs', messages, text, orders);
        expect(differences(js, rows), flags.join(' ')).toEqual([]);
        // Not a vacuous match: the figures are there, 邀评率 only with the invitation column.
        expect(rows.find((r) => r.level === 'team' && r.period === 'all')?.reply_rate).toBeGreaterThan(0.5);
        expect(js.team.invite_rate === null).toBe(!invites);
      }
    }
  }, 300_000);

  it('refuses what a user must say: the split, a dataset the dialect cannot name, a setting it cannot compute', () => {
    expect(() => parseSqlOptions([])).toThrow(/--split id, day or gap/);
    expect(() => parseSqlOptions(['--split', 'id', '--dialect', 'postgres'])).toThrow(/duckdb or bigquery/);
    expect(() => parseSqlOptions(['--split', 'id', '--dataset', 'my-project.cs'])).toThrow(/schema name/);
    expect(() => parseSqlOptions(['--split', 'id', '--dialect', 'bigquery', '--dataset', 'a.b.c'])).toThrow(
      /PROJECT\.DATASET/,
    );
    expect(() => parseSqlOptions(['--split', 'id', '--records', 'ratings,reviews'])).toThrow(
      /--records lists the exports besides chats and orders that were given: ratings, refunds, complaints, online, issues \(or none\); got "reviews"/,
    );
    expect(() => parseSqlOptions(['--split', 'id', '--refund-columns', 'disputeFlags'])).toThrow(
      /--records names no refunds/,
    );
  });
});
