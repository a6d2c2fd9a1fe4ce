// What managers actually paste and upload when something is off: each case is either read with a
// warning naming row and column, or refused with a message that says what to do.
import { describe, expect, it } from 'vitest';
import { decodeBytes, tooLongForOneText } from './decode';
import { importTable } from './importer';

const SH = 'Asia/Shanghai';
const HEADER = 'time,agent,customer,from';
const chats = (text: string, extra: { delimiter?: string } = {}) =>
  importTable({ file: 'chats.csv', text, timeZone: SH, kind: 'chats', ...extra });

describe('bad input', () => {
  it('another delimiter is detected; a wrong forced one is explained', () => {
    const text = 'time;agent;customer;from\n2024-03-01 10:00:00;小美;c1;customer\n';
    expect(chats(text).records).toHaveLength(1);
    expect(() => chats(text, { delimiter: ',' })).toThrow(
      'The header is one column that contains ";": the file seems to use ";" between columns.',
    );
  });

  it('TSV pasted from Excel or Sheets is read', () => {
    expect(chats('time\tagent\tcustomer\tfrom\n2024-03-01 10:00:00\t小美\tc1\tcustomer\n').delimiter).toBe(
      '\t',
    );
  });

  it('no header row: says which row and column hold data instead', () => {
    expect(() => chats('2024-03-01 10:00:00,小美,c1,customer\n2024-03-01 10:00:05,小美,c1,agent\n')).toThrow(
      'chats.csv: no header row. Row 1 starts with data ("2024-03-01 10:00:00" in column 1); export the file with its header row',
    );
  });

  it('title and date-range lines above the header are skipped, and row numbers stay true', () => {
    const text = `客服聊天记录导出\n统计时间：2024-03-01 至 2024-03-31\n${HEADER}\n2024-03-01 10:00:00,小美,c1,customer\nyesterday,小美,c1,agent\n`;
    const result = chats(text);
    expect(result.headerRow).toBe(3);
    expect(result.records).toHaveLength(1);
    expect(result.warnings).toEqual([
      {
        file: 'chats.csv',
        row: 5,
        column: 'time',
        message: expect.stringContaining('"yesterday" is not a date and time'),
      },
    ]);
    expect(result.notes).toContain('rows 1–2 above the header were skipped (a title or date range)');
  });

  it('a 合计/总计 totals row is skipped with a warning, not read as an order', () => {
    const text =
      'order_id,created_at,amount\n1,2024-03-01 10:00:00,100\n2,2024-03-01 11:00:00,50\n合计,,150\n';
    const result = importTable({ file: 'orders.csv', text, timeZone: SH, kind: 'orders' });
    expect(result.records).toHaveLength(2);
    expect(result.warnings).toEqual([
      {
        file: 'orders.csv',
        row: 4,
        column: 'order_id',
        message: 'a totals row ("合计"), not a record; skipped',
      },
    ]);
  });

  it('blank lines are ignored', () => {
    const result = chats(
      `${HEADER}\n\n2024-03-01 10:00:00,小美,c1,customer\n\n\n2024-03-01 10:00:05,小美,c1,agent\n\n`,
    );
    expect(result.records.map((m) => m.row)).toEqual([3, 6]);
    expect(result.warnings).toEqual([]);
  });

  it('mixed date formats in one column are each read', () => {
    const result = chats(
      `${HEADER}\n2024-03-01 10:00:00,小美,c1,customer\n2024/3/1 10:00:30,小美,c1,agent\n2024年3月1日 10:01,小美,c1,customer\n`,
    );
    expect(result.records.map((m) => m.time - Date.parse('2024-03-01T02:00:00Z'))).toEqual([
      0, 30_000, 60_000,
    ]);
  });

  it('a cut-off last line is skipped and named, never read as complete', () => {
    const result = chats(`${HEADER}\n2024-03-01 10:00:00,小美,c1,customer\n2024-03-01 10:00:05,小美`);
    expect(result.records).toHaveLength(1);
    expect(result.warnings).toEqual([
      {
        file: 'chats.csv',
        row: 3,
        column: 'customer',
        message: 'the last row has 2 of 4 columns: the file looks cut off; the row is skipped',
      },
    ]);
  });

  it('a quoted field that never ends is reported, and its row is not read', () => {
    const result = chats(
      `time,agent,customer,from,text\n2024-03-01 10:00:00,小美,c1,customer,在吗\n2024-03-01 10:00:09,小美,c1,agent,"在的\n`,
    );
    const warning = result.warnings.find((w) => w.message.includes('a quoted field never ends'));
    expect(warning?.row).toBe(3);
    expect(result.warnings).toHaveLength(1);
    expect(result.records.map((m) => m.row)).toEqual([2]);
  });

  it('a row with more cells than the header is refused, never read shifted', () => {
    // An unquoted comma in the text: "否" would be read as the auto-reply flag, "在的" as the text.
    const text = `time,agent,customer,from,text,auto\n2024-03-01 10:00:00,小美,c1,customer,在吗,否\n2024-03-01 10:00:09,小美,c1,agent,亲,在的,否\n2024-03-01 10:00:20,小美,c1,agent,好的,否,\n`;
    const result = chats(text);
    expect(result.records.map((m) => m.row)).toEqual([2]);
    expect(result.warnings).toEqual([
      {
        file: 'chats.csv',
        row: 3,
        column: 'auto',
        message:
          'the row has 7 cells but the header 6 columns: a cell holds the delimiter (",") without quotes (a comma in a chat text?), so its cells would be read in the wrong columns; the row is skipped. Export the file again with texts in quotes, or put that cell in double quotes',
      },
      // An empty cell past the header is refused too, where the file's rows do not all end so.
      expect.objectContaining({ row: 4, column: 'auto' }),
    ]);
  });

  it('an export whose data rows all end with a delimiter (its header not) is read, a cell past it refused', () => {
    const text = `${HEADER}\n2024-03-01 10:00:00,小美,c1,customer,\n2024-03-01 10:00:09,小美,c1,agent,\n2024-03-01 10:00:20,小美,c1,agent,在的,\n2024-03-01 10:00:30,小美,c1,agent,\n`;
    const result = chats(text);
    expect(result.records.map((m) => m.row)).toEqual([2, 3, 5]);
    expect(result.warnings.map((w) => [w.row, w.column])).toEqual([[4, 'from']]);
  });

  it('a row shorter than the header is read when it has every column a field is read from', () => {
    // The decision in docs/decisions.md: cells past the last mapped column are not read, so not missed.
    const text = `time,agent,customer,from,note,extra\n2024-03-01 10:00:00,小美,c1,customer\n2024-03-01 10:00:09,小美,c1\n`;
    const result = chats(text);
    expect(result.records.map((m) => m.row)).toEqual([2]);
    expect(result.warnings.map((w) => [w.row, w.column])).toEqual([[3, 'from']]);
  });

  it('a time more than a day after the run’s clock is refused, one within a day read', () => {
    const now = Date.parse('2024-03-01T02:00:00Z'); // 10:00 in Shanghai
    const text = `${HEADER}\n2024-03-02 09:59:00,小美,c1,customer\n2024-03-02 10:01:00,小美,c1,agent\n2099-03-01 10:00:00,小美,c2,customer\n`;
    const result = importTable({ file: 'chats.csv', text, timeZone: SH, kind: 'chats', now });
    expect(result.records.map((m) => m.row)).toEqual([2]);
    expect(result.warnings).toEqual([
      {
        file: 'chats.csv',
        row: 3,
        column: 'time',
        code: 'future-time',
        message:
          '"2024-03-02 10:01:00" is more than a day after now (2024-03-01 02:00 UTC): a date typed or read wrong (a year such as 2099, day and month swapped?); the row is skipped',
      },
      expect.objectContaining({ row: 4, code: 'future-time' }),
    ]);
  });

  it('an order whose 创建时间 cannot be read is refused, even when its 付款时间 can', () => {
    const text = `订单编号,买家会员名,订单创建时间,订单付款时间,买家实际支付金额\nA1,c1,下单时间未知,2024-03-01 10:06:00,99\nA2,c2,2024-03-01 10:00:00,付款了,50\nA3,c3,2024-03-01 10:00:00,,20\n`;
    const result = importTable({ file: 'orders.csv', text, timeZone: SH, kind: 'orders' });
    expect(result.records.map((o) => o.orderId)).toEqual(['A3']);
    expect(result.warnings.map((w) => [w.row, w.column])).toEqual([
      [2, '订单创建时间'],
      [3, '订单付款时间'],
    ]);
  });

  it('binary garbage, workbooks and empty files are refused with what to do', () => {
    const garbage = new Uint8Array(2000).map((_, i) => (i * 37) % 256);
    expect(() => decodeBytes(garbage, 'x.csv')).toThrow('x.csv does not look like a text export');
    expect(() => decodeBytes(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'report.xlsx')).toThrow(
      'report.xlsx is an Excel workbook (.xlsx), not text. In Excel or Sheets, save it as "CSV UTF-8"',
    );
    expect(() => chats('')).toThrow('chats.csv: the file is empty');
    expect(() => chats('\n \n')).toThrow('chats.csv: the file is empty');
    expect(() => chats('\u0000\u0001\u0002binary\u0003'.repeat(50))).toThrow(
      'does not look like a text export',
    );
  });

  it('a GBK file saved by Excel on Chinese Windows is decoded', () => {
    // "订单编号,金额" in GBK
    const gbk = new Uint8Array([
      0xb6, 0xa9, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xbd, 0xf0, 0xb6, 0xee,
    ]);
    expect(decodeBytes(gbk, 'o.csv')).toEqual({ text: '订单编号,金额', encoding: 'gb18030' });
    expect(decodeBytes(new TextEncoder().encode('订单编号'), 'o.csv').encoding).toBe('utf-8');
  });

  it('a file too large for one JavaScript text is said so, not read as GBK and called invalid', () => {
    // 2^29 ASCII bytes: one more character than V8 lets a string hold (0x1fffffe8), 512 MB.
    const huge = new Uint8Array(2 ** 29).fill(0x61);
    expect(() => decodeBytes(huge, 'chats.csv')).toThrow(
      'chats.csv is too large to be read as one text (512 MB: JavaScript holds at most about 512 million characters in one text). Split the export into smaller files',
    );
    expect(tooLongForOneText(new Error('The encoded data was not valid for encoding gb18030'))).toBe(false);
  });

  it('a file of one kind given as another says what is missing and which columns there are', () => {
    expect(() =>
      importTable({ file: 'o.csv', text: 'order_id,amount\n1,2\n', timeZone: SH, kind: 'chats' }),
    ).toThrow('o.csv: no column for "time", "agent", "customer", "from" in this chats export.');
  });
});
