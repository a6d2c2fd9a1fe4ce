import { describe, expect, it } from 'vitest';
import { languageOf } from './language';

describe('languageOf', () => {
  it('maps Sheets and browser locales to the catalog languages', () => {
    expect(['zh_CN', 'zh', 'zh-Hans-CN', '', undefined].map(languageOf)).toEqual(Array(5).fill('zh-CN'));
    expect(['zh_TW', 'zh-HK', 'zh_MO', 'zh-Hant'].map(languageOf)).toEqual(Array(4).fill('zh-TW'));
    expect(['en_US', 'en', 'ja_JP', 'de'].map(languageOf)).toEqual(Array(4).fill('en'));
  });
});
