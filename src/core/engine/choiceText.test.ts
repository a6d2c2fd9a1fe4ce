import { describe, expect, it } from 'vitest';
import { CHOICE_TEXT, choiceName } from './choiceText';
import { resolveSettings, SETTINGS } from './settings';

describe('choices in the product languages', () => {
  it('names only values the settings accept, in every language', () => {
    for (const [setting, choices] of Object.entries(CHOICE_TEXT)) {
      for (const [value, words] of Object.entries(choices)) {
        expect(() => resolveSettings({ [setting]: value }), `${setting}=${value}`).not.toThrow();
        for (const language of ['zh-CN', 'zh-TW', 'en'] as const) expect(words[language]).toMatch(/\S/);
      }
      expect(() => resolveSettings({ [setting]: 'nonsense' }), setting).toThrow();
    }
  });

  it('has words for every choice of every setting that takes one (settings.ts)', () => {
    const choices = SETTINGS.flatMap((s) =>
      s.type.kind === 'choice' ? s.type.choices.map((c) => [s.id, c]) : [],
    );
    expect(choices.length).toBeGreaterThan(10);
    for (const [id = '', value = ''] of choices)
      expect(choiceName(id, value, 'zh-CN'), `${id}=${value}`).not.toBe(value);
  });

  it('says last as 最后接待的客服, and shows a value without words as it is', () => {
    expect(choiceName('attribution', 'last', 'zh-CN')).toBe('最后接待的客服');
    expect(choiceName('split', 'auto', 'en')).toBe('Automatic');
    expect(choiceName('split', 'hourly', 'zh-TW')).toBe('hourly');
  });
});
