// The command line says what an order export leaves unread that money figures rest on, in `inspect`
// and on `report`'s stderr: an export never gives empty or inflated money figures silently.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'cs-kpi-unread-'));
const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

describe('an order export whose money columns are unread', () => {
  const noPayment = file('no-payment.csv', [
    'order id,created at,total,order status',
    'A1,2025-11-01 10:00,10,Completed',
    'A2,2025-11-02 10:00,20,Cancelled',
  ]);

  it('inspect names the status column and the --map that reads it', () => {
    const { status, stdout } = cli(['inspect', noPayment]);
    expect(status).toBe(0);
    expect(stdout).toContain(
      'note: no-payment.csv has no payment time and no order status read: no order is known to be paid',
    );
    expect(stdout).toContain('--map "status=order status"');
  });

  it('report says it on stderr; mapped as it says, the sale is counted and the note goes', () => {
    const before = cli(['report', '--orders', noPayment, '--format', 'json', '--tz', 'UTC']);
    expect(JSON.parse(before.stdout).shop.sales).toBeNull();
    expect(before.stderr).toContain('no-payment.csv has no payment time and no order status read');
    const after = cli([
      'report',
      '--orders',
      noPayment,
      '--map',
      'status=order status',
      '--format',
      'json',
      '--tz',
      'UTC',
    ]);
    // A1 completed (10), A2 cancelled: 10.
    expect(JSON.parse(after.stdout).shop.sales).toBe(10);
    expect(after.stderr).not.toContain('order status read');
  });

  it("Amazon's All Orders report: recognized, read, and said to name no buyer", () => {
    const header =
      'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids';
    const row = (id: string, status: string, line: string, price: string) =>
      [id, '', '2025-11-03T10:00:00-08:00', '2025-11-04T10:00:00-08:00', status, 'Amazon', 'Amazon.com']
        .concat(['', '', 'Standard', 'Mug', 'MUG-1', 'B0001', line, '1', 'USD', price])
        .concat(['0', '0', '0', '', '', '0', '0', 'SEATTLE', 'WA', '98101', 'US', ''])
        .join('\t');
    const all = file('all-orders.txt', [
      header,
      row('111-0000001-0000001', 'Shipped', 'Shipped', '20.00'),
      row('111-0000001-0000001', 'Shipped', 'Cancelled', '15.00'),
      row('111-0000002-0000002', 'Pending', 'Unshipped', ''),
    ]);
    const inspect = cli(['inspect', all]);
    expect(inspect.stdout).toContain('Amazon 全部订单报告 / Amazon All Orders report (100 %)');
    expect(inspect.stdout).toContain('names no buyer at all');
    const chats = file('chats.csv', ['时间,客服,买家,发送方,内容', '2025-11-03 09:00:00,Emma,b1,买家,hi']);
    const report = cli(['report', '--orders', all, '--chats', chats, '--format', 'json', '--tz', 'UTC']);
    // The mug, its cancelled cup left out; the pending order unpaid: 20.00 of one order of two.
    const shop = JSON.parse(report.stdout).shop;
    expect([shop.sales, shop.orders, shop.payment_rate]).toEqual([20, 1, 0.5]);
    expect(report.stderr).toContain('all-orders.txt (Amazon All Orders report) names no buyer at all');
  });
});
