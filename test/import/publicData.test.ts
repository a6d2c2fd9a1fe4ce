// Every file in test/fixtures/public-data, read with no mapping at all, gives the figures computed
// independently in its README.md.
import { describe, expect, it } from 'vitest';
import { availableFrom } from '../../src/core/engine/facts';
import { computeReport } from '../../src/core/engine/report';
import { resolveSettings } from '../../src/core/engine/settings';
import { importTable } from '../../src/core/import/importer';
import type { Kind } from '../../src/core/import/records';
import { readPublicData } from '../publicData';

const SHANGHAI = 'Asia/Shanghai';

function load(file: string, timeZone = SHANGHAI) {
  return importTable({ file, text: readPublicData(file), timeZone });
}

function reportOf(kind: Kind, file: string, timeZone = SHANGHAI, fastReplySeconds = 30) {
  const imported = load(file, timeZone);
  expect(imported.kind).toBe(kind);
  const records = imported.records as never[];
  return computeReport(
    {
      messages: kind === 'chats' ? records : [],
      orders: kind === 'orders' ? records : [],
      ratings: kind === 'ratings' ? records : [],
      available: availableFrom({ [kind]: imported.mapped }),
      hasSessions: imported.mapped.has('session'),
    },
    resolveSettings({ timeZone, fastReplySeconds }),
  );
}

describe('tmall_order_report.csv (28,010 Tmall orders)', () => {
  const imported = load('tmall_order_report.csv');

  it('is recognized as the Taobao/Tmall order report, with the trailing-space headers mapped', () => {
    expect(imported.dialect?.id).toBe('taobao-order-report');
    expect(imported.fields.find((f) => f.field === 'paid_at')?.column).toBe('订单付款时间');
    expect(imported.records).toHaveLength(28_010);
    expect(imported.warnings).toEqual([]);
  });

  it('never reads the address column', () => {
    expect(imported.privateColumns).toEqual(['收货地址']);
    expect(JSON.stringify(imported.records.slice(0, 50))).not.toContain('上海');
  });

  it('gives payment rate 0.859943, refund rate 0.2344 and AOV 100.368618', () => {
    const { shop } = reportOf('orders', 'tmall_order_report.csv');
    expect(shop.payment_rate).toBeCloseTo(0.859943, 6);
    expect(shop.refund_rate).toBeCloseTo(0.2344, 4);
    expect(shop.aov).toBeCloseTo(100.368618, 6);
    expect(shop.buyers).toBe(18_955);
    expect(shop.sales).toBeCloseTo(1_902_487.15, 2);
    expect(shop.items).toBeNull();
  });
});

describe('twcs_sample_conversations.csv and twcs_sample.csv (Twitter support)', () => {
  for (const file of ['twcs_sample_conversations.csv', 'twcs_sample.csv']) {
    it(`${file}: 27 consultations, 26 replied, median first response 4,111.5 s, 12 of 27 within an hour`, () => {
      const { team, agents } = reportOf('chats', file, 'UTC', 3600);
      expect([team.consultations, team.receptions, team.first_response_s_median]).toEqual([27, 26, 4111.5]);
      expect(team.reply_rate).toBeCloseTo(0.962963, 6);
      expect(team.fast_reply_rate).toBeCloseTo(0.444444, 6);
      expect(team.qa_ratio).toBeCloseTo(0.897959, 6);
      expect(team.avg_response_s).toBeCloseTo(8593.317, 3);
      expect(agents.find((a) => a.agent === 'AppleSupport')?.first_response_s_median).toBe(22_733);
    });
  }

  it('reads the raw tweets with their Twitter times and threads them by reply links', () => {
    const imported = load('twcs_sample.csv', 'UTC');
    expect(imported.records).toHaveLength(93);
    expect(imported.notes).toContain('tweets were grouped into conversations by their reply links');
  });
});

describe('olist_orders_head.csv and olist_reviews_head.csv', () => {
  it('orders: approved 4,063 of 4,071 (payment rate 0.998035); no amount column, so no sales figure', () => {
    const imported = importTable({
      kind: 'orders',
      file: 'olist_orders_head.csv',
      text: readPublicData('olist_orders_head.csv'),
      timeZone: SHANGHAI,
    });
    expect(imported.dialect?.id).toBe('olist-orders');
    const { shop } = reportOf('orders', 'olist_orders_head.csv');
    expect(shop.payment_rate).toBeCloseTo(0.998035, 6);
    expect(shop.sales).toBeNull();
    expect(imported.records).toHaveLength(4071);
  });

  it('reviews: score 4 or 5 in 4,747 of 6,123 (0.775274), quoted line breaks and no final newline', () => {
    const imported = load('olist_reviews_head.csv');
    expect(imported.dialect?.id).toBe('olist-reviews');
    expect(imported.records).toHaveLength(6123);
    const { shop } = reportOf('ratings', 'olist_reviews_head.csv');
    expect(shop.satisfaction_rate).toBeCloseTo(0.775274, 6);
  });
});
