/** The distribution of a set of durations (milliseconds): how many, centre and spread. */
export interface Spread {
  count: number;
  median: number;
  /** First and third quartile: half of the values lie between them. */
  p25: number;
  p75: number;
  min: number;
  max: number;
  mean: number;
}

/**
 * The q-quantile of ascending values with linear interpolation between closest ranks (the
 * "type 7" of R and NumPy's default), so the median of [1, 2, 3, 4] is 2.5 as readers expect.
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  return a + (sorted[hi]! - a) * (pos - lo);
}

/** Median, quartiles, extremes and mean of some values; null when there are none. */
export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    mean: sum / sorted.length,
  };
}
