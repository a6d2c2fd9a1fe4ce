import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SCRIPT_TIME_ZONE } from '../../src/core/functions/environment';
import { importTable } from '../../src/core/import/importer';
import { loadCode } from '../fakes/loadCode';

/** Rows typed into a new tab of the add-on's spreadsheet, as a user pasting an export would. */
function pasteTab(addon: ReturnType<typeof loadCode>, name: string, rows: (string | number)[][]) {
  const sheet = addon.spreadsheet.insertSheet(name);
  sheet.getRange(1, 1, rows.length, rows[0]?.length ?? 0).setValues(rows);
  return sheet;
}

describe('a tab as a source (readTab): what Sheets made of the pasted values (issue 19, item 4)', () => {
  it('gives dates as the wall-clock time they show, percentages as shown, long numbers as rounded', () => {
    const addon = loadCode({ spreadsheet: { timeZone: 'America/New_York', locale: 'en_US' } });
    pasteTab(addon, '订单', [
      ['订单编号', '付款时间', '优惠', '数量'],
      ['1234567890123456789', '2024-03-01 10:00:00', '10%', '0012'],
    ]);
    expect(addon.evaluate("readTab('订单')")).toEqual({
      name: '订单',
      rows: [
        ['订单编号', '付款时间', '优惠', '数量'],
        ['1.23456789012346E+18', '2024-03-01 10:00:00', '10%', '12'],
      ],
      nextRow: null,
    });
  });

  it('refuses, row by row, orders whose IDs Sheets rounded, naming tab, row, column and what to do', () => {
    const addon = loadCode();
    const header = [
      '订单编号',
      '买家会员名',
      '订单创建时间',
      '订单付款时间',
      '买家实际支付金额',
      '宝贝总数量',
    ];
    const order = (id: string, buyer: string) => [
      id,
      buyer,
      '2024-03-01 10:00:00',
      '2024-03-01 10:05:00',
      '100',
      '1',
    ];
    // Three orders of three buyers: pasted into General cells, their 19-digit IDs become one number.
    pasteTab(addon, '订单', [
      header,
      order('3000000000000000001', 'a'),
      order('3000000000000000002', 'b'),
      order('3000000000000000003', 'c'),
      order('E20240301', 'd'),
    ]);
    const tab = addon.evaluate("readTab('订单')") as { name: string; rows: string[][] };
    const result = importTable({
      kind: 'orders',
      file: tab.name,
      text: Papa.unparse(tab.rows),
      timeZone: 'Asia/Shanghai',
    });
    expect(result.records.map((r) => r.orderId)).toEqual(['E20240301']);
    expect(result.warnings.map((w) => [w.file, w.row, w.column])).toEqual([
      ['订单', 2, '订单编号'],
      ['订单', 3, '订单编号'],
      ['订单', 4, '订单编号'],
    ]);
    expect(result.warnings[0]?.message).toMatch(
      /^"3.00000000000000E\+18" is an ID that a spreadsheet rounded to 15 digits.*format the column as plain text/,
    );
  });

  it('keeps exact IDs pasted into a column formatted as plain text first', () => {
    const addon = loadCode();
    const sheet = addon.spreadsheet.insertSheet('订单');
    sheet.getRange(1, 1, 3, 1).setNumberFormat('@');
    sheet.getRange(1, 1, 3, 1).setValues([['订单编号'], ['3000000000000000001'], ['3000000000000000002']]);
    const tab = addon.evaluate("readTab('订单')") as { rows: string[][] };
    expect(tab.rows).toEqual([['订单编号'], ['3000000000000000001'], ['3000000000000000002']]);
  });
});

describe('CS_INDICATORS and the dates of its ranges (issue 19, item 7)', () => {
  it('runs in the zone appsscript.json fixes, the zone it reads date arguments in', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8'));
    expect(manifest.timeZone).toBe(SCRIPT_TIME_ZONE);
  });

  const chats = [
    ['time', 'agent', 'customer', 'from'],
    ['2024-03-01 23:59:50', 'Amy', 'c1', 'customer'],
    ['2024-03-02 00:00:20', 'Amy', 'c1', 'agent'],
    ['2024-03-02 00:00:30', 'Amy', 'c1', 'customer'],
  ];

  it("reads date cells at the wall-clock time they show in the spreadsheet's zone, not the script's", () => {
    // Typed into a Los Angeles spreadsheet, the two customer messages fall on two days (23:59:50 and
    // 00:00:30): two consultations. Read as instants of the script's zone, they would be one morning.
    for (const timeZone of ['America/Los_Angeles', 'Asia/Shanghai', 'Europe/London']) {
      const addon = loadCode({ spreadsheet: { timeZone } });
      pasteTab(addon, '聊天', chats);
      const table = addon.runCustomFunction('CS_INDICATORS', { range: '聊天!A1:D4' }, '', [
        ['language', 'en'],
      ]) as unknown[][];
      expect(table[1]?.slice(0, 2), timeZone).toEqual(['Amy', 2]);
      // A custom function only reads: one look at the spreadsheet's zone, nothing written.
      expect(addon.log.calls.map((c) => `${c.service}.${c.method}`)).toEqual([
        'SpreadsheetApp.getActiveSpreadsheet',
        'Spreadsheet.getSpreadsheetTimeZone',
      ]);
    }
  });

  it("says so when the spreadsheet's zone cannot be read, and reads the tz setting instead", () => {
    const addon = loadCode({ spreadsheet: { timeZone: 'America/Los_Angeles' } });
    pasteTab(addon, '聊天', chats);
    addon.log.failAt.set('Spreadsheet.getSpreadsheetTimeZone', 1);
    expect(() => addon.runCustomFunction('CS_INDICATORS', { range: '聊天!A1:D4' })).toThrow(
      "CS_INDICATORS: the spreadsheet's time zone could not be read (Exception: Service Spreadsheets failed while accessing document.); give it in the settings range: a row tz, Asia/Shanghai",
    );
    const table = addon.runCustomFunction('CS_INDICATORS', { range: '聊天!A1:D4' }, '', [
      ['tz', 'America/Los_Angeles'],
      ['language', 'en'],
    ]) as unknown[][];
    expect(table[1]?.slice(0, 2)).toEqual(['Amy', 2]);
  });
});
