import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { parseReportOptions } from '../../src/cli/options';
import { chooseEngine, jsEnginePeakBytes } from '../../src/cli/sql/choice';
import { EXAMPLE_REPORT_ARGS } from '../examples';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const plenty = { heap: 4 * GiB, free: 20 * GiB };

/** The example exports' own size, as auto weighs them. */
const exampleBytes = EXAMPLE_REPORT_ARGS.filter((arg) => arg.endsWith('.csv')).reduce(
  (sum, file) => sum + statSync(join(ROOT, file)).size,
  0,
);

function options(...extra: string[]) {
  return parseReportOptions([
    ...EXAMPLE_REPORT_ARGS.map((a) => (a.endsWith('.csv') ? join(ROOT, a) : a)),
    ...extra,
  ]);
}

afterEach(() => {
  delete process.env.CS_KPI_DUCKDB_FROM_BYTES;
});

describe('which engine auto picks', () => {
  it("weighs the JS engine's need above every peak the bench measured", () => {
    // npm run bench, 2026-12-06 (README's Speed): MiB of CSV and the JS engine's peak RSS in MiB.
    for (const [csv, peak] of [
      [94.5, 545],
      [465, 2077],
      [1889, 6939],
    ] as const) {
      expect(jsEnginePeakBytes(csv * MiB), `${csv} MiB`).toBeGreaterThanOrEqual(peak * MiB);
      // and not so far above that auto sends a month the JS engine could hold to the slower engine
      expect(jsEnginePeakBytes(csv * MiB), `${csv} MiB`).toBeLessThan(peak * MiB * 1.2);
    }
  });

  it('keeps the JS engine, the faster, while it fits in the heap and the memory free', () => {
    expect(chooseEngine(options(), plenty)).toEqual({ engine: 'js', why: null });
    const justEnough = jsEnginePeakBytes(exampleBytes);
    expect(chooseEngine(options(), { heap: justEnough, free: justEnough }).engine).toBe('js');
  });

  it('takes DuckDB when the JS engine would pass the heap limit or the memory free, and says why', () => {
    const need = jsEnginePeakBytes(exampleBytes);
    const smallHeap = chooseEngine(options(), { heap: need - 1, free: 20 * GiB });
    expect(smallHeap.engine).toBe('duckdb');
    expect(smallHeap.why).toBe(
      `DuckDB computes this report (the same figures): the JS engine would need about ${Math.round(need / MiB)} MiB for these ${Math.ceil(exampleBytes / 2 ** 10)} KiB of exports, more than it may take here (${Math.round((need - 1) / MiB)} MiB of JavaScript heap, 20.0 GiB of memory free). --engine js chooses it all the same.`,
    );
    expect(chooseEngine(options(), { heap: 4 * GiB, free: need - 1 }).engine).toBe('duckdb');
  });

  it('does as asked whatever the memory', () => {
    const tiny = { heap: MiB, free: MiB };
    expect(chooseEngine(options('--engine', 'js'), tiny)).toEqual({ engine: 'js', why: null });
    expect(chooseEngine(options('--engine', 'duckdb'), plenty)).toEqual({ engine: 'duckdb', why: null });
  });

  it('judges by the size of the chat exports alone where CS_KPI_DUCKDB_FROM_BYTES is set', () => {
    const tiny = { heap: MiB, free: MiB };
    process.env.CS_KPI_DUCKDB_FROM_BYTES = String(100 * GiB);
    expect(chooseEngine(options(), tiny)).toEqual({ engine: 'js', why: null });
    process.env.CS_KPI_DUCKDB_FROM_BYTES = '0';
    expect(chooseEngine(options(), plenty)).toEqual({ engine: 'duckdb', why: null });
  });
});
