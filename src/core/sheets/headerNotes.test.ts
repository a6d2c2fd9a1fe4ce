import { describe, expect, it } from 'vitest';
import { messages } from '../../../test/helpers/importTabs';
import { INDICATORS, shapingSettings } from '../engine/catalog';
import { NOTHING_AVAILABLE } from '../engine/facts';
import { computeReport, type Report } from '../engine/report';
import { resolveSettings, type Settings } from '../engine/settings';
import { TRADITIONAL_DEFINITIONS } from '../engine/traditionalDefinitions';
import type { PreviousFigures } from '../payPeriod/previous';
import { noteWords } from './headerNotes';
import { readIndicatorTab } from './scorecard';
import { buildTabs, TAB_NAMES, type Tab } from './tabs';

/** Four consultations of 小美 and 小王 (2 each), every first reply 20 s after the customer's message. */
function fourConsultations(settings: Partial<Settings> = {}): Report {
  return computeReport(
    {
      messages: messages(4),
      orders: [],
      ratings: [],
      available: { ...NOTHING_AVAILABLE, chats: true },
      hasSessions: false,
    },
    resolveSettings({ timeZone: 'Asia/Shanghai', ...settings }),
  );
}

const service = (tabs: Tab[]) => tabs.find((t) => t.name === TAB_NAMES.service) as Tab;
const noteAt = (tab: Tab, row: number, column: number) =>
  tab.notes?.find((n) => n.row === row && n.column === column)?.note;
const headerNote = (tab: Tab, header: string) => noteAt(tab, 0, (tab.rows[0] as string[]).indexOf(header));

describe('the definition behind every indicator header (issue 20 item 5)', () => {
  it('every indicator has a traditional-Chinese definition, and only those', () => {
    expect(Object.keys(TRADITIONAL_DEFINITIONS).sort()).toEqual(INDICATORS.map((i) => i.id).sort());
  });

  it('which settings shape a figure comes from its inputs and its own description', () => {
    const of = (id: string) =>
      shapingSettings(INDICATORS.find((i) => i.id === id) as (typeof INDICATORS)[number]);
    // Chats: split (gap minutes under gap) and internal accounts; attributed orders: window, rule, basis.
    expect(of('consultations')).toEqual(['split', 'gapMinutes', 'internalAccounts']);
    expect(of('fast_reply_rate')).toEqual([
      'split',
      'gapMinutes',
      'internalAccounts',
      'autoPrefixes',
      'autoKeywords',
      'excludeTransfersOut',
      'excludeOffline',
      'assessmentHours',
      'fastReplySeconds',
    ]);
    expect(of('conversion_rate')).toEqual([
      'split',
      'gapMinutes',
      'internalAccounts',
      'windowDays',
      'attribution',
      'basis',
      'afterSalesChatDays',
    ]);
    expect(of('dsr_service')).toEqual(['dsrDays']);
    expect(of('online_hours')).toEqual([]);
  });

  it('each indicator header of the indicator tabs carries its definition and the settings it was computed under', () => {
    const report = fourConsultations({ fastReplySeconds: 180 });
    const tabs = buildTabs(report, {
      formulas: 'native',
      language: 'zh-CN',
      noteWords: noteWords('zh-CN', report.settings),
    });
    const tab = service(tabs);
    expect(headerNote(tab, '3分钟应答率')?.split('\n')).toEqual([
      '3分钟应答率',
      '首次人工回复在顾客首条消息后 T 秒内的咨询 / 咨询量（T 默认 30）',
      '依据设置：会话划分 day；内部账号(逗号分隔) 无；自动回复前缀 无；自动回复关键词 无；排除转出的咨询 开；排除留言分配的咨询 开；考核时段 全天；应答时限(秒) 180',
    ]);
    expect(headerNote(tab, '首次响应时间(秒) 中位数')?.split('\n').slice(0, 2)).toEqual([
      '首次响应时间(秒) 中位数：与平均值同一组数值的中位数；平均值为',
      '已回复咨询中（首次人工回复 − 顾客首条消息）的平均值',
    ]);
    // Every indicator column of the three tabs has one; the agent column and the figures none.
    for (const group of ['service', 'sales', 'after_sales'] as const) {
      const t = tabs.find((x) => x.name === TAB_NAMES[group]) as Tab;
      const headers = (t.rows[0] as string[]).slice(1);
      expect(t.notes?.map((n) => [n.row, n.column])).toEqual(headers.map((_, i) => [0, i + 1]));
    }
    expect(tabs.find((t) => t.name === TAB_NAMES.detail)?.notes).toBeUndefined();
    // Without the words (the template Code.js writes), no notes: nothing changes.
    expect(service(buildTabs(report, { formulas: 'native', language: 'zh-CN' })).notes).toBeUndefined();
  });

  it('in the sheet’s language, gap minutes only under the gap split', () => {
    const report = fourConsultations({ split: 'gap', gapMinutes: 15, windowDays: 3 });
    const tw = (g: 'service' | 'sales') =>
      buildTabs(report, {
        formulas: 'native',
        language: 'zh-TW',
        noteWords: noteWords('zh-TW', report.settings),
      }).find((t) => t.name === TAB_NAMES[g]) as Tab;
    expect(headerNote(tw('service'), '諮詢量')).toBe(
      '諮詢量\n顧客至少發過一則訊息的諮詢數\n依據設定：會話劃分 gap；間隔分鐘 15；內部帳號(逗號分隔) 無',
    );
    expect(headerNote(tw('sales'), '詢單轉化率')).toContain(
      '詢單有效時長(天) 3；訂單歸屬 last；成交口徑 paid',
    );
    const en = buildTabs(report, {
      formulas: 'native',
      language: 'en',
      noteWords: noteWords('en', report.settings),
    });
    expect(headerNote(service(en), 'Reply rate')).toBe(
      'Reply rate\n(consultations − unreplied) / consultations (assessed)\nSettings: Consultation split gap; Gap minutes 15; Internal accounts (comma separated) none; Auto-reply prefix none; Auto-reply keywords none; Leave out transfers out on; Leave out offline messages on',
    );
  });
});

