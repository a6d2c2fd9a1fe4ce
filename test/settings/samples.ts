import {
  SETTINGS,
  type SettingId,
  type SettingSpec,
  type Settings,
  settingText,
} from '../../src/core/engine/settings';

/** A value other than the default for a setting, from its description (for front-end coverage tests). */
export function otherValue(s: SettingSpec): Settings[SettingId] {
  const type = s.type;
  switch (type.kind) {
    case 'zone':
      return 'UTC';
    case 'choice':
      return type.choices.find((c) => c !== s.default) as string;
    case 'whole':
      return s.default === type.min + 1 ? type.min + 2 : type.min + 1;
    case 'switch':
      return !s.default;
    case 'list':
      return ['样例账号', 'x'];
    case 'levels':
      return [5];
    case 'hours':
      return { start: 8 * 60, end: 23 * 60 };
  }
}

/** Every setting with a value other than its default, and that value as text. */
export const OTHER_VALUES = SETTINGS.map((s) => ({
  spec: s,
  value: otherValue(s),
  text: settingText(s.id, otherValue(s)),
}));
