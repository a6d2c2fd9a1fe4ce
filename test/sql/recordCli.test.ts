// `cs-kpi report --engine duckdb` against `--engine js` with ratings, refunds, complaints, online time
// and issues: the example month's ratings, the public Olist reviews, and a month of the example agents'
// refunds of the example orders, online time, issues and complaints written here; the same JSON, CSV
// and table to the byte, the same notes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CHATS, EXAMPLE_REPORT_ARGS } from '../examples';
import { cli } from '../helpers/cli';
import { expectSameOutput } from './differential';

const RATINGS = 'examples/service-ratings.csv';
const AGENTS = ['旗舰店:阿杰', '旗舰店:大刘', '旗舰店:小林', '旗舰店:小美', '旗舰店:小王', '旗舰店:小周'];

/**
 * October 2026 (the example month) of online spans, issues and complaints for the example agents,
 * from a fixed sequence: spans of odd minutes (whole hours would hide a sum's rounding), a few
 * complaints naming nobody (the shop's), some on the last days (window edges).
 */
function writeMonth(dir: string) {
  let seed = 21;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const at = (day: number, minute: number) =>
    `2026-10-${String(day).padStart(2, '0')} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:${String(next(60)).padStart(2, '0')}`;
  const online = ['客服账号,上线时间,下线时间'];
  const issues = ['time,agent,resolved'];
  const complaints = ['投诉时间,被投诉客服'];
  for (let i = 0; i < 120; i++) {
    const day = 1 + next(31);
    const start = next(20 * 60);
    online.push(`${AGENTS[next(AGENTS.length)]},${at(day, start)},${at(day, start + 1 + next(239))}`);
  }
  for (let i = 0; i < 60; i++)
    issues.push(
      `${at(1 + next(31), next(1440))},${AGENTS[next(AGENTS.length)]},${next(3) === 0 ? '否' : '是'}`,
    );
  for (let i = 0; i < 25; i++)
    complaints.push(`${at(1 + next(31), next(1440))},${next(5) === 0 ? '' : AGENTS[next(AGENTS.length)]}`);
  const files = {
    online: join(dir, 'online.csv'),
    issues: join(dir, 'issues.csv'),
    complaints: join(dir, 'complaints.csv'),
  };
  writeFileSync(files.online, `${online.join('\n')}\n`);
  writeFileSync(files.issues, `${issues.join('\n')}\n`);
  writeFileSync(files.complaints, `${complaints.join('\n')}\n`);
  return files;
}

/**
 * Refunds of the example orders (October 2026: IDs 3000000000000000000 …), from a fixed sequence:
 * requested through the month, completed minutes to days later (some on the next month's first days,
 * some never), by the shop, the platform, the buyer or unsaid, some disputed, most naming an agent and
 * a few nobody (the shop's); an order refunded twice, and a refund of an order the export lacks.
 */
