// `cs-kpi report --platform NAME --engine duckdb` against `--engine js` through the command line: the
// cross-border month (`npm run start:crossborder`) under every platform, with and without --rates, and
// with buyer messages marked as needing no response (the importer's flag, into DuckDB's table): the
// same JSON, CSV and table to the byte, the same notes.
import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '../../src/core/engine/platform';
import { CROSS_BORDER, CROSS_BORDER_MONTH } from '../examples';
import { expectSameOutput } from './differential';
import { withNoResponseColumn } from './noResponse';

const MONTH = ['report', ...CROSS_BORDER_MONTH];
const RATES = 'examples/crossborder/rates.csv';

/** The cross-border chats with a "No response needed" column: every fifth buyer message marked. */
const chatsWithNoResponse = () =>
  withNoResponseColumn(CROSS_BORDER.chats, 'No response needed', (cells) => cells[3] === 'end-user', [
    'true',
    'false',
  ]);

describe('cs-kpi report --platform with --engine duckdb', () => {
  it('gives the output of --engine js on the cross-border month under every platform', () => {
    for (const platform of PLATFORM_IDS.filter((p) => p !== 'none')) {
      const report = JSON.parse(expectSameOutput([...MONTH, '--platform', platform, '--format', 'json']));
      // Not a vacuous match: the platform's rate is there on the team's row.
      expect(report.team.platform_response_rate, platform).not.toBeNull();
    }
    expectSameOutput([...MONTH, '--platform', 'lazada', '--period', 'week', '--format', 'csv']);
    expectSameOutput([
      ...[...MONTH, '--platform', 'shopee-th', '--platform-window-days', '7'],
      ...['--period', 'day', '--format', 'table'],
    ]);
  }, 600_000);

  it('gives the output of --engine js with --rates and --platform shopee (without the platform: cli.test.ts)', () => {
    const rated = JSON.parse(
      expectSameOutput([...MONTH, '--rates', RATES, '--platform', 'shopee', '--format', 'json']),
    );
    expect(rated.team.platform_response_rate).toBeGreaterThan(0);
    expect(rated.conversion).toBeDefined();
    expectSameOutput([...MONTH, '--rates', RATES, '--platform', 'shopee', '--format', 'table']);
  }, 300_000);

  it('leaves out the buyer messages the export marks as needing no response, as --engine js does', () => {
    const marked = chatsWithNoResponse();
    const args = ['report', '--chats', marked, '--format', 'json', '--platform'];
    for (const platform of ['amazon', 'shopee', 'tiktok', 'lazada']) {
      const withFlags = JSON.parse(expectSameOutput([...args, platform]));
      const without = JSON.parse(
        expectSameOutput([
          'report',
          '--chats',
          CROSS_BORDER.chats,
          '--format',
          'json',
          '--platform',
          platform,
        ]),
      );
      // Not a vacuous match: the marked messages change what the platform counts.
      expect(withFlags.team.platform_response_rate, platform).not.toBe(without.team.platform_response_rate);
    }
  }, 300_000);
});
