// Runs one command in a fresh process and measures it as a whole: its own time (as the script it runs
// reports it) and its peak memory (resident set), even when it dies of lack of memory (then the peak
// is the last one seen, read from /proc every 100 ms). Given a memory limit, a process that passes it
// is stopped there and said to have been: the bench asks whether 20M messages fit in 4 GB, and a run
// that does not would otherwise take many minutes to say so.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The process's peak resident set so far in MB, or null where /proc cannot tell (not Linux, gone). */
function peakOf(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs `node [nodeArgs] script args`; the script prints JSON with `ms` (and `peakMB`, its own
 * maxRSS) on its last line. Resolves to {ok, ms, peakMB, stderr, result, failure}: `failure` says in
 * words why a run that did not end well ended (its exit code or signal and the last line it wrote, or
 * the limit it passed and when).
 */
export function measureProcess(script, args, { nodeArgs = [], memoryLimitMB = null } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let seenPeak = 0;
    const started = performance.now();
    let stoppedAfterMs = null;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.length > 1 << 20) stderr = stderr.slice(-(1 << 19));
    });
    const poll = setInterval(() => {
      seenPeak = Math.max(seenPeak, peakOf(child.pid) ?? 0);
      if (memoryLimitMB !== null && seenPeak > memoryLimitMB && stoppedAfterMs === null) {
        stoppedAfterMs = performance.now() - started;
        child.kill('SIGKILL');
      }
    }, 100);
    child.on('error', (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(poll);
      let result = null;
      try {
        result = JSON.parse(stdout.trim().split('\n').at(-1));
      } catch {
        result = null;
      }
      const ok = stoppedAfterMs === null && code === 0 && result !== null && (result.code ?? 0) === 0;
      // The command's own message (cs-kpi: …) says why; else the last line (Node's or V8's).
      const lines = stderr.trim().split('\n').filter(Boolean);
      const lastWords = lines.find((l) => l.startsWith('cs-kpi:')) ?? lines.at(-1) ?? '';
      resolve({
        ok,
        ms: result?.ms ?? null,
        peakMB: Math.max(result?.peakMB ?? 0, seenPeak) || null,
        stderr,
        result,
        failure: ok
          ? null
          : stoppedAfterMs !== null
            ? `stopped when its memory passed ${memoryLimitMB} MB, after ${(stoppedAfterMs / 1000).toFixed(0)} s`
            : `${signal ? `killed by ${signal}` : `exit code ${result?.code ?? code}`}: ${lastWords}`,
      });
    });
  });
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
