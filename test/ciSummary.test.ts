import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/build.mjs';

function summary(report: object | null, exitCode: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-ci-'));
  const path = join(dir, 'results.json');
  if (report) writeFileSync(path, JSON.stringify(report));
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/ci-summary.mjs'), path, String(exitCode)], {
    encoding: 'utf8',
  });
  return result.stdout.trim();
}

describe('.ci/run closing line (scripts/ci-summary.mjs)', () => {
  it('counts passed, failed and skipped tests from vitest JSON', () => {
    const report = {
      numPassedTests: 7,
      numFailedTests: 2,
      numPendingTests: 1,
      numTodoTests: 0,
      testResults: [],
    };
    expect(summary(report, 1)).toBe('7 passed, 2 failed, 1 skipped');
  });

  it('counts a test file that failed to load as a failure', () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [{ status: 'failed', assertionResults: [] }],
    };
    expect(summary(report, 1)).toBe('3 passed, 1 failed');
  });

  it('reports a failure when the checks stopped the run before any test', () => {
    expect(summary(null, 2)).toBe('0 passed, 1 failed');
  });
});
