// `cs-kpi report --engine duckdb` against `--engine js` with ratings, complaints, online time and issues:
// the example month's ratings, the public Olist reviews, and a month of the example agents' online
// time, issues and complaints written here; the same JSON, CSV and table to the byte, the same notes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CHATS } from '../examples';
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

  it('refuses a ratings export given a zone of its own (the views count days in --tz), naming it', () => {
    const zoned = cli(['report', '--ratings', `${RATINGS}@Asia/Taipei`, '--engine', 'duckdb']);
    expect(zoned.status).toBe(2);
    expect(zoned.stderr).toContain(
      `it reads every export in --tz, and ${RATINGS} was given a zone of its own`,
    );
  });
});
