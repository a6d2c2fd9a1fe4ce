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
