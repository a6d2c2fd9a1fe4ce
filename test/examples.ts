import { spawnSync } from 'node:child_process';
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

/** The cross-border example month's files (examples/crossborder/). */
export const CROSS_BORDER = {
  chats: join(ROOT, 'examples/crossborder/zendesk-tickets.csv'),
  shopeeOrders: join(ROOT, 'examples/crossborder/shopee-tw-orders.csv'),
  amazonOrders: join(ROOT, 'examples/crossborder/amazon-us-orders.txt'),
};

/** `npm run start:crossborder`'s exports as report flags: the chats, Shopee TW's and Amazon US's orders. */
export const CROSS_BORDER_MONTH = [
  '--chats',
  CROSS_BORDER.chats,
  '--orders',
  CROSS_BORDER.shopeeOrders,
  '--orders',
  CROSS_BORDER.amazonOrders,
];

/**
 * The command line's JSON report of the cross-border Zendesk chats and orders files (each `FILE` or
 * `FILE@ZONE`, an --orders apiece), under --tz UTC: what the sidebar and CS_INDICATORS are held to on
 * the same files.
 */
export function crossBorderJson(...orders: string[]) {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bin/cs-kpi.js'),
      'report',
      '--chats',
      CROSS_BORDER.chats,
      ...orders.flatMap((file) => ['--orders', file]),
      '--tz',
      'UTC',
      '--format',
      'json',
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}
