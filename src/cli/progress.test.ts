import { describe, expect, it } from 'vitest';
import { observedTimings, PROGRESS_AFTER_MS, progressLine } from './progress';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('progress on stderr', () => {
  it('says nothing for a report shorter than two seconds, then each finished step on one line', () => {
    const written: string[] = [];
    const time = clock();
    const progress = progressLine((text) => written.push(text), true, time.now);
    time.advance(1500);
    progress.step({ step: 'read chats.csv', ms: 1500 });
    expect(written).toEqual([]);
    time.advance(PROGRESS_AFTER_MS);
    progress.step({ step: 'import chats.csv', ms: 2000 });
    time.advance(500);
    progress.step({ step: 'compute', ms: 500 });
    expect(written).toEqual([
      '\r\x1b[Kcs-kpi: import chats.csv done, 3.5 s…',
      '\r\x1b[Kcs-kpi: compute done, 4.0 s…',
    ]);
    progress.clear();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('never writes when stderr is not a terminal', () => {
    const written: string[] = [];
    const time = clock();
    const progress = progressLine((text) => written.push(text), false, time.now);
    time.advance(60_000);
    progress.step({ step: 'compute', ms: 60_000 });
    progress.clear();
    expect(written).toEqual([]);
  });

  it('hears of each step as the report records it', () => {
    const heard: string[] = [];
    const timings = observedTimings((t) => heard.push(t.step));
    timings.push({ step: 'read', ms: 1 }, { step: 'import', ms: 2 });
    expect(heard).toEqual(['read', 'import']);
    expect(timings.map((t) => t.ms)).toEqual([1, 2]);
  });
});
