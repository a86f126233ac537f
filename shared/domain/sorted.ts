/**
 * In `sorted` (ascending), the index of the last value at or before `value`; 0 when `value`
 * comes before them all or there are none. For finding which line, run or place an offset or time falls in,
 * given where each starts.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
