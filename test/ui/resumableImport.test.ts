import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview.mjs';
import type { GasFake } from '../fakes/services';
import { tabsSnapshot } from '../helpers/tabsSnapshot';
import { launchChromium } from './browser';

let browser: Browser;
let preview: Awaited<ReturnType<typeof startPreview>>;
let fake: GasFake;

beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview({ port: 0, quiet: true });
  fake = preview.fake as GasFake;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => preview?.server.close(resolve));
});

/**
 * A chat export of `consultations` customers, each a message and the agent's reply 20 s later: 12,000
 * make 咨询明细 12,001 rows × 13 columns, past the 150,000 cells of one call, so the import goes in
 * blocks (the 3rd block call is 售后指标's, then 咨询明细's two).
 */
function chats(consultations: number, agents = ['小美', '小王', '阿强']): string {
  const lines = ['time,agent,customer,from,text'];
  const start = Date.UTC(2024, 2, 1, 1);
  const at = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  for (let i = 0; i < consultations; i++) {
    const agent = agents[i % agents.length];
    const time = start + i * 90_000;
    lines.push(`${at(time)},${agent},c${i},customer,在吗`, `${at(time + 20_000)},${agent},c${i},agent,在的`);
  }
  return lines.join('\n');
}

/** The preview with `text` pasted as the chat export and read. */
async function pasted(text: string) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(preview.url);
  const sidebar = page.frameLocator('#sidebar');
  await expect.poll(() => sidebar.locator('#status').textContent()).toBe('已连接');
  await sidebar.locator('#text-chats').evaluate((area: HTMLTextAreaElement, value: string) => {
    area.value = value;
    area.dispatchEvent(new Event('input'));
  }, text);
  const lines = text.split('\n').length - 1;
  await sidebar.locator('#read').click();
  await expect.poll(() => sidebar.locator('#mappings').textContent()).toContain(`${lines} / ${lines}`);
  return { page, sidebar };
}

const progress = (sidebar: FrameLocator) => sidebar.locator('#progress-text').textContent();

/** Imports `text` and waits until the sidebar says it is done (replacing edited tabs if asked). */
async function importChats(text: string) {
  const { page, sidebar } = await pasted(text);
  await sidebar.locator('#compute').click();
  await expect.poll(() => progress(sidebar), { timeout: 60_000 }).toContain('完成');
  await page.close();
}

const SMALL = chats(40);
const LARGE = chats(12_000);

describe('an import Apps Script stops half way, in the sidebar (issue 19, item 5)', () => {
  let unhindered: ReturnType<typeof tabsSnapshot>;
  let blocks: number;
  const blockCalls = (from: number) =>
    preview.calls.slice(from).filter((c) => c.name === 'appendTabRows').length;

  it('imports the large export unhindered, in blocks: the tabs every test below must end with', async () => {
    await importChats(SMALL);
    const from = preview.calls.length;
    await importChats(LARGE);
    blocks = blockCalls(from);
    unhindered = tabsSnapshot(fake.spreadsheet);
    expect(fake.spreadsheet.getSheetByName('咨询明细')?.gridSize().rows).toBe(12_001);
    // Back to the small import: each test below imports the large one from there.
    await importChats(SMALL);
  }, 240_000);

  it('repeats a block call stopped once and ends with exactly the tabs of an unhindered import', async () => {
    const before = preview.calls.length;
    fake.failServerCall('appendTabRows', 3);
    await importChats(LARGE);
    // Numbered over the preview's life: the 3rd block call of this import was stopped, once.
    expect(fake.stoppedCalls).toEqual([`appendTabRows #${blocks + 3}`]);
    // Each block once, the stopped one twice: the repeat, not the import, started again.
    expect(blocks).toBeGreaterThan(3);
    expect(blockCalls(before)).toBe(blocks + 1);
    expect(preview.calls.slice(before).map((c) => c.name)).not.toContain('writeTabs');
    expect(tabsSnapshot(fake.spreadsheet)).toEqual(unhindered);
    await importChats(SMALL);
  }, 120_000);

  it('offers 继续导入 when a call keeps failing, and resuming ends identical', async () => {
    fake.stoppedCalls.length = 0;
    // Stopped half way, four times: the first try and the sidebar's three repeats.
    fake.failServerCall('appendTabRows', 4, { times: 4, afterServiceCalls: 8 });
    const { page, sidebar } = await pasted(LARGE);
    await sidebar.locator('#compute').click();
    await expect.poll(() => sidebar.locator('#resume-import').isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await sidebar.locator('#resume-import').textContent()).toContain(
      'Exceeded maximum execution time',
    );
    expect(fake.stoppedCalls).toHaveLength(4);
    // The staged work is still there: nothing was started over or dropped.
    expect(fake.spreadsheet.getSheets().some((s) => s.peekName() === '咨询明细 ·新')).toBe(true);
    await sidebar.locator('#resume-yes').click();
    await expect.poll(() => progress(sidebar), { timeout: 60_000 }).toContain('完成');
    expect(tabsSnapshot(fake.spreadsheet)).toEqual(unhindered);
    await page.close();
    await importChats(SMALL);
  }, 120_000);

  it('puts the spreadsheet back as it was when the user chooses 放弃, in the middle of the commit', async () => {
    const before = tabsSnapshot(fake.spreadsheet);
    fake.stoppedCalls.length = 0;
    // The 2nd tab's commit stopped after its old content was set aside and its new cells copied in.
    fake.failServerCall('commitTab', 2, { times: 4, afterServiceCalls: 40 });
    const { page, sidebar } = await pasted(LARGE);
    await sidebar.locator('#compute').click();
    await expect.poll(() => sidebar.locator('#resume-import').isVisible(), { timeout: 60_000 }).toBe(true);
    await sidebar.locator('#resume-no').click();
    await expect
      .poll(() => sidebar.locator('#error-message').textContent(), { timeout: 30_000 })
      .toContain('已放弃这次导入');
    expect(fake.stoppedCalls).toHaveLength(4);
    expect(tabsSnapshot(fake.spreadsheet)).toEqual(before);
    await page.close();
  }, 120_000);
});
