/**
 * A rate whose denominator is 0 is empty (SPEC §3): `null`, never 0, NaN or Infinity.
 * Every indicator and every formula function divides through here so the rule holds everywhere.
 */
export function ratio(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return numerator / denominator;
}
