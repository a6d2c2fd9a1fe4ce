import { describe, expect, it } from 'vitest';
import { customFunctions } from '../../src/core/customFunctions';
import { distFile, loadCode } from '../fakes/loadCode';
import type { MenuItem } from '../fakes/services';

describe('onOpen', () => {
  it('builds the add-on menu in AuthMode.NONE, touching nothing but the Ui', () => {
    const addon = loadCode({ authMode: 'NONE' });
    addon.global.onOpen(addon.evaluate('({ authMode: ScriptApp.AuthMode.NONE })'));
    expect(addon.menus).toHaveLength(1);
    expect(addon.menus[0]?.kind).toBe('addon');
    expect(addon.log.services().sort()).toEqual(['Menu', 'SpreadsheetApp', 'Ui']);
    expect(addon.log.calls.filter((c) => c.service === 'SpreadsheetApp').map((c) => c.method)).toEqual([
      'getUi',
    ]);
  });

  it('names only functions that Code.js defines at top level', () => {
    const addon = loadCode();
    addon.global.onOpen();
    const items = addon.menus.flatMap((m) => m.items).filter((i): i is MenuItem => i !== 'separator');
    expect(items.map((i) => i.functionName)).toContain('openSidebar');
    for (const item of items)
      expect(typeof addon.global[item.functionName], item.functionName).toBe('function');
  });
});

describe('onInstall', () => {
  it('builds the same menu as onOpen', () => {
    const opened = loadCode({ authMode: 'NONE' });
    opened.global.onOpen();
    const installed = loadCode({ authMode: 'NONE' });
    installed.global.onInstall(installed.evaluate('({ authMode: ScriptApp.AuthMode.NONE })'));
    expect(installed.menus).toEqual(opened.menus);
  });
});

describe('openSidebar', () => {
  it('shows dist/Sidebar.html as the sidebar, titled 客服绩效', () => {
    const addon = loadCode();
    addon.global.openSidebar();
    expect(addon.sidebars).toHaveLength(1);
    expect(addon.sidebars[0]?.getTitle()).toBe('客服绩效');
    expect(addon.sidebars[0]?.getContent()).toBe(distFile('Sidebar.html'));
  });
});

describe('getSidebarContext (a google.script.run target)', () => {
  it('describes the spreadsheet in JSON-safe values only', () => {
    const addon = loadCode({
      spreadsheet: { name: '三月绩效', timeZone: 'Asia/Taipei', locale: 'zh_TW', tabs: ['设置', 'Sheet1'] },
      userLocale: 'en_US',
    });
    const context = addon.global.getSidebarContext();
    expect(context).toEqual({
      spreadsheetName: '三月绩效',
      timeZone: 'Asia/Taipei',
      spreadsheetLocale: 'zh_TW',
      userLocale: 'en_US',
      tabs: ['设置', 'Sheet1'],
      // Not opened by 按设置重新计算: the sidebar opens on the import, not on the pay what-if.
      whatIf: false,
    });
    expect(JSON.parse(JSON.stringify(context))).toEqual(context);
  });
});

