/**
 * Summaries of durations. Beside every mean the reports show the median and the 90th percentile
 * (SPEC §3). Percentiles interpolate between neighbours (as Sheets' PERCENTILE and Excel's
 * PERCENTILE.INC do), so a figure can be checked in the spreadsheet itself.
 */

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = (sorted.length - 1) * p;
  const low = sorted[Math.floor(rank)] as number;
  const high = sorted[Math.ceil(rank)] as number;
  return low + (high - low) * (rank - Math.floor(rank));
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

/** Median and 90th percentile from one sort, for the columns beside a mean. */
export function distribution(values: readonly number[]): { median: number | null; p90: number | null } {
  if (values.length === 0) return { median: null, p90: null };
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => {
    const rank = (sorted.length - 1) * p;
    const low = sorted[Math.floor(rank)] as number;
    const high = sorted[Math.ceil(rank)] as number;
    return low + (high - low) * (rank - Math.floor(rank));
  };
  return { median: at(0.5), p90: at(0.9) };
}
