import { describe, expect, it } from 'vitest';
import { cellCount, rowBlocks, rowsWidth } from './chunks';
import type { Tab } from './tabs';

function detailTab(rows: number): Tab {
  const line = Array.from({ length: 13 }, (_, c) => c);
  return {
    name: '咨询明细',
    rows: Array.from({ length: rows }, () => line),
    formats: [],
    frozenRows: 1,
    frozenColumns: 0,
    conditional: [],
  };
}

describe('blocks of rows for a large import', () => {
  it('cuts a 200,000-row 咨询明细 into blocks without overflowing the stack', () => {
    // Math.max(...rows) threw "Maximum call stack size exceeded" at about 125,000 rows.
    const tab = detailTab(200_000);
    expect(rowsWidth(tab.rows)).toBe(13);
    const blocks = rowBlocks([tab], 150_000);
    expect(blocks[0]?.rows).toHaveLength(11_538);
    expect(blocks).toHaveLength(18);
    expect(blocks.at(-1)?.startRow).toBe(17 * 11_538 + 1);
    expect(blocks.reduce((n, b) => n + b.rows.length, 0)).toBe(200_000);
    expect(cellCount([tab])).toBe(2_600_000);
  });

  it('takes the widest row as the width, and 1 for a tab without rows', () => {
    expect(rowsWidth([[1], [1, 2, 3], []])).toBe(3);
    expect(rowsWidth([])).toBe(1);
  });
});
