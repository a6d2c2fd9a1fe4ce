import { describe, expect, it } from 'vitest';
import { type ColumnMapping, importTable } from './importer';
import type { Kind } from './records';

const UTC = 'UTC';
const read = <K extends Kind>(kind: K, file: string, text: string, overrides: ColumnMapping = {}) =>
  importTable({ kind, file, text, overrides, timeZone: UTC });

describe('reading canonical CSV', () => {
  it('reads chats with quoted text over several lines and a BOM, numbering rows from the header', () => {
    const text =
      '\ufefftime,agent,customer,from,text\n2024-03-01 10:00:00,小美,c1,买家,"在吗\n有货吗"\n2024-03-01 10:00:09,小美,c1,客服,"亲, 在的"\n';
    const { records, warnings, rows } = read('chats', 'c.csv', text);
    expect(warnings).toEqual([]);
    expect(rows).toBe(2);
    expect(records.map((m) => [m.from, m.text, m.row])).toEqual([
      ['customer', '在吗\n有货吗', 2],
      ['agent', '亲, 在的', 3],
    ]);
  });

  it('reads money with currency signs and thousands separators, and keeps long order numbers as text', () => {
    const text =
      'order_id,customer,created_at,paid_at,amount,items\n="3000000000000000001",c1,2024-03-01 10:00:00,,"¥1,299.50",2\n';
    const [o] = read('orders', 'o.csv', text).records;
    expect([o?.orderId, o?.amount, o?.paidAt, o?.items]).toEqual(['3000000000000000001', 1299.5, null, 2]);
  });

  it('reads who wrote in any case, and takes no word of JavaScript’s own for one', () => {
    const text =
      'time,agent,customer,from\n2024-03-01 10:00:00,a,c,Customer\n2024-03-01 10:00:01,a,c,AGENT\n2024-03-01 10:00:02,a,c,constructor\n';
    const result = read('chats', 'c.csv', text);
    expect(result.records.map((m) => m.from)).toEqual(['customer', 'agent']);
    expect(result.warnings).toMatchObject([{ row: 4, column: 'from' }]);
  });

  it('reads rating levels as numbers or in words', () => {
    const text =
      'time,agent,customer,level\n2024-03-01 10:00:00,a,c,非常满意\n2024-03-01 10:00:00,a,c,2\n2024-03-01 10:00:00,a,c,7\n';
    const result = read('ratings', 'r.csv', text);
    expect(result.records.map((r) => r.level)).toEqual([5, 2]);
    expect(result.warnings[0]).toMatchObject({ row: 4, column: 'level' });
  });

  it('reads refunds, online spans and issues, refusing impossible ones', () => {
    const refunds = read(
      'refunds',
      'f.csv',
      'order_id,applied_at,completed_at,completed_by,dispute\n1,2024-03-02 09:00:00,2024-03-02 10:00:00,商家,否\n2,2024-03-02 09:00:00,2024-03-01 10:00:00,平台,是\n',
    );
    expect(refunds.records).toMatchObject([{ orderId: '1', completedBy: 'shop', dispute: false }]);
    expect(refunds.warnings[0]).toMatchObject({ row: 3, column: 'completed_at' });
    const online = read('online', 'o.csv', 'agent,start,end\na,2024-03-01 08:00:00,2024-03-01 07:00:00\n');
    expect(online.warnings[0]?.message).toBe('the span ends before it starts');
    const issues = read('issues', 'i.csv', 'time,agent,resolved\n2024-03-01 08:00:00,a,yes\n');
    expect(issues.records[0]?.resolved).toBe(true);
  });

  it('uses a column the user names, and says so when it does not exist', () => {
    const text = 'when,who,buyer,side\n2024-03-01 10:00:00,小美,c1,customer\n';
    const ok = read('chats', 'c.csv', text, { time: 'when', agent: 'who', customer: 'buyer', from: 'side' });
    expect(ok.records).toHaveLength(1);
    expect(ok.fields.find((f) => f.field === 'time')).toMatchObject({
      column: 'when',
      source: 'user',
      confidence: 1,
    });
    expect(() => read('chats', 'c.csv', text, { time: 'nope' })).toThrow(
      'c.csv: --map time=nope names no column',
    );
  });

  it('pseudonymizes buyer IDs with a keyed hash that is stable across files', () => {
    const chats = importTable({
      kind: 'chats',
      file: 'c.csv',
      text: 'time,agent,customer,from\n2024-03-01 10:00:00,小美,tb_buyer_01,customer\n',
      timeZone: UTC,
      pseudonymKey: 'shop secret',
    });
    const orders = importTable({
      kind: 'orders',
      file: 'o.csv',
      text: 'order_id,customer,created_at\n1,tb_buyer_01,2024-03-01 10:00:00\n',
      timeZone: UTC,
      pseudonymKey: 'shop secret',
    });
    const id = chats.records[0]?.customer;
    expect(id).toMatch(/^buyer-[0-9a-f]{16}$/);
    expect(orders.records[0]?.customer).toBe(id);
    expect(JSON.stringify(chats.records)).not.toContain('tb_buyer_01');
  });
});

