import { describe, expect, it } from 'vitest';
import { report } from '../../../test/helpers/engineRecords';
import { readIndicatorTab } from '../sheets/scorecard';
import { readSettingsBook } from '../sheets/settingsTab';
import { buildTabs } from '../sheets/tabs';
import {
  INDICATOR_BY_ID,
  INDICATORS,
  type Indicator,
  indicatorName,
  indicatorOfName,
  type Language,
  reportColumns,
} from './catalog';
import { DEFAULT_SETTINGS } from './settings';

const FAST = INDICATOR_BY_ID.get('fast_reply_rate') as Indicator;
const at = (fastReplySeconds: number) => ({ fastReplySeconds });

describe('30秒应答率 is named by its setting (issue 18 item 9)', () => {
  it('in seconds, or in whole minutes from two minutes on, in every language', () => {
    const names = (seconds: number) =>
      (['zh-CN', 'zh-TW', 'en'] as Language[]).map((l) => indicatorName(FAST, l, at(seconds)));
    expect(names(30)).toEqual(['30秒应答率', '30秒應答率', '30s response rate']);
    expect(names(60)).toEqual(['60秒应答率', '60秒應答率', '60s response rate']);
    expect(names(90)).toEqual(['90秒应答率', '90秒應答率', '90s response rate']);
    expect(names(180)).toEqual(['3分钟应答率', '3分鐘應答率', '3-minute response rate']);
    expect(names(3600)).toEqual(['60分钟应答率', '60分鐘應答率', '60-minute response rate']);
  });

  it('the catalog’s names are the names under the default settings', () => {
    for (const i of INDICATORS)
      for (const language of ['zh-CN', 'zh-TW', 'en'] as Language[])
        expect(indicatorName(i, language, DEFAULT_SETTINGS)).toBe(i.names[language]);
  });

  it('reads any such name back to its id, with the setting it says; the id never changes', () => {
    for (const seconds of [30, 60, 180, 3600])
      for (const language of ['zh-CN', 'zh-TW', 'en'] as Language[]) {
        const name = indicatorName(FAST, language, at(seconds));
        expect(indicatorOfName(name), name).toEqual({ id: 'fast_reply_rate', naming: at(seconds) });
      }
    expect(indicatorOfName('Fast-reply rate')?.id).toBe('fast_reply_rate');
    expect(indicatorOfName('满意率')).toEqual({ id: 'satisfaction_rate' });
    expect(indicatorOfName('3分钟满意率')).toBeNull();
    expect(reportColumns('zh-CN', at(180)).find((c) => c.id === 'fast_reply_rate')?.header).toBe(
      '3分钟应答率',
    );
  });

  it('heads the tabs, the scorecard and a new 设置 in the workbook’s language', () => {
    const r = report({ messages: [] }, { fastReplySeconds: 180 });
    for (const [language, name] of [
      ['zh-CN', '3分钟应答率'],
      ['zh-TW', '3分鐘應答率'],
      ['en', '3-minute response rate'],
    ] as const) {
      const tabs = buildTabs(r, { formulas: 'native', language });
      const tab = (n: string) => tabs.find((t) => t.name === n)?.rows ?? [];
      expect(tab('服务指标')[0], language).toContain(name);
      expect(tab('绩效')[0], language).toEqual(
        expect.arrayContaining([name, `${name} ${language === 'en' ? 'score' : '得分'}`]),
      );
      expect(tab('设置')[1]?.slice(1, 3), language).toEqual(['fast_reply_rate', name]);
      // Read back: the column is 30秒应答率's, and the name says 180 s.
      const read = readIndicatorTab(tab('服务指标'));
      expect(read.columnIds).toContain('fast_reply_rate');
      expect(read.naming).toEqual(at(180));
      expect(readSettingsBook(tab('设置')).schemes[0]?.scheme.items[0]?.id).toBe('fast_reply_rate');
    }
  });
});
