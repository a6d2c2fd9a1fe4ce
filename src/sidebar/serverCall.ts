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
