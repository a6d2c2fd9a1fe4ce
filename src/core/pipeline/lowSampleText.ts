import { INDICATOR_BY_ID, indicatorName, type Language, type Naming } from '../engine/catalog';
import { ROW_LABELS } from '../engine/rowLabels';
import type { LowSampleRow, Note } from './notes';

const SEPARATORS: Record<Language, { names: string; rows: string; more: (n: number) => string }> = {
  'zh-CN': { names: '、', rows: '；', more: (n) => `；等另 ${n} 行` },
  'zh-TW': { names: '、', rows: '；', more: (n) => `；等另 ${n} 列` },
  en: { names: ', ', rows: '; ', more: (n) => `; and ${n} more rows` },
};

/**
 * The rows of a low-sample note as the sidebar and CS_INDICATORS list them: "旗舰店:兼职小陈 满意率、
 * 服务态度DSR；团队 2024-03-04 回复率", the first `limit` rows, then how many more.
 */
export function lowSampleList(
  note: Extract<Note, { kind: 'low-sample' }>,
  language: Language,
  naming: Naming,
  limit = 10,
): string {
  const words = SEPARATORS[language];
  const label = (row: LowSampleRow) =>
    (row.level === 'agent' ? row.who : ROW_LABELS[language][row.level]) +
    (row.period === undefined ? '' : ` ${row.period}`);
  const name = (id: string) => {
    const indicator = INDICATOR_BY_ID.get(id);
    return indicator ? indicatorName(indicator, language, naming) : id;
  };
  const shown = note.rows
    .slice(0, limit)
    .map((row) => `${label(row)} ${row.ids.map(name).join(words.names)}`)
    .join(words.rows);
  return note.rows.length > limit ? shown + words.more(note.rows.length - limit) : shown;
}

/** How many figures a low-sample note flags. */
export const lowSampleFigures = (note: Extract<Note, { kind: 'low-sample' }>) =>
  note.rows.reduce((n, row) => n + row.ids.length, 0);
