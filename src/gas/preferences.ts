import { utf8Length } from '../core/lib/utf8';
import type { Preferences } from '../core/sidebarApi';

/** Mappings and settings are remembered per spreadsheet, in document properties (9 KB a value). */
const KEY = 'cs-kpi.preferences';
export const PROPERTY_VALUE_LIMIT = 9 * 1024;

export function loadPreferences(): Preferences {
  const text = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!text) return { settings: {}, mappings: {} };
  try {
    return JSON.parse(text) as Preferences;
  } catch {
    return { settings: {}, mappings: {} };
  }
}

export function savePreferences(preferences: Preferences): { bytes: number } {
  const text = JSON.stringify(preferences);
  const bytes = utf8Length(text);
  if (bytes > PROPERTY_VALUE_LIMIT) {
    throw new Error(
      `设置太大，无法保存（${Math.ceil(bytes / 1024)} KB，上限 9 KB）。The mapping and settings are too large to remember (${Math.ceil(bytes / 1024)} KB of 9 KB): shorten the lists of internal accounts or auto-reply markers.`,
    );
  }
  PropertiesService.getDocumentProperties().setProperty(KEY, text);
  return { bytes };
}
