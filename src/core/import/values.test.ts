import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTime } from '../time/parseTime';
import { currencyOfAmount } from './currency';
import {
  type DecimalMark,
  type MarkEvidence,
  MONEY_REFUSED,
  markEvidence,
  parseCount,
  parseDuration,
  parseFlag,
  parseMoney,
  parsePercent,
  plainDecimal,
  readMoney,
  trimCell,
  unwrapId,
} from './values';

const SH = 'Asia/Shanghai';
const utc = (iso: string) => Date.parse(iso);

describe('times as exports write them', () => {
  it.each([
    ['2020-02-20 23:59:54', '2020-02-20T15:59:54Z'],
    ['2020/2/20 23:59', '2020-02-20T15:59:00Z'],
    ['2023-1-7 9:05:03', '2023-01-07T01:05:03Z'],
    ['2022年9月19日 10:04', '2022-09-19T02:04:00Z'],
    ['2022年9月19日', '2022-09-18T16:00:00Z'],
    ['2017-10-11T06:55:44Z', '2017-10-11T06:55:44Z'],
    ['2017-10-11T14:55:44+08:00', '2017-10-11T06:55:44Z'],
    ['Tue Oct 31 22:10:47 +0000 2017', '2017-10-31T22:10:47Z'],
    ['43881.5', '2020-02-20T04:00:00Z'],
  ])('%s', (text, iso) => {
    expect(parseTime(text, SH)).toBe(utc(iso));
  });

  it('refuses what is not a time', () => {
    for (const text of ['2020-02-30 10:00:00', '明天', '12345678', 'Tue Foo 31 22:10:47 +0000 2017']) {
      expect(parseTime(text, SH), text).toBeNull();
    }
  });
});

