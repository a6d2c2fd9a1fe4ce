import type { ServerApi, ServerFunctionName } from '../core/sidebarApi';

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } };

/** google.script.run as a promise, typed by the server contract. */
export function callServer<K extends ServerFunctionName>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler(reject);
    const call = runner[name] as (...callArgs: unknown[]) => void;
    call.apply(runner, args);
  });
}

/** Apps Script hands failures over as Error-like objects; anything else is shown as text. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

/**
 * Failures that a repeat of the call may not meet: Apps Script stopped the call at its run time
 * limit ("Exceeded maximum execution time", Quotas for Google Services), a service was briefly
 * unavailable or timed out, the document lock was busy, or google.script.run lost the connection (its
 * failure handler then gets an Error such as "NetworkError: Connection failure due to HTTP 0"). The
 * add-on's own refusals (an edited or protected tab, no room) are not among them.
 */
const PASSING =
  /Exceeded maximum execution time|Service unavailable|Service .* (failed|timed out) while accessing|server error occurred|NetworkError|Connection failure|Another import is writing/i;

export const isPassing = (error: unknown) => PASSING.test(errorText(error));

/** Waits between repeats of a failed call: a passing failure often lasts seconds. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000];

/** A server call repeated after a passing failure (up to three times, waiting longer each time). */
export async function retrying<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !isPassing(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
