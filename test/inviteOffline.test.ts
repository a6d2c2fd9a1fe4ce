// 邀评 and 留言 from a chat export, the same figures from the command line and from CS_INDICATORS in
// the built Code.js (the sidebar's are pinned in test/ui/preview.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/build.mjs';
import { loadCode } from './fakes/loadCode';
import { CHATS_INVITE_OFFLINE, chatsInviteOfflineRows, RENAMED } from './inviteOffline';

const CLI = join(ROOT, 'bin/cs-kpi.js');

/**
 * Three consultations of 旗舰店:小美: s1 answered in 10 s, with a rating invited; s2 answered in 50 s;
 * s3 a message left at night (留言), answered at 09:00, 7 h later.
 */
const WITH_COLUMNS = {
  consultations: 3,
  receptions: 3,
  rated_consultations: 2,
  invite_rate: 1 / 3,
  fast_reply_rate: 1 / 2,
  first_response_s: 30,
};
/** The same export without the two columns: no 邀评率, and the night message counts in the rates. */
const WITHOUT_COLUMNS = {
  consultations: 3,
  receptions: 3,
  rated_consultations: 3,
  invite_rate: null,
  fast_reply_rate: 1 / 3,
  first_response_s: (10 + 50 + 7 * 3600) / 3,
};

function report(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'report', ...args, '--format', 'json'], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  // Nothing on stderr but the platform's proposals (a 千牛 export: Taobao's 3分钟回复率 and its platform
  // rule, not applied).
  expect(result.stderr.replace(/^cs-kpi: note: Taobao\/Tmall exports recognized: .*\n/gm, '')).toBe('');
  expect(result.status).toBe(0);
  const { team } = JSON.parse(result.stdout);
  return Object.fromEntries(Object.keys(WITH_COLUMNS).map((id) => [id, team[id]]));
}

function writeRows(rows: string[][]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cs-kpi-invite-')), 'chats.csv');
  writeFileSync(file, Papa.unparse(rows));
  return file;
}

const close = (expected: Record<string, number | null>) =>
  Object.fromEntries(
    Object.entries(expected).map(([id, value]) => [id, value === null ? null : expect.closeTo(value, 9)]),
  );

describe('cs-kpi report with 邀评 and 留言 columns', () => {
  it('gives 邀评率 and leaves the 留言 consultation out of the service rates', () => {
    expect(report(['--chats', CHATS_INVITE_OFFLINE])).toEqual(close(WITH_COLUMNS));
  });

  it('reads the two columns under other names with --map invite=… --map offline=…', () => {
    const file = writeRows(chatsInviteOfflineRows(RENAMED));
    expect(report(['--chats', file])).toEqual(close(WITHOUT_COLUMNS));
    expect(
      report(['--chats', file, '--map', `invite=${RENAMED.邀评}`, '--map', `offline=${RENAMED.留言}`]),
    ).toEqual(close(WITH_COLUMNS));
  });
});

describe('cs-kpi report --map', () => {
  it('refuses a field no export has, naming the fields (a field the mapper never walks is never read)', () => {
    const result = spawnSync(
      process.execPath,
      [CLI, 'report', '--chats', CHATS_INVITE_OFFLINE, '--map', 'chats.status=订单状态'],
      { encoding: 'utf8', cwd: ROOT },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'cs-kpi: --map chats.status=订单状态: "status" is not a field of chats; the fields are time, agent, customer, from, text, session, message_id, auto, transfer, invite, offline, no_response, shop.',
    );
  });
});

describe('CS_INDICATORS in the built Code.js with 邀评 and 留言 columns', () => {
  const addon = loadCode();
  const run = (rows: string[][]) => {
    const table = addon.global.CS_INDICATORS(rows, '', [
      ['tz', 'Asia/Shanghai'],
      ['language', 'en'],
    ]) as (string | number)[][];
    const [header = [], ...body] = table;
    const team = body.find((row) => row[0] === 'Team') ?? [];
    const value = (name: string) => {
      const cell = team[header.indexOf(name)];
      return cell === '' ? null : cell;
    };
    return {
      consultations: value('Consultations'),
      receptions: value('Receptions'),
      rated_consultations: value('Assessed consultations'),
      invite_rate: value('Rating invitation rate'),
      fast_reply_rate: value('30s response rate'),
      first_response_s: value('First response (s)'),
    };
  };

  it('gives the figures of the command line', () => {
    expect(run(chatsInviteOfflineRows())).toEqual(close(WITH_COLUMNS));
  });

  it('without the columns, gives no 邀评率 and counts the 留言 consultation', () => {
    expect(run(chatsInviteOfflineRows(RENAMED))).toEqual(close(WITHOUT_COLUMNS));
  });
});
