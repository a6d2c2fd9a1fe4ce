import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A copy of a chat export (a CSV whose rows have no quoted commas) with a column saying which buyer
 * messages need no response: every fifth row `isBuyer` tells, `yes` and `no` in the export's words.
 */
export function withNoResponseColumn(
  file: string,
  column: string,
  isBuyer: (cells: readonly string[]) => boolean,
  [yes, no]: readonly [string, string],
): string {
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  let buyers = 0;
  const marked = rows.map((row) => `${row},${isBuyer(row.split(',')) && ++buyers % 5 === 0 ? yes : no}`);
  const out = join(mkdtempSync(join(tmpdir(), 'cs-kpi-no-response-')), 'chats.csv');
  writeFileSync(out, `${header},${column}\n${marked.join('\n')}\n`);
  return out;
}
