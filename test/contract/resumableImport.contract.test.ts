import { describe, expect, it } from 'vitest';
import { layoutOf, rowBlocks } from '../../src/core/sheets/chunks';
import type { Tab } from '../../src/core/sheets/tabs';
import type { ImportProgress, WriteTabsResult } from '../../src/core/sidebarApi';
import { EXCEEDED_MAXIMUM_EXECUTION_TIME } from '../fakes/callLog';
import { loadCode } from '../fakes/loadCode';
import { messages, tabsFor } from '../helpers/importTabs';
import { tabsSnapshot } from '../helpers/tabsSnapshot';

type Addon = ReturnType<typeof loadCode>;

const snapshot = (addon: Addon) => tabsSnapshot(addon.spreadsheet);

/**
 * A large import as the sidebar drives it (src/sidebar/importFlow.ts): begin, the blocks the server
 * does not hold yet, each tab's commit, the end. A call Apps Script stops is repeated, as the sidebar
 * does, up to `repeats` times; past them the failure is thrown, the import left as it is.
 */
function importInBlocks(
  addon: Addon,
  tabs: Tab[],
  { token = 'sidebar-1', maxCells = 500, repeats = 3 } = {},
) {
  const layouts = tabs.map(layoutOf);
  const call = <T>(name: string, request: object): T => {
    for (let attempt = 0; ; attempt++) {
      try {
        return addon.callServer(name, request) as T;
      } catch (error) {
        if (!String(error).includes(EXCEEDED_MAXIMUM_EXECUTION_TIME) || attempt >= repeats) throw error;
      }
    }
  };
  let held = call<ImportProgress>('beginTabs', {
    token,
    names: layouts.map((l) => l.name),
    grids: layouts.map((l) => l.grid),
  });
  for (const block of rowBlocks(tabs, maxCells)) {
    if (held.committed.length > 0) break;
    if ((held.rows[block.name] ?? 0) >= block.startRow + block.rows.length - 1) continue;
    held = call<ImportProgress>('appendTabRows', { token, ...block });
  }
  for (const layout of layouts)
    if (!held.committed.includes(layout.name)) held = call('commitTab', { token, tab: layout });
  return call<WriteTabsResult>('commitTabs', { token, tabs: layouts });
}

/** A spreadsheet after one import of 2 consultations, and what the same next import gives unhindered. */
function setting(next = tabsFor(messages(300))) {
  const start = () => {
    const addon = loadCode({ spreadsheet: { tabs: ['团队看板'] } });
    addon.callServer('writeTabs', { tabs: tabsFor(messages(2)) });
    return addon;
  };
  const clean = start();
  importInBlocks(clean, next);
  return { start, next, expected: snapshot(clean) };
}

