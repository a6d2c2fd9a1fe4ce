import { INDICATOR_BY_ID, type Language, reportColumns, shapingSettings } from '../engine/catalog';
import { type SettingId, type Settings, settingText } from '../engine/settings';
import { SETTING_TEXT } from '../engine/settingsText';
import { TRADITIONAL_DEFINITIONS } from '../engine/traditionalDefinitions';
import { changeNote, newAgentNote } from '../payPeriod/changeText';
import type { NoteWords } from './tabModel';

/**
 * The note on an indicator tab's header cell (issue 20 item 5): the indicator's definition from the
 * catalog in the sheet's language, and the settings that shaped the figure (shapingSettings) with
 * the values they had. Built here, apart from tabs.ts, so that Code.js carries none of these words:
 * the sidebar and the command line pass it to buildTabs as `headerNote`.
 */

const WORDS = {
  'zh-CN': {
    settings: '依据设置',
    median: '与平均值同一组数值的中位数；平均值为',
    p90: '与平均值同一组数值的第 90 百分位数；平均值为',
    on: '开',
    off: '关',
    none: '无',
  },
  'zh-TW': {
    settings: '依據設定',
    median: '與平均值同一組數值的中位數；平均值為',
    p90: '與平均值同一組數值的第 90 百分位數；平均值為',
    on: '開',
    off: '關',
    none: '無',
  },
  en: {
    settings: 'Settings',
    median: 'the median of the values whose mean is',
    p90: 'the 90th percentile of the values whose mean is',
    on: 'on',
    off: 'off',
    none: 'none',
  },
} as const;

/** What a setting without a value means: every hour, the period itself. */
const EMPTY: Partial<Record<SettingId, Record<Language, string>>> = {
  assessmentHours: { 'zh-CN': '全天', 'zh-TW': '全天', en: 'all day' },
  afterSalesWindowDays: { 'zh-CN': '整个周期', 'zh-TW': '整個週期', en: 'the period' },
};

/** A setting's value as a note shows it: switches in words, an empty list as none. */
function valueText(id: SettingId, settings: Settings, language: Language): string {
  const words = WORDS[language];
  const value = settings[id];
  if (typeof value === 'boolean') return value ? words.on : words.off;
  const text = settingText(id, value);
  return text === '' ? (EMPTY[id]?.[language] ?? words.none) : text;
}

/** An indicator's definition in a language: the catalog's, traditional Chinese from its own table. */
export function definitionText(id: string, language: Language): string {
  const indicator = INDICATOR_BY_ID.get(id);
  if (!indicator) return '';
  if (language === 'zh-TW') return TRADITIONAL_DEFINITIONS[id] ?? indicator.formula['zh-CN'];
  return indicator.formula[language];
}

/** "依据设置：会话划分 id；内部账号 无；…": the settings that shaped an indicator, with their values. */
export function shapingText(id: string, settings: Settings, language: Language): string {
  const indicator = INDICATOR_BY_ID.get(id);
  if (!indicator) return '';
  // Gap minutes split consultations only under the gap split.
  const ids = shapingSettings(indicator).filter((s) => s !== 'gapMinutes' || settings.split === 'gap');
  const words = WORDS[language];
  const [colon, separator] = language === 'en' ? [': ', '; '] : ['：', '；'];
  const items = ids.map((s) => `${SETTING_TEXT[s][language].label} ${valueText(s, settings, language)}`);
  return items.length === 0 ? '' : `${words.settings}${colon}${items.join(separator)}`;
}

/**
 * The notes' words in a language, under the settings that computed the report: every report column's
 * header note, and the settings' labels.
 */
export function noteWords(language: Language, settings: Settings): NoteWords {
  return {
    header: headerNotes(language, settings),
    change: (change) => changeNote(change, language),
    newAgent: (change) => newAgentNote(change, language),
  };
}

/** The header note of every column of a report in a language, under the settings that computed it. */
export function headerNotes(language: Language, settings: Settings): NoteWords['header'] {
  const headers = new Map(reportColumns(language, settings).map((c) => [c.id, c.header]));
  const words = WORDS[language];
  const colon = language === 'en' ? ': ' : '：';
  return (columnId) => {
    const summary = /_(median|p90)$/.exec(columnId)?.[1] as 'median' | 'p90' | undefined;
    const id = summary ? columnId.slice(0, -(summary.length + 1)) : columnId;
    const header = headers.get(columnId);
    if (!INDICATOR_BY_ID.has(id) || header === undefined) return null;
    const title = summary ? `${header}${colon}${words[summary]}` : header;
    const lines = [title, definitionText(id, language), shapingText(id, settings, language)];
    return lines.filter((line) => line !== '').join('\n');
  };
}
