// The bench's measuring of a whole process: a run that fails is said with its reason and the memory it
// had reached, never dropped or given a time (the 20M month may not fit: the bench records that).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureProcess, median } from '../scripts/bench/measure.mjs';

const script = (body: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'cs-kpi-measure-')), 'run.mjs');
  writeFileSync(path, body);
  return path;
};

// Holds about 300 MB of touched memory, then ends as the command would.
const holding = (ending: string) => `
const blocks = [];
for (let i = 0; i < 30; i++) blocks.push(Buffer.alloc(10 * 2 ** 20, 1));
await new Promise((resolve) => setTimeout(resolve, 300));
${ending}
`;

describe('measureProcess', () => {
  it('gives the time the script reports and the peak memory of a run that ends well', async () => {
    const run = await measureProcess(
      script(holding(`process.stdout.write('\\n' + JSON.stringify({ code: 0, ms: 12.5 }) + '\\n');`)),
      [],
    );
    expect(run.ok).toBe(true);
    expect(run.ms).toBe(12.5);
    expect(run.failure).toBeNull();
    expect(run.peakMB).toBeGreaterThan(300);
  });

  it('says why a run failed (the command message) and how much memory it had reached', async () => {
    const run = await measureProcess(
      script(
        holding(`console.error('cs-kpi: chats.csv is too large'); console.error('more');
process.stdout.write('\\n' + JSON.stringify({ code: 1, ms: 40 }) + '\\n'); process.exitCode = 0;`),
      ),
      [],
    );
    expect(run.ok).toBe(false);
    expect(run.failure).toBe('exit code 1: cs-kpi: chats.csv is too large');
    expect(run.peakMB).toBeGreaterThan(300);
  });

  it('reports a process that dies without a word by its exit code, with the peak seen before', async () => {
    const run = await measureProcess(script(holding('process.exit(134);')), []);
    expect(run.ok).toBe(false);
    expect(run.ms).toBeNull();
    expect(run.failure).toMatch(/^exit code 134/);
    expect(run.peakMB).toBeGreaterThan(300);
  });

  it('stops a run whose memory passes the limit given, and says so with the peak it reached', async () => {
    const run = await measureProcess(
      script(holding('await new Promise((resolve) => setTimeout(resolve, 5000));')),
      [],
      {
        memoryLimitMB: 150,
      },
    );
    expect(run.ok).toBe(false);
    expect(run.ms).toBeNull();
    expect(run.failure).toMatch(/^stopped when its memory passed 150 MB, after \d+ s$/);
    expect(run.peakMB).toBeGreaterThan(150);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