describe('the change column of the indicator tabs (issue 20 item 4)', () => {
  // By hand: in the previous period 小美 answered 1 of 2 fast (50 %) with a first reply after 40 s on
  // average, over 3 consultations; 小王 was not there; 小李 was. The team answered 3 of 4.
  const PREVIOUS: PreviousFigures = {
    period: '2026-02',
    rows: [
      { agent: '小美', figures: { fast_reply_rate: 0.5, first_response_s: 40, consultations: 3 } },
      { agent: '小李', figures: { fast_reply_rate: 1 } },
    ],
    team: { fast_reply_rate: 0.75 },
    settings: { fastReplySeconds: 60 },
  };

  it('follows each indicator column: this period minus the previous, a rate in points', () => {
    const report = fourConsultations();
    const tabs = buildTabs(report, {
      formulas: 'native',
      language: 'zh-CN',
      previous: PREVIOUS,
      noteWords: noteWords('zh-CN', report.settings),
    });
    const tab = service(tabs);
    const header = tab.rows[0] as string[];
    const at = (label: string, column: string) =>
      tab.rows.find((r) => r[0] === label)?.[header.indexOf(column)];
    expect(header.slice(0, 5)).toEqual(['客服', '咨询量', '咨询量 较上期', '接待量', '接待量 较上期']);
    // A duration's change right of its mean, before its median and p90.
    expect(header.slice(header.indexOf('首次响应时间(秒)'), header.indexOf('首次响应时间(秒)') + 4)).toEqual([
      '首次响应时间(秒)',
      '首次响应时间(秒) 较上期',
      '首次响应时间(秒) 中位数',
      '首次响应时间(秒) 90分位',
    ]);
    // Every first reply came after 20 s: 100 % within 30 s, against 50 %: +50 points; 20 − 40 = −20 s.
    expect(at('小美', '30秒应答率')).toBe(1);
    expect(at('小美', '30秒应答率 较上期(百分点)')).toBe(50);
    expect(at('小美', '首次响应时间(秒) 较上期')).toBe(-20);
    expect(at('小美', '咨询量 较上期')).toBe(-1);
    expect(at('小美', '回复率 较上期(百分点)')).toBeNull();
    expect(at('小王', '30秒应答率 较上期(百分点)')).toBeNull();
    expect(at('团队', '30秒应答率 较上期(百分点)')).toBe(25);
    expect(at('店铺', '30秒应答率 较上期(百分点)')).toBeNull();
    // Signed formats; a rate's change in points, not a percent.
    expect(tab.formats[header.indexOf('30秒应答率 较上期(百分点)')]).toBe('+0.0;-0.0;0.0');
    expect(tab.formats[header.indexOf('咨询量 较上期')]).toBe('+0;-0;0');
    // The notes: what the change compares with; 小王 new since.
    const wang = tab.rows.findIndex((r) => r[0] === '小王');
    expect(noteAt(tab, wang, 0)).toBe('上期没有此客服（2026-02）。');
    expect(headerNote(tab, '30秒应答率 较上期(百分点)')?.split('\n')).toEqual([
      '上期：2026-02',
      '本期 − 上期；比率之差以百分点计，其余以指标本身的单位计；任一期为空则空。',
      '上期有、本期没有的客服：小李',
      '两期设置不同：应答时限(秒) 60 → 30',
    ]);
  });

  it('leaves the targets’ colors on the figures and recompute reading the same agents and indicators', () => {
    const report = fourConsultations();
    const plain = service(buildTabs(report, { formulas: 'native', language: 'zh-CN' }));
    const changed = service(buildTabs(report, { formulas: 'native', language: 'zh-CN', previous: PREVIOUS }));
    // The header of each rule's first column (A1 letters to a 0-based index).
    const ruled = (tab: Tab) =>
      tab.conditional.map((rule) => {
        const letters = /^[A-Z]+/.exec(rule.range)?.[0] ?? '';
        const index = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        return (tab.rows[0] as string[])[index];
      });
    // Each rule is on its indicator's column, never a change column: the same indicators as without.
    expect(ruled(changed)).toEqual(ruled(plain));
    expect(ruled(changed)).toContain('满意率');
    const columnOf = (tab: Tab, name: string) => (tab.rows[0] as string[]).indexOf(name);
    expect(columnOf(changed, '回复率')).toBeGreaterThan(columnOf(plain, '回复率'));
    // 按设置重新计算 reads the tab back: the change columns are no indicator, the agents' figures the same.
    const back = readIndicatorTab(changed.rows);
    const before = readIndicatorTab(plain.rows);
    expect(back.agents).toEqual(before.agents);
    expect(back.columnIds.filter((id) => id !== '')).toEqual(before.columnIds);
  });
});
