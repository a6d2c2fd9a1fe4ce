import { describe, expect, it } from 'vitest';
import { columnWidths, textWidth } from './columnWidths';

describe('column widths', () => {
  it('gives a date-time column room for its 19 characters, and a narrow column its minimum', () => {
    const [agent = 0, time = 0, flag = 0] = columnWidths({
      rows: [
        ['客服', '首条顾客消息', '是'],
        ['小美', { localTime: Date.UTC(2026, 2, 1, 10) }, '否'],
      ],
      formats: [null, 'yyyy-mm-dd hh:mm:ss', null],
    });
    expect(time).toBeGreaterThanOrEqual(19 * 7);
    expect(flag).toBe(48);
    expect(agent).toBe(48);
  });

  it('counts formatted digits: thousands, decimals and percents', () => {
    const [money = 0, ratio = 0] = columnWidths({
      rows: [
        ['销售额', '回复率'],
        [1_902_487.15, 0.962963],
      ],
      formats: ['#,##0.00', '0.0%'],
    });
    expect(money).toBe(Math.ceil('1,902,487.15'.length * 7 + 12));
    expect(ratio).toBe(3 * 13 + 12); // the header 回复率 is wider than 96.3%
  });

  it('lets a long header wrap rather than widen its column past 112 px', () => {
    const [width = 0] = columnWidths({
      rows: [['首次响应时间(秒) 中位数 Median first response'], [12]],
      formats: ['0.0'],
    });
    expect(width).toBe(112 + 12);
    expect(textWidth('客服ab')).toBe(2 * 13 + 2 * 7);
  });
});
