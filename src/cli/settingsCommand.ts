import {
  PLATFORM_PRESETS,
  SETTINGS,
  type SettingSpec,
  type SettingType,
  settingText,
} from '../core/engine/settings';
import { SETTING_TEXT } from '../core/engine/settingsText';

/** What a flag takes, for the usage line and the listing. */
export function allowedText(type: SettingType): string {
  switch (type.kind) {
    case 'zone':
      return 'an IANA time zone';
    case 'choice':
      return type.choices.join('|');
    case 'whole':
      return `${type.min}–${type.max}${type.optional ? ' or empty (none)' : ''}`;
    case 'switch':
      return 'on|off';
    case 'list':
      return 'texts';
    case 'levels':
      return 'levels 1–5, comma separated';
    case 'hours':
      return 'HH:MM-HH:MM or empty (all day)';
  }
}

function flagValue(s: SettingSpec): string {
  const type = s.type;
  if (type.kind === 'choice' || type.kind === 'switch') return allowedText(type);
  if (type.kind === 'hours') return 'HH:MM-HH:MM';
  if (type.kind === 'zone') return 'ZONE';
  if (type.kind === 'list') return 'TEXT';
  if (type.kind === 'levels') return '5,4';
  return 'N';
}

/** The settings' part of the report usage: `[--tz ZONE] [--split auto|id|day|gap] …`. */
export function settingsUsage(): string[] {
  return SETTINGS.map((s) => `[${s.flag} ${flagValue(s)}]`);
}

/** Every setting as `cs-kpi settings --json` gives it. */
export function settingsListing() {
  return SETTINGS.map((s) => ({
    id: s.id,
    type: s.type.kind,
    default: s.default,
    default_text: settingText(s.id, s.default),
    allowed: allowedText(s.type),
    flag: s.flag,
    sheet_key: s.sheetKeys[0],
    sheet_keys: s.sheetKeys,
    // No engine setting lives on the 设置 tab (it holds the schemes); CS_INDICATORS reads these keys.
    settings_tab: null,
    sidebar: s.sidebar,
    labels: Object.fromEntries(Object.entries(SETTING_TEXT[s.id]).map(([l, t]) => [l, t.label])),
    help: Object.fromEntries(Object.entries(SETTING_TEXT[s.id]).map(([l, t]) => [l, t.help])),
    presets: PLATFORM_PRESETS.filter((p) => s.id in p.values).map((p) => ({
      platform: p.platform.en,
      value: settingText(s.id, p.values[s.id] as never),
      dialects: p.dialects,
      source: p.source,
    })),
  }));
}

/** `cs-kpi settings`: one block per setting. */
export function renderSettingsText(): string {
  return settingsListing()
    .map((s) =>
      [
        `${s.flag} ${s.allowed}  (default: ${s.default_text || 'none'})`,
        `    ${s.labels['zh-CN']} / ${s.labels.en} — ${s.help.en}`,
        `    CS_INDICATORS key: ${s.sheet_keys.join(', ')}; sidebar: ${s.sidebar === 'simple' ? 'shown' : '更多设置'}`,
        ...s.presets.map((p) => `    proposed for ${p.platform}: ${p.value} (${p.source})`),
      ].join('\n'),
    )
    .join('\n')
    .concat('\n');
}
