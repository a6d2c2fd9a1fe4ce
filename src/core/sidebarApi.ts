import type { DataSpan } from './payPeriod/payRecord';
import type { PreviousFigures } from './payPeriod/previous';
import type { PayWhatIfRow } from './payPeriod/whatIf';
import type { ImportRecord } from './pipeline/importRecord';
import type { Grid, TabLayout } from './sheets/chunks';
import type { Tab } from './sheets/tabs';

/**
 * The contract between the sidebar (browser) and the server functions (Apps Script). Everything
 * crossing google.script.run must be JSON-like: no Date, no undefined inside arrays.
 */

export interface SidebarContext {
  spreadsheetName: string;
  /** The spreadsheet's IANA time zone: the shop's day boundaries default to it. */
  timeZone: string;
  /** The spreadsheet's locale (e.g. zh_CN): the language of sheet headers. */
  spreadsheetLocale: string;
  /** The user's locale: the language of the sidebar. */
  userLocale: string;
  tabs: string[];
  /** Opened by 按设置重新计算: show the pay what-if first, and apply only when asked. */
  whatIf?: boolean;
}

/** The pay what-if of 按设置重新计算 (src/core/payPeriod/whatIf.ts), or why there is none. */
export interface PayWhatIf {
  rows: PayWhatIfRow[];
  problem?: string;
}

/**
 * Words every "this tab was edited" refusal of the server contains: the sidebar and the menu actions
 * recognize the refusal by them (only an error's message crosses google.script.run) and ask first.
 */
export const EDITED_TAB = 'edited since the last import';

export interface WriteTabsRequest {
  tabs: Tab[];
  /**
   * The sidebar's name for this import: the same call repeated under it (its answer lost, or stopped
   * by Apps Script) goes on from where the first one was instead of starting over.
   */
  token?: string;
  /** Replace tabs the user edited since the last import (the sidebar asks first). */
  replaceEdited?: boolean;
  /** What the import read, remembered for 按设置重新计算 once it is written. */
  record?: ImportRecord;
}

export interface TabLink {
  name: string;
  /** The spreadsheet's URL with the tab's #gid: opens the tab even outside the sidebar. */
  url: string;
}

export interface WriteTabsResult {
  written: string[];
  links: TabLink[];
  /** The spreadsheet's cells after the import, of the 10 million it may hold. */
  cells: number;
}

/** Large imports travel in parts: the tabs' rows in blocks, then the rest of each tab at commit. */
export interface BeginTabsRequest {
  /** The sidebar's name for this import: repeating the start under it changes nothing. */
  token?: string;
  names: string[];
  /** Each tab's grid, in the order of `names`: checked against the 10M-cell limit before anything is written. */
  grids: Grid[];
  replaceEdited?: boolean;
  /** What the import read, remembered for 按设置重新计算 once it is written. */
  record?: ImportRecord;
}

export interface TabRowsRequest {
  token: string;
  name: string;
  /** 1-based row of the first row of the block. */
  startRow: number;
  rows: Tab['rows'];
  formats: Tab['formats'];
}

/** What the server holds of an import (beginTabs and every block say it): the sidebar resumes from there. */
export interface ImportProgress {
  /** Per tab, the rows its new copy holds (from row 1). */
  rows: Record<string, number>;
  /** The tabs that already hold their new content. */
  committed: string[];
}

/** One tab's commit in a call of its own (the largest tab's copy and read-back alone in a call). */
export interface CommitTabRequest {
  token: string;
  tab: TabLayout;
}

export interface CommitTabsRequest {
  token: string;
  /** Each tab without its rows (rows already sent), in order. */
  tabs: TabLayout[];
}

/**
 * What the sidebar remembers per spreadsheet: settings and each export's column mapping, by the
 * export's place in the sidebar: its kind for the first of a kind (orders), then orders-2, orders-3….
 */
export interface Preferences {
  settings: Record<string, string | number | boolean | string[] | null>;
  mappings: Partial<Record<string, Record<string, string>>>;
}

export interface ServerApi {
  getSidebarContext(): SidebarContext;
  writeTabs(request: WriteTabsRequest): WriteTabsResult;
  beginTabs(request: BeginTabsRequest): { token: string } & ImportProgress;
  appendTabRows(request: TabRowsRequest): ImportProgress;
  commitTab(request: CommitTabRequest): ImportProgress;
  commitTabs(request: CommitTabsRequest): WriteTabsResult;
  abortTabs(request: { token: string }): { aborted: boolean };
  /**
   * A tab of this spreadsheet as rows of text (dates as ISO instants), to read as an export: a block of
   * rows from `startRow` (1 when left out), `nextRow` the first row of the next block or null at the end.
   */
  readTab(name: string, startRow?: number): { name: string; rows: string[][]; nextRow: number | null };
  /**
   * The team's 设置 (null rows when there is none yet): the scheme every import follows; and whether
   * the spreadsheet has a 申诉 tab, which 绩效's figures then read.
   */
  readSettingsTab(): { rows: string[][] | null; appeals?: boolean };
  /**
   * The closed (not superseded) pay period of 发放记录 whose data end last before `span` begins, as
   * the indicator tabs' change columns read it; null with no such period (or no 发放记录).
   */
  previousClosedPeriod(span: DataSpan | null): PreviousFigures | null;
  /** Brings a tab to the front (the summary's links). */
  showTab(name: string): { shown: boolean };
  /** Each agent's pay now (as 绩效 shows it) and after 按设置重新计算; nothing is written. */
  payWhatIf(): PayWhatIf;
  /** 按设置重新计算, applied: 绩效 rebuilt from the edited 设置. */
  applyRecompute(): { applied: boolean; message: string };
  loadPreferences(): Preferences;
  savePreferences(preferences: Preferences): { bytes: number };
}

export type ServerFunctionName = keyof ServerApi;

/** An import's token: the server keeps its progress under it, so a repeated call is recognized. */
export const newImportToken = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
