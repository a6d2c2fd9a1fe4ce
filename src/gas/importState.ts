import { utf8Length } from '../core/lib/utf8';
import type { ImportRecord } from '../core/pipeline/importRecord';
import { PROPERTY_VALUE_LIMIT } from './preferences';

/**
 * The import in progress, kept in the document's properties between the server calls of one import
 * (a block of rows, a tab's commit): which rows each new copy holds, which tabs already have their
 * new content and what to put back if the import is given up. It is what lets the sidebar repeat a
 * call whose answer it lost, resume after a call Apps Script stopped, or abandon with every tab as it
 * was. A few hundred bytes: far under the 9 KB a document property may hold.
 */
export interface ImportState {
  token: string;
  /** When a call of this import last ran (ms): another import takes over one idle past IDLE_MS. */
  touched: number;
  names: string[];
  /** Tabs that did not exist when the import began: their new copy becomes the tab at the end. */
  fresh: string[];
  /** Per tab, the rows its new copy holds, from row 1: blocks arrive in order. */
  rows: Record<string, number>;
  /**
   * Per tab whose cells the commit has begun to replace: its frozen rows and columns and its mark
   * before, to put back with the copy of its old cells (· 旧) if the import is abandoned.
   */
  backups: Record<string, { frozen: [number, number]; mark: string }>;
  /** Tabs that hold their new content (their charts and colors follow at the end). */
  committed: string[];
  /** What the sidebar says the import read, remembered once it is written (LastImport). */
  record?: ImportRecord;
}

const KEY = 'cs-kpi.import';
/** The last import written: its exports and its money figures' one currency (importRecord.ts). */
const LAST_KEY = 'cs-kpi.last-import';

/**
 * An import no call has touched for this long is taken to be abandoned (its sidebar closed): the
 * next import puts its tabs back and drops its copies. Until then a second import is refused.
 */
export const IDLE_MS = 10 * 60_000;

export const EXPIRED_IMPORT =
  '这次导入已过期或已被另一次导入取代，请重新导入。This import expired or was replaced; import again.';

export function loadImport(): ImportState | null {
  const text = PropertiesService.getDocumentProperties().getProperty(KEY);
  return text ? (JSON.parse(text) as ImportState) : null;
}

export function saveImport(state: ImportState) {
  state.touched = Date.now();
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(state));
}

export function clearImport() {
  PropertiesService.getDocumentProperties().deleteProperty(KEY);
}

export const isIdle = (state: ImportState) => Date.now() - state.touched > IDLE_MS;

/** The import `token` names, or a refusal saying to import again. */
export function currentImport(token: string): ImportState {
  const state = loadImport();
  if (!state || state.token !== token) throw new Error(EXPIRED_IMPORT);
  return state;
}

/**
 * After an import of the indicator tabs: what it read, for 按设置重新计算 to check 汇率 against (an
 * import of one currency writes no tab that names it). An import without a record (the template, an
 * older sidebar) forgets the last one's: the tabs are no longer its. A record too long for a property
 * (hundreds of exports) keeps its currency and drops the list of exports.
 */
export function rememberImport(record: ImportRecord | undefined) {
  const properties = PropertiesService.getDocumentProperties();
  if (!record) return properties.deleteProperty(LAST_KEY);
  let text = JSON.stringify(record);
  if (utf8Length(text) > PROPERTY_VALUE_LIMIT) text = JSON.stringify({ ...record, exports: [] });
  properties.setProperty(LAST_KEY, text);
}

/** The last import's record, or null (none written by this version, or unreadable). */
export function lastImport(): ImportRecord | null {
  const text = PropertiesService.getDocumentProperties().getProperty(LAST_KEY);
  try {
    return text ? (JSON.parse(text) as ImportRecord) : null;
  } catch {
    return null;
  }
}
