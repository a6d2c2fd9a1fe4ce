import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { startPreview } from '../../scripts/preview.mjs';
import { ARTIFACTS, launchChromium } from './browser';

let browser: Browser;
let preview: Awaited<ReturnType<typeof startPreview>>;

beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview({ port: 0, quiet: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => preview?.server.close(resolve));
});

describe('closing a pay period in the preview', () => {
  it('computes the example month, closes it from the menu and shows 发放记录 with 绩效’s pay', async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    const dialogs: { type: string; message: string }[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push({ type: dialog.type(), message: dialog.message() });
      // The prompt's empty answer: the period proposed (the data's month).
      void dialog.accept();
    });
    await page.goto(preview.url);
    const sidebar = page.frameLocator('#sidebar');
    await expect.poll(() => sidebar.locator('#status').textContent()).toBe('已连接');
    const paste = (id: string, file: string) =>
      sidebar.locator(id).evaluate(
        (area: HTMLTextAreaElement, value: string) => {
          area.value = value;
          area.dispatchEvent(new Event('input'));
        },
        readFileSync(join(ROOT, 'examples', file), 'utf8'),
      );
    await paste('#text-chats', 'qianniu-chats.csv');
    await paste('#text-orders', 'taobao-orders.csv');
    await sidebar.locator('#read').click();
    await expect.poll(() => sidebar.locator('#mappings').textContent()).toContain('千牛');
    await sidebar.locator('#compute').click();
    await expect
      .poll(() => sidebar.locator('#progress-text').textContent(), { timeout: 60_000 })
      .toContain('完成');

    const tab = async (name: string) => {
      await page.getByRole('button', { name, exact: true }).click();
      await expect.poll(() => page.locator('#tabs button[aria-selected="true"]').textContent()).toBe(name);
      return page
        .locator('#grid tr')
        .evaluateAll((rows) =>
          rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        );
    };
    const card = await tab('绩效');
    const payColumn = (card[0] ?? []).indexOf('绩效工资');
    const payOf = new Map(card.slice(1).map((row) => [row[0], row[payColumn]]));

    await page.getByRole('button', { name: '结算本期 Close pay period' }).click();
    await expect.poll(() => page.locator('#tabs button').allTextContents()).toContain('发放记录');
    const prompt = dialogs.find((d) => d.type === 'prompt');
    // The example month: the data's month is proposed, and closed under it.
    const month = /Leave empty for "(\d{4}-\d{2})"/.exec(prompt?.message ?? '')?.[1];
    expect(month).toBe('2026-10');
    await expect.poll(() => dialogs.map((d) => d.message).join('\n')).toContain(`Closed "${month}"`);

    const record = await tab('发放记录');
    expect(record[0]?.slice(0, 3)).toEqual(['周期 period', '状态 status', '客服 agent']);
    const rows = record.slice(1);
    expect(rows).toHaveLength(payOf.size);
    for (const row of rows) {
      expect(row[0]).toBe(month);
      expect(row[1]).toBe('已结算 closed');
      // The pay frozen is the pay 绩效 shows, as the page shows both (same number format).
      expect(row[6], String(row[2])).toBe(payOf.get(row[2]));
    }
    expect(new Set(rows.map((row) => row[6])).size).toBeGreaterThan(1);
    await page.screenshot({ path: fileURLToPath(new URL('preview-pay-record.png', ARTIFACTS)) });

    // A second close from the menu is refused.
    await page.getByRole('button', { name: '结算本期 Close pay period' }).click();
    await expect.poll(() => dialogs.map((d) => d.message).join('\n')).toContain('cannot be closed twice');
    expect((await tab('发放记录')).length).toBe(record.length);
    await page.close();
  });
});
