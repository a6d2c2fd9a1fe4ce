// DuckDB's memory limit: 1 GiB unless CS_KPI_DUCKDB_MEMORY says another, and its spills in the
// engine's own temporary folder, removed with the engine, when the run is stopped, or by the next run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
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

  it('is 1 GiB, DuckDB writing what is beyond into a folder of the engine removed with it', async () => {
    const { memory, spill } = await limits();
    expect(memory).toBe('1.0 GiB');
    expect(spill).toMatch(new RegExp(`cs-kpi-engine-${process.pid}-[^/\\\\]+[/\\\\]spill$`));
    expect(existsSync(dirname(spill))).toBe(false);
  });

  it('is what CS_KPI_DUCKDB_MEMORY says, in bytes or with a unit', async () => {
    vi.stubEnv('CS_KPI_DUCKDB_MEMORY', '1536MiB');
    expect((await limits()).memory).toBe('1.5 GiB');
    expect(duckdbMemoryBytes('3GB')).toBe(3e9);
    expect(duckdbMemoryBytes(' 0.5 gib ')).toBe(2 ** 29);
    expect(duckdbMemoryBytes('100000000')).toBe(1e8);
    expect(duckdbMemoryBytes('')).toBe(2 ** 30);
    for (const wrong of ['lots', '2 G', '63MiB', '1e9', '-1GB'])
      expect(() => duckdbMemoryBytes(wrong), wrong).toThrow(
        /CS_KPI_DUCKDB_MEMORY is the memory DuckDB may take/,
      );
  });
});

describe("the engine's temporary folder", () => {
  const temps: string[] = [];
  const tempFolder = () => {
    const temp = mkdtempSync(join(tmpdir(), 'cs-kpi-folders-'));
    temps.push(temp);
    return temp;
  };
  afterEach(() => {
    vi.unstubAllEnvs();
    for (const temp of temps.splice(0)) rmSync(temp, { recursive: true, force: true });
  });

  it('removes the folders of runs that no longer run, and leaves the others', async () => {
    const temp = tempFolder();
    vi.stubEnv('TMPDIR', temp);
    const ended = spawnSync(process.execPath, ['-e', '']).pid as number;
    for (const name of [
      `cs-kpi-engine-${ended}-AbC123`, // a run killed outright: its spill left behind
      `cs-kpi-engine-${process.pid}-XyZ789`, // a run still going (this one)
      'cs-kpi-engine-Qw3rty', // named before runs were named by process: whose is not known
      'someone-else',
    ]) {
      mkdirSync(join(temp, name, 'spill'), { recursive: true });
      writeFileSync(join(temp, name, 'spill', 'duckdb_temp_storage-0.tmp'), 'x');
    }
    const engine = await DuckdbEngine.open(DEFAULT_SETTINGS);
    const during = readdirSync(temp).sort();
    engine.close();
    expect(
      during.filter((name) => !name.endsWith('XyZ789') && name.startsWith(`cs-kpi-engine-${process.pid}-`)),
    ).toHaveLength(1);
    expect(readdirSync(temp).sort()).toEqual(
      [`cs-kpi-engine-${process.pid}-XyZ789`, 'cs-kpi-engine-Qw3rty', 'someone-else'].sort(),
    );
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    it(`is removed when the run is stopped by ${signal}, the run ending by that signal`, async () => {
      const temp = tempFolder();
      const script = join(temp, 'stopped.mjs');
      buildSync({
        stdin: {
          contents: `import { writeFileSync } from 'node:fs';
import { openEngineFolder } from './src/cli/sql/engineFolder.ts';
const { dir } = openEngineFolder();
writeFileSync(dir + '/spill.tmp', 'spilled');
process.stdout.write(dir + '\\n');
setInterval(() => {}, 1000);`,
          resolveDir: ROOT,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: script,
        logLevel: 'silent',
      });
      const child = spawn(process.execPath, [script], { env: { ...process.env, TMPDIR: temp } });
      const dir = await new Promise<string>((resolve) =>
        child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim())),
      );
      expect(existsSync(join(dir, 'spill.tmp'))).toBe(true);
      const ended = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_code, by) => resolve(by)),
      );
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(existsSync(dir)).toBe(false);
    });
});
