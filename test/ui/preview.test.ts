import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview.mjs';
import type { GasFake } from '../fakes/services';
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

describe('npm run preview', () => {
  it('shows the real sidebar, talking to the real Code.js through google.script.run', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    await page.goto(preview.url);
    const sidebar = page.frameLocator('#sidebar');
    await expect.poll(() => sidebar.locator('#status').textContent()).toBe('已连接');
    expect(await sidebar.locator('#spreadsheet-name').textContent()).toBe('客服绩效 预览 preview');
    await page.close();
  });

  it('runs the add-on menu: 建立模板 writes 设置 and the indicator tabs, shown as tabs', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await page.goto(preview.url);
    await page.getByRole('button', { name: '建立模板 Set up template' }).click();
    await expect.poll(() => page.locator('#tabs button').allTextContents()).toContain('设置');
    await page.getByRole('button', { name: '设置', exact: true }).click();
    await expect.poll(() => page.locator('#grid').textContent()).toContain('fast_reply_rate');
    expect(dialogs.join('\n')).toContain('The template is ready');
    await page.screenshot({ path: fileURLToPath(new URL('preview.png', ARTIFACTS)) });
    await page.close();
  });

  it('shows cell text and tab names from the spreadsheet as text, never as HTML', async () => {
    const fake = preview.fake as GasFake;
    const hostile = '<img src=x onerror="document.title=\'pwned\'">';
    const sheet = fake.spreadsheet.insertSheet(hostile);
    sheet.getRange(1, 1, 1, 2).setValues([[hostile, '<script>document.title="pwned"</script>']]);
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    await page.goto(preview.url);
    await page.getByRole('button', { name: hostile }).click();
    await expect.poll(() => page.locator('#grid td').first().textContent()).toBe(hostile);
    expect(await page.locator('#grid img, #tabs img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await page.close();
  });
});
