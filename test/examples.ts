import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { ROOT } from '../scripts/build.mjs';

/** The shipped example 千牛 chat export (its auto replies flagged in 是否自动回复). */
export const EXAMPLE_CHATS = join(ROOT, 'examples/qianniu-chats.csv');

/** The example chat export as rows of cells, header first. */
export function exampleChatRows(): string[][] {
  return Papa.parse<string[]>(readFileSync(EXAMPLE_CHATS, 'utf8').trim()).data;
}

/**
 * The example chat export as rows, without its 是否自动回复 column: its auto replies then count as the
 * agents' own, as in an export that does not flag them.
 */
export function exampleChatsWithoutAutoFlag(): string[][] {
  const rows = exampleChatRows();
  const flag = (rows[0] as string[]).indexOf('是否自动回复');
  return rows.map((row) => row.filter((_, i) => i !== flag));
}

/** The three example exports as `cs-kpi report` arguments, paths from the repository's root. */
export const EXAMPLE_REPORT_ARGS = [
  '--chats',
  'examples/qianniu-chats.csv',
  '--orders',
  'examples/taobao-orders.csv',
  '--ratings',
  'examples/service-ratings.csv',
];
