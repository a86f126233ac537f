import type { FoldOptions } from './types';

function quantileOf(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  // Nearest rank: with two gaps, the 0.9 quantile is the larger one.
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? 0;
}

/**
 * The gap window of one group: `multiplier ×` its `quantile` inter-arrival gap, clamped to
 * [minGapMs, maxGapMs]. Dense groups (a failure logged every second) fold on short pauses,
 * sparse ones (a failure every ten minutes for hours) still fold into one event.
 */
export function adaptiveGap(sortedAt: ArrayLike<number>, options: FoldOptions): number {
  const n = sortedAt.length;
  if (n < options.minSamples) return options.minGapMs;
  const gaps = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) gaps[i - 1] = (sortedAt[i] ?? 0) - (sortedAt[i - 1] ?? 0);
  gaps.sort();
  const window = options.multiplier * quantileOf(gaps, options.quantile);
  return Math.min(options.maxGapMs, Math.max(options.minGapMs, window));
}
