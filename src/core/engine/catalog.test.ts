import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from './catalog';
import { renderIndicatorsMarkdown, renderIndicatorsText } from './catalogText';

const SPEC_IDS = [
  'consultations',
  'receptions',
  'reply_rate',
  'fast_reply_rate',
  'first_response_s',
  'avg_response_s',
  'qa_ratio',
  'invite_rate',
  'rating_rate',
  'satisfaction_rate',
  'inquirers',
  'conversion_rate',
  'order_rate',
  'payment_rate',
  'sales',
  'buyers',
  'orders',
  'items',
  'aov',
  'items_per_buyer',
  'sales_share',
  'silent_sales',
  'refund_rate',
  'dsr_service',
];

describe('the indicator catalog', () => {
  it('has one entry per id, with names in zh-CN, zh-TW and en, a unit and a formula text', () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
    for (const i of INDICATORS) {
      expect(i.names['zh-CN'] && i.names['zh-TW'] && i.names.en, i.id).toBeTruthy();
      expect(i.formula['zh-CN'] && i.formula.en, i.id).toBeTruthy();
    }
  });

  it('covers the SPEC indicators the engine computes from chats, orders and ratings', () => {
    expect(INDICATORS.map((i) => i.id)).toEqual(expect.arrayContaining(SPEC_IDS));
  });

  it('marks response times lower-is-better and conversion higher-is-better', () => {
    const better = Object.fromEntries(INDICATORS.map((i) => [i.id, i.better]));
    expect([better.first_response_s, better.avg_response_s, better.refund_rate]).toEqual([
      'lower',
      'lower',
      'lower',
    ]);
    expect([better.conversion_rate, better.fast_reply_rate]).toEqual(['higher', 'higher']);
  });

  it('is what docs/indicators.md says (run `npm run docs` after changing the catalog)', () => {
    const committed = readFileSync(new URL('../../../docs/indicators.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderIndicatorsMarkdown());
  });

  it('gives help text in each language', () => {
    expect(renderIndicatorsText('zh-CN')).toContain('conversion_rate      询单转化率: ');
    expect(renderIndicatorsText('zh-TW')).toContain('詢單轉化率');
    expect(renderIndicatorsText('en')).toContain('Inquiry conversion rate: inquirers who paid');
  });
});
