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
}

const KEY = 'cs-kpi.import';

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
