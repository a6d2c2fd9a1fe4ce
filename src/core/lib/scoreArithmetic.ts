import { ratio } from './ratio';

/**
 * Scoring and pay arithmetic of SPEC §6, on plain numbers. The formula functions and the scorecard
 * both use these, so a total means the same wherever it is shown.
 */

/**
 * Σ scoreᵢ × weightᵢ over the indicators that have both a score and a weight. An indicator without a
 * weight is not part of the scheme; one without a score adds nothing. No score at all gives null (an
 * agent with no data has no total, which is not a total of 0).
 */
export function weightedScore(
  scores: readonly (number | null)[],
  weights: readonly (number | null)[],
): number | null {
  let total = 0;
  let scored = false;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i];
    const weight = weights[i];
    if (score == null || weight == null) continue;
    total += score * weight;
    scored = true;
  }
  return scored ? total : null;
}

/** 接待量占比 (SPEC §6): an agent's receptions against the team's average per head. */
export function receptionShare(receptions: number, teamReceptions: number, headcount: number): number | null {
  if (headcount === 0) return null;
  return ratio(receptions, teamReceptions / headcount);
}

/**
 * Step tiers (分档赋分): the points of the tier the value reaches. With higher better, the highest
 * threshold at or below the value; with lower better, the lowest threshold at or above it. A value
 * that reaches no tier scores 0. Thresholds ascend.
 */
export function stepTier(
  value: number,
  thresholds: readonly number[],
  points: readonly number[],
  better: 'higher' | 'lower',
): number {
  if (better === 'higher') {
    for (let i = thresholds.length - 1; i >= 0; i--)
      if (value >= (thresholds[i] as number)) return points[i] as number;
    return 0;
  }
  for (let i = 0; i < thresholds.length; i++)
    if (value <= (thresholds[i] as number)) return points[i] as number;
  return 0;
}

/** Progressive tiers (累进): each slice of the value above a threshold earns that tier's rate. */
export function progressiveTiers(
  value: number,
  thresholds: readonly number[],
  rates: readonly number[],
): number {
  let total = 0;
  for (let i = 0; i < thresholds.length; i++) {
    const from = thresholds[i] as number;
    const to = i + 1 < thresholds.length ? (thresholds[i + 1] as number) : Number.POSITIVE_INFINITY;
    if (value > from) total += (Math.min(value, to) - from) * (rates[i] as number);
  }
  return total;
}
