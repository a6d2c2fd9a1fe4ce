import { describe, expect, it } from 'vitest';
import type { Row } from '../engine/report';
import { resolveSettings } from '../engine/settings';
import { changeNote, newAgentNote } from './changeText';
import { changeUnit, compareWithPrevious, figureChange, type PreviousFigures } from './previous';

const settings = resolveSettings({});
const row = (agent: string, figures: Record<string, number | null>): Row => ({ agent, ...figures });

/** September by hand: 阿杰 answered 30 of 100 fast, sold 9,000; 离职小王 left in October. */
const SEPTEMBER: PreviousFigures = {
  period: '2026-09',
  closedAt: '2026-10-02T09:00:00Z',
  rows: [
    {
      agent: '阿杰',
      figures: { fast_reply_rate: 0.3, sales: 9000, first_response_s: 50, consultations: 120 },
    },
    { agent: '离职小王', figures: { fast_reply_rate: 0.5, sales: 100 } },
  ],
  team: { sales: 12000 },
  settings: { windowDays: 3, fastReplySeconds: 30 },
};

describe('the change since the previous period (issue 20 item 4)', () => {
  it('is this period minus the previous one; a rate in percentage points, empty when either side is', () => {
    // 32.6 % (31 of 95) against 30 %: +2.63 points; 9,120 against 9,000: +120.
    expect(figureChange('ratio', 31 / 95, 0.3)).toBeCloseTo(2.631578947, 9);
    expect(figureChange('money', 9120, 9000)).toBe(120);
    expect(figureChange('seconds', 47.3, 50)).toBeCloseTo(-2.7, 9);
    expect(figureChange('ratio', 0.3, 0.1)).toBe(20);
    expect(figureChange('count', null, 3)).toBeNull();
    expect(figureChange('count', 3, null)).toBeNull();
    expect(figureChange('count', 3, 3)).toBe(0);
    expect(changeUnit('ratio')).toBe('percentage_points');
    expect(changeUnit('seconds')).toBe('seconds');
  });

  it('per agent and for the team, with the agents new and gone and the settings that differ', () => {
    const october = {
      agents: [
        row('阿杰', { fast_reply_rate: 31 / 95, sales: 9120, first_response_s: 47.3, consultations: 131 }),
        row('大刘', { fast_reply_rate: 0, sales: 4939 }),
      ],
      settings: { ...settings, windowDays: 2 },
    };
    const change = compareWithPrevious(october, SEPTEMBER);
    const jie = change.of(october.agents[0] as Row, 'agent');
    expect(jie?.fast_reply_rate).toBeCloseTo(2.631578947, 9);
    expect(jie?.sales).toBe(120);
    expect(jie?.first_response_s).toBeCloseTo(-2.7, 9);
    expect(jie?.consultations).toBe(11);
    // Not in September's figures: no change, not a change from 0.
    expect(jie?.reply_rate).toBeNull();
    expect(change.of(october.agents[1] as Row, 'agent')).toBeNull();
    expect(change.of(row('', { sales: 14059 }), 'team')?.sales).toBe(2059);
    // No shop figures given: the shop row has none.
    expect(change.of(row('', { sales: 1 }), 'shop')).toBeNull();
    expect(change.newAgents).toEqual(['大刘']);
    expect(change.goneAgents).toEqual(['离职小王']);
    expect(change.settingsChanged).toEqual([{ id: 'windowDays', previous: '3', current: '2' }]);
  });

  it('says in the notes what it compares with, in the sheet’s language', () => {
    const change = compareWithPrevious({ agents: [row('大刘', {})], settings }, SEPTEMBER);
    expect(changeNote(change, 'zh-CN').split('\n')).toEqual([
      '上期：2026-09，结算于 2026-10-02T09:00:00Z',
      '本期 − 上期；比率之差以百分点计，其余以指标本身的单位计；任一期为空则空。',
      '上期有、本期没有的客服：阿杰, 离职小王',
      '两期设置不同：询单有效时长(天) 3 → 2',
    ]);
    expect(changeNote(change, 'zh-TW')).toContain('兩期設定不同：詢單有效時長(天) 3 → 2');
    expect(changeNote(change, 'en')).toContain('Settings that differ: Inquiry window (days) 3 → 2');
    expect(newAgentNote(change, 'zh-CN')).toBe('上期没有此客服（2026-09）。');
  });
});
