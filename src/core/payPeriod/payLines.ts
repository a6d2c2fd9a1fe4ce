import { INDICATOR_BY_ID, indicatorName, type Language, type Naming } from '../engine/catalog';
import type { Row } from '../engine/report';
import type { Scheme } from '../engine/scheme';
import { stepTier } from '../lib/scoreArithmetic';
import type { FlagOf } from '../sheets/lowSample';
import { scorecardIndicators } from '../sheets/scorecard';
import { type SettingsBook, schemeOf } from '../sheets/settingsTab';

/** One indicator of an agent's pay: the figure, and its tier score ('' in 绩效: null here). */
export interface PayItem {
  id: string;
  figure: number | null;
  score: number | null;
}

/** An agent's pay as 绩效 computes it: the same arithmetic as its native formulas, on plain numbers. */
export interface PayLine {
  agent: string;
  scheme: string;
  /** Every indicator of the book (scorecardIndicators), in 绩效's order; null where the scheme does not score it. */
  items: (PayItem | null)[];
  total: number;
  full: number;
  /** null where the full marks are 0 (绩效 shows an empty cell). */
  pay: number | null;
}

/**
 * Each agent's scores, total, full marks and pay, exactly as 绩效's native formulas give them
 * (scorecard.ts): a figure's step tier, blank without a figure or when its scheme leaves a low-sample
 * figure unscored; a blank score counts in neither the total nor the full marks; the pay is the full
 * pay × total ÷ full marks. A test holds the two to the same numbers (payLines.test.ts).
 */
export function payLines(agents: readonly Row[], book: SettingsBook, flagOf: FlagOf = () => null): PayLine[] {
  const ids = scorecardIndicators(book);
  return agents.map((agent) => {
    const { scheme } = schemeOf(book, String(agent.agent));
    let total = 0;
    let full = 0;
    const items = ids.map((id): PayItem | null => {
      const item = scheme.items.find((i) => i.id === id);
      if (!item) return null;
      const value = agent[id];
      const figure = typeof value === 'number' && Number.isFinite(value) ? value : null;
      const leftOut = figure !== null && scheme.leaveOutLowSample === true && flagOf(agent, id) !== null;
      const score =
        figure === null || leftOut ? null : stepTier(figure, item.thresholds, item.points, item.better);
      if (score !== null) {
        total += score * item.weight;
        full += item.maxPoints * item.weight;
      }
      return { id, figure, score };
    });
    return {
      agent: String(agent.agent),
      scheme: scheme.name,
      items,
      total,
      full,
      pay: full === 0 ? null : (scheme.fullPay * total) / full,
    };
  });
}

const number = (n: number) => String(Number(n.toPrecision(12)));

/**
 * A scheme as one readable line: its full pay, then per indicator the tiers (≥ for higher-better, ≤
 * for lower-better), points, weight and maximum; and the settings the names say (30秒应答率 under
 * fast_reply_seconds 30). What a pay record keeps so that a paid figure can be explained later.
 */
export function schemeSummary(scheme: Scheme, language: Language, naming?: Naming): string {
  const items = scheme.items.map((item) => {
    const indicator = INDICATOR_BY_ID.get(item.id);
    const name = indicator ? indicatorName(indicator, language, naming) : item.id;
    const sign = item.better === 'higher' ? '≥' : '≤';
    return `${name} ${sign}${item.thresholds.map(number).join('/')}→${item.points.join('/')} ×${number(item.weight)} (max ${number(item.maxPoints)})`;
  });
  const lowSample = scheme.leaveOutLowSample
    ? '样本不足不计分 low-sample unscored'
    : '样本不足照常计分 low-sample scored';
  const settings = naming ? `; fast_reply_seconds=${naming.fastReplySeconds}` : '';
  return `${scheme.name}: 满额 full pay ${number(scheme.fullPay)}; ${items.join('; ')}; ${lowSample}${settings}`;
}
