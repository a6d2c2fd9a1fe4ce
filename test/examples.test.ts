import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/build.mjs';
import { writeExamples } from '../scripts/examples.mjs';

const FILES = { chats: 'qianniu-chats.csv', orders: 'taobao-orders.csv', ratings: 'service-ratings.csv' };

describe('examples/ (the sample exports npm start reports on)', () => {
  it('is exactly what the seeded generator makes (npm run examples)', async () => {
    const written = await writeExamples(mkdtempSync(join(tmpdir(), 'cs-kpi-examples-')));
    for (const [kind, file] of Object.entries(FILES)) {
      expect(readFileSync(written[kind as keyof typeof FILES], 'utf8'), file).toBe(
        readFileSync(join(ROOT, 'examples', file), 'utf8'),
      );
    }
  });

  it('reports figures that add up across agents, team and shop', () => {
    const args = [
      'report',
      ...Object.entries(FILES).flatMap(([kind, f]) => [`--${kind}`, join(ROOT, 'examples', f)]),
      '--format',
      'json',
    ];
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/cs-kpi.js'), ...args], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const { agents, team, shop, warnings, imports } = JSON.parse(result.stdout);
    // Read as the platform exports they are, with nothing skipped.
    expect(imports.map((i: { dialect: string }) => i.dialect)).toEqual([
      'qianniu-chat-records',
      'taobao-order-report',
      'taobao-service-ratings',
    ]);
    const sum = (key: string) =>
      agents.reduce((s: number, a: Record<string, number>) => s + (a[key] ?? 0), 0);
    expect(warnings).toEqual([]);
    expect(agents).toHaveLength(8);
    expect(sum('consultations')).toBe(team.consultations);
    expect(sum('sales')).toBeCloseTo(team.sales, 6);
    expect(team.sales + shop.silent_sales).toBeCloseTo(shop.sales, 6);
    expect(sum('sales_share')).toBeCloseTo(1, 9);
    expect(team.receptions + team.unreplied).toBe(team.consultations);
  });
});
