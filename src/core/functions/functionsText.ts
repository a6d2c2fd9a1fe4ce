import { customFunctions } from '../customFunctions';
import { markdownCell } from '../lib/markdown';
import type { SheetResult } from './sheetArgs';

function resultText(result: SheetResult): string {
  if (!Array.isArray(result))
    return result === '' ? '(empty cell)' : String(Math.round((result as number) * 1e6) / 1e6);
  return `spills ${JSON.stringify(result.map((row) => row.map((v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))))}`;
}

/** docs/functions.md, from the registry that also generates the stubs and JSDoc. */
export function renderFunctionsMarkdown(): string {
  const lines = [
    '# Spreadsheet functions',
    '',
    '<!-- Generated from src/core/customFunctions.ts by `npm run docs`; a test keeps it up to date. -->',
    '',
    'They behave like built-ins: a cell is a number, a range a block of rows; a column of inputs gives a',
    'column of results; an empty cell gives an empty result, and so does a 0 denominator (never 0). Text,',
    'dates or booleans where a number is needed, ranges of different sizes, weights that are all 0,',
    'thresholds out of order or an unknown option stop the formula with a message naming the function,',
    'the argument and the fix. Each call is one server call in Sheets: give whole columns, not one cell',
    'per agent.',
  ];
  for (const spec of Object.values(customFunctions)) {
    const signature = spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ');
    lines.push('', `## ${spec.name}(${signature})`, '', `${spec.summary.en}`, '', `${spec.summary.zh}`, '');
    lines.push('| argument | meaning |', '| --- | --- |');
    for (const p of spec.params) {
      lines.push(
        `| \`${p.name}\`${p.optional ? ' (optional)' : ''} | ${markdownCell(p.description.en)} ${markdownCell(p.description.zh)} |`,
      );
    }
    lines.push('', 'Examples:', '');
    for (const example of spec.examples) {
      const outcome = example.result !== undefined ? resultText(example.result) : (example.shows ?? '');
      lines.push(`- \`${example.formula}\` → ${outcome}`);
    }
    if (spec.native) lines.push('', `Without the add-on: ${spec.native}.`);
  }
  return `${lines.join('\n')}\n`;
}
