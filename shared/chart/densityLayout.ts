import type { DensitySeries } from './layout';

/** One bar of the density strip: its left edge and width in px, and its two heights. */
export interface DensityBar {
  x: number;
  w: number;
  h: number;
  hImpact: number;
}

/** Bins narrower than this share columns this wide, so a month of minutes stays a few hundred bars. */
const MIN_COLUMN_PX = 2;

/**
 * The density strip's bars for the visible range: a bin at least 2 px wide gets a bar that spans
 * its whole bin (clipped to the range), so a bar stands where its records happened rather than
 * at the start of the bin; narrower bins are summed into 2 px columns by their centre.
 */
export function densityBars(
  d: DensitySeries,
  range: { from: number; to: number; plotLeft: number; scale: number },
  height: number,
): { bars: DensityBar[]; max: number } {
  const { from, to, plotLeft, scale } = range;
  const binPx = d.bucketMs * scale;
  const wide = binPx >= MIN_COLUMN_PX;
  const cols = new Map<number, { x0: number; x1: number; total: number; impact: number }>();
  for (let i = 0; i < d.total.length; i++) {
    const total = d.total[i] ?? 0;
    const t = d.start + i * d.bucketMs;
    if (total === 0 || t + d.bucketMs <= from || t >= to) continue;
    const x0 = plotLeft + (Math.max(t, from) - from) * scale;
    const x1 = plotLeft + (Math.min(t + d.bucketMs, to) - from) * scale;
    const key = wide ? i : Math.floor(((x0 + x1) / 2 - plotLeft) / MIN_COLUMN_PX);
    const c = cols.get(key);
    if (c) {
      c.total += total;
      c.impact += d.impact[i] ?? 0;
    } else {
      const left = wide ? x0 : plotLeft + key * MIN_COLUMN_PX;
      const right = wide ? x1 : left + MIN_COLUMN_PX;
      cols.set(key, { x0: left, x1: right, total, impact: d.impact[i] ?? 0 });
    }
  }
  let max = 0;
  for (const c of cols.values()) max = Math.max(max, c.total);
  // Adjacent wide bars keep a 1 px gap so neighbouring bins read as separate bars.
  const gap = binPx >= 4 ? 1 : 0;
  const bars = [...cols.values()]
    .map((c) => ({
      x: c.x0,
      w: Math.max(1, c.x1 - c.x0 - gap),
      h: Math.max(1, (c.total / max) * height),
      hImpact: (c.impact / max) * height,
    }))
    .sort((a, b) => a.x - b.x);
  return { bars, max };
}
