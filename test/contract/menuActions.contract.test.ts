import { describe, expect, it } from 'vitest';
import { loadCode } from '../fakes/loadCode';
import type { MenuItem } from '../fakes/services';

const TABS = ['服务指标', '销售指标', '售后指标', '咨询明细', '绩效', '设置'];

describe('the add-on menu', () => {
  it('offers the sidebar, the template, recompute from the settings, closing and reopening a pay period, appeals, and help', () => {
    const addon = loadCode({ authMode: 'NONE' });
    addon.global.onOpen();
    const items = addon.menus[0]?.items.filter((i): i is MenuItem => i !== 'separator') ?? [];
    expect(items.map((i) => i.functionName)).toEqual([
      'openSidebar',
      'setUpTemplate',
      'recomputeFromSettings',
      'closePayPeriod',
      'reopenPayPeriod',
      'openAppeals',
      'showHelp',
    ]);
  });
});

describe('setUpTemplate', () => {
  it('creates 设置 with the default scheme and the indicator tabs with headers only', () => {
    const addon = loadCode();
    addon.global.setUpTemplate();
    const names = addon.spreadsheet.getSheets().map((s) => s.peekName());
    expect(names).toEqual(expect.arrayContaining(TABS));
    const settings = addon.spreadsheet.getSheetByName('设置')?.dump() ?? [];
    expect(settings[0]?.slice(0, 5)).toEqual(['方案', '指标 id', '名称', '方向', '目标']);
    expect(settings[1]?.slice(0, 5)).toEqual(['售前·日常', 'fast_reply_rate', '30秒应答率', '越高越好', 0.8]);
    expect(settings[1]?.slice(14, 16)).toEqual(['售前·日常', 2000]);
    expect(addon.spreadsheet.getSheetByName('绩效')?.dump()).toHaveLength(1);
    expect(addon.alerts.at(-1)?.prompt).toContain('The template is ready');
  });

  it('asks before replacing tabs edited since, and keeps them on No', () => {
    const no = loadCode({ alertAnswer: 'NO' });
    no.global.setUpTemplate();
    no.editCell('设置', 2, 5, 0.95);
    no.global.setUpTemplate();
    expect(no.alerts.at(-1)?.buttons).toBe('YES_NO');
    expect(no.spreadsheet.getSheetByName('设置')?.dump()[1]?.[4]).toBe(0.95);

    const yes = loadCode({ alertAnswer: 'YES' });
    yes.global.setUpTemplate();
    yes.editCell('设置', 2, 5, 0.95);
    yes.global.setUpTemplate();
    expect(yes.spreadsheet.getSheetByName('设置')?.dump()[1]?.[4]).toBe(0.8);
  });

  it("tells the user and writes nothing when a tab of the same name is not the add-on's", () => {
    const addon = loadCode({ spreadsheet: { tabs: ['设置'] } });
    addon.global.setUpTemplate();
    expect(addon.alerts.at(-1)?.prompt).toContain('was not made by the add-on');
    expect(addon.spreadsheet.getSheets().map((s) => s.peekName())).toEqual(['设置']);
  });
});

describe('showHelp', () => {
  it('explains the steps in both languages, as plain text', () => {
    const addon = loadCode();
    addon.global.showHelp();
    expect(addon.alerts[0]?.prompt).toContain('打开侧边栏');
    expect(addon.alerts[0]?.prompt).toContain('Open the sidebar');
  });
});

describe('preferences (document properties)', () => {
  it('remember mappings and settings per spreadsheet', () => {
    const addon = loadCode();
    const preferences = {
      settings: { windowDays: 3, timeZone: 'Asia/Taipei' },
      mappings: { chats: { agent: '客服账号' } },
    };
    addon.evaluate(`savePreferences(${JSON.stringify(preferences)})`);
    expect(addon.evaluate('loadPreferences()')).toEqual(preferences);
    expect(addon.documentProperties.store.size).toBe(1);
  });

  it('refuse a value over 9 KB with the size and what to shorten, keeping what was saved', () => {
    const addon = loadCode();
    addon.evaluate(`savePreferences(${JSON.stringify({ settings: { windowDays: 2 }, mappings: {} })})`);
    const huge = {
      settings: { internalAccounts: Array.from({ length: 2000 }, (_, i) => `测试账号${i}`) },
      mappings: {},
    };
    expect(() => addon.evaluate(`savePreferences(${JSON.stringify(huge)})`)).toThrow('too large to remember');
    expect(addon.evaluate('loadPreferences()')).toEqual({ settings: { windowDays: 2 }, mappings: {} });
  });

  it('start empty in a new spreadsheet', () => {
    expect(loadCode().evaluate('loadPreferences()')).toEqual({ settings: {}, mappings: {} });
  });
});

describe('readTab (a tab as a source)', () => {
  it('gives the tab as rows of text, dates at the wall-clock time they show', () => {
    const addon = loadCode({ spreadsheet: { tabs: ['聊天'] } });
    addon.spreadsheet
      .getSheetByName('聊天')
      ?.getRange(1, 1, 2, 3)
      .setValues([
        ['time', 'agent', 'n'],
        [new Date(Date.UTC(2024, 2, 1, 2)), '小美', 3],
      ]);
    expect(addon.evaluate("readTab('聊天')")).toEqual({
      name: '聊天',
      rows: [
        ['time', 'agent', 'n'],
        ['2024-03-01 10:00:00', '小美', '3'],
      ],
      nextRow: null,
    });
  });

  it('says which tab is missing', () => {
    expect(() => loadCode().evaluate("readTab('没有')")).toThrow('There is no tab named "没有"');
  });
});
