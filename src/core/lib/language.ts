import type { Language } from '../engine/catalog';

/**
 * The catalog language for a Sheets or browser locale ("zh_TW", "zh-HK", "en_US"…): traditional
 * Chinese for Taiwan, Hong Kong and Macau, simplified for other Chinese locales and when none is
 * known (the product's default), English for every other language.
 */
export function languageOf(locale: string | undefined): Language {
  const tag = (locale ?? '').replace('_', '-').toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(tag)) return 'zh-TW';
  if (tag.startsWith('zh') || tag === '') return 'zh-CN';
  return 'en';
}
