import { markdownCell } from '../lib/markdown';
import { DIALECTS } from './dialects';
import { HEADER_SYNONYMS, PRIVATE_HEADERS } from './headers';
import { FIELDS, KINDS } from './records';

/** docs/dialects.md: the exports the importer recognizes and the header names each field goes by. */
export function renderDialectsMarkdown(): string {
  const lines = [
    '# Exports the importer reads',
    '',
    '<!-- Generated from src/core/import/dialects.ts and headers.ts by `npm run docs`; a test keeps it up to date. -->',
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
    'trailing space, and `Created at` / `created_at`, match). Required fields are in bold.',
  );
  for (const kind of KINDS) {
    lines.push('', `### ${kind}`, '', '| field | header names |', '| --- | --- |');
    const { required, optional } = FIELDS[kind];
    for (const field of [...required, ...optional]) {
      const names = [field, ...(HEADER_SYNONYMS[kind][field] ?? [])];
      const label = required.includes(field) ? `**${field}**` : field;
      lines.push(`| ${label} | ${markdownCell([...new Set(names)].join(', '))} |`);
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