describe('money', () => {
  it.each([
    ['¥1,299.50', 1299.5],
    ['￥80', 80],
    ['$12.00', 12],
    ['80元', 80],
    ['无退款申请', 0],
    ['0.0', 0],
    ['１２０．５０', 120.5],
    ['１，２９９．５０元', 1299.5],
    ['1 234.50', 1234.5],
    ['1,234,567', 1234567],
    ['-¥50.00', -50],
  ])('%s is %d in a point column', (text, value) => {
    expect(parseMoney(text)).toBe(value);
  });

  it.each([
    ['1.234,50', 1234.5],
    ['1 234,50', 1234.5],
    ['12,34', 12.34],
    ['12,5', 12.5],
    ['1.234', 1234],
    ['1,234', 1.234],
    ['1.234.567', 1234567],
    ['€ 1.299,00', 1299],
    ['80', 80],
  ])('%s is %d in a comma column', (text, value) => {
    expect(parseMoney(text, ',')).toBe(value);
  });

  it('reads "1,234" and "1.234" by the column, and refuses them where nothing in the column says', () => {
    expect([parseMoney('1,234', '.'), parseMoney('1.234', '.')]).toEqual([1234, 1.234]);
    expect([parseMoney('1,234', null), parseMoney('1.234', null)]).toEqual([null, null]);
    expect(readMoney('1,234', null)).toBe(
      'can be read as 1234 or as 1.234, and no other amount in the column says whether "," is a decimal mark or a thousands separator; the row is refused. Export the amounts with their decimals (1234.00 or 1,234.00)',
    );
    // A leading 0, or other than three digits after the mark, is a decimal mark whatever the column.
    expect([parseMoney('0,123', null), parseMoney('12,34', null), parseMoney('1234,567', null)]).toEqual([
      0.123, 12.34, 1234.567,
    ]);
  });

  it('refuses an amount that disagrees with its column, naming the column’s own', () => {
    // Today "12,34" was 1234, "1.234,50" 1.2345 and "1 234,50" 123450.
    for (const text of ['12,34', '1.234,50', '1 234,50', '1.234.567'])
      expect(readMoney(text, '.', '138.00'), text).toBe(
        'has a decimal comma, but the column’s amounts have a decimal point (such as "138.00"); the row is refused. Export the column with one number format'.replace(
          '’',
          "'",
        ),
      );
    for (const text of ['12.50', '1,234.50', '1,234,567'])
      expect(readMoney(text, ',', '12,50'), text).toContain('has a decimal point, but the column');
  });

  it('refuses thousands written wrong, and text', () => {
    for (const text of ['eighty', '1,23,456', '12 34', '1.2.3,4.5', '1,2', '-', '¥'])
      expect(parseMoney(text), text).toBe(text === '-' ? 0 : null);
  });

  it('refuses an amount in parentheses unless the dialect says they mean negative', () => {
    // Today "(12.00)" was −12, silently.
    expect(readMoney('(12.00)')).toBe(MONEY_REFUSED.parenthesised);
    expect(readMoney('(12.00)', '.', '', true)).toBe(-12);
    expect(readMoney('(¥1,299.50)', '.', '', true)).toBe(-1299.5);
  });

  it('tells what each cell says of its column’s decimal mark', () => {
    const cases: [string, MarkEvidence | undefined][] = [
      ['80', null],
      ['138.00', '.'],
      ['12.5', '.'],
      ['0.123', '.'],
      ['1,234.50', '.'],
      ['1,234,567', '.'],
      ['12,34', ','],
      ['1.234,50', ','],
      ['1 234,50', ','],
      ['1.234.567', ','],
      ['1,234', 'either'],
      ['1.234', 'either'],
      ['¥1 299', null],
      ['eighty', undefined],
    ];
    for (const [text, mark] of cases) expect(markEvidence(text), text).toBe(mark);
  });

  it('reads plain amounts as readMoney does, in every column', () => {
    const cell = fc.stringMatching(/^-?[0-9]{0,5}([.,][0-9]{0,4}){0,2}$/);
    fc.assert(
      fc.property(cell, fc.constantFrom<DecimalMark | null>('.', ',', null), (text, mark) => {
        const plain = plainDecimal(text, mark === '.');
        const full = readMoney(text, mark);
        if (plain !== null)
          expect(Object.is(plain, full) || (text.endsWith('.') && plain === full)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('counts', () => {
  it('read plain digits as the full rules do (1,000 件, 2.0 and 007 included)', () => {
    const byRules = (text: string) => {
      const cleaned = text.trim().replace(/[,\s]|件|个|pcs?/gi, '');
      return /^\d+(\.0+)?$/.test(cleaned) ? Number(cleaned) : null;
    };
    const cell = fc.stringMatching(/^[0-9 ,.件a-]{0,9}$/);
    fc.assert(
      fc.property(cell, (text) => {
        expect(parseCount(text)).toBe(byRules(text));
      }),
      { numRuns: 2000 },
    );
    expect([parseCount('007'), parseCount('1,000 件'), parseCount('2.0')]).toEqual([7, 1000, 2]);
  });
});

describe('other values', () => {
  it('reads counts, percentages, durations and booleans', () => {
    expect([parseCount('2'), parseCount('3件'), parseCount('1.5')]).toEqual([2, 3, null]);
    expect([parsePercent('45%'), parsePercent('45.5 %'), parsePercent('0.455')]).toEqual([
      0.45, 0.455, 0.455,
    ]);
    expect([
      parseDuration('2分30秒'),
      parseDuration('7小时41分52秒'),
      parseDuration('00:02:30'),
      parseDuration('150'),
    ]).toEqual([150, 27_712, 150, 150]);
    expect([
      parseFlag('TRUE'),
      parseFlag('True'),
      parseFlag('是'),
      parseFlag('否'),
      parseFlag('maybe'),
    ]).toEqual([true, true, true, false, null]);
  });

  it('unwraps IDs written to stop Excel reading them as numbers, keeping every digit', () => {
    expect(unwrapId('="3000000000000000001"')).toBe('3000000000000000001');
    expect(unwrapId("'3000000000000000001")).toBe('3000000000000000001');
    expect(unwrapId('=3000000000000000001')).toBe('3000000000000000001');
    expect(unwrapId('\t3000000000000000001')).toBe('3000000000000000001');
  });
});

describe('reading many rows fast, the same as the slow way', () => {
  it('reads YYYY-MM-DD HH:MM:SS to the same instant as Date.UTC, for any valid date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-03-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (d) => {
          const whole = Math.floor(d.getTime() / 1000) * 1000;
          const text = new Date(whole).toISOString().slice(0, 19).replace('T', ' ');
          expect(parseTime(text, 'UTC')).toBe(whole);
        },
      ),
    );
  });

  it('reads plain amounts to the very double Number() gives, up to 15 digits and beyond', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,20}$/), fc.option(fc.stringMatching(/^\d{0,12}$/)))
      .map(
        ([minus, whole, fraction]) => `${minus ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`,
      );
    fc.assert(
      fc.property(decimal, (text) => {
        expect(Object.is(parseMoney(text), Number(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const text of ['0.1', '0.3', '1.005', '-0', '199.99', '12345678901.2345', '.5', '7.'])
      expect(Object.is(parseMoney(text), Number(text))).toBe(true);
    expect(parseMoney('-.')).toBeNull();
    expect(parseMoney('1.2.3')).toBeNull();
  });

  it('finds no currency in a bare number, and the currency of a sign or code written around one', () => {
    const bare = fc.stringMatching(/^-?[\d,.]{1,12}$/);
    const signs = [
      ['NT$', 'TWD'],
      ['us$', 'USD'],
      ['RM', 'MYR'],
      ['฿', 'THB'],
      ['€', 'EUR'],
      ['RMB', 'CNY'],
      ['usd', 'USD'],
      ['TWD', 'TWD'],
    ] as const;
    fc.assert(
      fc.property(bare, fc.constantFrom(...signs), fc.boolean(), (amount, [sign, code], after) => {
        expect(currencyOfAmount(amount)).toBeNull();
        expect(currencyOfAmount(after ? `${amount} ${sign}` : `${sign}${amount}`)).toBe(code);
      }),
    );
    for (const text of ['$12.00', '¥80', '80元', '12.00 ABC', '']) expect(currencyOfAmount(text)).toBeNull();
  });

  it('trims cells exactly as String.prototype.trim does, ideographic and no-break spaces included', () => {
    const spaces = [' ', '\t', '\u00a0', '\u3000', '\u2009', '\ufeff', '\u2028'];
    for (const space of spaces) {
      expect(trimCell(`${space}小美${space}`)).toBe('小美');
      expect(trimCell(`小美${space}`)).toBe('小美');
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(trimCell(text)).toBe(text.trim());
      }),
    );
  });
});
