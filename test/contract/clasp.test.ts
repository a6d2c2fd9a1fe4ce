import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';

describe('clasp', () => {
  it('is configured to push dist/ to a placeholder script', () => {
    const config = JSON.parse(readFileSync(join(ROOT, '.clasp.json'), 'utf8'));
    expect(config.rootDir).toBe('dist');
    expect(config.scriptId).toMatch(/REPLACE/);
  });

  it('would push exactly Code.js, Sidebar.html and appsscript.json (clasp status, offline, no login)', () => {
    const home = mkdtempSync(join(tmpdir(), 'cs-kpi-home-'));
    const output = execFileSync(join(ROOT, 'node_modules/.bin/clasp'), ['status', '--json'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: home },
      encoding: 'utf8',
    });
    const status = JSON.parse(output);
    expect([...status.filesToPush].sort()).toEqual([
      'dist/Code.js',
      'dist/Sidebar.html',
      'dist/appsscript.json',
    ]);
  });
});