function writeRefunds(dir: string) {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  const rows = ['订单编号,退款申请时间,退款完结时间,完结方,是否纠纷,处理客服'];
  for (let i = 0; i < 90; i++) {
    const order = i === 89 ? 999_999 : next(520);
    const applied = Date.parse(
      `2026-10-${pad(1 + next(31))}T${pad(next(24))}:${pad(next(60))}:${pad(next(60))}Z`,
    );
    const minutes = [null, 1, 37, 600, 1_441, 4_000][next(6)] as number | null;
    const completed = minutes === null ? '' : stamp(applied + minutes * 60_000 + next(60) * 1000);
    const by = minutes === null ? '' : ['商家', '商家', '平台', '买家', ''][next(5)];
    const agent = next(6) === 0 ? '' : AGENTS[next(AGENTS.length)];
    rows.push(
      `="${3_000_000_000_000_000_000n + BigInt(order)}",${stamp(applied)},${completed},${by},${next(4) === 0 ? '是' : '否'},${agent}`,
    );
  }
  const file = join(dir, 'refunds.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

describe('cs-kpi report --engine duckdb with ratings, complaints, online time and issues', () => {
  it('gives the output of --engine js on the example chats and ratings, under several settings', () => {
    const base = ['report', '--chats', EXAMPLE_CHATS, '--ratings', RATINGS];
    const report = JSON.parse(expectSameOutput([...base, '--format', 'json']));
    // Not a vacuous match: the ratings' figures are there.
    expect(report.counts.ratings).toBeGreaterThan(50);
    expect(report.team.satisfaction_rate).toBeGreaterThan(0);
    expect(report.team.rating_rate).toBeGreaterThan(0);
    expect(report.team.dsr_service).toBeGreaterThan(3);
    expectSameOutput([...base, '--format', 'json', '--period', 'day', '--dsr-days', '3']);
    expectSameOutput([...base, '--format', 'csv', '--period', 'week', '--satisfied-levels', '5']);
    expectSameOutput([...base, '--format', 'table', '--min-sample', '30']);
    expectSameOutput(['report', '--ratings', RATINGS, '--format', 'json', '--period', 'month']);
  }, 240_000);

  it('gives the output of --engine js on the public Olist reviews (the shop rated, no agent)', () => {
    const args = ['report', '--ratings', 'test/fixtures/public-data/olist_reviews_head.csv'];
    const report = JSON.parse(expectSameOutput([...args, '--format', 'json', '--period', 'month']));
    expect(report.counts.ratings).toBeGreaterThan(6000);
    expect(report.agents).toEqual([]);
    expect(report.shop.dsr_service).toBeGreaterThan(4);
    expectSameOutput([...args, '--format', 'csv', '--dsr-days', '30', '--period', 'week']);
  }, 120_000);

  it('gives the output of --engine js on a month of online time, issues and complaints beside the chats', () => {
    const files = writeMonth(mkdtempSync(join(tmpdir(), 'cs-kpi-sql-records-')));
    const args = [
      'report',
      '--chats',
      EXAMPLE_CHATS,
      '--ratings',
      RATINGS,
      '--online',
      files.online,
      '--issues',
      files.issues,
      '--complaints',
      files.complaints,
    ];
    const report = JSON.parse(expectSameOutput([...args, '--format', 'json']));
    expect(report.team.online_hours).toBeGreaterThan(1);
    expect(report.team.resolution_rate).toBeGreaterThan(0.4);
    expect(report.team.resolution_rate).toBeLessThan(1);
    expect(report.imports.map((i: { records: number }) => i.records).slice(2)).toEqual([25, 120, 60]);
    expectSameOutput([...args, '--format', 'json', '--period', 'week', '--after-sales-days', '7']);
    expectSameOutput([...args, '--format', 'csv', '--period', 'day']);
    expectSameOutput([...args, '--format', 'table', '--tz', 'UTC']);
  }, 240_000);

  it('gives the output of --engine js with a month of refunds of the example orders, with and without the chats and orders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-sql-refunds-'));
    const refunds = writeRefunds(dir);
    const { complaints } = writeMonth(dir);
    const args = ['report', ...EXAMPLE_REPORT_ARGS, '--refunds', refunds, '--complaints', complaints];
    const report = JSON.parse(expectSameOutput([...args, '--format', 'json']));
    // Not a vacuous match: every refund figure and 投诉率 are there, between 0 and 1 where rates.
    for (const id of ['refund_rate', 'dispute_rate', 'self_refund_rate', 'complaint_rate'])
      expect(report.shop[id], id).toBeGreaterThan(0);
    expect(report.shop.self_refund_rate).toBeLessThan(1);
    expect(report.team.refund_hours_median).toBeGreaterThan(0);
    expect(report.imports.find((i: { kind: string }) => i.kind === 'refunds').records).toBe(90);
    expectSameOutput([...args, '--format', 'json', '--period', 'day', '--after-sales-days', '7']);
    expectSameOutput([...args, '--format', 'csv', '--period', 'week', '--basis', 'ordered']);
    expectSameOutput([...args, '--format', 'table', '--tz', 'UTC', '--min-sample', '5']);
    const alone = ['report', '--refunds', refunds, '--format', 'json'];
    expect(JSON.parse(expectSameOutput(alone)).shop.refund_hours).toBeGreaterThan(0);
    expectSameOutput([...alone, '--period', 'week', '--after-sales-days', '3']);
  }, 300_000);

  it('refuses a ratings export given a zone of its own (the views count days in --tz), naming it', () => {
    const zoned = cli(['report', '--ratings', `${RATINGS}@Asia/Taipei`, '--engine', 'duckdb']);
    expect(zoned.status).toBe(2);
    expect(zoned.stderr).toContain(
      `it reads every export in --tz, and ${RATINGS} was given a zone of its own`,
    );
  });
});
