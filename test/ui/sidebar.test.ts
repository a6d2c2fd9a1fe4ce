import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SidebarContext } from '../../src/core/sidebarApi';
import { DIST } from '../fakes/loadCode';
import { ARTIFACTS, launchChromium, type StubScript, stubGoogleScriptRun } from './browser';

const SIDEBAR_URL = `file://${DIST}Sidebar.html`;

const context: SidebarContext = {
  spreadsheetName: '三月客服绩效',
  timeZone: 'Asia/Shanghai',
  spreadsheetLocale: 'zh_CN',
  userLocale: 'zh_CN',
  tabs: ['设置', '服务指标'],
};

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function openSidebar(script: StubScript): Promise<Page> {
  // Editor add-on sidebars are 300 px wide.
  const page = await browser.newPage({ viewport: { width: 300, height: 600 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await stubGoogleScriptRun(page, script);
  await page.goto(SIDEBAR_URL);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

const pageErrors = (page: Page) => (page as Page & { errors: string[] }).errors;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: URL) {
  const png = readFileSync(file);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the sidebar', () => {
  it('calls getSidebarContext and shows the spreadsheet (happy path), at 300 px', async () => {
    const page = await openSidebar({ getSidebarContext: [{ ok: context }] });
    await expect.poll(() => page.textContent('#status')).toBe('已连接');
    expect(await page.textContent('h1')).toBe('客服绩效');
    expect(await page.textContent('#spreadsheet-name')).toBe('三月客服绩效');
    expect(await page.textContent('#time-zone')).toBe('Asia/Shanghai');
    expect(await page.textContent('#tabs')).toBe('设置、服务指标');
    expect(await page.isVisible('#error')).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    const shot = new URL('sidebar-300.png', ARTIFACTS);
    await page.screenshot({ path: fileURLToPath(shot) });
    expect(pngSize(shot).width).toBe(300);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('talks to a google.script.run that refuses a Date, a function or a DOM node, as the real one', async () => {
    const page = await openSidebar({ getSidebarContext: [{ ok: context }] });
    await expect.poll(() => page.textContent('#status')).toBe('已连接');
    const refusals = await page.evaluate(() => {
      const run = (window as unknown as { google: { script: { run: Record<string, (x: unknown) => void> } } })
        .google.script.run;
      return [new Date(), () => 1, document.body].map((value) => {
        try {
          run.readTab?.(value);
          return 'passed';
        } catch (error) {
          return (error as Error).message;
        }
      });
    });
    expect(refusals).toEqual(Array(3).fill('Failed due to illegal value in property: 0'));
    await page.close();
  });

  it('shows the server error and recovers on retry (failure path)', async () => {
    const page = await openSidebar({
      getSidebarContext: [{ error: 'Exception: 服务暂时不可用' }, { ok: context }],
    });
    await expect.poll(() => page.isVisible('#error')).toBe(true);
    expect(await page.textContent('#error-message')).toBe('读取失败：Exception: 服务暂时不可用');
    expect(await page.isVisible('#context')).toBe(false);
    await page.screenshot({ path: fileURLToPath(new URL('sidebar-300-error.png', ARTIFACTS)) });
    await page.click('#retry');
    await expect.poll(() => page.textContent('#status')).toBe('已连接');
    expect(await page.isVisible('#error')).toBe(false);
    const calls = await page.evaluate(
      () => (window as unknown as { __serverCalls: { name: string }[] }).__serverCalls,
    );
    expect(calls.filter((c) => c.name === 'getSidebarContext')).toHaveLength(2);
    await page.close();
  });

  it('shows names from the spreadsheet as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="document.title=\'pwned\'">';
    const page = await openSidebar({
      getSidebarContext: [{ ok: { ...context, spreadsheetName: hostile, tabs: [hostile] } }],
    });
    await expect.poll(() => page.textContent('#status')).toBe('已连接');
    expect(await page.textContent('#spreadsheet-name')).toBe(hostile);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it.each([
    ['en_US', 'Connected', 'Time zone'],
    ['zh_TW', '已連線', '時區'],
  ])('speaks the user locale %s', async (userLocale, connected, timeZone) => {
    const page = await openSidebar({ getSidebarContext: [{ ok: { ...context, userLocale } }] });
    await expect.poll(() => page.textContent('#status')).toBe(connected);
    expect(await page.textContent('dt:nth-of-type(2)')).toBe(timeZone);
    await page.close();
  });

  it('asks inside the sidebar, not with confirm(), before replacing an edited tab', async () => {
    const edited = 'The tab "服务指标" was edited since the last import; confirm to replace it.';
    const written = { written: ['服务指标'], links: [], cells: 26_000 };
    const page = await openSidebar({
      getSidebarContext: [{ ok: context }],
      loadPreferences: [{ ok: { settings: {}, mappings: {} } }],
      readSettingsTab: [{ ok: { rows: null } }, { ok: { rows: null } }],
      previousClosedPeriod: [{ ok: null }, { ok: null }],
      writeTabs: [{ error: edited }, { ok: written }, { error: edited }],
      savePreferences: [{ ok: { bytes: 10 } }],
    });
    await expect.poll(() => page.textContent('#status')).toBe('已连接');
    await page.fill(
      '#text-chats',
      [
        'time,agent,customer,from,text',
        '2024-03-01 10:00:00,小美,c1,customer,在吗',
        '2024-03-01 10:00:20,小美,c1,agent,在的',
      ].join('\n'),
    );
    await page.click('#read');
    await page.click('#compute');
    await expect.poll(() => page.isVisible('#confirm-replace')).toBe(true);
    expect(await page.textContent('#confirm-replace')).toContain('该工作表在上次导入后被修改过，是否替换？');
    await page.click('#confirm-yes');
    await expect.poll(() => page.textContent('#progress-text')).toContain('完成');
    // Done, it says how many cells the spreadsheet holds of the 10 million it may.
    expect(await page.textContent('#progress-text')).toContain('(26,000 / 10,000,000 个单元格)');
    const calls = await page.evaluate(
      () => (window as unknown as { __serverCalls: { name: string; args: unknown[] }[] }).__serverCalls,
    );
    const writes = calls
      .filter((c) => c.name === 'writeTabs')
      .map((c) => c.args[0] as { replaceEdited: boolean });
    expect(writes.map((w) => w.replaceEdited)).toEqual([false, true]);
    // It asked for the pay period closed before the import's days, for the change columns.
    expect(calls.find((c) => c.name === 'previousClosedPeriod')?.args).toEqual([
      { from: '2024-03-01', to: '2024-03-01' },
    ]);
    // 保留 keeps the tabs: the refusal is shown and nothing more is written.
    await page.click('#compute');
    await expect.poll(() => page.isVisible('#confirm-replace')).toBe(true);
    await page.click('#confirm-no');
    await expect.poll(() => page.textContent('#error-message')).toContain('edited since the last import');
    expect(await page.locator('#confirm-replace').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

/** Elements whose text the box cuts off, and dropdowns whose chosen option is wider than the box. */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}#${el.id} "${el.textContent?.trim().slice(0, 30)}"`;
    for (const el of document.querySelectorAll<HTMLElement>('button, label, span, h1, h2, dt, dd, p, th')) {
      if (el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > 300)
        cut.push(describe(el));
    }
    const canvas = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    for (const select of document.querySelectorAll('select')) {
      if (select.offsetParent === null) continue;
      const style = getComputedStyle(select);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.text ?? '';
      // The dropdown's arrow takes about 20 px beside the padding.
      const room =
        select.clientWidth -
        Number.parseFloat(style.paddingLeft) -
        Number.parseFloat(style.paddingRight) -
        20;
      if (canvas.measureText(text).width > room) cut.push(`select#${select.id} "${text}"`);
    }
    return cut;
  });
}

const TWO_CHATS =
  'time,agent,customer,from\n2026-03-01 10:00:00,小美,买家1,customer\n2026-03-01 10:00:20,小美,买家1,agent\n';

describe('the sidebar in one language at a time', () => {
  it.each([
    [
      'zh_CN',
      'zh-CN',
      '选择文件…',
      '未选择文件',
      '最后接待的客服',
      '自动',
      '发送时间 *',
      '时区 设置中的时区',
    ],
    [
      'zh_TW',
      'zh-TW',
      '選擇檔案…',
      '未選擇檔案',
      '最後接待的客服',
      '自動',
      '發送時間 *',
      '時區 設定中的時區',
    ],
    [
      'en_US',
      'en',
      'Choose a file…',
      'No file chosen',
      'Last agent',
      'Automatic',
      'Time *',
      'Time zone the settings’ zone',
    ],
  ])(
    '%s: its own file button, choices, field names and zone, nothing cut off at 300 px',
    async (userLocale, lang, choose, none, last, auto, time, zone) => {
      const page = await openSidebar({
        getSidebarContext: [{ ok: { ...context, userLocale } }],
        loadPreferences: [{ ok: { settings: {}, mappings: {} } }],
      });
      await page.waitForSelector('#step-source:not([hidden])');
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      // The browser's file input (whose button speaks the browser's language) is hidden behind ours.
      expect(await page.isVisible('#file-chats')).toBe(false);
      expect(await page.textContent('#choose-chats')).toBe(choose);
      expect(await page.textContent('#file-name-chats')).toBe(none);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#choose-chats')]);
      await chooser.setFiles({ name: '三月聊天.csv', mimeType: 'text/csv', buffer: Buffer.from(TWO_CHATS) });
      await expect.poll(() => page.textContent('#file-name-chats')).toBe('三月聊天.csv');
      await page.click('#read');
      await page.waitForSelector('#step-settings:not([hidden])');
      expect(await page.locator('label.field:not(.zone) > span').first().textContent()).toBe(time);
      // The export's zone, and where it comes from, in the same language.
      expect((await page.locator('label.field.zone > span').allTextContents()).join(' ')).toBe(zone);
      expect(await page.inputValue('#zone-chats')).toBe('Asia/Shanghai');
      expect(await page.locator('#set-attribution option[value="last"]').textContent()).toBe(last);
      expect(await page.locator('#set-split option[value="auto"]').textContent()).toBe(auto);
      expect(await page.inputValue('#set-attribution')).toBe('last');
      // 更多设置 unfolded too: every control must fit.
      await page.evaluate(() => document.querySelector('#settings-more')?.setAttribute('open', ''));
      expect(await cutOff(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
      await page.screenshot({
        path: fileURLToPath(new URL(`sidebar-300-${lang}.png`, ARTIFACTS)),
        fullPage: true,
      });
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    },
  );
});
