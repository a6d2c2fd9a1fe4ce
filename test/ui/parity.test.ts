// Issue 17, item 5: the same exports and the same non-default settings through the three front ends
// (the command line's JSON, CS_INDICATORS in the built Code.js, the sidebar in Chromium writing tabs
// through the real Code.js) give the same figure for every indicator, agent, team and shop.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { startPreview } from '../../scripts/preview.mjs';
import { reportColumns } from '../../src/core/engine/catalog';
import {
  DEFAULT_SETTINGS,
  SETTING_BY_ID,
  type SettingId,
  settingFromText,
} from '../../src/core/engine/settings';
import { TAB_NAMES } from '../../src/core/sheets/tabs';
import { loadCode } from '../fakes/loadCode';
import type { GasFake } from '../fakes/services';
import { launchChromium } from './browser';

const FILES = {
  chats: join(ROOT, 'examples/qianniu-chats.csv'),
  orders: join(ROOT, 'examples/taobao-orders.csv'),
  ratings: join(ROOT, 'examples/service-ratings.csv'),
};

/** Settings other than the defaults, as text, the way each front end takes them. */
const GIVEN: [SettingId, string][] = [
  ['timeZone', 'Asia/Tokyo'],
  ['windowDays', '3'],
  ['attribution', 'first'],
  ['basis', 'ordered'],
  ['split', 'gap'],
  // 3 minutes: the example's customers rarely wait longer, so 20 or 30 would split them as 10 does.
  ['gapMinutes', '3'],
  ['fastReplySeconds', '60'],
  ['assessmentHours', '08:00-23:00'],
  ['internalAccounts', '旗舰店:小美'],
  ['period', 'week'],
  ['excludeTransfersOut', 'off'],
];

type Figures = Map<string, Record<string, unknown>>;
const rowKey = (agent: string, period?: string) => (period ? `${agent} ${period}` : agent);
/** The settings given, whose names head the columns (60秒应答率 under fast_reply_seconds 60). */
const NAMING = {
  ...DEFAULT_SETTINGS,
  ...Object.fromEntries(GIVEN.map(([id, text]) => [id, settingFromText(id, text)])),
};
const HEADER_TO_ID = new Map(
  (['zh-CN', 'zh-TW', 'en'] as const).flatMap((l) =>
    reportColumns(l, NAMING).map((c) => [c.header, c.id] as const),
  ),
);
const COLUMN_IDS = reportColumns('en').map((c) => c.id);
const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/** Rows of a table (header first, labels in column A) as label → indicator id → figure. */
function figuresOf(rows: unknown[][], labelColumns: number, into: Figures = new Map()): Figures {
  const [header = [], ...body] = rows;
  for (const row of body) {
    const label = row.slice(0, labelColumns).map(String).join(' ');
    const figures = into.get(label) ?? {};
    header.forEach((h, i) => {
      const id = HEADER_TO_ID.get(String(h));
      if (id && i >= labelColumns) figures[id] = blankToNull(row[i]);
    });
    into.set(label, figures);
  }
  return into;
}

/** The indicator ids of each row whose cell has a low-sample note (a mean's own column, not its median). */
function flaggedOf(rows: unknown[][], notes: string[][], into: Map<string, Set<string>>) {
  const [header = []] = rows;
  rows.forEach((row, r) => {
    if (r === 0) return;
    const label = String(row[0]);
    header.forEach((h, c) => {
      const id = HEADER_TO_ID.get(String(h));
      if (!id || id.endsWith('_median') || id.endsWith('_p90') || !notes[r]?.[c]?.startsWith('样本不足'))
        return;
      into.set(label, (into.get(label) ?? new Set()).add(id));
    });
  });
}

let cliFigures: Figures;
let browser: Browser;
let preview: Awaited<ReturnType<typeof startPreview>>;

