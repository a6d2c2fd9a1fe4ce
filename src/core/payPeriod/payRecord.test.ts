import { describe, expect, it } from 'vitest';
import {
  closedPeriodCovering,
  differences,
  PAY_RECORD_HEADER,
  PAY_STATUS,
  PayRecordError,
  periodLabel,
  previousClosedFigures,
  readPayRecord,
} from './payRecord';

const row = (period: string, status: string, agent: string, pay: number, at: string, span: string) => {
  const cells: unknown[] = Array(PAY_RECORD_HEADER.length).fill('');
  cells[0] = period;
  cells[1] = status;
  cells[2] = agent;
  cells[6] = pay;
  cells[7] = at;
  cells[8] = span;
  return [...cells, 0.9, 10];
};
const HEADER = [...PAY_RECORD_HEADER, '30秒应答率', '30秒应答率 得分'];

describe('发放记录 read back', () => {
  it('proposes the month when the data lies in one, else its first and last day', () => {
    expect(periodLabel({ from: '2024-03-01', to: '2024-03-31' })).toBe('2024-03');
    expect(periodLabel({ from: '2024-02-26', to: '2024-03-03' })).toBe('2024-02-26~2024-03-03');
    expect(periodLabel(null)).toBe('');
  });

  it('finds the latest closed period the data overlaps, never a superseded one', () => {
    const record = readPayRecord([
      HEADER,
      row('2024-02', PAY_STATUS.closed, '小美', 1000, '2024-03-02 10:00:00', '2024-02-01~2024-02-29'),
      row('2024-03', PAY_STATUS.superseded, '小美', 1200, '2024-04-02 10:00:00', '2024-03-01~2024-03-31'),
    ]);
    expect(record.rows[0]?.figures).toEqual({ fast_reply_rate: 0.9 });
    expect(closedPeriodCovering(record, { from: '2024-03-01', to: '2024-03-31' })).toBeNull();
    expect(closedPeriodCovering(record, { from: '2024-02-20', to: '2024-03-05' })?.period).toBe('2024-02');
  });

  it('refuses a header someone changed, naming the cell', () => {
    const bad = [...HEADER];
    bad[6] = '工资';
    expect(() => readPayRecord([bad])).toThrow(PayRecordError);
    expect(() => readPayRecord([bad])).toThrow('发放记录 G1 should read "绩效工资 pay"');
  });

  it('states each difference with its sign, and agents on one side only', () => {
    const record = readPayRecord([HEADER, row('2024-03', PAY_STATUS.closed, '小美', 1500, 'x', 'y')]);
    const today = [
      {
        agent: '小美',
        scheme: 's',
        items: [{ id: 'fast_reply_rate', figure: 0.85, score: 8 }],
        total: 80,
        full: 100,
        pay: 1200,
      },
      { agent: '小王', scheme: 's', items: [null], total: 0, full: 0, pay: null },
    ];
    expect(differences(record.rows, today, ['fast_reply_rate'], 'zh-CN')).toEqual([
      '小美 30秒应答率: 0.9 → 0.85 (-0.05)',
      '小美 绩效工资 pay: 1500 → 1200 (-300)',
      '小王: 结算时没有 not in the closed pay run',
    ]);
  });
});

describe('the previous closed period, for the change since last period', () => {
  it('takes the closed period whose data ends last before today’s begins, never a superseded one', () => {
    const record = readPayRecord([
      HEADER,
      row('2024-01', PAY_STATUS.closed, '小美', 900, '2024-02-02 10:00:00', '2024-01-01~2024-01-31'),
      row('2024-02', PAY_STATUS.superseded, '小美', 1000, '2024-03-02 10:00:00', '2024-02-01~2024-02-29'),
      row('2024-02', PAY_STATUS.closed, '小美', 1100, '2024-03-05 09:00:00', '2024-02-01~2024-02-29'),
      row('2024-02', PAY_STATUS.closed, '小王', 1200, '2024-03-05 09:00:00', '2024-02-01~2024-02-29'),
    ]);
    expect(previousClosedFigures(record, { from: '2024-03-01', to: '2024-03-31' })).toEqual({
      period: '2024-02',
      closedAt: '2024-03-05T09:00:00',
      // With the scores and pay closed for each agent, for 绩效's change columns.
      rows: [
        {
          agent: '小美',
          figures: { fast_reply_rate: 0.9 },
          pay: { scheme: '', scores: { fast_reply_rate: 10 }, total: null, pay: 1100 },
        },
        {
          agent: '小王',
          figures: { fast_reply_rate: 0.9 },
          pay: { scheme: '', scores: { fast_reply_rate: 10 }, total: null, pay: 1200 },
        },
      ],
    });
    expect(previousClosedFigures(record, { from: '2024-02-01', to: '2024-02-29' })?.period).toBe('2024-01');
    expect(previousClosedFigures(record, { from: '2024-01-01', to: '2024-01-31' })).toBeNull();
  });
});
