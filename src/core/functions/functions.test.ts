import { describe, expect, it } from 'vitest';
import { customFunction } from '../customFunctions';
import { INDICATOR_BY_ID } from '../engine/catalog';

const fn = (name: string) => customFunction(name).run;

describe('rates from counts', () => {
  it('give a cell for cells and a column for columns, empty for a 0 denominator', () => {
    expect(fn('REPLY_RATE')(2, 1)).toBe(0.5);
    expect(fn('FAST_REPLY_RATE')([[1], [0], [3]], [[2], [0], [4]])).toEqual([[0.5], [''], [0.75]]);
    expect(fn('RATING_RATE')(1, 2)).toBe(0.5);
    expect(fn('QA_RATIO')(3, 3)).toBe(1);
    expect(fn('AOV')(1902487.15, 18955)).toBeCloseTo(100.368618, 6);
    expect(fn('RECEPTION_SHARE')(120, 400, 4)).toBeCloseTo(1.2, 12);
    expect(fn('RECEPTION_SHARE')([[120], [80]], 400, 4)).toEqual([[1.2], [0.8]]);
    expect(fn('SATISFACTION_RATE')(0, 0)).toBe('');
  });

  it('describe themselves with the catalog’s definition of the indicator they compute', () => {
    const summary = customFunction('REFUND_RATE').summary;
    const refund = INDICATOR_BY_ID.get('refund_rate');
    expect(summary.en).toContain(refund?.formula.en);
    expect(summary.zh).toBe(`退款率 = ${refund?.formula['zh-CN']}；分母为 0 时为空。`);
  });

  it('skip blanks the same way everywhere', () => {
    expect(fn('PAYMENT_RATE')([[''], [5]], [[10], [10]])).toEqual([[''], [0.5]]);
    expect(fn('QA_RATIO')('', 4)).toBe('');
  });

  it('refuse a part larger than its whole, text, and ranges of different sizes, naming the function', () => {
    expect(() => fn('REFUND_RATE')(12, 10)).toThrow(
      'REFUND_RATE: refunds (12) is more than orders (10) in row 1',
    );
    expect(() => fn('REPLY_RATE')(2, 3)).toThrow('REPLY_RATE: unreplied (3) is more than consultations (2)');
    expect(() => fn('INVITE_RATE')('三十', 40)).toThrow('INVITE_RATE: invitations holds the text "三十"');
    expect(() => fn('SALES_SHARE')([[1], [2]], [[1], [2], [3]])).toThrow(
      'SALES_SHARE: agent_sales is 2×1 but team_sales is 3×1; give ranges of the same size, or a single value.',
    );
  });
});

describe('TIER_SCORE', () => {
  const tiers = [[0.85, 0.9, 0.95]];
  const points = [[6, 8, 10]];

  it('gives the points of the tier reached, 0 below the first (higher is better)', () => {
    expect(fn('TIER_SCORE')(0.92, tiers, points)).toBe(8);
    expect(fn('TIER_SCORE')(0.95, tiers, points)).toBe(10);
    expect(fn('TIER_SCORE')(0.5, tiers, points)).toBe(0);
    expect(fn('TIER_SCORE')([[0.99], [0.86], ['']], tiers, points)).toEqual([[10], [6], ['']]);
  });

  it('counts the other way for response time ("lower")', () => {
    expect(fn('TIER_SCORE')(25, [[30, 60, 90]], [[10, 8, 6]], 'lower')).toBe(10);
    expect(fn('TIER_SCORE')(60, [[30, 60, 90]], [[10, 8, 6]], 'lower')).toBe(8);
    expect(fn('TIER_SCORE')(120, [[30, 60, 90]], [[10, 8, 6]], 'lower')).toBe(0);
  });

  it('pays progressive slices for commissions', () => {
    const run = fn('TIER_SCORE');
    expect(run(60000, [[0, 10000, 50000]], [[0.01, 0.02, 0.03]], 'higher', 'progressive')).toBeCloseTo(
      1200,
      9,
    );
    expect(run(5000, [[0, 10000, 50000]], [[0.01, 0.02, 0.03]], '', 'progressive')).toBeCloseTo(50, 9);
  });

  it('explains thresholds out of order, points of another length, an unknown direction or mode', () => {
    const run = fn('TIER_SCORE');
    expect(() => run(1, [[0.9, 0.85]], [[8, 6]])).toThrow(
      'TIER_SCORE: thresholds are out of order (0.9 then 0.85); list them lowest first.',
    );
    expect(() => run(1, tiers, [[6, 8]])).toThrow(
      'TIER_SCORE: points needs one number per threshold (3); it has 2.',
    );
    expect(() => run(1, tiers, points, 'sideways')).toThrow(
      'TIER_SCORE: direction "sideways" is unknown; use "higher" or "lower".',
    );
    expect(() => run(1, tiers, points, 'higher', 'slice')).toThrow('TIER_SCORE: mode "slice" is unknown');
    expect(() => run(1, tiers, points, 'lower', 'progressive')).toThrow('use direction "higher"');
  });
});

describe('weighted score, full marks and performance pay (SPEC §6)', () => {
  const weights = [[10, 10, 8, 5]];
  const max = [[10, 10, 8, 5]];

  it('give 256 of 289, and pay full pay × 256/289', () => {
    expect(fn('WEIGHTED_SCORE')([[9, 9, 7, 4]], weights)).toBe(256);
    expect(fn('FULL_MARKS')(max, weights)).toBe(289);
    expect(fn('PERFORMANCE_PAY')(3000, [[9, 9, 7, 4]], weights, max)).toBeCloseTo((3000 * 256) / 289, 9);
  });

  it('give a column of pay for a block of agents, with one full pay or one per agent', () => {
    const block = [
      [9, 9, 7, 4],
      [10, 10, 8, 5],
    ];
    expect(fn('PERFORMANCE_PAY')(2890, block, weights, max)).toEqual([[2560], [2890]]);
    expect(fn('PERFORMANCE_PAY')([[2890], [1000]], block, weights, max)).toEqual([[2560], [1000]]);
  });

  it('leave an indicator without a score out of both the total and the full marks', () => {
    // 9·10 + 7·8 + 4·5 = 166 of 10·10 + 8·8 + 5·5 = 189
    expect(fn('PERFORMANCE_PAY')(1890, [[9, '', 7, 4]], weights, max)).toBeCloseTo(1660, 9);
  });

  it('explain weights that are all 0, and pay of the wrong length', () => {
    expect(() => fn('FULL_MARKS')(max, [[0, 0, 0, 0]])).toThrow('FULL_MARKS: weights are all 0 or empty');
    expect(() => fn('PERFORMANCE_PAY')([[1], [2], [3]], [[9, 9, 7, 4]], weights, max)).toThrow(
      'PERFORMANCE_PAY: full_pay is one amount, or one per agent (1); it has 3.',
    );
  });
});

describe('docs/functions.md', () => {
  it('is what the registry says (run `npm run docs` after changing a function)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderFunctionsMarkdown } = await import('./functionsText');
    const text = renderFunctionsMarkdown();
    expect(readFileSync(new URL('../../../docs/functions.md', import.meta.url), 'utf8')).toBe(text);
    expect(text).toContain('- `=WEIGHTED_SCORE({9,9,7,4}, {10,10,8,5})` → 256');
    expect(text).toContain('Without the add-on: =SUMPRODUCT(max_points, weights).');
  });
});
