import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/build.mjs';

const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The layer a file belongs to: core, gas, sidebar, cli, or the entry file. */
function layerOf(file: string): string {
  return relative(SRC, file).split('/')[0] ?? '';
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
}

/** Which layers each layer may import; imports point toward core, never out of it. */
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  gas: ['core', 'gas'],
  sidebar: ['core', 'sidebar'],
  cli: ['core', 'cli'],
  'addon.ts': ['core', 'gas'],
};

/** The file an import of `file` names, or null for a package. */
function target(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const path = resolve(file, '..', specifier);
  return /\.ts$/.test(path) ? path : `${path}.ts`;
}

/**
 * The import cycles among `files`, each as the files around it (type-only imports too: a cycle of
 * types still ties two modules into one). Tarjan's strongly connected components.
 */
function importCycles(files: readonly string[], importsOf: (file: string) => string[]): string[][] {
  const known = new Set(files);
  const edges = new Map(
    files.map((f) => [
      f,
      importsOf(f)
        .flatMap((s) => target(f, s) ?? [])
        .filter((t) => known.has(t)),
    ]),
  );
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) as number, low.get(next) as number));
      } else if (onStack.has(next))
        low.set(file, Math.min(low.get(file) as number, index.get(next) as number));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || edges.get(file)?.includes(file)) cycles.push(component);
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}

describe('the imports of src/', () => {
  it('finds a cycle, so that finding none means something', () => {
    const graph: Record<string, string[]> = {
      '/a.ts': ['./b'],
      '/b.ts': ['./c.ts'],
      '/c.ts': ['./a', 'papaparse'],
      '/d.ts': ['./a'],
    };
    expect(importCycles(Object.keys(graph), (f) => graph[f] ?? []).map((c) => c.sort())).toEqual([
      ['/a.ts', '/b.ts', '/c.ts'],
    ]);
  });

  it('have no cycle', () => {
    const cycles = importCycles(sourceFiles(SRC), imports).map((c) => c.map((f) => relative(SRC, f)));
    expect(cycles).toEqual([]);
  });
});

describe('the front ends', () => {
  // The command line, the sidebar and CS_INDICATORS read exports their own way, then run the one
  // pipeline (src/core/pipeline): none computes a report, works out what is available or decides a
  // note itself. The command line's SQL engine (cli/sql) is no front end: it is the second engine,
  // computing what computeReport computes (and the suspected auto replies with its thresholds).
  const frontEnds = sourceFiles(SRC).filter(
    (f) =>
      /^(cli|sidebar)\/|^core\/functions\//.test(relative(SRC, f)) && !/^cli\/sql\//.test(relative(SRC, f)),
  );
  it('include the command line, the sidebar and CS_INDICATORS', () => {
    const names = frontEnds.map((f) => relative(SRC, f));
    expect(names).toEqual(
      expect.arrayContaining(['cli/report.ts', 'sidebar/importFlow.ts', 'core/functions/csIndicators.ts']),
    );
  });
  for (const file of frontEnds) {
    it(`${relative(ROOT, file)} reaches the engine through the pipeline`, () => {
      const text = readFileSync(file, 'utf8');
      // Calls of the engine's functions, and the auto-reply thresholds (a note carries them).
      for (const call of ['computeReport(', 'availableFrom(', 'matchProblem(', 'suspectedAutoReplies('])
        expect(text, call).not.toContain(call);
      expect(text).not.toMatch(/\bINSTANT_REPLY_MS\b|\bSAME_TEXT_CONSULTATIONS\b/);
    });
  }
});

describe('the layering of src/', () => {
  const files = sourceFiles(SRC);

  it('has the four layers and the entry file', () => {
    expect(new Set(files.map(layerOf))).toEqual(new Set(['core', 'gas', 'sidebar', 'cli', 'addon.ts']));
  });

  for (const file of files) {
    const layer = layerOf(file);
    it(`${relative(ROOT, file)} imports only from ${ALLOWED[layer]?.join(', ')}`, () => {
      for (const specifier of imports(file)) {
        if (specifier.startsWith('.')) {
          const target = layerOf(resolve(file, '..', specifier));
          expect(ALLOWED[layer], `${specifier}`).toContain(target);
        } else {
          // Packages are fine anywhere but core must stay runnable in Apps Script and the browser.
          if (layer === 'core')
            expect(specifier, 'core may not import Node built-ins').not.toMatch(/^node:|^(fs|path|os)$/);
        }
      }
    });
  }

  it('keeps Apps Script, DOM and Node globals out of src/core', () => {
    const forbidden =
      /(?<![.\w])(SpreadsheetApp|HtmlService|PropertiesService|LockService|Session|Utilities|document|window|process|Buffer|require)\s*[.(]/;
    // Code only: user-facing text may well say "the window (…)".
    const code = (text: string) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
    expect(code("const a = 'the window (x)'; // process.exit()")).not.toMatch(forbidden);
    expect(code('const a = process.argv;')).toMatch(forbidden);
    for (const file of files.filter((f) => layerOf(f) === 'core')) {
      expect(code(readFileSync(file, 'utf8')), relative(ROOT, file)).not.toMatch(forbidden);
    }
  });

  it('uses no TextEncoder in src/core (Apps Script has none); TextDecoder only where files are read', () => {
    for (const file of files.filter((f) => layerOf(f) === 'core')) {
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(text, relative(ROOT, file)).not.toMatch(/new TextEncoder/);
      if (!file.endsWith('decode.ts')) expect(text, relative(ROOT, file)).not.toMatch(/new TextDecoder/);
    }
  });

  it('names in docs/architecture.md only files that exist', () => {
    const tracked = ['src', 'test', 'docs', 'scripts'].flatMap((dir) => allFiles(join(ROOT, dir)));
    const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const named = [...doc.matchAll(/[\w./-]+\.(?:ts|mjs|md)\b/g)].map((m) => m[0]);
    expect(named.length).toBeGreaterThan(40);
    const missing = named.filter(
      (name) => !tracked.some((file) => `/${relative(ROOT, file)}`.endsWith(`/${name}`)),
    );
    expect(missing).toEqual([]);
  });
});

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? allFiles(path) : [path];
  });
}
