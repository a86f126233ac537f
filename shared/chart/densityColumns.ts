import type { ChartLayout, DensitySeries } from './layout';

interface DensityGeometry {
  from: number;
  to: number;
  /** Pixels per millisecond. */
  scale: number;
  xOf: (t: number) => number;
  /** Height of the tallest column. */
  height: number;
}

/** The density strip's columns: buckets in [from, to] summed per pixel column, scaled to the tallest. */
export function densityColumns(
  d: DensitySeries,
  g: DensityGeometry,
): { density: ChartLayout['density']; densityMax: number } {
  const density: ChartLayout['density'] = [];
  let densityMax = 0;
  const cols = new Map<number, { total: number; impact: number }>();
  for (let i = 0; i < d.total.length; i++) {
    const t = d.start + i * d.bucketMs;
    const total = d.total[i] ?? 0;
    if (total === 0 || t + d.bucketMs < g.from || t > g.to) continue;
    const col = Math.floor(g.xOf(t));
    const c = cols.get(col) ?? { total: 0, impact: 0 };
    c.total += total;
    c.impact += d.impact[i] ?? 0;
    cols.set(col, c);
  }
  for (const c of cols.values()) densityMax = Math.max(densityMax, c.total);
  const w = Math.max(1, d.bucketMs * g.scale);
  for (const [col, c] of cols) {
    const h = (c.total / densityMax) * g.height;
    density.push({
      x: col,
      w: Math.min(w, 6),
      h: Math.max(1, h),
      hImpact: (c.impact / densityMax) * g.height,
    });
  }
  density.sort((a, b) => a.x - b.x);
  return { density, densityMax };
}
