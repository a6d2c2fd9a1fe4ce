import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../import/dialects';
import {
  DEFAULT_SETTINGS,
  PLATFORM_PRESETS,
  proposals,
  resolveSettings,
  SETTINGS,
  SettingsError,
  settingFromText,
  settingText,
} from './settings';
import { SETTING_TEXT } from './settingsText';

describe('the settings description', () => {
  it('describes every setting once, with a default that passes its own checks', () => {
    expect(new Set(SETTINGS.map((s) => s.id)).size).toBe(SETTINGS.length);
    expect(resolveSettings()).toEqual(DEFAULT_SETTINGS);
    const keys = SETTINGS.flatMap((s) => s.sheetKeys.map((k) => k.toLowerCase()));
    expect(new Set(keys).size).toBe(keys.length);
    const flags = SETTINGS.map((s) => s.flag);
    expect(new Set(flags).size).toBe(flags.length);
    for (const s of SETTINGS)
      expect(Object.keys(SETTING_TEXT[s.id]).sort()).toEqual(['en', 'zh-CN', 'zh-TW']);
  });

  it('reads every default back from the text it writes', () => {
    for (const s of SETTINGS) expect(settingFromText(s.id, settingText(s.id, s.default))).toEqual(s.default);
  });

  it('reads lists, switches and hours as every front end writes them', () => {
    expect(settingFromText('internalAccounts', ' 测试号，小美 , ')).toEqual(['测试号', '小美']);
    expect(settingFromText('excludeOffline', '否')).toBe(false);
    expect(settingFromText('autoRepliesCloseGaps', 'ON')).toBe(true);
    expect(settingFromText('assessmentHours', '08:00-23:00')).toEqual({ start: 480, end: 1380 });
    expect(settingFromText('afterSalesWindowDays', '')).toBeNull();
    expect(() => settingFromText('excludeOffline', 'maybe')).toThrow(SettingsError);
    expect(() => resolveSettings({ satisfiedLevels: [6] })).toThrow('satisfied levels must be rating levels');
    expect(() => resolveSettings({ basis: 'x' as never })).toThrow(
      'basis must be one of paid, ordered, paid-same-day; got "x".',
    );
  });

  it('proposes a platform’s usual values for its recognized exports, and says whether they were used', () => {
    // An exact id names a dialect there is; a pattern (shopee-*) the exports of a platform to come.
    for (const preset of PLATFORM_PRESETS)
      for (const d of preset.dialects.filter((x) => !x.endsWith('*')))
        expect(DIALECTS.map((x) => x.id)).toContain(d);
    expect(proposals(['qianniu-chat-records', null], DEFAULT_SETTINGS)).toEqual([
      expect.objectContaining({ setting: 'fastReplySeconds', value: 180, text: '180', used: false }),
      expect.objectContaining({ setting: 'platform', value: 'taobao', text: 'taobao', used: false }),
    ]);
    expect(proposals(['ebay-messages'], resolveSettings({ platform: 'ebay' }))).toEqual([
      expect.objectContaining({ setting: 'platform', text: 'ebay', used: true }),
    ]);
    expect(proposals(['shopee-orders-tw'], DEFAULT_SETTINGS)).toEqual([
      expect.objectContaining({ setting: 'platform', text: 'shopee', used: false }),
    ]);
    expect(proposals(['pdd-orders'], resolveSettings({ fastReplySeconds: 180 }))[0]?.used).toBe(true);
    expect(proposals(['kuaishou-orders'], DEFAULT_SETTINGS)).toEqual([
      expect.objectContaining({ setting: 'assessmentHours', text: '08:00-23:00', used: false }),
    ]);
    expect(proposals(['shopify-orders', 'zendesk-messages'], DEFAULT_SETTINGS)).toEqual([]);
  });
});
