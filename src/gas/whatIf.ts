import { INDICATOR_BY_ID, indicatorName } from '../core/engine/catalog';
import { languageOf } from '../core/lib/language';
import { AppealsError, withAcceptedAppeals } from '../core/payPeriod/appeals';
import { payLines } from '../core/payPeriod/payLines';
import { periodLabel } from '../core/payPeriod/payRecord';
import { payWhatIf as pairPays } from '../core/payPeriod/whatIf';
import { SCORECARD_TAB, scorecardIndicators } from '../core/sheets/scorecard';
import { readSettingsBook, SETTINGS_TAB, SettingsTabError } from '../core/sheets/settingsTab';
import type { PayWhatIf } from '../core/sidebarApi';
import { readAppealsTab, readTabFigures } from './indicatorTabs';
import { dataSpan } from './payPeriod';
import { ratesProblem } from './recompute';

/**
 * The sidebar's pay what-if before 按设置重新计算: each agent's pay as 绩效 shows it now (its values,
 * as Sheets calculated them) and as the edited 设置 would make it (payLines, the arithmetic of 绩效's
 * formulas, on the same figures and accepted appeals). Nothing is written.
 */
export function payWhatIf(): PayWhatIf {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const settings = spreadsheet.getSheetByName(SETTINGS_TAB);
  if (!settings)
    return {
      rows: [],
      problem:
        '还没有「设置」工作表：请先建立模板或导入。There is no 设置 tab yet: set up the template or import first.',
    };
  try {
    const book = readSettingsBook(settings.getDataRange().getValues());
    // 绩效 following another 汇率 than the import's: the what-if says so rather than pay figures.
    const ratesChanged = ratesProblem(spreadsheet, book);
    if (ratesChanged) return { rows: [], problem: ratesChanged };
    const figures = readTabFigures(spreadsheet);
    const language = languageOf(spreadsheet.getSpreadsheetLocale());
    const ids = scorecardIndicators(book);
    const nameOf = (id: string) => {
      const indicator = INDICATOR_BY_ID.get(id);
      return indicator ? indicatorName(indicator, language, figures.naming) : id;
    };
    const agents = withAcceptedAppeals(
      figures.agents,
      readAppealsTab(spreadsheet),
      periodLabel(dataSpan(spreadsheet)),
      nameOf,
      ids,
    );
    const card = spreadsheet.getSheetByName(SCORECARD_TAB)?.getDataRange().getValues() ?? [];
    return { rows: pairPays(card, payLines(agents, book, figures.flagOf)) };
  } catch (error) {
    if (!(error instanceof SettingsTabError || error instanceof AppealsError)) throw error;
    return { rows: [], problem: error.message };
  }
}
