import { INDICATORS, type Language, type Unit } from '../engine/catalog';
import type { Row } from '../engine/report';
import { SETTINGS, type SettingId, type Settings, settingText } from '../engine/settings';

/**
 * The change since the previous period (issue 20 item 4): today's figures against an earlier
 * period's, per agent (and team and shop where the earlier figures have them) and indicator.
 * The earlier figures come as PreviousFigures, whoever read them: the command line from a JSON
 * report (previousFromReport), the add-on from the 发放记录 rows of the last closed period.
 */

/** Figures by indicator id (the catalog's ids); a figure absent or null has no change. */
export type Figures = Readonly<Record<string, number | null>>;

/**
 * An earlier period's figures, the one input the change is computed from. Stable: the add-on builds
 * it from 发放记录, the command line from a JSON report; both hand it to compareWithPrevious, and
 * buildTabs takes it as `previous`.
 */
export interface PreviousFigures {
  /** The period as its report or pay run names it: "2026-09-01 – 2026-09-30", "2026-09". */
  period: string;
  /** When the period was closed (ISO 8601), for a closed pay period. */
  closedAt?: string;
  /**
   * Each agent's figures, by the agent's name as the report writes it (旗舰店:阿杰); from 发放记录 also
   * the pay closed for the agent, which 绩效's change columns compare with.
   */
  rows: { agent: string; figures: Figures; pay?: PreviousPay }[];
  /** The team's and the shop's figures, where the source has them (a JSON report does). */
  team?: Figures;
  shop?: Figures;
  /** The settings the figures were computed under, where known: differences are stated. */
  settings?: Partial<Settings>;
}

/** An agent's scores, total and pay of the earlier period, as 发放记录 keeps them. */
export interface PreviousPay {
  scheme: string;
  /** Each indicator's score by id (null: not scored). */
  scores: Figures;
  total: number | null;
  pay: number | null;
}

/** What a change is counted in: a rate's in percentage points, every other in the figure's own unit. */
export type ChangeUnit = 'percentage_points' | Exclude<Unit, 'ratio'>;

export const changeUnit = (unit: Unit): ChangeUnit => (unit === 'ratio' ? 'percentage_points' : unit);

/**
 * Today's figure minus the earlier one, a rate's in percentage points (32.6 % against 30.0 %: +2.6);
 * null when either is empty. Rounded to 9 decimals, so that float noise (0.3 − 0.1) never shows.
 */
export function figureChange(unit: Unit, current: unknown, previous: unknown): number | null {
  if (typeof current !== 'number' || typeof previous !== 'number') return null;
  const change = unit === 'ratio' ? (current - previous) * 100 : current - previous;
  return Math.round(change * 1e9) / 1e9 + 0;
}

/** A setting whose value differs between the two periods, each written as the settings read it. */
export interface SettingChange {
  id: SettingId;
  previous: string;
  current: string;
}

export interface PeriodChange {
  previous: PreviousFigures;
  /** Agents of today's report the earlier period does not have, in the report's order. */
  newAgents: string[];
  /** Agents of the earlier period not in today's report, in its order. */
  goneAgents: string[];
  /** Settings that differ, where the earlier figures say theirs. */
  settingsChanged: SettingChange[];
  /**
   * A row's change by indicator id: null for an agent new since then, or a team or shop row the
   * earlier figures do not have.
   */
  of(row: Row, level: 'agent' | 'team' | 'shop'): Figures | null;
}

function changeOfFigures(row: Row, figures: Figures): Figures {
  const change: Record<string, number | null> = {};
  for (const indicator of INDICATORS)
    change[indicator.id] = figureChange(indicator.unit, row[indicator.id], figures[indicator.id]);
  return change;
}

/** The change of every row of a report against the earlier figures. */
export function compareWithPrevious(
  current: { agents: readonly Row[]; settings: Settings },
  previous: PreviousFigures,
): PeriodChange {
  const earlier = new Map(previous.rows.map((row) => [row.agent, row.figures]));
  const names = [...new Set(current.agents.map((row) => String(row.agent)))];
  const settingsChanged: SettingChange[] = [];
  for (const s of SETTINGS) {
    const before = previous.settings?.[s.id];
    if (before === undefined) continue;
    const [was, now] = [settingText(s.id, before), settingText(s.id, current.settings[s.id])];
    if (was !== now) settingsChanged.push({ id: s.id, previous: was, current: now });
  }
  return {
    previous,
    newAgents: names.filter((name) => !earlier.has(name)),
    goneAgents: previous.rows.map((row) => row.agent).filter((name) => !names.includes(name)),
    settingsChanged,
    of(row, level) {
      const figures = level === 'agent' ? earlier.get(String(row.agent)) : previous[level];
      return figures ? changeOfFigures(row, figures) : null;
    },
  };
}

/** A change column's header words; the notes' longer words are in changeText.ts, not in Code.js. */
const CHANGE_WORDS: Record<Language, { change: string; points: string }> = {
  'zh-CN': { change: '较上期', points: '(百分点)' },
  'zh-TW': { change: '較上期', points: '(百分點)' },
  en: { change: 'vs previous', points: ' (pp)' },
};

/** A change column's header: "回复率 较上期(百分点)", "Sales vs previous". */
export function changeHeader(header: string, unit: Unit, language: Language): string {
  const words = CHANGE_WORDS[language];
  return `${header} ${words.change}${unit === 'ratio' ? words.points : ''}`;
}
