// Both engines on the same records: the JS engine (computeReport) and DuckDB (src/cli/sql), and a
// comparison of every figure: rates and means within 1e-9 relative, counts, medians and p90 exactly.
import { expect } from 'vitest';
import { DuckdbEngine } from '../../src/cli/sql/engine';
import { RECORD_TABLE_NAMES, type RecordOfTable, type RecordTable } from '../../src/cli/sql/recordTables';
import { INDICATORS } from '../../src/core/engine/catalog';
import type { RateTable } from '../../src/core/engine/currencies';
import { type Available, NOTHING_AVAILABLE } from '../../src/core/engine/facts';
import type { Message, Order } from '../../src/core/engine/model';
import { computeReport, type Report, type Row } from '../../src/core/engine/report';
import type { Settings } from '../../src/core/engine/settings';
import { cli } from '../helpers/cli';

export const CHATS_ONLY: Available = { ...NOTHING_AVAILABLE, chats: true, invites: true };

/** Ratings, complaints, online time and issues, each kind in the order its export gave them. */
export type Records = Partial<{ [T in RecordTable]: readonly RecordOfTable[T][] }> & {
  orders?: readonly Order[];
  /** Agents whose chats were read in another zone than the report's (their records carry their own). */
  agentZones?: ReadonlyMap<string, string>;
  /** The rate table the orders are converted by (`--rates`). */
  rates?: RateTable;
};

export async function duckdbReport(
  messages: readonly Message[],
  settings: Settings,
  available: Available,
  hasSessions: boolean,
  records: Records = {},
): Promise<Report> {
  const engine = await DuckdbEngine.open(settings, {
    threads: 1,
    ...(records.rates ? { rates: records.rates } : {}),
  });
  try {
    for (const m of messages) engine.addMessage(m);
    for (const o of records.orders ?? []) engine.addOrder(o);
    for (const table of RECORD_TABLE_NAMES) {
      const add = engine.recordSink(table);
      for (const record of records[table] ?? []) add(record);
    }
    await engine.setAgentZones(records.agentZones ?? new Map());
    return await engine.report(available, hasSessions);
  } finally {
    engine.close();
  }
}

export function jsReport(
  messages: readonly Message[],
  settings: Settings,
  available: Available,
  hasSessions: boolean,
  records: Records = {},
): Report {
  return computeReport({ messages, orders: [], ratings: [], ...records, available, hasSessions }, settings);
}

/** Counts, medians and p90 exactly; other figures within 1e-9 relative. */
const EXACT = /(_median|_p90)$/;

