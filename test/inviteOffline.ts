import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { ROOT } from '../scripts/build.mjs';

/** A 千牛-style chat export with 邀评 and 留言 columns: three consultations, one invited, one left at night. */
export const CHATS_INVITE_OFFLINE = join(ROOT, 'test/fixtures/chats-invite-offline.csv');

/** Header names no synonym knows, for the two columns: read only when mapped by hand. */
export const RENAMED = { 邀评: '请求评价', 留言: '离线来源' } as const;

/** The export as rows of cells, header first; with `rename`, the 邀评 and 留言 columns renamed. */
export function chatsInviteOfflineRows(rename?: Record<string, string>): string[][] {
  const rows = Papa.parse<string[]>(readFileSync(CHATS_INVITE_OFFLINE, 'utf8').trim()).data;
  const [header = [], ...body] = rows;
  return [header.map((name) => rename?.[name] ?? name), ...body];
}
