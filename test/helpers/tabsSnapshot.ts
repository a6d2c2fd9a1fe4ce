import type { FakeSpreadsheet } from '../fakes/spreadsheet';

/** Cells as getValues shows them: the fake keeps empty cells a clear() touched, Sheets has no such thing. */
const shown = (cells: unknown[][]) => {
  const rows = cells.map((row) => {
    const line = [...row];
    while (line.length > 0 && line[line.length - 1] === '') line.pop();
    return line;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
};

/**
 * Everything an import changes, per tab: what must be identical after a resumed import, or as before
 * after an abandoned one.
 */
export const tabsSnapshot = (spreadsheet: FakeSpreadsheet) =>
  spreadsheet.getSheets().map((s) => ({
    name: s.peekName(),
    id: s.getSheetId(),
    cells: shown(s.dump()),
    grid: s.gridSize(),
    frozen: [s.getFrozenRows(), s.getFrozenColumns()],
    rules: s.conditionalRules,
    marks: s.metadata.map((m) => m.getValue()),
    charts: s.charts.map((c) => c.ranges),
    filter: s.filter?.peekA1() ?? null,
  }));
