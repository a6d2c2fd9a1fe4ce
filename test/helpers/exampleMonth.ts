import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../scripts/build.mjs';
import type { Row } from '../../src/core/engine/report';
import { toSheetValue } from '../../src/core/sheets/cells';
import type { Tab } from '../../src/core/sheets/tabs';
import { createGasFake } from '../fakes/services';

/** The example month's agents (examples/: chats, orders, ratings) as the command line's JSON report has them. */
export function exampleAgents(): Row[] {
  const [chats, orders, ratings] = ['qianniu-chats.csv', 'taobao-orders.csv', 'service-ratings.csv'].map(
    (f) => join(ROOT, 'examples', f),
  );
  const args = ['report', '--chats', chats, '--orders', orders, '--ratings', ratings, '--format', 'json'];
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/cs-kpi.js'), ...(args as string[])], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return (JSON.parse(result.stdout) as { agents: Row[] }).agents;
}

/** Tabs written into a fake spreadsheet as the add-on writes them: formats first, then values. */
export function spreadsheetOfTabs(tabs: Tab[]) {
  const fake = createGasFake();
  for (const tab of tabs) {
    const sheet = fake.spreadsheet.insertSheet(tab.name);
    const width = Math.max(...tab.rows.map((row) => row.length));
    if (width > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    const range = sheet.getRange(1, 1, tab.rows.length, width);
    range.setNumberFormats(
      tab.rows.map(() => Array.from({ length: width }, (_, c) => tab.formats[c] ?? 'General')),
    );
    range.setValues(
      tab.rows.map((row) =>
        Array.from({ length: width }, (_, c) => toSheetValue(row[c] ?? null, tab.formats[c] === '@')),
      ),
    );
  }
  return fake.spreadsheet;
}
