import { markdownCell } from '../lib/markdown';
import { DIALECTS } from './dialects';
import { type Cell, fieldsOf, headerNames, KINDS, ONE_OF } from './fields';
import { PRIVATE_HEADERS } from './headers';

/** How each kind of cell is read, in the docs' words. */
const CELLS: Record<Cell, string> = {
  time: 'date and time',
  text: 'text',
  id: 'ID',
  buyer: 'buyer ID',
  money: 'amount (empty: 0)',
  count: 'whole number',
  flag: 'yes/no (true/false, 是/否)',
  word: 'one of known words',
};

/** docs/dialects.md: the exports the importer recognizes and the header names each field goes by. */
export function renderDialectsMarkdown(): string {
  const lines = [
    '# Exports the importer reads',
    '',
    '<!-- Generated from src/core/import/dialects.ts and fields.ts by `npm run docs`; a test keeps it up to date. -->',
    '',
    '`cs-kpi inspect FILE` shows what the importer makes of a file: the dialect it recognized, the column',
    'chosen for each field with a confidence, sample records and every warning. A mapping given with',
    '`--map FIELD=COLUMN` (or in the sidebar) always wins. *Basis* says where the header names come from:',
    "a real export kept in `test/fixtures/public-data`, public code that reads such exports, or the platform's",
    'documentation as we know it; the last two should be checked against a real export when one is at hand.',
    '',
    '## Recognized exports',
    '',
    '| id | export | kind | basis | fields read from |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const d of DIALECTS) {
    const columns = Object.entries(d.columns)
      .map(
        ([field, column]) =>
          `${field} ← ${column}${d.perLine?.includes(field as 'amount') ? ' (per line, summed over an order’s lines)' : ''}`,
      )
      .join('; ');
    lines.push(
      `| \`${d.id}\` | ${d.name.zh} / ${d.name.en} | ${d.kind} | ${d.basis} | ${markdownCell(columns)} |`,
    );
  }
  lines.push(
    '',
    'An export with one row per line (SKU) gives one order per order ID: items are summed over its distinct',
    'lines; amounts are taken once, from the first row that has them, unless marked per line above.',
    '',
    'Also read: chat text copied from a 千牛 window (a `昵称 YYYY-M-D H:MM:SS` line per message, 已读/未读',
    'receipts, `A --> B` transfers, system lines), and the raw Kaggle Twitter support file (threaded into',
    'conversations by its reply links).',
    '',
    '## Header names per field',
    '',
    'Matched after trimming, lower-casing and dropping spaces and underscores (so `订单付款时间 ` with its',
    'trailing space, and `Created at` / `created_at`, match). Required fields are in bold. *Lets the',
    'catalog compute* names what an indicator needs (docs/indicators.md, column *needs*) that only this',
    'column gives: without it those indicators are empty, never 0.',
  );
  for (const kind of KINDS) {
    const either = (ONE_OF[kind] ?? []).map(
      (names) => `An export must have at least one of ${names.map((n) => `\`${n}\``).join(', ')}.`,
    );
    lines.push(
      '',
      `### ${kind}`,
      ...(either.length > 0 ? ['', ...either] : []),
      '',
      '| field | name | cell | lets the catalog compute | header names |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const field of fieldsOf(kind)) {
      const name = field.required ? `**${field.name}**` : field.name;
      const label = `${field.label['zh-CN']} / ${field.label['zh-TW']} / ${field.label.en}`;
      const cell =
        (field.values ?? CELLS[field.cell]) + (field.empty === undefined ? '' : `; empty: ${field.empty}`);
      const names = [...new Set(headerNames(field))].join(', ');
      lines.push(
        `| ${name} | ${label} | ${cell} | ${field.gives ? `\`${field.gives}\`` : ''} | ${markdownCell(names)} |`,
      );
    }
  }
  lines.push(
    '',
    '## Never read',
    '',
    'Columns with these names (receiver name, phone, address) are never read, so they go no further than',
    `the file: ${PRIVATE_HEADERS.join(', ')}.`,
  );
  return `${lines.join('\n')}\n`;
}

/** One line per kind: its required fields, then its optional ones (for `cs-kpi --help`). */
export function renderFieldLines(): string {
  return KINDS.map((kind) => {
    const fields = fieldsOf(kind);
    const named = (required: boolean) =>
      fields
        .filter((field) => (field.required === true) === required)
        .map((field) => (field.values ? `${field.name} (${field.values})` : field.name))
        .join(', ');
    const optional = named(false);
    const either = (ONE_OF[kind] ?? []).map((names) => ` and ${names.join(' or ')}`).join('');
    return `  ${kind.padEnd(11)}${named(true)}${either}${optional ? `; optionally ${optional}` : ''}`;
  }).join('\n');
}
