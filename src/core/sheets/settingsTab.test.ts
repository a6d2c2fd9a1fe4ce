import { describe, expect, it } from 'vitest';
import { AFTER_SALES_SCHEME } from '../../../test/helpers/engineRecords';
import { DEFAULT_SCHEME } from '../engine/scheme';
import { readSettingsBook, SettingsTabError, schemeOf, settingsRows } from './settingsTab';

/** 设置 as a user's spreadsheet gives it back: getValues (numbers) or readTab (text). */
const asText = (rows: unknown[][]) =>
  rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));

describe('the 设置 tab', () => {
  it('reads back the schemes it writes, with the row of every item and pay', () => {
    const rows = settingsRows(
      [DEFAULT_SCHEME, AFTER_SALES_SCHEME],
      [
        ['小美', '售前·日常'],
        ['阿杰', '售后·日常'],
      ],
    );
    for (const shape of [rows, asText(rows)]) {
      const book = readSettingsBook(shape);
      expect(book.schemes.map((s) => s.scheme)).toEqual(
        [DEFAULT_SCHEME, AFTER_SALES_SCHEME].map((s) => ({ ...s, leaveOutLowSample: false })),
      );
      expect(book.schemes.map((s) => s.itemRows)).toEqual([
        [2, 3, 4, 5],
        [6, 7],
      ]);
      expect(book.schemes.map((s) => s.payRow)).toEqual([2, 3]);
      expect(schemeOf(book, '阿杰').scheme.name).toBe('售后·日常');
      // Agents not listed are scored on the first scheme.
      expect(schemeOf(book, '新人').scheme.name).toBe('售前·日常');
    }
  });

  it('lets a team list a scheme’s rows anywhere, and name indicators in words', () => {
    const rows = settingsRows([DEFAULT_SCHEME, AFTER_SALES_SCHEME], []);
    // Move a 售后 row between the 售前 rows, and name an indicator by its Chinese name.
    const [header, a, b, c, d, e, f] = rows;
    const moved = [header, a, e, b, c, d, f].map((row) => [...(row ?? [])]);
    (moved[2] as unknown[])[1] = '回复率';
    (moved[2] as unknown[])[3] = '越高越好';
    const book = readSettingsBook(moved);
    expect(book.schemes[1]?.itemRows).toEqual([3, 7]);
    expect(book.schemes[1]?.scheme.items[0]).toMatchObject({ id: 'reply_rate', better: 'higher' });
    expect(book.schemes[0]?.itemRows).toEqual([2, 4, 5, 6]);
  });

  it('names the cell and the fix for every mistake, all at once', () => {
    const rows = settingsRows([DEFAULT_SCHEME], [['小美', '售前·日常']]).map((row) => [...row]);
    (rows[1] as unknown[])[6] = '0.7x';
    (rows[2] as unknown[])[1] = 'speed';
    (rows[3] as unknown[])[3] = 'up';
    (rows[4] as unknown[])[5] = 0.99;
    (rows[1] as unknown[])[18] = '售后';
    const error = (() => {
      try {
        readSettingsBook(rows);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('readSettingsBook accepted a broken 设置');
    })();
    expect(error).toBeInstanceOf(SettingsTabError);
    expect(error.message.split('\n')).toEqual([
      '设置 G2（门槛2）："0.7x" is not a number; write a number such as 0.8 or 30.',
      '设置 F2（门槛1）：the thresholds must go from lowest to highest (门槛1 ≤ 门槛2 ≤ 门槛3).',
      '设置 B3（指标 id）："speed" is not an indicator; write an id from docs/indicators.md, such as fast_reply_rate.',
      '设置 D4（方向）："up" is not a direction; write higher or lower.',
      '设置 F5（门槛1）：the thresholds must go from lowest to highest (门槛1 ≤ 门槛2 ≤ 门槛3).',
      '设置 S2（方案）：there is no scheme "售后"; write one of: 售前·日常.',
    ]);
  });

  it('refuses a moved header and a scheme without pay', () => {
    const rows = settingsRows([DEFAULT_SCHEME], []).map((row) => [...row]);
    (rows[0] as unknown[])[4] = 'target';
    expect(() => readSettingsBook(rows)).toThrow('设置 E1（目标）：the header should read "目标"');
    const noPay = settingsRows([DEFAULT_SCHEME], []).map((row) => [...row]);
    (noPay[1] as unknown[])[14] = null;
    (noPay[1] as unknown[])[15] = null;
    expect(() => readSettingsBook(noPay)).toThrow('scheme 售前·日常 has no full pay');
    expect(() => readSettingsBook([])).toThrow('the header should read "方案"');
  });
});
