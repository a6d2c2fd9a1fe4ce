import { describe, expect, it } from 'vitest';
import { PreviousPeriodError, previousFromReport, refuseSeveralPeriods } from './previousReport';

/** The shape `cs-kpi report --format json` prints, cut to what matters here. */
function report(overrides: Record<string, unknown> = {}) {
  return {
    settings: { timeZone: 'Asia/Shanghai', windowDays: 3, split: 'id', assessmentHours: null, nonsense: 1 },
    period: { unit: 'all', from: '2026-09-01', to: '2026-09-30' },
    agents: [
      { agent: '旗舰店:阿杰', fast_reply_rate: 0.3, sales: 9000, low_sample: [] },
      { agent: '旗舰店:大刘', fast_reply_rate: null, sales: 4000, low_sample: [] },
    ],
    team: { sales: 13000, fast_reply_rate: 0.25 },
    shop: { sales: 15000 },
    counts: {},
    ...overrides,
  };
}

const read = (value: unknown, file = 'sep.json') =>
  previousFromReport(typeof value === 'string' ? value : JSON.stringify(value), file);

function refusal(value: unknown): string {
  try {
    read(value);
  } catch (error) {
    expect(error).toBeInstanceOf(PreviousPeriodError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('the previous period from a JSON report (--previous)', () => {
  it('reads its agents, team, shop and settings; a figure it lacks is empty', () => {
    const previous = read(report());
    expect(previous.period).toBe('2026-09-01 – 2026-09-30');
    expect(previous.rows.map((r) => r.agent)).toEqual(['旗舰店:阿杰', '旗舰店:大刘']);
    expect(previous.rows[0]?.figures.fast_reply_rate).toBe(0.3);
    expect(previous.rows[0]?.figures.sales).toBe(9000);
    // An indicator the earlier report did not have (added since) has no figure, hence no change.
    expect(previous.rows[0]?.figures.reply_rate).toBeNull();
    expect(previous.team?.sales).toBe(13000);
    expect(previous.shop?.sales).toBe(15000);
    // Only known settings are kept.
    expect(previous.settings).toEqual({
      timeZone: 'Asia/Shanghai',
      windowDays: 3,
      split: 'id',
      assessmentHours: null,
    });
    // A byte-order mark (a file saved by Notepad or PowerShell) is no reason to refuse.
    expect(read(`\uFEFF${JSON.stringify(report())}`).rows).toHaveLength(2);
  });

  it('takes the one period of a report by month, with that period’s team and shop', () => {
    const monthly = report({
      settings: { period: 'month' },
      agents: [{ agent: '阿杰', period: '2026-09', sales: 9000 }],
      teamByPeriod: [{ period: '2026-09', sales: 9100 }],
      shopByPeriod: [{ period: '2026-09', sales: 9200 }],
    });
    const previous = read(monthly);
    expect(previous.period).toBe('2026-09');
    expect(previous.team?.sales).toBe(9100);
    expect(previous.shop?.sales).toBe(9200);
  });

  it('refuses what is not such a report, naming the file, what is wrong and what to do', () => {
    const todo =
      '--previous takes the JSON report of the earlier period, as `cs-kpi report --format json --out FILE` writes it.';
    expect(refusal('客服,咨询量\n阿杰,3')).toBe(
      `sep.json is not JSON: it begins "客服,咨询量" (a table or CSV report?). ${todo}`,
    );
    expect(refusal('[1,2]')).toBe(`sep.json is JSON, but not a report (no object at its top). ${todo}`);
    expect(refusal({ ...report(), agents: undefined })).toBe(
      `sep.json is not a report: it has no "agents" list. ${todo}`,
    );
    expect(refusal({ ...report(), team: undefined })).toContain('it has no "team" object');
    const bad = report({ agents: [{ agent: '阿杰', sales: '9,000' }] });
    expect(refusal(bad)).toBe(
      `sep.json has agents[0] (阿杰) "sales" "9,000", not a number or null: correct or rewrite the file. ${todo}`,
    );
    expect(refusal(report({ agents: [{ agent: '阿杰' }, { agent: '阿杰' }] }))).toContain(
      'has the agent "阿杰" twice',
    );
    expect(refusal(report({ agents: [] }))).toContain('holds no agent figures');
    const twoMonths = report({
      agents: [
        { agent: '阿杰', period: '2026-08' },
        { agent: '阿杰', period: '2026-09' },
      ],
    });
    expect(refusal(twoMonths)).toContain('holds 2 periods (2026-08, 2026-09)');
  });

  it('is compared with a report of one period only', () => {
    expect(() => refuseSeveralPeriods([{ agent: '阿杰' }])).not.toThrow();
    expect(() => refuseSeveralPeriods([{ agent: '阿杰', period: '2026-10' }])).not.toThrow();
    expect(() =>
      refuseSeveralPeriods([
        { agent: '阿杰', period: '2026-10' },
        { agent: '阿杰', period: '2026-11' },
      ]),
    ).toThrow('this report has 2 periods (2026-10, 2026-11)');
  });
});
