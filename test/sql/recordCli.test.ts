// `cs-kpi report --engine duckdb` against `--engine js` with ratings, refunds, complaints, online time
// and issues: the example month's ratings, the public Olist reviews, and a month of the example agents'
// refunds of the example orders, online time, issues and complaints (recordFiles.ts); the same JSON, CSV
// and table to the byte, the same notes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CHATS, EXAMPLE_REPORT_ARGS } from '../examples';
import { expectSameOutput } from './differential';
import { writeMonth, writeRefunds } from './recordFiles';

const RATINGS = 'examples/service-ratings.csv';

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

  it('counts a ratings export given a zone of its own on its days, as --engine js does', () => {
    const base = ['report', '--ratings', `${RATINGS}@Asia/Taipei`, '--format', 'json', '--period', 'day'];
    const zoned = JSON.parse(expectSameOutput(base));
    expect(zoned.imports[0].timeZone).toBe('Asia/Taipei');
    expectSameOutput([...base, '--chats', `${EXAMPLE_CHATS}@America/Los_Angeles`, '--dsr-days', '3']);
  }, 120_000);

  it('counts a refunds export given a zone of its own on its days, as --engine js does', () => {
    const refunds = writeRefunds(mkdtempSync(join(tmpdir(), 'cs-kpi-sql-refunds-zone-')));
    const args = (file: string) => [
      ...['report', ...EXAMPLE_REPORT_ARGS, '--refunds', file, '--format', 'json'],
      ...['--period', 'day', '--after-sales-days', '3'],
    ];
    const zoned = JSON.parse(expectSameOutput(args(`${refunds}@America/Los_Angeles`)));
    expect(zoned.imports.find((i: { kind: string }) => i.kind === 'refunds').timeZone).toBe(
      'America/Los_Angeles',
    );
    // Not a vacuous match: read in --tz, the same refunds fall on other days and windows.
    const inTz = JSON.parse(expectSameOutput(args(refunds)));
    expect(zoned.agents).not.toEqual(inTz.agents);
  }, 180_000);
});