function sameFigure(a: unknown, b: unknown, key: string): boolean {
  if (typeof a !== 'number' || typeof b !== 'number' || EXACT.test(key) || Number.isInteger(a))
    return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Every difference between two rows: the keys, and each figure that is not the same. */
function rowDifferences(where: string, js: Row, sql: Row): string[] {
  const out: string[] = [];
  const keys = Object.keys(js);
  if (keys.join() !== Object.keys(sql).join())
    out.push(`${where}: keys ${keys.join()} ≠ ${Object.keys(sql).join()}`);
  for (const key of keys) {
    const a = js[key];
    const b = sql[key];
    if (Array.isArray(a) || Array.isArray(b)) {
      if (JSON.stringify(a) !== JSON.stringify(b))
        out.push(`${where}.${key}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
    } else if (!sameFigure(a, b, key)) out.push(`${where}.${key}: js ${a} ≠ duckdb ${b}`);
  }
  return out;
}

/** Every difference between the JS engine's report and DuckDB's (the audit tab's consultation list aside). */
export function reportDifferences(js: Report, sql: Report): string[] {
  const out: string[] = [];
  const same = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      out.push(`${what}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  };
  same('settings', js.settings, sql.settings);
  same('period', js.period, sql.period);
  same('counts', js.counts, sql.counts);
  same('platformWindow', js.platformWindow, sql.platformWindow);
  same('currency', js.currency, sql.currency);
  same('conversion', js.conversion, sql.conversion);
  same(
    'currencies',
    js.byCurrency?.map((c) => [c.currency, c.orders]),
    sql.byCurrency?.map((c) => [c.currency, c.orders]),
  );
  // Each currency's money figures: sums folded in the orders' order, so exactly (rowDifferences).
  for (const own of js.byCurrency ?? []) {
    const other = sql.byCurrency?.find((c) => c.currency === own.currency);
    if (!other) continue;
    same(
      `${own.currency} agents`,
      own.agents.map((r) => r.agent),
      other.agents.map((r) => r.agent),
    );
    own.agents.forEach((row, i) => {
      const o = other.agents[i];
      if (o) out.push(...rowDifferences(`${own.currency} ${row.agent} ${row.period ?? ''}`, row, o));
    });
    out.push(...rowDifferences(`${own.currency} team`, own.team, other.team));
    out.push(...rowDifferences(`${own.currency} shop`, own.shop, other.shop));
    for (const key of ['teamByPeriod', 'shopByPeriod'] as const)
      (own[key] ?? []).forEach((row, i) => {
        const o = other[key]?.[i];
        out.push(
          ...(o ? rowDifferences(`${own.currency} ${key}[${row.period}]`, row, o) : [`${key} missing`]),
        );
      });
  }
  same(
    'agents',
    js.agents.map((r) => [r.agent, r.period]),
    sql.agents.map((r) => [r.agent, r.period]),
  );
  js.agents.forEach((row, i) => {
    const other = sql.agents[i];
    if (other) out.push(...rowDifferences(`agents[${row.agent} ${row.period ?? ''}]`, row, other));
  });
  out.push(...rowDifferences('team', js.team, sql.team));
  out.push(...rowDifferences('shop', js.shop, sql.shop));
  same(
    'teamByPeriod periods',
    js.teamByPeriod?.map((r) => r.period),
    sql.teamByPeriod?.map((r) => r.period),
  );
  for (const key of ['teamByPeriod', 'shopByPeriod'] as const)
    (js[key] ?? []).forEach((row, i) => {
      const other = sql[key]?.[i];
      if (other) out.push(...rowDifferences(`${key}[${row.period}]`, row, other));
    });
  same('sample sizes', [...js.sampleSizes.values()], [...sql.sampleSizes.values()]);
  return out;
}

/** Runs a report with both engines through the command line: the same stdout and stderr, to the byte. */
export function expectSameOutput(args: readonly string[]): string {
  const js = cli([...args, '--engine', 'js']);
  const duckdb = cli([...args, '--engine', 'duckdb']);
  expect(js.status, js.stderr).toBe(0);
  expect(duckdb.status, duckdb.stderr).toBe(0);
  expect(duckdb.stdout).toBe(js.stdout);
  expect(duckdb.stderr).toBe(js.stderr);
  return js.stdout;
}

export function expectSameReports(js: Report, sql: Report): void {
  expect(reportDifferences(js, sql)).toEqual([]);
}

export type SqlValue = string | number | boolean | null;

/**
 * Every indicator of every row of a JS report against the row of `cs_indicators` (the views of
 * `cs-kpi sql`) for the same level, agent and period: what differs (medians and p90 exactly, other
 * fractions within 1e-9 relative).
 */
export function indicatorDifferences(js: Report, rows: readonly Record<string, SqlValue>[]): string[] {
  const out: string[] = [];
  const compare = (where: string, row: Row, level: string, who: string, period: string) => {
    const sql = rows.find((r) => r.level === level && r.who === who && r.period === period);
    if (!sql) return out.push(`${where}: no row`);
    for (const indicator of INDICATORS) {
      for (const key of [
        indicator.id,
        ...(indicator.samples ? [`${indicator.id}_median`, `${indicator.id}_p90`] : []),
      ]) {
        const a = row[key] ?? null;
        const b = sql[key] ?? null;
        const same =
          typeof a === 'number' &&
          typeof b === 'number' &&
          !/_(median|p90)$/.test(key) &&
          !Number.isInteger(a)
            ? Math.abs(a - b) <= 1e-9 * Math.abs(a)
            : a === b;
        if (!same) out.push(`${where}.${key}: js ${a} ≠ sql ${b}`);
      }
    }
    return out;
  };
  for (const agent of js.agents)
    compare(
      `${agent.agent} ${agent.period ?? ''}`,
      agent,
      'agent',
      String(agent.agent),
      String(agent.period ?? 'all'),
    );
  compare('team', js.team, 'team', '', 'all');
  compare('shop', js.shop, 'shop', '', 'all');
  for (const row of js.teamByPeriod ?? []) compare(`team ${row.period}`, row, 'team', '', String(row.period));
  for (const row of js.shopByPeriod ?? []) compare(`shop ${row.period}`, row, 'shop', '', String(row.period));
  // The views also give each agent's whole-report row under a period; the report lists the periods'.
  const agentRows = rows.filter(
    (r) => r.level === 'agent' && (r.period !== 'all') === (js.settings.period !== 'all'),
  );
  if (agentRows.length !== js.agents.length)
    out.push(`agent rows: js ${js.agents.length} ≠ sql ${agentRows.length}`);
  return out;
}
