import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startPreview } from '../../scripts/preview.mjs';
import { scriptRunCopy } from '../fakes/scriptRun';
import { CHROMIUM } from '../systemPackages';

export const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. Install Debian's package: apt-get install -y chromium (the test setup does it as root).`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** What the google.script.run stub answers: per server function, the answers in call order. */
export type StubAnswer = { ok: unknown } | { error: string };
export type StubScript = Record<string, StubAnswer[]>;

/**
 * Installs a google.script.run stand-in before the page's own script runs. Like the real one it is
 * asynchronous, hands failures over as Error objects, and carries arguments and results by the real
 * bridge's rules (test/fakes/scriptRun.ts): a Date, a function or a DOM node throws at the call.
 */
export async function stubGoogleScriptRun(page: Page, script: StubScript) {
  const install = (answers: StubScript, scriptRunCopy: (values: unknown[]) => unknown[]) => {
    const calls: { name: string; args: unknown[] }[] = [];
    (window as unknown as { __serverCalls: typeof calls }).__serverCalls = calls;
    type Handler = (value: unknown) => void;
    const runner = (onSuccess: Handler, onFailure: Handler): unknown =>
      new Proxy(
        {},
        {
          get(_target, name: string) {
            if (name === 'withSuccessHandler') return (fn: Handler) => runner(fn, onFailure);
            if (name === 'withFailureHandler') return (fn: Handler) => runner(onSuccess, fn);
            return (...args: unknown[]) => {
              calls.push({ name, args: scriptRunCopy(args) });
              const answer = answers[name]?.shift();
              setTimeout(() => {
                if (!answer) onFailure(new Error(`Script function not found: ${name}`));
                else if ('error' in answer) onFailure(new Error(answer.error));
                else onSuccess(scriptRunCopy([answer.ok])[0]);
              }, 20);
            };
          },
        },
      );
    (window as unknown as { google: unknown }).google = {
      script: {
        run: runner(
          () => {},
          () => {},
        ),
      },
    };
  };
  // The page runs the installer's and the bridge rules' own source, given the test's answers.
  await page.addInitScript({
    content: `(${install.toString()})(${JSON.stringify(script)}, ${scriptRunCopy.toString()});`,
  });
}

/**
 * Chromium and `npm run preview`'s server (the real sidebar and Code.js over a fake spreadsheet) for a
 * test file: started before its tests, closed after them. Read the fields inside the tests.
 */
export function previewForFile(): { browser: Browser; preview: Awaited<ReturnType<typeof startPreview>> } {
  const held = {} as ReturnType<typeof previewForFile>;
  beforeAll(async () => {
    held.browser = await launchChromium();
    held.preview = await startPreview({ port: 0, quiet: true });
  });
  afterAll(async () => {
    await held.browser?.close();
    await new Promise((resolve) => held.preview?.server.close(resolve));
  });
  return held;
}
