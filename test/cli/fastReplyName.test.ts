import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { EXAMPLE_CHATS, exampleChatsWithoutAutoFlag } from '../examples';

const CLI = join(ROOT, 'bin/cs-kpi.js');

function report(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'report', ...args], { encoding: 'utf8', cwd: ROOT });
  expect(result.status, result.stderr).toBe(0);
  return result;
}

describe('30秒应答率 named by --fast-reply-seconds on the command line (issue 18 item 9)', () => {
  it('the table reads 3分钟应答率 under 180 and 60秒应答率 under 60; JSON keeps the id', () => {
    const at180 = report('--chats', EXAMPLE_CHATS, '--fast-reply-seconds', '180').stdout;
    expect(at180).toMatch(/^3分钟应答率 /m);
    expect(at180).not.toContain('30秒应答率');
    expect(report('--chats', EXAMPLE_CHATS, '--fast-reply-seconds', '60').stdout).toMatch(/^60秒应答率 /m);
    const json = JSON.parse(
      report('--chats', EXAMPLE_CHATS, '--fast-reply-seconds', '180', '--format', 'json').stdout,
    );
    expect(typeof json.team.fast_reply_rate).toBe('number');
  });

  it('the note on unmarked auto replies names the rate they raise by the setting', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cs-kpi-names-')), 'chats.csv');
    writeFileSync(file, Papa.unparse(exampleChatsWithoutAutoFlag()));
    const { stderr } = report('--chats', file, '--fast-reply-seconds', '180', '--format', 'json');
    expect(stderr).toContain('raising 3分钟应答率 and lowering');
  });
});
