import { describe, expect, it } from 'vitest';
import { formulaValues } from '../../scripts/preview/formulas';
import type { Row } from '../../src/core/engine/report';
import { DEFAULT_SCHEME } from '../../src/core/engine/scheme';
import { payLines } from '../../src/core/payPeriod/payLines';
import { scorecardTab } from '../../src/core/sheets/scorecard';
import { readSettingsBook, settingsRows } from '../../src/core/sheets/settingsTab';
import type { FakeSheet } from '../fakes/spreadsheet';
import { AFTER_SALES_SCHEME } from '../helpers/engineRecords';
import { exampleAgents, spreadsheetOfTabs } from '../helpers/exampleMonth';

describe('payLines (what a close freezes) against 绩效’s native formulas', () => {
  it('gives every agent of the examples the score, total, full marks and pay 绩效 shows, on two schemes', () => {
    const agents = exampleAgents();
    // The after-sales scheme leaves low-sample figures unscored: the flagged figures take that path.
    const schemes = [DEFAULT_SCHEME, { ...AFTER_SALES_SCHEME, leaveOutLowSample: true }];
    const assignments = agents.map(
      (a, i) => [String(a.agent), schemes[i % 2]?.name as string] as [string, string],
    );
    const rows = settingsRows(schemes, assignments);
    const book = readSettingsBook(rows);
    const flagOf = (row: Row, id: string) => (row.low_sample?.includes(id) ? '样本不足' : null);
    const card = scorecardTab(agents, book, 'native', 'zh-CN', undefined, flagOf);
    const settings = { name: '设置', rows, formats: [], frozenRows: 1, frozenColumns: 0, conditional: [] };
    const spreadsheet = spreadsheetOfTabs([card, settings]);
    const sheet = spreadsheet.getSheetByName('绩效') as FakeSheet;
    const values = formulaValues(spreadsheet);
    const header = card.rows[0] as string[];
    const shown = (r: number, c: number) => {
      const cell = sheet.peek(r, c);
      return cell.formula === '' ? cell.value : values.formulaValue(sheet, r, c);
    };
    const lines = payLines(agents, book, flagOf);
    expect(lines).toHaveLength(agents.length);
    expect(agents.some((a) => (a.low_sample?.length ?? 0) > 0)).toBe(true);
    lines.forEach((line, a) => {
      const r = a + 2;
      expect(shown(r, 1)).toBe(line.agent);
      expect(shown(r, 2)).toBe(line.scheme);
      line.items.forEach((item, k) => {
        const score = shown(r, 4 + k * 2);
        expect(score === '' || score === null ? null : score, `${line.agent} ${header[3 + k * 2]}`).toBe(
          item?.score ?? null,
        );
      });
      const n = line.items.length;
      expect(shown(r, 3 + n * 2), `${line.agent} total`).toBeCloseTo(line.total, 9);
      expect(shown(r, 4 + n * 2), `${line.agent} full`).toBeCloseTo(line.full, 9);
      const pay = shown(r, 5 + n * 2);
      if (line.pay === null) expect(pay).toBe('');
      else expect(pay, `${line.agent} pay`).toBeCloseTo(line.pay, 6);
    });
    // The examples pay more than one amount: the comparison is not of zeros.
    expect(new Set(lines.map((l) => l.pay)).size).toBeGreaterThan(2);
  });
});