/** An order file of canonical columns; each line is `order_id,customer,paid_at,amount[,refund_amount]`. */
const orders = (lines: string[], refund = false) =>
  read(
    'orders',
    'o.csv',
    `order_id,customer,created_at,paid_at,amount${refund ? ',refund_amount' : ''}\n${lines
      .map((line) => {
        const [id, customer, paid, ...rest] = line.split('|');
        return [id, customer, '2024-03-01 10:00:00', paid, ...rest].join(',');
      })
      .join('\n')}\n`,
  );
const PAID = '2024-03-01 10:05:00';

describe('amounts read only when sure', () => {
  it('reads a comma column as a comma column: "1.234,50" is 1234.5, "1 234,50" 1234.5, "12,34" 12.34', () => {
    // Today: 1.2345, 123450 and 1234.
    const result = orders([
      `1|A|${PAID}|"1.234,50"`,
      `2|B|${PAID}|"1 234,50"`,
      `3|C|${PAID}|"12,34"`,
      `4|D|${PAID}|80`,
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.records.map((o) => o.amount)).toEqual([1234.5, 1234.5, 12.34, 80]);
  });

  it('refuses an amount that disagrees with its column, naming file, row, column and value', () => {
    const result = orders([`1|A|${PAID}|138.00`, `2|B|${PAID}|"12,34"`, `3|C|${PAID}|"1,234.50"`]);
    expect(result.records.map((o) => [o.orderId, o.amount])).toEqual([
      ['1', 138],
      ['3', 1234.5],
    ]);
    expect(result.warnings).toEqual([
      {
        file: 'o.csv',
        row: 3,
        column: 'amount',
        message:
          '"12,34" has a decimal comma, but the column\'s amounts have a decimal point (such as "138.00"); the row is refused. Export the column with one number format',
      },
    ]);
  });

  it('reads "1,234" by what the rest of its column says, rows kept in order, and refuses it when nothing says', () => {
    const decided = orders([
      `1|A|${PAID}|"1,234"`,
      `2|B|${PAID}|50`,
      `3|C|${PAID}|99.90`,
      `4|D|${PAID}|"2,000"`,
    ]);
    expect(decided.warnings).toEqual([]);
    expect(decided.records.map((o) => [o.orderId, o.amount, o.row])).toEqual([
      ['1', 1234, 2],
      ['2', 50, 3],
      ['3', 99.9, 4],
      ['4', 2000, 5],
    ]);
    const alone = orders([`1|A|${PAID}|"1,234"`, `2|B|${PAID}|50`]);
    expect(alone.records.map((o) => [o.orderId, o.amount])).toEqual([['2', 50]]);
    expect(alone.warnings).toMatchObject([
      {
        row: 2,
        column: 'amount',
        message: expect.stringMatching(/^"1,234" can be read as 1234 or as 1.234/),
      },
    ]);
  });

  it('keeps currency signs, 元, agreeing thousands separators and full-width digits working', () => {
    const result = orders([
      `1|A|${PAID}|"¥1,299.50"`,
      `2|B|${PAID}|￥80`,
      `3|C|${PAID}|80元`,
      `4|D|${PAID}|１２０．５０`,
      `5|E|${PAID}|$12.00`,
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.records.map((o) => o.amount)).toEqual([1299.5, 80, 80, 120.5, 12]);
  });

  it('refuses a negative amount and one in parentheses on an order; a refund is no negative sale', () => {
    // Today "-50.00" gave negative sales and "(12.00)" silently −12.
    const result = orders(
      [`1|A|${PAID}|-50.00|0`, `2|B|${PAID}|(12.00)|0`, `3|C|${PAID}|100.00|-20`, `4|D|${PAID}|100.00|20`],
      true,
    );
    expect(result.records.map((o) => [o.orderId, o.amount, o.refundAmount])).toEqual([['4', 100, 20]]);
    expect(result.warnings).toMatchObject([
      {
        row: 2,
        column: 'amount',
        message: expect.stringMatching(/^"-50\.00" is a negative amount; the row is refused/),
      },
      { row: 3, column: 'amount', message: expect.stringMatching(/^"\(12\.00\)" is in parentheses/) },
      { row: 4, column: 'refund_amount', message: expect.stringMatching(/^"-20" is a negative amount/) },
    ]);
  });

  it('refuses a paid order whose amount is empty; an unpaid one is 0, and an empty refund amount no refund', () => {
    // Today a blank amount on a paid order was a 0-yuan sale.
    const result = orders([`1|A|${PAID}||`, `2|B|||`, `3|C|${PAID}|100.00|`], true);
    expect(result.records.map((o) => [o.orderId, o.amount, o.refundAmount])).toEqual([
      ['2', 0, 0],
      ['3', 100, 0],
    ]);
    expect(result.warnings).toEqual([
      {
        file: 'o.csv',
        row: 2,
        column: 'amount',
        message:
          'order 1 is paid but its amount is empty; its sale is unknown, so the order is refused. Export the amount column filled in',
      },
    ]);
  });

  it('takes an order-level amount given on one of its rows only', () => {
    const text = `order_id,sub_order_id,customer,paid_at,amount\n7,a,A,${PAID},88.00\n7,b,A,${PAID},\n8,a,B,${PAID},\n8,b,B,${PAID},\n`;
    const result = read('orders', 'o.csv', text);
    expect(result.records.map((o) => [o.orderId, o.amount, o.items])).toEqual([['7', 88, 2]]);
    expect(result.warnings).toMatchObject([
      { row: 4, column: 'amount', message: expect.stringContaining('(all its rows are refused: 4, 5)') },
      { row: 5, column: 'amount' },
    ]);
  });
});

describe('an order record', () => {
  it('has its fields in one order, the optional ones (refunded, currency, cancelled lines) before its row', () => {
    // The order inspect's sample and every JSON of records show them in.
    const text = `order_id,customer,created_at,paid_at,amount,items,refund_amount,currency,status,line_status\n1,A,${PAID},${PAID},10.00,1,10.00,usd,refunded,cancelled\n2,B,${PAID},${PAID},12.00,2,0,,paid,\n`;
    const result = read('orders', 'o.csv', text, { status: 'status', line_status: 'line_status' });
    expect(result.warnings).toEqual([]);
    const fields = [
      'orderId',
      'subOrderId',
      'rowPrint',
      'customer',
      'createdAt',
      'paidAt',
      'amount',
      'items',
    ];
    expect(result.records.map((o) => Object.keys(o))).toEqual([
      [...fields, 'cod', 'refundAmount', 'refunded', 'currency', 'cancelledLines', 'row'],
      [...fields, 'cod', 'refundAmount', 'row'],
    ]);
    expect(result.records[0]).toMatchObject({
      refunded: true,
      currency: 'USD',
      cancelledLines: { items: 1 },
    });
  });
});

describe('IDs a spreadsheet rounded', () => {
  const ROUNDED = /^"3\.00000000000000E\+18" is an ID that a spreadsheet rounded to 15 digits/;

  it('refuses an order, sub-order, refund and rating ID in scientific notation', () => {
    const orderFile = read(
      'orders',
      'o.csv',
      `order_id,sub_order_id,customer,paid_at,amount\n3.00000000000000E+18,1,A,${PAID},100\n5,3.00000000000000E+18,B,${PAID},100\n6,1,C,${PAID},100\n`,
    );
    expect(orderFile.records.map((o) => o.orderId)).toEqual(['6']);
    expect(orderFile.warnings.map((w) => [w.row, w.column])).toEqual([
      [2, 'order_id'],
      [3, 'sub_order_id'],
    ]);
    const refunds = read('refunds', 'f.csv', `order_id,applied_at\n3.00000000000000E+18,${PAID}\n`);
    expect([refunds.records.length, refunds.warnings[0]?.message]).toEqual([
      0,
      expect.stringMatching(ROUNDED),
    ]);
    const ratings = read(
      'ratings',
      'r.csv',
      `time,level,order_id\n${PAID},5,3.00000000000000E+18\n${PAID},4,12\n`,
    );
    expect(ratings.records.map((r) => r.id)).toEqual(['12']);
    expect(ratings.warnings[0]).toMatchObject({
      row: 2,
      column: 'order_id',
      message: expect.stringMatching(ROUNDED),
    });
  });

  it('refuses every row of a zero-tailed 19-digit ID that orders of different buyers share', () => {
    // Three orders of three buyers that Excel rounded to one ID: today one order of 100 yuan.
    const result = orders([
      `3000000000000000000|A|${PAID}|100`,
      `3000000000000000000|B|${PAID}|200`,
      `3000000000000000000|C|${PAID}|300`,
      `3000000000000000123|D|${PAID}|50`,
    ]);
    expect(result.records.map((o) => [o.orderId, o.amount])).toEqual([['3000000000000000123', 50]]);
    expect(result.warnings.map((w) => [w.row, w.column])).toEqual([
      [2, 'order_id'],
      [3, 'order_id'],
      [4, 'order_id'],
    ]);
    expect(new Set(result.warnings.map((w) => w.message)).size).toBe(1);
    expect(result.warnings[0]?.message).toMatch(
      /^"3000000000000000000" is an ID that a spreadsheet rounded .* import the column as text\. Rows of different buyers share it, and its digits after the 15th are all 0 \(all its rows are refused: 2, 3, 4\)$/,
    );
    expect(result.warnings.some((w) => w.message.includes('different amounts'))).toBe(false);
  });

  it('keeps exact 19-digit IDs, guarded or not, also one ending in zeros on several SKU rows of one buyer', () => {
    const text = `order_id,sub_order_id,customer,paid_at,amount,items\n="3000000000000000000",1,A,${PAID},100,1\n="3000000000000000000",2,A,${PAID},100,2\n'3000000000000000001,1,B,${PAID},200,1\n3000000000000000002,1,C,${PAID},300,1\n\t3000000000000000003,1,D,${PAID},400,1\n`;
    const result = read('orders', 'o.csv', text);
    expect(result.warnings).toEqual([]);
    expect(result.records.map((o) => [o.orderId, o.amount, o.items])).toEqual([
      ['3000000000000000000', 100, 3],
      ['3000000000000000001', 200, 1],
      ['3000000000000000002', 300, 1],
      ['3000000000000000003', 400, 1],
    ]);
  });
});
