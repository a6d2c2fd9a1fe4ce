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
