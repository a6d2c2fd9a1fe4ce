// An independent implementation of three indicators in DuckDB's SQL (the benchmark's competitor)
// must give the engine's numbers on the same files: reply rate, mean first response, conversion.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duckdbIndicators } from '../scripts/bench/duckdb.mjs';
import { ROOT } from '../scripts/build.mjs';
import { writeSyntheticMonth } from '../scripts/synthetic.mjs';

describe('the engine against DuckDB SQL', () => {
  it('agrees on every agent for a seeded month of 20,000 messages and 2,000 orders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-duckdb-'));
    const files = await writeSyntheticMonth(dir, { messages: 20_000, orders: 2_000, seed: 7 });
    const sql = await duckdbIndicators(files.chats, files.orders);
    const result = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/cs-kpi.js'),
        'report',
        '--chats',
        files.chats,
        '--orders',
        files.orders,
        '--format',
        'json',
      ],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const ours = JSON.parse(result.stdout);
    expect(sql.rows).toHaveLength(8);
    for (const row of sql.rows) {
      const agent = ours.agents.find((a: { agent: string }) => a.agent === row.agent);
      expect(agent.reply_rate, row.agent).toBeCloseTo(row.reply_rate as number, 12);
      expect(agent.first_response_s, row.agent).toBeCloseTo(row.first_response_s as number, 9);
      expect(agent.conversion_rate, row.agent).toBeCloseTo(row.conversion_rate as number, 12);
    }
  });
});
