// `cs-kpi report --engine duckdb` against `--engine js` on the examples, the shared data and synthetic
// months, through the command line itself: the same JSON to the byte and the same notes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticMonth } from '../../scripts/synthetic.mjs';
import { EXAMPLE_CHATS } from '../examples';
import { cli } from '../helpers/cli';
import { TWITTER_CONVERSATION_ARGS } from '../publicData';

/** Runs a report with both engines and requires the same output, stdout and stderr. */
function expectSameOutput(args: readonly string[]) {
  const js = cli([...args, '--engine', 'js']);
  const duckdb = cli([...args, '--engine', 'duckdb']);
  expect(js.status, js.stderr).toBe(0);
  expect(duckdb.status, duckdb.stderr).toBe(0);
  expect(duckdb.stdout).toBe(js.stdout);
  expect(duckdb.stderr).toBe(js.stderr);
  return js.stdout;
}

const twitter = TWITTER_CONVERSATION_ARGS;

describe('cs-kpi report --engine duckdb', () => {
  it('gives the JSON of --engine js on the example chats, under several settings', () => {
    const base = ['report', '--chats', EXAMPLE_CHATS, '--format', 'json'];
    const report = JSON.parse(expectSameOutput(base));
    // Not a vacuous match: the example's figures are there.
    expect(report.team.consultations).toBeGreaterThan(50);
    expect(report.team.first_response_s_median).toBeGreaterThan(0);
    expectSameOutput([...base, '--period', 'day', '--fast-reply-seconds', '60', '--hours', '09:00-18:00']);
    expectSameOutput([...base, '--split', 'gap', '--gap-minutes', '5', '--auto-replies-close-gaps', 'true']);
    expectSameOutput([...base, '--period', 'week', '--exclude-transfers-out', 'false', '--internal', '小美']);
  }, 120_000);

  it('gives the JSON of --engine js on the shared public data (Twitter support threads, sessions)', () => {
    const report = JSON.parse(expectSameOutput(['report', ...twitter, '--format', 'json']));
    expect(report.agents.length).toBeGreaterThan(5);
    expectSameOutput([
      'report',
      ...twitter,
      '--format',
      'json',
      '--split',
      'day',
      '--period',
      'month',
      '--tz',
      'UTC',
    ]);
    expectSameOutput(['report', '--chats', 'test/fixtures/chats-invite-offline.csv', '--format', 'json']);
  }, 120_000);

  it('gives the table and CSV of --engine js on a synthetic month of 20,000 messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-sql-'));
    const files = await writeSyntheticMonth(dir, { messages: 20_000, orders: 10, seed: 11 });
    const report = JSON.parse(
      expectSameOutput(['report', '--chats', files.chats, '--format', 'json', '--period', 'week']),
    );
    expect(report.counts.messages).toBeGreaterThan(19_000);
    expectSameOutput(['report', '--chats', files.chats, '--format', 'csv']);
    expectSameOutput(['report', '--chats', files.chats, '--format', 'table', '--split', 'gap']);
  }, 240_000);

  it('refuses what it does not compute yet, naming it, rather than give another number', () => {
    const orders = cli([
      'report',
      '--chats',
      EXAMPLE_CHATS,
      '--orders',
      'examples/taobao-orders.csv',
      '--engine',
      'duckdb',
    ]);
    expect(orders.status).toBe(2);
    expect(orders.stderr).toContain('--engine duckdb does not compute this report yet');
    expect(orders.stderr).toContain('--orders');
    expect(orders.stderr).toContain('Use --engine js');
    const book = cli([
      'report',
      '--chats',
      EXAMPLE_CHATS,
      '--engine',
      'duckdb',
      '--format',
      'xlsx',
      '--out',
      '/tmp/x.xlsx',
    ]);
    expect(book.status).toBe(2);
    expect(book.stderr).toContain('明细');
    const unknown = cli(['report', '--chats', EXAMPLE_CHATS, '--engine', 'spark']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--engine is js, duckdb or auto; got "spark"');
  });

  it('lets auto pick the JS engine, which computes every report, until the crossover is measured', () => {
    const auto = cli([
      'report',
      '--chats',
      EXAMPLE_CHATS,
      '--orders',
      'examples/taobao-orders.csv',
      '--format',
      'json',
    ]);
    expect(auto.status).toBe(0);
    expect(JSON.parse(auto.stdout).team.conversion_rate).not.toBeNull();
  });
});
