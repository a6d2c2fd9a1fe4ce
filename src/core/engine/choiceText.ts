import type { Language } from './catalog';
import type { Settings } from './settings';

type Words = Record<Language, string>;

/**
 * The words for the choices of settings that take one of a few values (settings.ts SETTINGS, a test
 * keeps them complete), so that the sidebar's dropdowns say 最后接待的客服 rather than `last`. The value
 * stays what is stored.
 */
export const CHOICE_TEXT = {
  split: {
    auto: { 'zh-CN': '自动', 'zh-TW': '自動', en: 'Automatic' },
    id: { 'zh-CN': '按会话编号', 'zh-TW': '按會話編號', en: 'By session ID' },
    day: { 'zh-CN': '按天', 'zh-TW': '按天', en: 'By day' },
    gap: { 'zh-CN': '按静默间隔', 'zh-TW': '按靜默間隔', en: 'By silence gap' },
  },
  attribution: {
    last: { 'zh-CN': '最后接待的客服', 'zh-TW': '最後接待的客服', en: 'Last agent' },
    first: { 'zh-CN': '首先接待的客服', 'zh-TW': '首先接待的客服', en: 'First agent' },
    most: { 'zh-CN': '消息最多的客服', 'zh-TW': '訊息最多的客服', en: 'Agent with most messages' },
  },
  basis: {
    paid: { 'zh-CN': '最终付款', 'zh-TW': '最終付款', en: 'Paid' },
    ordered: { 'zh-CN': '下单', 'zh-TW': '下單', en: 'Ordered' },
    'paid-same-day': { 'zh-CN': '当天付款', 'zh-TW': '當天付款', en: 'Paid the same day' },
  },
  period: {
    all: { 'zh-CN': '整段', 'zh-TW': '整段', en: 'Whole period' },
    day: { 'zh-CN': '每天', 'zh-TW': '每天', en: 'Daily' },
    week: { 'zh-CN': '每周', 'zh-TW': '每週', en: 'Weekly' },
    month: { 'zh-CN': '每月', 'zh-TW': '每月', en: 'Monthly' },
  },
  platform: {
    none: { 'zh-CN': '不计算', 'zh-TW': '不計算', en: 'None' },
    shopee: { 'zh-CN': 'Shopee 虾皮', 'zh-TW': 'Shopee 蝦皮', en: 'Shopee' },
    'shopee-th': { 'zh-CN': 'Shopee 泰国', 'zh-TW': 'Shopee 泰國', en: 'Shopee Thailand' },
    lazada: { 'zh-CN': 'Lazada', 'zh-TW': 'Lazada', en: 'Lazada' },
    tiktok: { 'zh-CN': 'TikTok Shop', 'zh-TW': 'TikTok Shop', en: 'TikTok Shop' },
    amazon: { 'zh-CN': 'Amazon 亚马逊', 'zh-TW': 'Amazon 亞馬遜', en: 'Amazon' },
    ebay: { 'zh-CN': 'eBay', 'zh-TW': 'eBay', en: 'eBay' },
    taobao: { 'zh-CN': '淘宝/天猫', 'zh-TW': '淘寶/天貓', en: 'Taobao/Tmall' },
    jd: { 'zh-CN': '京东', 'zh-TW': '京東', en: 'JD' },
    pdd: { 'zh-CN': '拼多多', 'zh-TW': '拼多多', en: 'Pinduoduo' },
    douyin: { 'zh-CN': '抖店', 'zh-TW': '抖店', en: 'Douyin shop' },
  },
} satisfies { [S in keyof Settings]?: Record<string, Words> };

export type ChoiceSetting = keyof typeof CHOICE_TEXT;

/** A choice's words; a value without words (a newer setting's) shows as it is. */
export function choiceName(setting: string, value: string, language: Language): string {
  const choices = (CHOICE_TEXT as Record<string, Record<string, Words> | undefined>)[setting];
  return choices?.[value]?.[language] ?? value;
}
