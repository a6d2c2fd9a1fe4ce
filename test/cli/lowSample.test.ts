import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { EXAMPLE_REPORT_ARGS } from '../examples';

const CLI = join(ROOT, 'bin/cs-kpi.js');
// The examples: 兼职小陈 has 2 service ratings, one of them satisfied.
const EXAMPLES = EXAMPLE_REPORT_ARGS;
const PART_TIMER = '旗舰店:兼职小陈';

function report(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'report', ...EXAMPLES, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('cs-kpi report --min-sample (issue 18 item 7)', () => {
  it('JSON: every row carries low_sample; 兼职小陈’s 满意率 50 % is flagged at 5, not at 2', () => {
    const at5 = JSON.parse(report('--format', 'json'));
    const chen = at5.agents.find((a: { agent: string }) => a.agent === PART_TIMER);
    expect(chen.satisfaction_rate).toBe(0.5);
    expect(chen.low_sample).toEqual(['satisfaction_rate', 'dsr_service']);
    expect(at5.team.low_sample).toEqual([]);
    expect(at5.settings.minSample).toBe(5);
    const at2 = JSON.parse(report('--format', 'json', '--min-sample', '2'));
    const again = at2.agents.find((a: { agent: string }) => a.agent === PART_TIMER);
    expect(again.satisfaction_rate).toBe(0.5);
    expect(again.low_sample).toEqual([]);
  });

  it('the table marks a flagged figure with * and says why below', () => {
    const table = report('--format', 'table');
    expect(table).toContain('50.0%*');
    expect(table).toContain('* 样本不足 low sample: fewer than 5 cases (--min-sample)');
    const none = report('--format', 'table', '--min-sample', '0');
    expect(none).not.toContain('*');
  });

  it('CSV: the flagged ids in a last low_sample column', () => {
    const rows = Papa.parse<Record<string, string>>(report('--format', 'csv'), { header: true }).data;
    expect(rows.find((r) => r.agent === PART_TIMER)?.low_sample).toBe('satisfaction_rate dsr_service');
    expect(rows.find((r) => r.level === 'team')?.low_sample).toBe('');
  });
});
