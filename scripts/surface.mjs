// Checks and renders the Apps Script surface that src/addon.ts exports under the global CsKpi:
// every entry becomes a top-level function in Code.js, because Apps Script calls nothing else.
import { readFileSync } from 'node:fs';

export const GLOBAL_NAME = 'CsKpi';

/** The groups of src/addon.ts whose entries Apps Script calls by name, with how a stub reaches them. */
const PLAIN_GROUPS = ['triggers', 'menuActions', 'server'];

export function readBuiltins(file = new URL('./sheets-builtins.txt', import.meta.url)) {
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .flatMap((line) => line.split(/\s+/))
      .filter(Boolean)
      .map((name) => name.toUpperCase()),
  );
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const FUNCTION_NAME = /^[A-Z][A-Z0-9_]*$/;
const PARAM_NAME = /^[a-z][a-z0-9_]*$/;

function hasText(value) {
  return typeof value === 'string' && value.trim() !== '';
}

function bilingualProblems(value, where) {
  const problems = [];
  for (const language of ['en', 'zh']) {
    if (!hasText(value?.[language])) problems.push(`${where} has no ${language} text`);
    else if (value[language].includes('*/'))
      problems.push(`${where} (${language}) contains "*/", which ends the JSDoc`);
  }
  return problems;
}

function customFunctionProblems(key, spec, builtins) {
  const problems = [];
  const where = `custom function ${key}`;
  if (!spec || typeof spec !== 'object') return [`${where} has no registry metadata`];
  if (spec.name !== key) problems.push(`${where} is registered under another name (${spec.name})`);
  if (!FUNCTION_NAME.test(key)) problems.push(`${where}: names are upper case letters, digits and _`);
  if (key.endsWith('_'))
    problems.push(`${where} ends in "_", which makes it private: Sheets would not offer it`);
  if (builtins.has(key.toUpperCase())) problems.push(`${where} has the name of a Sheets built-in function`);
  problems.push(...bilingualProblems(spec.summary, `${where} summary`));
  if (typeof spec.run !== 'function') problems.push(`${where} has no run function`);
  if (!Array.isArray(spec.params)) {
    problems.push(`${where} has no params list`);
  } else {
    if (typeof spec.run === 'function' && spec.run.length !== spec.params.length) {
      problems.push(`${where} takes ${spec.run.length} arguments but describes ${spec.params.length}`);
    }
    spec.params.forEach((param, i) => {
      const at = `${where} parameter ${i + 1}`;
      if (!PARAM_NAME.test(param?.name ?? '')) problems.push(`${at} needs a lower_snake_case name`);
      if (!hasText(param?.type)) problems.push(`${at} has no type`);
      problems.push(...bilingualProblems(param?.description, `${at} description`));
    });
  }
  if (!hasText(spec.returns?.type)) problems.push(`${where} has no return type`);
  problems.push(...bilingualProblems(spec.returns?.description, `${where} return description`));
  if (!Array.isArray(spec.examples) || spec.examples.length === 0) problems.push(`${where} has no example`);
  return problems;
}

/** Every problem that would make a stub wrong or invisible in Sheets, as sentences. */
export function validateSurface(surface, builtins) {
  const problems = [];
  const seen = new Map();
  const claim = (name, group) => {
    if (seen.has(name)) problems.push(`${name} is defined in both ${seen.get(name)} and ${group}`);
    seen.set(name, group);
  };
  for (const group of PLAIN_GROUPS) {
    const entries = surface?.[group];
    if (!entries || typeof entries !== 'object') {
      problems.push(`the entry file exports no ${group}`);
      continue;
    }
    for (const [name, fn] of Object.entries(entries)) {
      claim(name, group);
      if (!IDENTIFIER.test(name)) problems.push(`${group}.${name} is not a valid function name`);
      if (typeof fn !== 'function') problems.push(`${group}.${name} is not a function`);
    }
  }
  const functions = surface?.customFunctions;
  if (!functions || typeof functions !== 'object') {
    problems.push('the entry file exports no customFunctions');
  } else {
    for (const [name, spec] of Object.entries(functions)) {
      claim(name, 'customFunctions');
      problems.push(...customFunctionProblems(name, spec, builtins));
    }
  }
  return problems;
}

function jsdocLine(text) {
  return text.replace(/\s+/g, ' ').trim();
}

function bilingual(text) {
  return jsdocLine(`${text.en} ${text.zh}`);
}

export function renderCustomFunctionStub(spec) {
  const params = spec.params.map((param) => param.name);
  const lines = [
    '/**',
    ` * ${bilingual(spec.summary)}`,
    ...spec.params.map((param) => ` * @param {${param.type}} ${param.name} ${bilingual(param.description)}`),
    ` * @return {${spec.returns.type}} ${bilingual(spec.returns.description)}`,
    ' * @customfunction',
    ' */',
    `function ${spec.name}(${params.join(', ')}) {`,
    `  return ${GLOBAL_NAME}.customFunctions.${spec.name}.run(${params.join(', ')});`,
    '}',
  ];
  return lines.join('\n');
}

/** The top-level functions appended to the bundle, in a stable order. */
export function renderStubs(surface) {
  const blocks = [];
  for (const group of PLAIN_GROUPS) {
    for (const name of Object.keys(surface[group])) {
      blocks.push(
        `function ${name}() {\n  return ${GLOBAL_NAME}.${group}.${name}.apply(null, arguments);\n}`,
      );
    }
  }
  for (const spec of Object.values(surface.customFunctions)) blocks.push(renderCustomFunctionStub(spec));
  return blocks.join('\n\n');
}

/** Names of every generated top-level function. */
export function stubNames(surface) {
  return [
    ...PLAIN_GROUPS.flatMap((group) => Object.keys(surface[group])),
    ...Object.keys(surface.customFunctions),
  ];
}
