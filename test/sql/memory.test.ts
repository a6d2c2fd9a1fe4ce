// DuckDB's memory limit: 2 GiB unless CS_KPI_DUCKDB_MEMORY says another, and its spills in the
// engine's own temporary folder, removed with the engine.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DuckdbEngine } from '../../src/cli/sql/engine';
import { duckdbMemoryBytes } from '../../src/cli/sql/memory';
import { DEFAULT_SETTINGS } from '../../src/core/engine/settings';

async function limits() {
  const engine = await DuckdbEngine.open(DEFAULT_SETTINGS);
  const [row] = await engine.run(
    "SELECT current_setting('memory_limit') AS memory, current_setting('temp_directory') AS spill",
  );
  engine.close();
  return { memory: row?.memory, spill: String(row?.spill) };
}

describe("DuckDB's memory limit", () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is 2 GiB, DuckDB writing what is beyond into a folder of the engine removed with it', async () => {
    const { memory, spill } = await limits();
    expect(memory).toBe('2.0 GiB');
    expect(spill).toMatch(/cs-kpi-engine-[^/\\]+[/\\]spill$/);
    expect(existsSync(dirname(spill))).toBe(false);
  });

  it('is what CS_KPI_DUCKDB_MEMORY says, in bytes or with a unit', async () => {
    vi.stubEnv('CS_KPI_DUCKDB_MEMORY', '1536MiB');
    expect((await limits()).memory).toBe('1.5 GiB');
    expect(duckdbMemoryBytes('3GB')).toBe(3e9);
    expect(duckdbMemoryBytes(' 0.5 gib ')).toBe(2 ** 29);
    expect(duckdbMemoryBytes('100000000')).toBe(1e8);
    expect(duckdbMemoryBytes('')).toBe(2 * 2 ** 30);
    for (const wrong of ['lots', '2 G', '63MiB', '1e9', '-1GB'])
      expect(() => duckdbMemoryBytes(wrong), wrong).toThrow(
        /CS_KPI_DUCKDB_MEMORY is the memory DuckDB may take/,
      );
  });
});
