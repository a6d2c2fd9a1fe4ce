import { describe, expect, it } from 'vitest';
import { readChats, readIssues, readOnline, readOrders, readRatings, readRefunds } from './canonical';

const UTC = 'UTC';

describe('canonical CSV readers', () => {
  it('read chats with quoted text over several lines and a BOM, numbering rows from the header', () => {
    const text =
      '\ufefftime,agent,customer,from,text\n2024-03-01 10:00:00,小美,c1,买家,"在吗\n有货吗"\n2024-03-01 10:00:09,小美,c1,客服,"亲, 在的"\n';
    const { records, warnings, rows } = readChats('c.csv', text, {}, UTC);
    expect(warnings).toEqual([]);
    expect(rows).toBe(2);
    expect(records.map((m) => [m.from, m.text, m.row])).toEqual([
      ['customer', '在吗\n有货吗', 2],
      ['agent', '亲, 在的', 3],
    ]);
  });

  it('read money with currency signs and thousands separators, and keep long order numbers as text', () => {
    const text =
      'order_id,customer,created_at,paid_at,amount,items\n3000000000000000001,c1,2024-03-01 10:00:00,,"¥1,299.50",2\n';
    const [o] = readOrders('o.csv', text, {}, UTC).records;
    expect([o?.orderId, o?.amount, o?.paidAt, o?.items]).toEqual(['3000000000000000001', 1299.5, null, 2]);
  });

  it('read rating levels as numbers or in words', () => {
    const text =
      'time,agent,customer,level\n2024-03-01 10:00:00,a,c,非常满意\n2024-03-01 10:00:00,a,c,2\n2024-03-01 10:00:00,a,c,7\n';
    const result = readRatings('r.csv', text, {}, UTC);
    expect(result.records.map((r) => r.level)).toEqual([5, 2]);
    expect(result.warnings[0]).toMatchObject({ row: 4, column: 'level' });
  });

  it('read refunds, online spans and issues, refusing impossible ones', () => {
    const refunds = readRefunds(
      'f.csv',
      'order_id,applied_at,completed_at,completed_by,dispute\n1,2024-03-02 09:00:00,2024-03-02 10:00:00,商家,否\n2,2024-03-02 09:00:00,2024-03-01 10:00:00,平台,是\n',
      {},
      UTC,
    );
    expect(refunds.records).toMatchObject([{ orderId: '1', completedBy: 'shop', dispute: false }]);
    expect(refunds.warnings[0]).toMatchObject({ row: 3, column: 'completed_at' });
    const online = readOnline(
      'o.csv',
      'agent,start,end\na,2024-03-01 08:00:00,2024-03-01 07:00:00\n',
      {},
      UTC,
    );
    expect(online.warnings[0]?.message).toBe('the span ends before it starts');
    const issues = readIssues('i.csv', 'time,agent,resolved\n2024-03-01 08:00:00,a,yes\n', {}, UTC);
    expect(issues.records[0]?.resolved).toBe(true);
  });

  it('refuse an empty file and a file without the header row', () => {
    expect(() => readChats('empty.csv', '\n\n', {}, UTC)).toThrow('empty.csv: the file is empty');
    expect(() => readChats('c.csv', '2024-03-01 10:00:00,a,c,customer\n', {}, UTC)).toThrow(
      'c.csv: no column for "time"',
    );
  });
});