describe('an import Apps Script stops half way resumes where the server is (issue 19, item 5)', () => {
  it('ends with the same tabs when the 3rd block call is stopped once, before, during or after its work', () => {
    const { start, next, expected } = setting();
    for (const afterServiceCalls of [0, 5, 10_000]) {
      const addon = start();
      addon.failServerCall('appendTabRows', 3, { afterServiceCalls });
      importInBlocks(addon, next);
      expect(addon.stoppedCalls).toEqual(['appendTabRows #3']);
      expect(snapshot(addon), `stopped after ${afterServiceCalls} service calls`).toEqual(expected);
      expect(addon.documentProperties.store.size).toBe(0);
    }
  });

  it('never writes a repeated block twice: the server says which rows it holds', () => {
    const addon = loadCode();
    const tabs = tabsFor(messages(300));
    const layouts = tabs.map(layoutOf);
    const begun = addon.callServer('beginTabs', {
      token: 't',
      names: layouts.map((l) => l.name),
      grids: layouts.map((l) => l.grid),
    }) as ImportProgress;
    expect(begun.rows).toEqual({});
    const blocks = rowBlocks(tabs, 500).filter((b) => b.name === '咨询明细');
    const [first, second, third] = blocks;
    addon.callServer('appendTabRows', { token: 't', ...first });
    const held = addon.callServer('appendTabRows', { token: 't', ...second }) as ImportProgress;
    // The answer to the second block lost, the sidebar sends it again: the same rows, in the same place.
    expect(addon.callServer('appendTabRows', { token: 't', ...second })).toEqual(held);
    expect(held.rows['咨询明细']).toBe((second?.startRow ?? 0) + (second?.rows.length ?? 0) - 1);
    // A block past what the server holds would leave a gap: refused, saying to resume.
    const fourth = blocks[3];
    expect(() => addon.callServer('appendTabRows', { token: 't', ...fourth })).toThrow('would leave a gap');
    addon.callServer('appendTabRows', { token: 't', ...third });
  });

  it('resumes an import whose call fails every time until the user resumes, and ends identical', () => {
    const { start, next, expected } = setting();
    for (const [name, nth] of [
      ['appendTabRows', 3],
      ['commitTab', 4],
      ['commitTabs', 1],
    ] as const) {
      const addon = start();
      // Stopped half way each time: the sidebar's repeats all fail, and it offers 继续导入 / 放弃.
      addon.failServerCall(name, nth, { times: 4, afterServiceCalls: 12 });
      expect(() => importInBlocks(addon, next)).toThrow(EXCEEDED_MAXIMUM_EXECUTION_TIME);
      expect(addon.stoppedCalls).toHaveLength(4);
      expect(
        addon.spreadsheet.getSheets().some((s) => s.peekName().endsWith(' ·新')),
        name,
      ).toBe(true);
      // 继续导入: the same import, under the same token, from what the server confirms.
      importInBlocks(addon, next);
      expect(snapshot(addon), name).toEqual(expected);
    }
  });

  it('puts the spreadsheet back as it was when the user abandons, however far the import went', () => {
    const { start, next } = setting();
    for (const [name, nth] of [
      ['appendTabRows', 2],
      ['commitTab', 1],
      ['commitTab', 4],
      ['commitTabs', 1],
    ] as const) {
      const addon = start();
      addon.spreadsheet
        .getSheetByName('咨询明细')
        ?.getRange(1, 1, 3, 13)
        .createFilter()
        .setColumnFilterCriteria(2, { hidden: ['小王'] });
      const before = snapshot(addon);
      addon.failServerCall(name, nth, { times: 4, afterServiceCalls: 9 });
      expect(() => importInBlocks(addon, next)).toThrow(EXCEEDED_MAXIMUM_EXECUTION_TIME);
      expect(addon.stoppedCalls).toHaveLength(4);
      // 放弃.
      expect(addon.callServer('abortTabs', { token: 'sidebar-1' })).toEqual({ aborted: true });
      expect(snapshot(addon), `${name} #${nth}`).toEqual(before);
      expect(addon.documentProperties.store.size).toBe(0);
    }
  });

  it('repeats a one-call import stopped half way from where it was, under the sidebar’s token', () => {
    const next = tabsFor(messages(5));
    const clean = loadCode();
    clean.callServer('writeTabs', { tabs: tabsFor(messages(2)) });
    clean.callServer('writeTabs', { tabs: next, token: 'w' });
    for (const afterServiceCalls of [20, 200, 400, 10_000]) {
      const addon = loadCode();
      addon.callServer('writeTabs', { tabs: tabsFor(messages(2)) });
      addon.failServerCall('writeTabs', 1, { afterServiceCalls });
      expect(() => addon.callServer('writeTabs', { tabs: next, token: 'w' })).toThrow(
        EXCEEDED_MAXIMUM_EXECUTION_TIME,
      );
      addon.callServer('writeTabs', { tabs: next, token: 'w' });
      expect(snapshot(addon), `stopped after ${afterServiceCalls} service calls`).toEqual(snapshot(clean));
    }
  });

  it('cleans up after a sidebar closed half way: refused for 10 minutes, then put back by the next import', () => {
    const { start, next, expected } = setting();
    const addon = start();
    const before = snapshot(addon);
    addon.failServerCall('commitTab', 4, { times: 4, afterServiceCalls: 9 });
    expect(() => importInBlocks(addon, next)).toThrow(EXCEEDED_MAXIMUM_EXECUTION_TIME);
    // The sidebar is closed: its import is gone with it. Another import within 10 minutes is refused.
    expect(() => importInBlocks(addon, next, { token: 'sidebar-2' })).toThrow(
      'Another import is in progress',
    );
    // Ten minutes later (the import's last call moved back in time), the next import takes over.
    const store = addon.documentProperties.store;
    const [key, text] = [...store.entries()][0] as [string, string];
    store.set(key, JSON.stringify({ ...JSON.parse(text), touched: Date.now() - 11 * 60_000 }));
    importInBlocks(addon, next, { token: 'sidebar-3' });
    expect(snapshot(addon)).toEqual(expected);
    expect(addon.spreadsheet.getSheets().map((s) => s.peekName())).toEqual(before.map((s) => s.name));
  });
});

describe('each tab committed in a call of its own', () => {
  it('copies and reads back only its own tab; the end copies and reads nothing', () => {
    const addon = loadCode();
    addon.callServer('writeTabs', { tabs: tabsFor(messages(2)) });
    const tabs = tabsFor(messages(3000));
    const layouts = tabs.map(layoutOf);
    const names = layouts.map((l) => l.name);
    addon.callServer('beginTabs', { token: 'm', names, grids: layouts.map((l) => l.grid) });
    for (const block of rowBlocks(tabs)) addon.callServer('appendTabRows', { token: 'm', ...block });
    const calls = (method: string) => addon.log.calls.filter((c) => c.method === method);
    for (const layout of layouts) {
      addon.log.clear();
      addon.callServer('commitTab', { token: 'm', tab: layout });
      // The old content kept aside: this tab's only.
      expect(calls('copyTo').filter((c) => c.service === 'Sheet')).toEqual([
        { service: 'Sheet', method: 'copyTo', args: [layout.name] },
      ]);
      // Read back in blocks of at most 150,000 cells: 咨询明细's 3,001 rows × 13 columns in one.
      expect(calls('getValues').length).toBe(Math.ceil((layout.grid.rows * layout.grid.columns) / 150_000));
    }
    addon.log.clear();
    addon.callServer('commitTabs', { token: 'm', tabs: layouts });
    expect([...calls('getValues'), ...calls('copyTo')]).toEqual([]);
    expect(addon.spreadsheet.getSheetByName('咨询明细')?.dump()).toHaveLength(3001);
  });
});
