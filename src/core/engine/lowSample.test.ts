import { describe, expect, it } from 'vitest';
import { agentRow, msg, rating, report } from '../../../test/helpers/engineRecords';
import { INDICATORS } from './catalog';

// 小美 has 2 ratings (one satisfied), 阿强 4 (all satisfied): the team and the shop have 6.
const ratings = [
  rating('2024-03-01 10:00:00', '小美', 'c1', 5),
  rating('2024-03-01 11:00:00', '小美', 'c2', 2),
  ...['c3', 'c4', 'c5', 'c6'].map((c, i) => rating(`2024-03-02 1${i}:00:00`, '阿强', c, 4)),
];

describe('minimum sample (SPEC §6, issue 18 item 7)', () => {
  it('an agent with 2 ratings has 满意率 50 % flagged under min_sample 5, not under 2', () => {
    const five = report({ ratings }, { minSample: 5 });
    expect(agentRow(five, '小美').satisfaction_rate).toBe(0.5);
    expect(agentRow(five, '小美').low_sample).toContain('satisfaction_rate');
    const two = report({ ratings }, { minSample: 2 });
    expect(agentRow(two, '小美').satisfaction_rate).toBe(0.5);
    expect(agentRow(two, '小美').low_sample).not.toContain('satisfaction_rate');
  });

  it('the team and the shop are flagged on their own denominators, not their agents’', () => {
    const r = report({ ratings }, { minSample: 5 });
    expect(agentRow(r, '阿强').low_sample).toContain('satisfaction_rate');
    expect(r.team.satisfaction_rate).toBe(5 / 6);
    expect(r.team.low_sample).not.toContain('satisfaction_rate');
    expect(r.shop.low_sample).not.toContain('satisfaction_rate');
    // 7 cases needed: now the team's 6 are too few as well.
    expect(report({ ratings }, { minSample: 7 }).team.low_sample).toContain('satisfaction_rate');
  });

  it('each period row is flagged on its own cases', () => {
    const r = report({ ratings }, { minSample: 3, period: 'day' });
    const days = r.teamByPeriod?.map((row) => [row.period, row.low_sample?.includes('satisfaction_rate')]);
    expect(days).toEqual([
      ['2024-03-01', true],
      ['2024-03-02', false],
    ]);
    expect(r.team.low_sample).not.toContain('satisfaction_rate');
  });

  it('lists only figures that have a value, and is an empty list when nothing is flagged', () => {
    const r = report({ ratings }, { minSample: 5 });
    // No chats: 回复率 is empty, not flagged.
    expect(agentRow(r, '小美').reply_rate).toBeNull();
    expect(agentRow(r, '小美').low_sample).not.toContain('reply_rate');
    expect(report({ ratings }, { minSample: 0 }).team.low_sample).toEqual([]);
  });

  it('flags the rates and means of a row’s cases: 回复率 over 2 consultations, the first response over 2', () => {
    const messages = ['c1', 'c2'].flatMap((c, i) => [
      msg(`2024-03-01 1${i}:00:00`, '小美', c, 'customer'),
      msg(`2024-03-01 1${i}:00:20`, '小美', c, 'agent'),
    ]);
    const row = agentRow(report({ messages }, { minSample: 3 }), '小美');
    expect(row.low_sample).toEqual(
      expect.arrayContaining(['reply_rate', 'fast_reply_rate', 'first_response_s', 'avg_response_s']),
    );
    // Counts are never flagged: they are the sample.
    expect(row.low_sample).not.toContain('consultations');
    expect(row.low_sample).not.toContain('reception_share');
  });

  it('every rate over the row’s own cases says its denominator in the catalog; shares do not', () => {
    const withDenominator = INDICATORS.filter((i) => i.denominator).map((i) => i.id);
    const ratios = INDICATORS.filter((i) => i.unit === 'ratio').map((i) => i.id);
    expect(ratios.filter((id) => !withDenominator.includes(id))).toEqual(['reception_share', 'sales_share']);
  });
});
