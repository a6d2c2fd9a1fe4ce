import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The DuckDB engine's temporary folder (its spills, up to gigabytes on a large month, and the workers'
 * parts), named with this process's ID. A run stopped by Ctrl-C or `kill` removes it before it ends;
 * one that could not (killed outright, out of memory) leaves it, and the next run removes the folders
 * of processes that no longer run, so that a stopped 20M-message month does not keep 9 GB of the disk.
 */
const PREFIX = 'cs-kpi-engine-';

export function openEngineFolder(): { dir: string; remove(): void } {
  removeFoldersOfEndedRuns();
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    // Ended by the signal as it would have been without this listener (its exit status says which).
    process.kill(process.pid, signal);
  };
  const remove = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // DuckDB still writing into it as the run is stopped: the next run removes it
    }
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { dir, remove };
}

function removeFoldersOfEndedRuns(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid === undefined || runs(Number(pid))) continue;
    try {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    } catch {
      // another user's, or going away as it is read: left
    }
  }
}

/** Whether a process of this ID runs (another user's too: then kill says EPERM, not ESRCH). */
function runs(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
