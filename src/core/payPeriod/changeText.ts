import type { Language } from '../engine/catalog';
import { SETTING_TEXT } from '../engine/settingsText';
import type { PeriodChange } from './previous';

/**
 * The notes that say what a change column compares with, in the sheet's language. Apart from
 * previous.ts so that Code.js does not carry them (the sidebar and the command line pass them to
 * buildTabs within its noteWords).
 */

const WORDS = {
  'zh-CN': {
    previous: '上期',
    closed: '结算于',
    definition: '本期 − 上期；比率之差以百分点计，其余以指标本身的单位计；任一期为空则空。',
    newAgent: '上期没有此客服',
    gone: '上期有、本期没有的客服',
    settings: '两期设置不同',
    none: '无',
  },
  'zh-TW': {
    previous: '上期',
    closed: '結算於',
    definition: '本期 − 上期；比率之差以百分點計，其餘以指標本身的單位計；任一期為空則空。',
    newAgent: '上期沒有此客服',
    gone: '上期有、本期沒有的客服',
    settings: '兩期設定不同',
    none: '無',
  },
  en: {
    previous: 'Previous period',
    closed: 'closed',
    definition:
      'this period − the previous one; a rate in percentage points, any other figure in its own unit; empty when either is empty.',
    newAgent: 'Not in the previous period',
    gone: 'In the previous period, not in this one',
    settings: 'Settings that differ',
    none: 'none',
  },
} as const;

/** The note of a new agent's name: "上期没有此客服（2026-09）". */
export function newAgentNote(change: PeriodChange, language: Language): string {
  const words = WORDS[language];
  return language === 'en'
    ? `${words.newAgent} (${change.previous.period}).`
    : `${words.newAgent}（${change.previous.period}）。`;
}

/**
 * What a change column means and against what: the period (and when it was closed), the agents
 * gone since, the settings that differ.
 */
export function changeNote(change: PeriodChange, language: Language): string {
  const words = WORDS[language];
  const colon = language === 'en' ? ': ' : '：';
  const { period, closedAt } = change.previous;
  const closed = closedAt
    ? language === 'en'
      ? `, ${words.closed} ${closedAt}`
      : `，${words.closed} ${closedAt}`
    : '';
  const lines = [`${words.previous}${colon}${period}${closed}`, words.definition];
  if (change.goneAgents.length > 0) lines.push(`${words.gone}${colon}${change.goneAgents.join(', ')}`);
  if (change.settingsChanged.length > 0) {
    const shown = (text: string) => (text === '' ? words.none : text);
    const items = change.settingsChanged.map(
      (s) => `${SETTING_TEXT[s.id][language].label} ${shown(s.previous)} → ${shown(s.current)}`,
    );
    lines.push(`${words.settings}${colon}${items.join('; ')}`);
  }
  return lines.join('\n');
}
