/**
 * Summaries of durations. Beside every mean the reports show the median and the 90th percentile
 * (SPEC §3). Percentiles interpolate between neighbours (as Sheets' PERCENTILE and Excel's
 * PERCENTILE.INC do), so a figure can be checked in the spreadsheet itself.
 */

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  // Indexed: called a few times per report on lists of up to a million, before it is optimized, an
  // unoptimized for-of makes an object per step.
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/**
 * Puts the k-th smallest of a[from … to] at a[k], the smaller before it and the larger after it
 * (N. Wirth's selection). Returns false when it takes too many passes (a pathological order), so that
 * the caller sorts instead.
 */
function select(a: Float64Array, k: number, from: number, to: number): boolean {
  let lo = from;
  let hi = to;
  for (let passes = 0; lo < hi; passes++) {
    if (passes > 100) return false;
    const pivot = a[k] as number;
    let i = lo;
    let j = hi;
    do {
      while ((a[i] as number) < pivot) i++;
      while (pivot < (a[j] as number)) j--;
      if (i <= j) {
        const swap = a[i] as number;
        a[i] = a[j] as number;
        a[j] = swap;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
  return true;
}

/**
 * Median and 90th percentile, for the columns beside a mean. Only the order statistics they need are
 * found (by selection, not by sorting a million durations); the interpolation is the same as PERCENTILE's.
 */
export function distribution(values: readonly number[]): { median: number | null; p90: number | null } {
  if (values.length === 0) return { median: null, p90: null };
  const a = new Float64Array(values);
  const last = a.length - 1;
  let sorted = false;
  const at = (p: number) => {
    const rank = last * p;
    const k = Math.floor(rank);
    if (!sorted && !select(a, k, 0, last)) {
      a.sort();
      sorted = true;
    }
    const low = a[k] as number;
    if (k === rank) return low;
    // The next order statistic is the smallest of those after k.
    let high = a[k + 1] as number;
    if (!sorted) for (let i = k + 2; i <= last; i++) if ((a[i] as number) < high) high = a[i] as number;
    return low + (high - low) * (rank - k);
  };
  return { median: at(0.5), p90: at(0.9) };
}
