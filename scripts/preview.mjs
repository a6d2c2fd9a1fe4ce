// npm run preview: the add-on without a Google account. The real dist/Sidebar.html beside an
// in-memory spreadsheet rendered as tabs; the real dist/Code.js runs in Node behind
// google.script.run, against the same fake services the contract tests use.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { build, ROOT } from './build.mjs';

const SHOWN_ROWS = 200;

/**
 * The bridge the sidebar calls as google.script.run: each call a POST, answered with JSON. The
 * arguments first go through the real bridge's rules (test/fakes/scriptRun.ts): a Date, a function or
 * a DOM node throws at the call, undefined in an array arrives as null.
 */
const bridge = (scriptRunCopy) => `<script>
(function () {
  var scriptRunCopy = (${scriptRunCopy});
  function runner(onSuccess, onFailure) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (fn) { return runner(fn, onFailure); };
        if (name === 'withFailureHandler') return function (fn) { return runner(onSuccess, fn); };
        return function () {
          var args = scriptRunCopy(Array.prototype.slice.call(arguments));
          fetch('/run/' + encodeURIComponent(name), { method: 'POST', body: JSON.stringify(args) })
            .then(function (r) { return r.json(); })
            .then(function (answer) {
              if (parent !== window) parent.postMessage('cs-kpi:changed', '*');
              if (answer.error) { if (onFailure) onFailure(new Error(answer.error)); }
              else if (onSuccess) onSuccess(answer.value);
            });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {} } } };
})();
</script>`;

async function loadFakes() {
  const outfile = join(tmpdir(), `cs-kpi-preview-fakes-${process.pid}.mjs`);
  await esbuild.build({
    // The fake services, and how a tab of theirs is shown (formatted values, widths, chart data).
    stdin: {
      contents:
        "export * from './test/fakes/services.ts'; export { sheetView } from './scripts/preview/sheetView.ts';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  return import(pathToFileURL(outfile).href);
}

export async function startPreview({ port = Number(process.env.PORT ?? 8080), quiet = false } = {}) {
  await build();
  const { createGasFake, scriptRunCopy, sheetView } = await loadFakes();
  const sidebar = readFileSync(join(ROOT, 'dist/Sidebar.html'), 'utf8');
  const fake = createGasFake({
    htmlFiles: { Sidebar: sidebar },
    spreadsheet: { name: '客服绩效 预览 preview', tabs: ['Sheet1'] },
  });
  const context = vm.createContext({ ...fake.globals, console });
  vm.runInContext(readFileSync(join(ROOT, 'dist/Code.js'), 'utf8'), context, { filename: 'Code.js' });
  context.onOpen({ authMode: 'FULL' });
  const page = readFileSync(join(ROOT, 'scripts/preview/page.html'), 'utf8');
  // The sidebar's own script must find google.script.run: the bridge goes first in <head>.
  const sidebarPage = sidebar.replace('<head>', () => `<head>${bridge(scriptRunCopy.toString())}`);

  /** Every google.script.run call and the size of its arguments, as they crossed the bridge. */
  const calls = [];
  const send = (response, status, type, body) => {
    response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    response.end(body);
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/') return send(response, 200, 'text/html', page);
    if (request.method === 'GET' && url.pathname === '/sidebar')
      return send(response, 200, 'text/html', sidebarPage);
    if (request.method === 'GET' && url.pathname === '/api/sheets') {
      // The first rows of each tab, as far as a screen shows: a pasted export or 咨询明细 may have
      // hundreds of thousands, which the page would take minutes to lay out.
      const sheets = fake.spreadsheet.getSheets().map((s) => ({
        ...sheetView(s, SHOWN_ROWS, fake.spreadsheet),
        active: s === fake.spreadsheet.active,
      }));
      return send(response, 200, 'application/json', JSON.stringify(sheets));
    }
    if (request.method === 'GET' && url.pathname === '/api/menu') {
      const items = fake.menus.flatMap((m) => m.items).filter((i) => i !== 'separator');
      return send(response, 200, 'application/json', JSON.stringify(items));
    }
    const run = /^\/run\/([A-Za-z_$][\w$]*)$/.exec(url.pathname);
    if (request.method === 'POST' && run) {
      // Chunks joined as bytes, then decoded: a character split between two chunks stays whole.
      const chunks = [];
      request.on('data', (chunk) => {
        chunks.push(chunk);
      });
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const name = run[1];
        calls.push({ name, bytes: Buffer.byteLength(body) });
        const fn = context[name];
        if (typeof fn !== 'function')
          return send(
            response,
            404,
            'application/json',
            JSON.stringify({ error: `Script function not found: ${name}` }),
          );
        const alertsBefore = fake.alerts.length;
        const sidebarsBefore = fake.sidebars.length;
        // The answers the page collected to this action's Ui.prompt dialogs so far, in order: an action
        // asks before it changes anything, so it is run again from the start with one more answer.
        const answers = JSON.parse(decodeURIComponent(request.headers['x-prompt-answers'] ?? '%5B%5D'));
        fake.promptAnswers.splice(0, fake.promptAnswers.length, ...answers);
        try {
          // As google.script.run does: arguments and results travel as JSON.
          const args = vm.runInContext(`(${body || '[]'})`, context);
          // The return value crosses the bridge by the same rules: a Date in it fails the call.
          // One execution per call, which a test may have asked the fake to stop (failServerCall).
          const [value] = scriptRunCopy([fake.serverCall(name, () => fn(...args))]);
          const alerts = fake.alerts.slice(alertsBefore);
          // Ui.showSidebar: the page opens the sidebar afresh, as Sheets does.
          const sidebar = fake.sidebars.length > sidebarsBefore;
          send(response, 200, 'application/json', JSON.stringify({ value, alerts, sidebar }));
        } catch (error) {
          if (error?.name === 'UnansweredPrompt') {
            const alerts = fake.alerts.slice(alertsBefore);
            const prompt = { title: error.title, prompt: error.prompt };
            return send(response, 200, 'application/json', JSON.stringify({ prompt, alerts }));
          }
          send(response, 200, 'application/json', JSON.stringify({ error: error?.message ?? String(error) }));
        } finally {
          fake.promptAnswers.splice(0, fake.promptAnswers.length);
        }
      });
      return;
    }
    send(response, 404, 'text/plain', 'not found');
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  if (!quiet) console.log(`客服绩效 preview: ${url}`);
  return { url, server, fake, calls };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await startPreview();
