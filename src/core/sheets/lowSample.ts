import type { Language } from '../engine/catalog';
import type { Row } from '../engine/report';
import type { FlaggedCell } from './tabModel';

/** A figure over too few cases, as its cell's note says it in the workbook's language. */
const WORDS: Record<Language, string> = { 'zh-CN': '样本不足', 'zh-TW': '樣本不足', en: 'Low sample' };

/** "样本不足：2 < 5": the cases the figure rests on, and min_sample. */
export function lowSampleNote(cases: number, minSample: number, language: Language): string {
  return `${WORDS[language]}${language === 'en' ? ': ' : '：'}${cases} < ${minSample}`;
}

/** Whether a cell's note is one the add-on wrote for a low-sample figure (in any language). */
export function isLowSampleNote(note: unknown): boolean {
  const text = String(note ?? '');
  return Object.values(WORDS).some((word) => text.startsWith(word));
}

/** The note of a row's figure (a column id; a mean's median and p90 share the mean's), or null. */
export type FlagOf = (row: Row, columnId: string) => string | null;

/** The indicator id of a column: a mean's median and p90 are flagged with the mean. */
export const indicatorOfColumn = (columnId: string) => columnId.replace(/_(median|p90)$/, '');

/**
 * The flagged cells of a table whose rows (from `firstRow`, 0-based) are these rows and whose columns
 * from `firstColumn` are these column ids.
 */
export function flaggedCells(
  rows: readonly Row[],
  columnIds: readonly string[],
  flagOf: FlagOf,
  firstRow: number,
  firstColumn: number,
): FlaggedCell[] {
  const cells: FlaggedCell[] = [];
  rows.forEach((row, r) => {
    columnIds.forEach((id, c) => {
      const note = flagOf(row, id);
      if (note !== null) cells.push({ row: firstRow + r, column: firstColumn + c, note });
    });
  });
  return cells;
}
