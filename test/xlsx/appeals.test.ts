import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formulaValues } from '../../scripts/preview/formulas';
import { DEFAULT_SCHEME } from '../../src/core/engine/scheme';
import { APPEALS_HEADER, readAppeals, withAcceptedAppeals } from '../../src/core/payPeriod/appeals';
import { payLines } from '../../src/core/payPeriod/payLines';
import { scorecardTab } from '../../src/core/sheets/scorecard';
import { readSettingsBook, settingsRows } from '../../src/core/sheets/settingsTab';
import type { Tab, TabCell } from '../../src/core/sheets/tabs';
import type { FakeSheet } from '../fakes/spreadsheet';
import { exampleAgents, spreadsheetOfTabs } from '../helpers/exampleMonth';
import { cellNumber, ensureLibreOffice, recalculatedSheets } from './libreoffice';

const LIBREOFFICE_MS = 180_000;

describe('绩效 reading 申诉, recalculated by LibreOffice', () => {
  it(
    'takes the corrected figure of an accepted appeal of the period, and nothing from the others',
    async () => {
      ensureLibreOffice();
      const { workbookOf } = await import('../../src/cli/workbook');
      const agents = exampleAgents();
      const [first = '', second = ''] = agents.map((a) => String(a.agent));
      const settings = settingsRows([DEFAULT_SCHEME], []);
      const book = readSettingsBook(settings);
      const card = scorecardTab(agents, book, 'native', 'zh-CN', undefined, () => null, '2024-03');
      const appealRows: TabCell[][] = [
        [...APPEALS_HEADER],
        // Accepted for March: applied.
        [first, '2024-03', '30秒应答率', 'claim', '接受 accepted', 0.95, null],
        // Rejected, another period, another agent's name in other case: not applied.
        [second, '2024-03', '30秒应答率', 'claim', '驳回 rejected', 0.1, null],
        [second, '2024-02', '平均响应时间(秒)', 'claim', '接受 accepted', 5, null],
        [
          String(first).toUpperCase() === first ? `${first}x` : String(first).toUpperCase(),
          '2024-03',
          '满意率',
          'c',
          '接受 accepted',
          0,
          null,
        ],
        // Accepted for March, another indicator of the second agent: applied.
        [second, '2024-03', '平均响应时间(秒)', 'claim', '接受 accepted', 12, null],
      ];
      const tabs: Tab[] = [
        card,
        { name: '设置', rows: settings, formats: [], frozenRows: 1, frozenColumns: 0, conditional: [] },
        {
          name: '申诉',
          rows: appealRows,
          formats: ['@', '@', '@', '@', '@', null, null],
          frozenRows: 1,
          frozenColumns: 0,
          conditional: [],
        },
      ];
      const path = join(mkdtempSync(join(tmpdir(), 'cs-kpi-appeals-')), 'appeals.xlsx');
      await (await workbookOf(tabs)).xlsx.writeFile(path);
      const [header = [], ...lines] = recalculatedSheets(path).get('绩效') as string[][];

      // What a close would pay: the same appeals applied to the figures, scored by payLines.
      const ids = DEFAULT_SCHEME.items.map((i) => i.id);
      const names: Record<string, string> = {
        fast_reply_rate: '30秒应答率',
        avg_response_s: '平均响应时间(秒)',
        conversion_rate: '询单转化率',
        satisfaction_rate: '满意率',
      };
      const appealed = withAcceptedAppeals(
        agents,
        readAppeals(appealRows),
        '2024-03',
        (id) => names[id] ?? id,
        ids,
      );
      const expected = payLines(appealed, book);
      expect(appealed[0]?.fast_reply_rate).toBe(0.95);
      expect(appealed[1]?.avg_response_s).toBe(12);
      expect(appealed[1]?.fast_reply_rate).toBe(agents[1]?.fast_reply_rate);

      // The preview's evaluator on the same cells.
      const spreadsheet = spreadsheetOfTabs(tabs);
      const sheet = spreadsheet.getSheetByName('绩效') as FakeSheet;
      const values = formulaValues(spreadsheet);
      const n = ids.length;
      expect(lines).toHaveLength(agents.length);
      lines.forEach((line, a) => {
        const line0 = expected[a];
        ids.forEach((id, k) => {
          const figure = appealed[a]?.[id] ?? null;
          const shown = cellNumber(line[2 + k * 2]);
          if (figure === null) expect(shown, `${line[0]} ${id} (LibreOffice)`).toBeNull();
          else expect(shown, `${line[0]} ${id} (LibreOffice)`).toBeCloseTo(figure as number, 9);
          const previewed = values.formulaValue(sheet, a + 2, 3 + k * 2);
          expect(previewed === '' ? null : previewed, `${line[0]} ${id} (preview)`).toBe(figure);
        });
        const pay = cellNumber(line[header.indexOf('绩效工资')]);
        const previewPay = values.formulaValue(sheet, a + 2, 5 + n * 2);
        if (line0?.pay === null) {
          expect(pay).toBeNull();
          expect(previewPay).toBe('');
        } else {
          expect(pay, `${line[0]} pay (LibreOffice)`).toBeCloseTo(line0?.pay as number, 6);
          expect(previewPay, `${line[0]} pay (preview)`).toBeCloseTo(line0?.pay as number, 6);
        }
      });
    },
    LIBREOFFICE_MS,
  );
});
