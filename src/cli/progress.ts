import type { Timing } from './render';

/** How long a report runs before it starts saying how far it got. */
export const PROGRESS_AFTER_MS = 2000;

/**
 * Progress for a person at a terminal: once a report has run PROGRESS_AFTER_MS, each step it
 * finishes is said on one stderr line, overwritten by the next and cleared at the end. Nothing is
 * written when stderr is not a terminal (piped or redirected), where it would only be noise.
 */
export function progressLine(
  write: (text: string) => void,
  isTerminal: boolean,
  now: () => number = () => performance.now(),
) {
  const started = now();
  let shown = false;
  return {
    step(timing: Timing) {
      if (!isTerminal) return;
      const elapsed = now() - started;
      if (elapsed < PROGRESS_AFTER_MS) return;
      write(`\r\x1b[Kcs-kpi: ${timing.step} done, ${(elapsed / 1000).toFixed(1)} s…`);
      shown = true;
    },
    /** Clears the line before anything else is written to stderr. */
    clear() {
      if (shown) write('\r\x1b[K');
      shown = false;
    },
  };
}

/** A list of timings that tells `onStep` of each step as it is recorded. */
export function observedTimings(onStep: (timing: Timing) => void): Timing[] {
  const timings: Timing[] = [];
  timings.push = (...items: Timing[]) => {
    for (const item of items) onStep(item);
    return Array.prototype.push.apply(timings, items);
  };
  return timings;
}