describe('custom functions in the built bundle, with arguments from the Apps Script realm', () => {
  it('CONVERSION_RATE takes cells and ranges as Sheets passes them', () => {
    const { evaluate } = loadCode();
    expect(evaluate('CONVERSION_RATE(1, 2)')).toBe(0.5);
    expect(evaluate('CONVERSION_RATE(0, 0)')).toBe('');
    expect(evaluate('CONVERSION_RATE([[1], [""], [3]], [[2], [4], [4]])')).toEqual([[0.5], [''], [0.75]]);
  });

  it('WEIGHTED_SCORE gives 256 for a row, and a column of totals for a block', () => {
    const { evaluate } = loadCode();
    expect(evaluate('WEIGHTED_SCORE([[9, 9, 7, 4]], [[10, 10, 8, 5]])')).toBe(256);
    expect(evaluate('WEIGHTED_SCORE([[9, 9, 7, 4], [10, 10, 8, 5]], [[10, 10, 8, 5]])')).toEqual([
      [256],
      [289],
    ]);
  });

  it('refuses a date from the Apps Script realm with a message naming the function and argument', () => {
    const { evaluate } = loadCode();
    expect(() => evaluate('CONVERSION_RATE(new Date(2026, 0, 1), 2)')).toThrow(
      'CONVERSION_RATE: converted holds a date; enter a number or leave the cell empty.',
    );
  });

  for (const spec of Object.values(customFunctions)) {
    it(`${spec.name} gives its documented examples`, () => {
      const { evaluate } = loadCode();
      for (const example of spec.examples.filter((e) => e.result !== undefined)) {
        const args = example.args.map((a) => (a === undefined ? 'undefined' : JSON.stringify(a))).join(', ');
        expect(evaluate(`${spec.name}(${args})`), example.formula).toEqual(example.result);
      }
    });
  }

  it('touch no service (custom functions may use none that need authorization)', () => {
    const addon = loadCode();
    addon.evaluate('WEIGHTED_SCORE([[9, 9, 7, 4]], [[10, 10, 8, 5]]); CONVERSION_RATE(1, 2)');
    expect(addon.log.calls).toEqual([]);
  });
});

describe('scoring and pay in the built bundle, with arguments from the Apps Script realm', () => {
  it('gives 256, 289 and full pay × 256/289 (SPEC §6)', () => {
    const { evaluate } = loadCode();
    expect(evaluate('WEIGHTED_SCORE([[9, 9, 7, 4]], [[10, 10, 8, 5]])')).toBe(256);
    expect(evaluate('FULL_MARKS([[10, 10, 8, 5]], [[10, 10, 8, 5]])')).toBe(289);
    expect(evaluate('PERFORMANCE_PAY(2890, [[9, 9, 7, 4]], [[10, 10, 8, 5]], [[10, 10, 8, 5]])')).toBe(2560);
  });

  it('takes a block of agents and gives a column; omitted optional arguments arrive as undefined', () => {
    const { evaluate } = loadCode();
    expect(evaluate('TIER_SCORE([[0.99], [0.86], [""]], [[0.85, 0.9, 0.95]], [[6, 8, 10]])')).toEqual([
      [10],
      [6],
      [''],
    ]);
    expect(evaluate('RECEPTION_SHARE([[120], [80]], 400, 4)')).toEqual([[1.2], [0.8]]);
  });

  it('throws errors that name the function, the argument and the fix', () => {
    const { evaluate } = loadCode();
    expect(() => evaluate('TIER_SCORE(1, [[0.9, 0.85]], [[8, 6]])')).toThrow(
      'TIER_SCORE: thresholds are out of order',
    );
    expect(() => evaluate('WEIGHTED_SCORE([[1, 2]], [[0, 0]])')).toThrow(
      'WEIGHTED_SCORE: weights are all 0 or empty',
    );
    expect(() => evaluate('REPLY_RATE([[1], [2]], [[1], [2], [3]])')).toThrow(
      'REPLY_RATE: consultations is 2×1 but unreplied is 3×1',
    );
  });
});

// CS_INDICATORS with date cells as Sheets hands them over: test/contract/sheetValues.contract.test.ts.

describe('every rate function in the built bundle takes columns too', () => {
  const rates = Object.values(customFunctions).filter((spec) =>
    spec.params.every((p) => p.type === 'number|Array<Array<number>>'),
  );
  for (const spec of rates) {
    it(`${spec.name} gives a column for columns built in the Apps Script realm`, () => {
      const { evaluate } = loadCode();
      const [example] = spec.examples;
      const columns = (example?.args ?? []).map((a) => JSON.stringify([[a], [a], ['']]));
      const result = evaluate(`${spec.name}(${columns.join(', ')})`);
      expect(result).toEqual([[example?.result], [example?.result], ['']]);
    });
  }

  it('covers the twelve rates', () => {
    expect(rates.map((s) => s.name)).toHaveLength(12);
  });
});
