import type { Language } from '../core/engine/catalog';
import { choiceName } from '../core/engine/choiceText';
import {
  DEFAULT_SETTINGS,
  type Proposal,
  resolveSettings,
  SETTINGS,
  type SettingId,
  type SettingSpec,
  type Settings,
  settingFromText,
  settingText,
} from '../core/engine/settings';
import type { Preferences } from '../core/sidebarApi';
import type { Messages } from './messages';

/** The id of a setting's field: from its flag, so `#set-window-days` is `--window-days`. */
export const fieldId = (s: SettingSpec) => `set-${s.flag.slice(2)}`;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** A field for one setting, as its type asks; words from the messages (textContent only). */
function control(s: SettingSpec, value: string, messages: Messages): HTMLElement {
  const id = fieldId(s);
  let field: HTMLInputElement | HTMLSelectElement;
  if (s.type.kind === 'choice') {
    const select = document.createElement('select');
    // The choice in the sidebar's language (最后接待的客服), its value as stored (last).
    const language = messages.language as Language;
    for (const choice of s.type.choices)
      select.append(new Option(choiceName(s.id, choice, language), choice, false, choice === value));
    field = select;
  } else if (s.type.kind === 'switch') {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = value === 'on';
    field = box;
  } else {
    const input = document.createElement('input');
    input.type = s.type.kind === 'whole' ? 'number' : 'text';
    if (s.type.kind === 'whole') {
      input.min = String(s.type.min);
      input.max = String(s.type.max);
    }
    if (s.type.kind === 'hours') input.placeholder = '08:00-24:00';
    input.value = value;
    field = input;
  }
  field.id = id;
  field.dataset.setting = s.id;
  const label = document.createElement('label');
  label.className = s.type.kind === 'switch' ? 'setting switch' : 'setting';
  const words = document.createElement('span');
  words.dataset.text = `setting_${s.id}`;
  words.textContent = messages[`setting_${s.id}`];
  label.title = messages[`settingHelp_${s.id}`];
  label.append(words, ' ', field);
  return label;
}

/** A saved value as text: saved by an older sidebar as numbers, arrays or `hours`, now as text. */
function savedText(s: SettingSpec, saved: Preferences['settings']): string | undefined {
  const value = saved[s.id] ?? (s.id === 'assessmentHours' ? saved.hours : undefined);
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

/**
 * The settings step, built from the engine's description: the simple settings shown, the rest in a
 * folded 更多设置. Defaults are the engine's (the time zone: the spreadsheet's); saved values win.
 */
export function buildSettingsForm(
  messages: Messages,
  spreadsheetZone: string,
  saved: Preferences['settings'],
) {
  const simple = byId<HTMLElement>('settings-simple');
  const more = byId<HTMLElement>('settings-more-fields');
  simple.replaceChildren();
  more.replaceChildren();
  for (const s of SETTINGS) {
    const fallback = s.id === 'timeZone' ? spreadsheetZone : settingText(s.id, DEFAULT_SETTINGS[s.id]);
    const value = savedText(s, saved) ?? fallback;
    (s.sidebar === 'simple' ? simple : more).append(control(s, value, messages));
  }
}

function fieldText(s: SettingSpec): string {
  const field = byId<HTMLInputElement>(fieldId(s));
  return field.type === 'checkbox' ? (field.checked ? 'on' : 'off') : field.value;
}

/** The settings as the form has them, read and checked as the description says. */
export function formSettings(spreadsheetZone: string): Settings {
  const values: Partial<Record<SettingId, unknown>> = {};
  for (const s of SETTINGS) values[s.id] = settingFromText(s.id, fieldText(s));
  if (!values.timeZone) values.timeZone = spreadsheetZone;
  return resolveSettings(values as Partial<Settings>);
}

/** Every setting as text, to remember per spreadsheet. */
export function formPreferences(): Preferences['settings'] {
  return Object.fromEntries(SETTINGS.map((s) => [s.id, fieldText(s)]));
}

/**
 * A platform's usual values for the recognized exports, each shown as proposed (or as used, once the
 * field has it) with a button that puts it in the field: never applied unless the user takes it.
 */
export function showProposals(list: readonly Proposal[], messages: Messages, onChange: () => void) {
  const box = byId<HTMLElement>('proposals');
  box.replaceChildren();
  for (const p of list) {
    const s = SETTINGS.find((x) => x.id === p.setting) as SettingSpec;
    const line = document.createElement('p');
    line.className = 'note proposal';
    line.dataset.setting = p.setting;
    line.textContent = (p.used ? messages.proposalUsed : messages.proposal)
      .replace('{platform}', messages.language === 'en' ? p.platform.en : p.platform.zh)
      .replace('{setting}', messages[`setting_${p.setting}`])
      .replace('{value}', p.text)
      .replace('{source}', p.source);
    if (!p.used) {
      const take = document.createElement('button');
      take.type = 'button';
      take.textContent = messages.useProposal;
      take.addEventListener('click', () => {
        const field = byId<HTMLInputElement>(fieldId(s));
        if (field.type === 'checkbox') field.checked = p.text === 'on';
        else field.value = p.text;
        // A field folded under 更多设置 is opened, so the user sees what changed.
        if (s.sidebar === 'more') byId<HTMLDetailsElement>('settings-more').open = true;
        onChange();
      });
      line.append(' ', take);
    }
    box.append(line);
  }
}
