import { describe, expect, it } from 'vitest';
import { rating, report } from '../../../test/helpers/engineRecords';
import { DEFAULT_SCHEME } from '../engine/scheme';
import { flagsOfTabs, readIndicatorTab, scorecardTab } from './scorecard';
import { readSettingsBook, SettingsTabError, settingsRows } from './settingsTab';
import { buildTabs, type Tab } from './tabs';

// 小美 has 2 ratings (one satisfied), 阿强 4: 满意率 rests on 2, 4 and, for the team and shop, 6.
const ratings = [
  rating('2024-03-01 10:00:00', '小美', 'c1', 5),
  rating('2024-03-01 11:00:00', '小美', 'c2', 2),
  ...['c3', 'c4', 'c5', 'c6'].map((c, i) => rating(`2024-03-02 1${i}:00:00`, '阿强', c, 4)),
];
const tabOf = (tabs: Tab[], name: string) => tabs.find((t) => t.name === name) as Tab;
/** The note on a cell of a tab, by the row's label and the column's header. */
function noteAt(tab: Tab, label: string, header: string): string | null {
  const row = tab.rows.findIndex((r) => r[0] === label);
  const column = (tab.rows[0] ?? []).indexOf(header);
  return tab.flagged?.find((f) => f.row === row && f.column === column)?.note ?? null;
}

describe('low-sample figures in the tabs (issue 18 item 7)', () => {
  it('are greyed with a note saying the cases and min_sample, in the workbook’s language', () => {
    const r = report({ ratings }, { minSample: 5 });
    const zh = tabOf(buildTabs(r, { formulas: 'native', language: 'zh-CN' }), '服务指标');
    expect(noteAt(zh, '小美', '满意率')).toBe('样本不足：2 < 5');
    expect(noteAt(zh, '阿强', '满意率')).toBe('样本不足：4 < 5');
    expect(noteAt(zh, '团队', '满意率')).toBeNull();
    expect(noteAt(zh, '小美', '服务态度DSR')).toBeNull(); // another tab's column
    const tw = tabOf(buildTabs(r, { formulas: 'native', language: 'zh-TW' }), '服务指标');
    expect(noteAt(tw, '小美', '滿意率')).toBe('樣本不足：2 < 5');
    const en = tabOf(buildTabs(r, { formulas: 'native', language: 'en' }), '服务指标');
    expect(noteAt(en, '小美', 'Satisfaction rate')).toBe('Low sample: 2 < 5');
    expect(
      noteAt(
        tabOf(buildTabs(r, { formulas: 'native', language: 'zh-CN' }), '售后指标'),
        '小美',
        '服务态度DSR',
      ),
    ).toBe('样本不足：2 < 5');
  });

  it('are not flagged when min_sample allows their cases', () => {
    const r = report({ ratings }, { minSample: 2 });
    const tab = tabOf(buildTabs(r, { formulas: 'native', language: 'zh-CN' }), '服务指标');
    expect(noteAt(tab, '小美', '满意率')).toBeNull();
    expect(tab.flagged).toEqual([]);
  });

  it('are greyed on 绩效 too, and score unless the scheme’s 样本不足不计分 is TRUE', () => {
    const r = report({ ratings }, { minSample: 5 });
    const card = tabOf(buildTabs(r, { formulas: 'native', language: 'zh-CN' }), '绩效');
    expect(noteAt(card, '小美', '满意率')).toBe('样本不足：2 < 5');
    const header = card.rows[0] ?? [];
    const mei = card.rows.find((row) => row[0] === '小美') ?? [];
    const score = (mei[header.indexOf('满意率 得分')] as { formula: string }).formula;
    expect(score).toMatch(/^IF\(OR\('设置'!\$Q\$2=TRUE,'设置'!\$Q\$2="TRUE"\),"",IF\(/);
    // A figure not flagged is scored as it always was.
    const fast = (mei[header.indexOf('30秒应答率 得分')] as { formula: string }).formula;
    expect(fast).toMatch(/^IF\(C\d+="","",IF\(/);
  });

  it('are read back from the cells’ notes, for 按设置重新计算', () => {
    const r = report({ ratings }, { minSample: 5 });
    const tab = tabOf(buildTabs(r, { formulas: 'native', language: 'zh-CN' }), '服务指标');
    const notes = tab.rows.map((row, i) =>
      row.map((_, c) => tab.flagged?.find((f) => f.row === i && f.column === c)?.note ?? ''),
    );
    const content = readIndicatorTab(tab.rows, notes);
    const flagOf = flagsOfTabs([content]);
    const mei = content.agents.find((a) => a.agent === '小美') ?? { agent: '小美' };
    expect(flagOf(mei, 'satisfaction_rate')).toBe('样本不足：2 < 5');
    expect(flagOf(mei, 'reply_rate')).toBeNull();
    const book = readSettingsBook(settingsRows([{ ...DEFAULT_SCHEME, leaveOutLowSample: true }], []));
    const card = scorecardTab(content.agents, book, 'native', 'zh-CN', undefined, flagOf);
    expect(card.flagged?.map((f) => f.note).sort()).toEqual(['样本不足：2 < 5', '样本不足：4 < 5']);
  });
});

describe('设置’s 样本不足不计分 (Q, beside each scheme’s pay)', () => {
  const rows = (option: unknown) => {
    const written = settingsRows([DEFAULT_SCHEME], []);
    (written[1] as unknown[])[16] = option;
    return written;
  };

  it('is written FALSE for a new scheme, and read as TRUE or FALSE, as a boolean or its text', () => {
    expect(settingsRows([DEFAULT_SCHEME], [])[0]?.slice(14, 17)).toEqual([
      '方案',
      '满额绩效工资',
      '样本不足不计分',
    ]);
    expect(settingsRows([DEFAULT_SCHEME], [])[1]?.[16]).toBe(false);
    const option = (cell: unknown) => readSettingsBook(rows(cell)).schemes[0]?.scheme.leaveOutLowSample;
    expect([
      option(true),
      option('TRUE'),
      option('true'),
      option(false),
      option('FALSE'),
      option(''),
    ]).toEqual([true, true, true, false, false, false]);
  });

  it('is off in a 设置 written before it (no header in Q)', () => {
    const old = rows(null).map((row) => row.map((cell, c) => (c === 16 ? null : cell)));
    expect(readSettingsBook(old).schemes[0]?.scheme.leaveOutLowSample).toBe(false);
  });

  it('refuses a value the formulas would read differently, naming the cell', () => {
    expect(() => readSettingsBook(rows('是'))).toThrow(SettingsTabError);
    expect(() => readSettingsBook(rows('是'))).toThrow(
      '设置 Q2（样本不足不计分）："是" is not TRUE or FALSE',
    );
  });
});
