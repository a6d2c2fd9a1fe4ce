// SPEC §7: the worked examples from the source articles, which must hold exactly.
import { describe, expect, it } from 'vitest';
import { agentRow, msg, order, rating, report } from '../../../test/helpers/engineRecords';
import { customFunction } from '../customFunctions';
import { receptionShare } from '../lib/scoreArithmetic';

describe('SPEC §7 worked examples', () => {
  it('30秒应答率: two consultations, one first reply within 30 s and one not, is 50 %', () => {
    const r = report({
      messages: [
        msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
        msg('2024-03-01 10:00:30', '小美', 'c1', 'agent'),
        msg('2024-03-01 11:00:00', '小美', 'c2', 'customer'),
        msg('2024-03-01 11:00:31', '小美', 'c2', 'agent'),
      ],
    });
    expect(agentRow(r, '小美').fast_reply_rate).toBe(0.5);
  });

  it('平均响应时间: response gaps of 30 s, 120 s and 180 s average 110 s', () => {
    const r = report({
      messages: [
        msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
        msg('2024-03-01 10:00:30', '小美', 'c1', 'agent'),
        msg('2024-03-01 10:05:00', '小美', 'c1', 'customer'),
        msg('2024-03-01 10:06:00', '小美', 'c1', 'customer'),
        msg('2024-03-01 10:07:00', '小美', 'c1', 'agent'),
        msg('2024-03-01 10:10:00', '小美', 'c1', 'customer'),
        msg('2024-03-01 10:13:00', '小美', 'c1', 'agent'),
      ],
    });
    expect(agentRow(r, '小美').avg_response_s).toBe(110);
    expect(agentRow(r, '小美').avg_response_s_median).toBe(120);
  });

  it('问答比: 3 agent messages to 3 customer messages is 100 %', () => {
    const r = report({
      messages: [
        msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
        msg('2024-03-01 10:00:10', '小美', 'c1', 'agent'),
        msg('2024-03-01 10:01:00', '小美', 'c1', 'customer'),
        msg('2024-03-01 10:01:10', '小美', 'c1', 'agent'),
        msg('2024-03-01 10:02:00', '小美', 'c1', 'customer'),
        msg('2024-03-01 10:02:10', '小美', 'c1', 'agent'),
      ],
    });
    expect(agentRow(r, '小美').qa_ratio).toBe(1);
  });

  it('回复率: two consultations with one unreplied is 50 %', () => {
    const r = report({
      messages: [
        msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
        msg('2024-03-01 10:00:10', '小美', 'c1', 'agent'),
        msg('2024-03-01 11:00:00', '小美', 'c2', 'customer'),
      ],
    });
    const row = agentRow(r, '小美');
    expect([row.consultations, row.unreplied, row.reply_rate]).toEqual([2, 1, 0.5]);
  });

  it('评价率: two receptions and one rating is 50 %', () => {
    const r = report({
      messages: [
        msg('2024-03-01 10:00:00', '小美', 'c1', 'customer'),
        msg('2024-03-01 10:00:10', '小美', 'c1', 'agent'),
        msg('2024-03-01 11:00:00', '小美', 'c2', 'customer'),
        msg('2024-03-01 11:00:10', '小美', 'c2', 'agent'),
      ],
      ratings: [rating('2024-03-01 12:00:00', '小美', 'c1', 5)],
    });
    expect(agentRow(r, '小美').rating_rate).toBe(0.5);
    expect(agentRow(r, '小美').satisfaction_rate).toBe(1);
  });

  it('询单转化率: window 2 days; A and B consult on day 1, B pays on day 2 and A on day 3: 50 %', () => {
    const data = {
      messages: [
        msg('2024-03-01 10:00:00', '小美', 'A', 'customer'),
        msg('2024-03-01 10:00:20', '小美', 'A', 'agent'),
        msg('2024-03-01 11:00:00', '小美', 'B', 'customer'),
        msg('2024-03-01 11:00:20', '小美', 'B', 'agent'),
      ],
      orders: [order('o-B', 'B', '2024-03-02 09:00:00'), order('o-A', 'A', '2024-03-03 09:00:00')],
    };
    expect(agentRow(report(data, { windowDays: 2 }), '小美').conversion_rate).toBe(0.5);
    expect(agentRow(report(data, { windowDays: 3 }), '小美').conversion_rate).toBe(1);
    expect(agentRow(report(data, { windowDays: 1 }), '小美').conversion_rate).toBe(0);
  });

  it('weighted score: scores 9, 9, 7, 4 with weights 10, 10, 8, 5 (max 10, 10, 8, 5) give 256 of 289', () => {
    const WEIGHTED_SCORE = customFunction('WEIGHTED_SCORE');
    expect(WEIGHTED_SCORE.run([[9, 9, 7, 4]], [[10, 10, 8, 5]])).toBe(256);
    expect(WEIGHTED_SCORE.run([[10, 10, 8, 5]], [[10, 10, 8, 5]])).toBe(289);
  });

  it('reception share: 120 receptions against a team of 4 with 400 is 120 %', () => {
    expect(receptionShare(120, 400, 4)).toBeCloseTo(1.2, 12);
  });
});

describe('reception share in the report', () => {
  it('is an agent row indicator: receptions against the team average', () => {
    const messages = [];
    // 小美 3 receptions, 小王 1: the team average is 2, so 150 % and 50 %.
    for (const [agent, customers] of [
      ['小美', ['a', 'b', 'c']],
      ['小王', ['d']],
    ] as const) {
      for (const c of customers) {
        messages.push(
          msg('2024-03-01 10:00:00', agent, c, 'customer'),
          msg('2024-03-01 10:00:05', agent, c, 'agent'),
        );
      }
    }
    const r = report({ messages });
    expect(agentRow(r, '小美').reception_share).toBe(1.5);
    expect(agentRow(r, '小王').reception_share).toBe(0.5);
    expect(r.team.reception_share).toBeNull();
  });
});
