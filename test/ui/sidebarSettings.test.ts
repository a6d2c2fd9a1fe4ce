import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS, settingText } from '../../src/core/engine/settings';
import { SETTING_TEXT } from '../../src/core/engine/settingsText';
import type { SidebarContext } from '../../src/core/sidebarApi';
import { EXAMPLE_CHATS } from '../examples';
import { DIST } from '../fakes/loadCode';
import { launchChromium, stubGoogleScriptRun } from './browser';

const context: SidebarContext = {
  spreadsheetName: '三月客服绩效',
  timeZone: 'Europe/Berlin',
  spreadsheetLocale: 'zh_CN',
  userLocale: 'zh_TW',
  tabs: [],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Field {
  setting: string;
  id: string;
  label: string;
  value: string;
  folded: boolean;
}

async function fields(saved: Record<string, unknown>): Promise<Field[]> {
  const page = await browser.newPage({ viewport: { width: 300, height: 600 } });
  await stubGoogleScriptRun(page, {
    getSidebarContext: [{ ok: context }],
    loadPreferences: [{ ok: { settings: saved, mappings: {} } }],
  });
  await page.goto(`file://${DIST}Sidebar.html`);
  await expect.poll(() => page.locator('[data-setting]').count()).toBeGreaterThan(0);
  const found = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('#step-settings [data-setting]')].map((field) => ({
      setting: field.dataset.setting as string,
      id: field.id,
      label: field.closest('label')?.querySelector('span')?.textContent ?? '',
      value: field.type === 'checkbox' ? (field.checked ? 'on' : 'off') : field.value,
      folded:
        field.closest('details')?.id === 'settings-more' &&
        !(field.closest('details') as HTMLDetailsElement).open,
    })),
  );
  await page.close();
  return found;
}

describe('the sidebar’s settings, from the engine’s description', () => {
  it('offers every setting: the simple ones shown, the rest folded under 更多设置, with the engine’s defaults', async () => {
    const found = await fields({});
    expect(found.map((f) => f.setting)).toEqual(
      [
        ...SETTINGS.filter((s) => s.sidebar === 'simple'),
        ...SETTINGS.filter((s) => s.sidebar === 'more'),
      ].map((s) => s.id),
    );
    for (const s of SETTINGS) {
      const field = found.find((f) => f.setting === s.id) as Field;
      expect(field.id).toBe(`set-${s.flag.slice(2)}`);
      expect(field.folded, s.id).toBe(s.sidebar === 'more');
      // In the user's language (zh_TW here), from the description's words.
      expect(field.label).toBe(SETTING_TEXT[s.id]['zh-TW'].label);
      // The time zone defaults to the spreadsheet's; every other field to the engine's default.
      expect(field.value, s.id).toBe(
        s.id === 'timeZone' ? 'Europe/Berlin' : settingText(s.id, DEFAULT_SETTINGS[s.id]),
      );
    }
  });

  it('shows what an older sidebar saved (numbers, arrays, hours) in the fields', async () => {
    const found = await fields({
      windowDays: 3,
      hours: '08:00-23:00',
      internalAccounts: ['测试号', '小美'],
      excludeOffline: 'off',
    });
    const value = (id: string) => found.find((f) => f.setting === id)?.value;
    expect([
      value('windowDays'),
      value('assessmentHours'),
      value('internalAccounts'),
      value('excludeOffline'),
    ]).toEqual(['3', '08:00-23:00', '测试号,小美', 'off']);
  });

  it('proposes the platform’s 180 s for a 千牛 export, applies it only when the user takes it', async () => {
    const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await stubGoogleScriptRun(page, {
      getSidebarContext: [{ ok: context }],
      loadPreferences: [{ ok: { settings: {}, mappings: {} } }],
    });
    await page.goto(`file://${DIST}Sidebar.html`);
    await expect.poll(() => page.locator('#text-chats').count()).toBe(1);
    await page.locator('#text-chats').evaluate(
      (area: HTMLTextAreaElement, text: string) => {
        area.value = text;
        area.dispatchEvent(new Event('input'));
      },
      readFileSync(EXAMPLE_CHATS, 'utf8'),
    );
    await page.locator('#read').click();
    const proposal = page.locator('#proposals .proposal[data-setting="fastReplySeconds"]');
    // The platform itself is proposed beside it (issue 22): 淘寶/天貓's rule for the platform response rate.
    const platform = page.locator('#proposals .proposal[data-setting="platform"]');
    await expect.poll(() => platform.textContent()).toContain('平台 = taobao');
    await expect.poll(() => proposal.textContent()).toContain('應答時限(秒) = 180');
    expect(await proposal.textContent()).toContain('未採用');
    // Shown, never applied: the field keeps the engine's default until the button is pressed.
    expect(await page.locator('#set-fast-reply-seconds').inputValue()).toBe('30');
    await proposal.locator('button').click();
    expect(await page.locator('#set-fast-reply-seconds').inputValue()).toBe('180');
    await expect.poll(() => proposal.textContent()).toContain('已採用');
    await page.close();
  });
});