beforeAll(async () => {
  const flags = GIVEN.flatMap(([id, text]) => [SETTING_BY_ID.get(id)?.flag as string, text]);
  const files = Object.entries(FILES).flatMap(([kind, file]) => [`--${kind}`, file]);
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/cs-kpi.js'), 'report', ...files, ...flags, '--format', 'json'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  const json = JSON.parse(result.stdout);
  // The report says which values it used: every one given.
  for (const [id, text] of GIVEN) expect(json.settings[id]).toEqual(settingFromText(id, text));
  cliFigures = new Map();
  for (const row of json.agents) cliFigures.set(rowKey(row.agent, row.period), row);
  cliFigures.set('Team', json.team);
  cliFigures.set('Shop', json.shop);
  browser = await launchChromium();
  preview = await startPreview({ port: 0, quiet: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => preview?.server.close(resolve));
});

/** Every figure of every row the command line gives, beside the same figure from another front end. */
function expectSameFigures(other: Figures, label: (cliLabel: string) => string) {
  expect(cliFigures.size).toBeGreaterThan(10);
  let compared = 0;
  for (const [cliLabel, cliRow] of cliFigures) {
    const row = other.get(label(cliLabel));
    expect(row, cliLabel).toBeDefined();
    for (const id of COLUMN_IDS) {
      if (!(id in (row as object))) continue;
      expect([cliLabel, id, (row as Record<string, unknown>)[id]]).toEqual([
        cliLabel,
        id,
        cliRow[id] ?? null,
      ]);
      compared++;
    }
  }
  return compared;
}

const csv = (file: string) => Papa.parse<string[]>(readFileSync(file, 'utf8').trim()).data;

describe('one figure from the command line, CS_INDICATORS and the sidebar', () => {
  it('the non-default settings differ from the defaults (else the test would prove nothing)', () => {
    for (const [id, text] of GIVEN) expect(settingFromText(id, text)).not.toEqual(DEFAULT_SETTINGS[id]);
  });

  it('CS_INDICATORS in the built Code.js gives the command line’s figures', () => {
    const { global } = loadCode();
    const settings = [
      ...GIVEN.map(([id, text]) => [SETTING_BY_ID.get(id)?.sheetKeys[0], text]),
      ['language', 'en'],
    ];
    const table = global.CS_INDICATORS(
      csv(FILES.chats),
      csv(FILES.orders),
      settings,
      csv(FILES.ratings),
    ) as unknown[][];
    // The rate's name follows the setting (issue 18 item 9).
    expect(table[0]).toContain('60s response rate');
    // Agent, Period, then the indicators; the team and shop rows are of the whole report.
    const figures = figuresOf(table, 2);
    const compared = expectSameFigures(figures, (l) =>
      l === 'Team' ? 'Team all' : l === 'Shop' ? 'Shop all' : l,
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it('the sidebar, writing tabs through the real Code.js, gives the command line’s figures', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(preview.url);
    const sidebar = page.frameLocator('#sidebar');
    await expect.poll(() => sidebar.locator('#status').textContent()).toBe('已连接');
    for (const [kind, file] of Object.entries(FILES))
      await sidebar.locator(`#text-${kind}`).evaluate(
        (area: HTMLTextAreaElement, value: string) => {
          area.value = value;
          area.dispatchEvent(new Event('input'));
        },
        readFileSync(file, 'utf8'),
      );
    await sidebar.locator('#read').click();
    await expect.poll(() => sidebar.locator('#mappings').textContent()).toContain('识别为');
    // The folded 更多设置 opened, then every field set as a user would.
    await sidebar.locator('#settings-more summary').click();
    for (const [id, text] of GIVEN) {
      const field = sidebar.locator(`#set-${SETTING_BY_ID.get(id)?.flag.slice(2)}`);
      const tag = await field.evaluate((e) => (e instanceof HTMLInputElement ? e.type : e.tagName));
      if (tag === 'SELECT') await field.selectOption(text);
      else if (tag === 'checkbox') await field.setChecked(text === 'on');
      else await field.fill(text);
    }
    await sidebar.locator('#compute').click();
    await expect
      .poll(() => sidebar.locator('#progress-text').textContent(), { timeout: 60_000 })
      .toContain('完成');
    // Low-sample figures are listed under the links (issue 18 item 7).
    expect(await sidebar.locator('#low-sample-note').textContent()).toMatch(
      /^\d+ 个数字的分母少于 5（最小样本）/,
    );
    await page.close();
    const fake = preview.fake as GasFake;
    const figures: Figures = new Map();
    const flags = new Map<string, Set<string>>();
    for (const name of [TAB_NAMES.service, TAB_NAMES.sales, TAB_NAMES.after_sales]) {
      const sheet = fake.spreadsheet.getSheetByName(name);
      if (!sheet) throw new Error(`the sidebar wrote no ${name} tab`);
      if (name === TAB_NAMES.service) expect(sheet.dump()[0]).toContain('60秒应答率');
      figuresOf(sheet.getDataRange().getValues() as unknown[][], 1, figures);
      flaggedOf(sheet.getDataRange().getValues() as unknown[][], sheet.getDataRange().getNotes(), flags);
    }
    // The same figures flagged: a note on exactly the cells the command line lists in low_sample.
    let flagged = 0;
    for (const [cliLabel, cliRow] of cliFigures) {
      const label = cliLabel === 'Team' ? '团队' : cliLabel === 'Shop' ? '店铺' : cliLabel;
      const listed = ((cliRow.low_sample as string[]) ?? []).filter((id) => id in (figures.get(label) ?? {}));
      expect([cliLabel, [...(flags.get(label) ?? [])].sort()]).toEqual([cliLabel, [...listed].sort()]);
      flagged += listed.length;
    }
    expect(flagged).toBeGreaterThan(10);
    const compared = expectSameFigures(figures, (l) => (l === 'Team' ? '团队' : l === 'Shop' ? '店铺' : l));
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});
