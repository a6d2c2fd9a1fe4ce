import { describe, expect, it } from 'vitest';
import { AFTER_SALES_SCHEME } from '../../../test/helpers/engineRecords';
import type { Row } from '../engine/report';
import { DEFAULT_SCHEME } from '../engine/scheme';
import { mergeAgentRows, readIndicatorTab, scorecardTab } from './scorecard';
import { readSettingsBook, settingsRows } from './settingsTab';
import { targetRules } from './tabs';

const book = readSettingsBook(
  settingsRows(
    [DEFAULT_SCHEME, AFTER_SALES_SCHEME],
    [
      ['小美', '售前·日常'],
      ['阿杰', '售后·日常'],
    ],
  ),
);
const agents: Row[] = [
  { agent: '小美', fast_reply_rate: 0.82, avg_response_s: 25, conversion_rate: 0.31, satisfaction_rate: 0.9 },
  { agent: '阿杰', fast_reply_rate: 0.85, refund_rate: 0.04, conversion_rate: 0.2 },
];

describe('the scorecard with two schemes', () => {
  const card = scorecardTab(agents, book, 'native');
  const formula = (row: number, column: number) =>
    (card.rows[row]?.[column] as { formula: string } | null)?.formula ?? null;

  it('has a column pair per indicator of any scheme, and each agent its own scheme', () => {
    expect(card.rows[0]).toEqual([
      '客服',
      '方案',
      '30秒应答率',
      '30秒应答率 得分',
      '平均响应时间(秒)',
      '平均响应时间(秒) 得分',
      '询单转化率',
      '询单转化率 得分',
      '满意率',
      '满意率 得分',
      '退款率',
      '退款率 得分',
      '加权得分',
      '满分',
      '绩效工资',
    ]);
    expect(card.rows[1]?.slice(0, 3)).toEqual(['小美', '售前·日常', 0.82]);
    // 阿杰 is not scored on conversion, whatever his figure: blank value and score.
    expect(card.rows[2]?.slice(0, 3)).toEqual(['阿杰', '售后·日常', 0.85]);
    expect(card.rows[2]?.slice(6, 8)).toEqual([null, null]);
    expect(card.rows[2]?.[10]).toBe(0.04);
  });

  it('reads each agent’s tiers, weights and pay from that scheme’s rows of 设置', () => {
    // 售后·日常 is on rows 6–7 of 设置 and its pay on row 3.
    expect(formula(2, 3)).toContain("'设置'!$H$6");
    expect(formula(2, 11)).toMatch(/^IF\(K3="","",IF\(K3<='设置'!\$F\$7,'设置'!\$I\$7/);
    expect(formula(2, 12)).toBe(`IF(D3="",0,D3*'设置'!$L$6)+IF(L3="",0,L3*'设置'!$L$7)`);
    expect(formula(2, 14)).toBe(`IF(N3=0,"",'设置'!$P$3*M3/N3)`);
    expect(formula(1, 14)).toBe(`IF(N2=0,"",'设置'!$P$2*M2/N2)`);
  });

  it('uses the add-on functions with array literals of the scheme’s cells', () => {
    const addon = scorecardTab(agents, book, 'addon');
    const formulaAt = (column: number) =>
      (addon.rows[2]?.[column] as { formula: string } | undefined)?.formula;
    expect(formulaAt(12)).toBe(`WEIGHTED_SCORE({D3,L3},{'设置'!$L$6,'设置'!$L$7})`);
    expect(formulaAt(14)).toBe(
      `PERFORMANCE_PAY('设置'!$P$3,{D3,L3},{'设置'!$L$6,'设置'!$L$7},{'设置'!$M$6,'设置'!$M$7})`,
    );
  });

  it('speaks the spreadsheet’s language in its headers', () => {
    const tw = scorecardTab(agents, book, 'native', 'zh-TW').rows[0] ?? [];
    expect(tw.slice(0, 4)).toEqual(['客服', '方案', '30秒應答率', '30秒應答率 得分']);
    expect(tw.slice(-3)).toEqual(['加權得分', '滿分', '績效工資']);
    const en = scorecardTab(agents, book, 'native', 'en').rows[0] ?? [];
    expect(en.slice(-3)).toEqual(['Weighted score', 'Full marks', 'Performance pay']);
  });

  it('charts every indicator’s score per agent beside the table', () => {
    expect(card.charts).toEqual([
      {
        title: '各指标得分 Scores per agent',
        ranges: ['A1:A3', 'D1:D3', 'F1:F3', 'H1:H3', 'J1:J3', 'L1:L3'],
        anchor: [1, 17],
      },
    ]);
    expect(scorecardTab([], book, 'native').charts).toEqual([]);
  });

  it('colors each run of agents against its own scheme’s targets', () => {
    const rules = targetRules(['小美', '阿杰'], ['fast_reply_rate', 'refund_rate'], book);
    expect(rules).toContainEqual({
      range: 'B2:B2',
      formula: `AND(B2<>"",B2>=INDIRECT("'设置'!E2"))`,
      fill: 'good',
    });
    expect(rules).toContainEqual({
      range: 'B3:B3',
      formula: `AND(B3<>"",B3>=INDIRECT("'设置'!E6"))`,
      fill: 'good',
    });
    expect(rules).toContainEqual({
      range: 'C3:C3',
      formula: `AND(C3<>"",C3>INDIRECT("'设置'!E7"))`,
      fill: 'bad',
    });
  });
});

describe('reading the indicator tabs back', () => {
  it('merges each agent’s figures across tabs by header, leaving out the team and shop rows', () => {
    const service = [
      ['客服', '30秒应答率', '平均响应时间(秒)', '不认识的列'],
      ['小美', 0.82, 25, 'x'],
      ['阿杰', 0.85, '', 'y'],
      ['团队', 0.83, 26, ''],
      ['店铺', 0.83, 26, ''],
    ];
    const sales = [
      ['Agent', 'Inquiry conversion rate'],
      ['小美', 0.31],
      ['阿杰', 0.2],
      ['Team', 0.25],
      ['Shop', 0.25],
    ];
    expect(mergeAgentRows([service, sales].map((cells) => readIndicatorTab(cells)))).toEqual([
      { agent: '小美', fast_reply_rate: 0.82, avg_response_s: 25, conversion_rate: 0.31 },
      { agent: '阿杰', fast_reply_rate: 0.85, avg_response_s: null, conversion_rate: 0.2 },
    ]);
  });
});
