import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { ARTIFACTS, previewForFile } from './browser';

const held = previewForFile();

describe('closing a pay period in the preview', () => {
  it('computes the example month, closes it, imports corrected exports: the closed pay stays, the tabs move, the difference stated', async () => {
    const page = await held.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const dialogs: { type: string; message: string }[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push({ type: dialog.type(), message: dialog.message() });
      // The prompt's empty answer: the period proposed (the data's month).
      void dialog.accept();
    });
    await page.goto(held.preview.url);
    const sidebar = page.frameLocator('#sidebar');
    await expect.poll(() => sidebar.locator('#status').textContent()).toBe('已连接');
    const example = (file: string) => readFileSync(join(ROOT, 'examples', file), 'utf8');
    const paste = (id: string, text: string) =>
      sidebar.locator(id).evaluate((area: HTMLTextAreaElement, value: string) => {
        area.value = value;
        area.dispatchEvent(new Event('input'));
      }, text);
    const compute = async (chats: string) => {
      await paste('#text-chats', chats);
      await paste('#text-orders', example('taobao-orders.csv'));
      await sidebar.locator('#read').click();
      await expect.poll(() => sidebar.locator('#mappings').textContent()).toContain('千牛');
      await sidebar.locator('#progress-text').evaluate((node) => {
        node.textContent = '';
      });
      await sidebar.locator('#compute').click();
      await expect
        .poll(() => sidebar.locator('#progress-text').textContent(), { timeout: 60_000 })
        .toContain('完成');
    };
    // The month as first exported: the chats of 26 October were missing.
    const corrected = example('qianniu-chats.csv');
    const [chatHeader, ...chatLines] = corrected.trimEnd().split('\n');
    const firstExport = [chatHeader, ...chatLines.filter((line) => !line.includes(',2026-10-26 '))].join(
      '\n',
    );
    expect(firstExport.length).toBeLessThan(corrected.length);
    await compute(firstExport);

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
    expect(await tab('发放记录')).toEqual(record);

    // The corrected exports, with 26 October: the indicator tabs and 绩效 move…
    const serviceBefore = await tab('服务指标');
    await compute(corrected);
    const serviceAfter = await tab('服务指标');
    expect(serviceAfter.slice(1)).not.toEqual(serviceBefore.slice(1));
    const cardAfter = await tab('绩效');
    const payAfter = new Map(cardAfter.slice(1).map((row) => [row[0], row[payColumn]]));
    // …发放记录 does not, cell for cell as the page shows it…
    expect(await tab('发放记录')).toEqual(record);
    // …and the note on 绩效's first cell says the period is closed and states each pay that differs,
    // closed → today (±difference), as the two tabs show them.
    // (A note is the cell's title, as Sheets shows it on hover.)
    await tab('绩效');
    const firstCell = page.locator('#grid tr').first().locator('td').first();
    await expect.poll(() => firstCell.getAttribute('title')).toContain(`Period ${month} was closed at`);
    const note = (await firstCell.getAttribute('title')) ?? '';
    expect(note).toContain(`Period ${month} was closed at`);
    const amount = (text: string | undefined) => Number(String(text).replace(/,/g, ''));
    const moved = rows.filter((row) => row[6] !== payAfter.get(row[2]));
    // By hand, the default scheme without ratings (full marks 264): 小林's 询单转化率 25.0 % (6 points)
    // becomes 24.5 % with 26 October (4 points), total 48 → 32, pay 2000 × 48/264 → 2000 × 32/264.
    expect(moved.map((row) => [row[2], row[6], payAfter.get(row[2])])).toEqual([
      ['旗舰店:小林', '363.64', '242.42'],
    ]);
    expect(note).toContain('旗舰店:小林 绩效工资 pay: 363.6363636 → 242.4242424 (-121.21)');
    for (const row of moved) {
      const stated = new RegExp(`${row[2]} 绩效工资 pay: ([\\d.]+) → ([\\d.]+) \\(([+-][\\d.]+)\\)`).exec(
        note,
      );
      expect(stated, `${row[2]} in ${note}`).not.toBeNull();
      const [, closed, today, difference] = stated as unknown as [string, string, string, string];
      expect(Number(closed)).toBeCloseTo(amount(row[6]), 2);
      expect(Number(today)).toBeCloseTo(amount(payAfter.get(row[2])), 2);
      expect(Number(difference)).toBeCloseTo(amount(payAfter.get(row[2])) - amount(row[6]), 1);
    }
    await page.screenshot({ path: fileURLToPath(new URL('preview-pay-record-corrected.png', ARTIFACTS)) });
    await page.close();
  });
});
