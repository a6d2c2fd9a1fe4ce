import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { BuildError, build, ROOT, sidebarProblems } from '../../scripts/build.mjs';
import { customFunctions } from '../../src/core/customFunctions';
import { DIST, distFile } from '../fakes/loadCode';

const code = distFile('Code.js');

/** The JSDoc block and declaration of a top-level function in Code.js. */
function stubOf(name: string) {
  const match = new RegExp(`/\\*\\*\\n((?: \\*.*\\n)+?) \\*/\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
  if (!match) throw new Error(`no documented stub for ${name}`);
  const [, doc = '', params = ''] = match;
  return { doc, params: params.split(',').map((p) => p.trim()) };
}

describe('dist/', () => {
  it('holds exactly the three files clasp pushes', () => {
    expect(readdirSync(DIST).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
  });
});

describe('dist/Code.js', () => {
  it('opens with the @OnlyCurrentDoc banner and defines everything under one global, CsKpi', () => {
    expect(code.startsWith('/** @OnlyCurrentDoc */')).toBe(true);
    expect(code).toMatch(/^"use strict";var CsKpi=\(\(\)=>\{/m);
  });

  it('is ES2020 (what the build targets)', () => {
    expect(() => parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
  });

  it('loads in an empty context (no services) and defines every function Apps Script calls at top level', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const expected = [
      'onOpen',
      'onInstall',
      'openSidebar',
      'getSidebarContext',
      ...Object.keys(customFunctions),
    ];
    for (const name of expected) expect(typeof context[name], name).toBe('function');
    expect(code).toMatch(/^function onOpen\(\) \{$/m);
  });

  for (const spec of Object.values(customFunctions)) {
    it(`documents ${spec.name} for Sheets' autocomplete from the registry`, () => {
      const stub = stubOf(spec.name);
      expect(stub.params).toEqual(spec.params.map((p) => p.name));
      expect(stub.doc).toContain(spec.summary.en);
      expect(stub.doc).toContain(spec.summary.zh);
      for (const param of spec.params) {
        expect(stub.doc).toContain(`@param {${param.type}} ${param.name} ${param.description.en}`);
      }
      expect(stub.doc).toContain(`@return {${spec.returns.type}}`);
      expect(stub.doc).toContain('@customfunction');
    });
  }
});

describe('the build refuses', () => {
  const fixture = (name: string) => join(ROOT, 'test/fixtures/surfaces', `${name}.ts`);

  async function buildFixture(name: string) {
    const outDir = mkdtempSync(join(tmpdir(), 'cs-kpi-build-'));
    writeFileSync(join(outDir, 'previous.txt'), 'kept');
    const attempt = build({ entry: fixture(name), outDir, cli: false });
    return { attempt, outDir };
  }

  it('a valid surface (the control case)', async () => {
    const { attempt, outDir } = await buildFixture('valid');
    await expect(attempt).resolves.toHaveLength(3);
    expect(readFileSync(join(outDir, 'Code.js'), 'utf8')).toContain('function DOUBLE(value)');
  });

  it.each([
    ['trailingUnderscore', /custom function DOUBLE_ ends in "_"/],
    ['builtinName', /custom function SUMPRODUCT has the name of a Sheets built-in function/],
    [
      'missingMetadata',
      /custom function DOUBLE summary has no en text[\s\S]*takes 1 arguments but describes 0/,
    ],
    ['topLevelService', /Code\.js throws when loaded with no services \(SpreadsheetApp is not defined\)/],
  ])('%s, and leaves the output folder as it was', async (name, message) => {
    const { attempt, outDir } = await buildFixture(name);
    await expect(attempt).rejects.toThrow(BuildError);
    await expect(attempt).rejects.toThrow(message);
    expect(readdirSync(outDir)).toEqual(['previous.txt']);
  });
});

describe('dist/Sidebar.html', () => {
  const html = distFile('Sidebar.html');

  it('carries its script and style inline, with no backtick, scriptlet or network resource', () => {
    expect(sidebarProblems(html)).toEqual([]);
    expect(html).not.toContain('`');
    expect(html).not.toContain('<?');
    expect(html).not.toMatch(/<script[^>]*src=/);
    expect(html).toMatch(/<script>\s*"use strict";[\s\S]*getSidebarContext[\s\S]*<\/script>/);
    expect(html).toMatch(/<style>\s*:root\{[\s\S]*<\/style>/);
    expect(html).not.toContain('/* inline:');
  });

  it('would be refused with a backtick, a scriptlet or a remote script', () => {
    expect(sidebarProblems('<script>var a=`x`</script>')).toHaveLength(1);
    expect(sidebarProblems('<? x ?>')).toHaveLength(1);
    expect(sidebarProblems('<script src="https://cdn.example/x.js"></script>')).toHaveLength(1);
  });
});

describe('the manifest', () => {
  const root = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8'));

  it('is copied to dist unchanged', () => {
    expect(JSON.parse(distFile('appsscript.json'))).toEqual(root);
  });

  it('runs on V8 with exactly the two minimal scopes, a time zone and exception logging', () => {
    expect(root.runtimeVersion).toBe('V8');
    expect(root.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    expect(root.timeZone).toMatch(/^[A-Z][a-z]+\/[A-Za-z_]+$/);
    expect(root.exceptionLogging).toBe('STACKDRIVER');
  });
});

describe('the command line bundle', () => {
  it('is built beside dist, not into it', () => {
    expect(existsSync(join(ROOT, 'build/cli.js'))).toBe(true);
  });
});
