import type { Naming } from '../core/engine/catalog';
import type { Row } from '../core/engine/report';
import { DEFAULT_SETTINGS } from '../core/engine/settings';
import { APPEALS_TAB, type Appeal, readAppeals } from '../core/payPeriod/appeals';
import type { FlagOf } from '../core/sheets/lowSample';
import {
  flagsOfTabs,
  type IndicatorTabContent,
  mergeAgentRows,
  readIndicatorTab,
} from '../core/sheets/scorecard';
import { TAB_NAMES } from '../core/sheets/tabs';
import { localMs } from '../core/time/zone';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const INDICATOR_TABS = [TAB_NAMES.service, TAB_NAMES.sales, TAB_NAMES.after_sales];

/** The figures the indicator tabs hold now: what 绩效, a close and a what-if are computed from. */
export interface TabFigures {
  tabs: { sheet: Sheet; content: IndicatorTabContent }[];
  agents: Row[];
  /** The names the indicator tabs were written with (3分钟应答率 under 180 s). */
  naming: Naming;
  flagOf: FlagOf;
}

export function readTabFigures(spreadsheet: Spreadsheet): TabFigures {
  const tabs = INDICATOR_TABS.flatMap((name) => {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) return [];
    const cells = sheet.getDataRange();
    return [{ sheet, content: readIndicatorTab(cells.getValues(), cells.getNotes()) }];
  });
  const contents = tabs.map((tab) => tab.content);
  return {
    tabs,
    agents: mergeAgentRows(contents),
    naming: { ...DEFAULT_SETTINGS, ...Object.assign({}, ...contents.map((content) => content.naming)) },
    flagOf: flagsOfTabs(contents),
  };
}

/** The local 'YYYY-MM-DD HH:MM:SS' of an instant in the spreadsheet's zone. */
export function localText(spreadsheet: Spreadsheet, epochMs: number): string {
  const zone = spreadsheet.getSpreadsheetTimeZone();
  return new Date(localMs(zone, epochMs)).toISOString().slice(0, 19).replace('T', ' ');
}

/** The appeals recorded in 申诉, or none when the spreadsheet has no such tab. */
export function readAppealsTab(spreadsheet: Spreadsheet): Appeal[] {
  const sheet = spreadsheet.getSheetByName(APPEALS_TAB);
  return sheet ? readAppeals(sheet.getDataRange().getValues()) : [];
}
