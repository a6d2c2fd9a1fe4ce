import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { fileAndZone, UsageError } from '../../src/cli/options';

const CLI = join(ROOT, 'bin/cs-kpi.js');

const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, 'report', ...args], { encoding: 'utf8', cwd: ROOT });

/** A Taipei shop's and a Los Angeles shop's exports, each time written on its own shop's clock. */
function twoShops() {
  const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-zones-'));
  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  return {
    dir,
    tw: file('tw-chats.csv', [
      '时间,客服,买家,发送方,内容',
      '2024-03-01 23:30:00,tw:小美,b1,买家,在吗',
      '2024-03-01 23:31:00,tw:小美,b1,客服,在的',
    ]),
    us: file('us-chats.csv', [
      '时间,客服,买家,发送方,内容',
      '2024-03-01 23:30:00,us:Amy,b2,买家,hi',
      '2024-03-01 23:31:00,us:Amy,b2,客服,hello',
    ]),
    usOrders: file('us-orders.csv', [
      'order id,buyer,created at,paid at,total',
      'A-1,b2,2024-03-01 23:40:00,2024-03-01 23:45:00,30.00',
    ]),
    file,
  };
}

describe('a zone per file: shops in several markets (issue 22, item 4)', () => {
  it('reads each file on its shop’s clock and counts its days there: both shops’ 23:30 is 1 March', () => {
    const shops = twoShops();
    const result = run(
      '--chats',
      `${shops.tw}@Asia/Taipei`,
      '--chats',
      `${shops.us}@America/Los_Angeles`,
      '--orders',
      `${shops.usOrders}@America/Los_Angeles`,
      '--tz',
      'Asia/Shanghai',
      '--period',
      'day',
      '--format',
      'json',
    );
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    const days = json.agents.map((row: Record<string, unknown>) => [row.agent, row.period, row.sales]);
    // On Shanghai's clock the Los Angeles shop's evening is 2 March (15:30 the next day): its day stays 1 March.
    expect(days).toEqual([
      ['tw:小美', '2024-03-01', 0],
      ['us:Amy', '2024-03-01', 30],
    ]);
    expect(json.imports.map((i: { file: string; timeZone?: string }) => [i.file, i.timeZone])).toEqual([
      ['tw-chats.csv', 'Asia/Taipei'],
      ['us-chats.csv', 'America/Los_Angeles'],
      ['us-orders.csv', 'America/Los_Angeles'],
    ]);
    // Each first response is a minute, as each shop's clock says.
    expect(json.team.first_response_s).toBe(60);
  });

  it('without a zone the Los Angeles times are read as Shanghai’s (--tz): the same wall clock, another instant', () => {
    const shops = twoShops();
    const result = run('--chats', shops.us, '--tz', 'Asia/Shanghai', '--format', 'json');
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).imports[0].timeZone).toBeUndefined();
  });

  it('refuses an agent account named in files of two zones', () => {
    const shops = twoShops();
    const again = shops.file('tw-chats-march.csv', [
      '时间,客服,买家,发送方,内容',
      '2024-03-02 10:00:00,tw:小美,b3,买家,你好',
    ]);
    const result = run('--chats', `${shops.tw}@Asia/Taipei`, '--chats', `${again}@Asia/Bangkok`);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      'the agent account "tw:小美" is in tw-chats.csv (read in Asia/Taipei) and in tw-chats-march.csv (read in Asia/Bangkok)',
    );
    // The same file in two zones is refused before anything is read.
    const twice = run('--chats', `${shops.tw}@Asia/Taipei`, '--chats', `${shops.tw}@Asia/Bangkok`);
    expect(twice.stderr).toContain('is given in two time zones (Asia/Taipei, Asia/Bangkok)');
  });

  it('reads FILE@ZONE only when ZONE is one, and refuses a name that reads two ways', () => {
    const shops = twoShops();
    expect(fileAndZone(`${shops.tw}@Asia/Taipei`, '--chats')).toEqual({
      path: shops.tw,
      zone: 'Asia/Taipei',
    });
    expect(fileAndZone(shops.tw, '--chats')).toEqual({ path: shops.tw, zone: null });
    // An @ of the file's own name, not followed by a zone.
    const own = shops.file('shop@tw.csv', ['x']);
    expect(fileAndZone(own, '--chats')).toEqual({ path: own, zone: null });
    // A mistyped zone after a file there is.
    expect(() => fileAndZone(`${shops.tw}@Asia/Taipie`, '--chats')).toThrow(UsageError);
    expect(() => fileAndZone(`${shops.tw}@Asia/Taipie`, '--chats')).toThrow(
      '"Asia/Taipie" is not a time zone',
    );
    // A file named a@UTC beside a file named a.
    const plain = shops.file('a', ['x']);
    shops.file('a@UTC', ['x']);
    expect(() => fileAndZone(`${plain}@UTC`, '--chats')).toThrow('reads two ways');
  });
});
