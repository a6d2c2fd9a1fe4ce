import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { parseReportOptions } from '../../src/cli/options';
import { DEFAULT_SETTINGS, SETTINGS } from '../../src/core/engine/settings';
import { OTHER_VALUES } from './samples';

const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/cs-kpi.js'), ...args], { encoding: 'utf8', cwd: ROOT });

describe('the command line and the settings description', () => {
  it('cs-kpi settings --json lists every setting with its id, default, flag, sheet key and sidebar place', () => {
    const result = cli(['settings', '--json']);
    expect(result.status).toBe(0);
    const listed = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(listed.map((s) => s.id)).toEqual(SETTINGS.map((s) => s.id));
    expect(listed.map((s) => s.id).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    for (const s of listed) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining(['id', 'default', 'flag', 'sheet_key', 'sidebar']),
      );
      expect(s.default).toEqual(DEFAULT_SETTINGS[s.id as keyof typeof DEFAULT_SETTINGS]);
    }
    const window = listed.find((s) => s.id === 'windowDays');
    expect(window).toMatchObject({
      default: 2,
      flag: '--window-days',
      sheet_key: 'window_days',
      sidebar: 'simple',
    });
    expect(cli(['settings']).stdout).toContain('--exclude-offline on|off  (default: on)');
  });

  it.each(OTHER_VALUES.map((o) => [o.spec.id, o] as const))(
    'reads %s from its flag',
    (_, { spec, value, text }) => {
      const files = ['--chats', 'chats.csv'];
      // A list's flag is given once per item; every other flag once, as text.
      const flags =
        Array.isArray(value) && spec.type.kind === 'list'
          ? value.flatMap((item) => [spec.flag, String(item)])
          : [spec.flag, text];
      const parsed = parseReportOptions([...files, ...flags]).settings;
      expect(parsed[spec.id]).toEqual(value);
      expect(parsed[spec.id]).not.toEqual(DEFAULT_SETTINGS[spec.id]);
      expect({ ...parsed, [spec.id]: DEFAULT_SETTINGS[spec.id] }).toEqual(DEFAULT_SETTINGS);
    },
  );

  it('names every flag in the help and in README’s usage block', () => {
    const help = cli(['--help']).stdout;
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const usage = /```sh\nnpx cs-kpi report[\s\S]*?```/.exec(readme)?.[0] ?? '';
    for (const s of SETTINGS) {
      expect(help, s.flag).toContain(`[${s.flag} `);
      expect(usage, s.flag).toContain(`[${s.flag} `);
    }
    expect(readme).toContain('| `npx cs-kpi settings` |');
  });

  it('refuses a value outside what the description allows, naming the setting', () => {
    const result = cli(['report', '--chats', 'x.csv', '--exclude-offline', 'maybe']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('exclude offline is on or off; got "maybe"');
  });
});
