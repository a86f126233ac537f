import type { DensitySeries } from './layout';

/**
 * Raw-record counts per bucket, as stored for one import so the density strip needs no raw
 * records: only non-empty buckets, ascending. `bucket` is `floor(at / bucketMs)`.
 */
export interface DensityCounts {
  bucketMs: number;
  buckets: number[];
  total: number[];
  impact: number[];
  records: number;
}

/**
 * Counts raw records per time bucket (one minute by default), and how many of them are impact
 * records, for the density strip. Records may arrive in any order.
 */
export class DensityAccumulator {
  private readonly total = new Map<number, number>();
  private readonly impact = new Map<number, number>();
  records = 0;

  constructor(private readonly bucketMs = 60_000) {}

  add(at: number, isImpact: boolean): void {
    const b = Math.floor(at / this.bucketMs);
    this.total.set(b, (this.total.get(b) ?? 0) + 1);
    if (isImpact) this.impact.set(b, (this.impact.get(b) ?? 0) + 1);
    this.records++;
  }

  /** Adds counts kept from an earlier pass (one import's), as if each record were added again. */
  addCounts(c: DensityCounts): void {
    if (c.bucketMs !== this.bucketMs) throw new Error('Density counts of another bucket size.');
    for (let i = 0; i < c.buckets.length; i++) {
      const b = c.buckets[i]!;
      const t = c.total[i]!;
      const m = c.impact[i]!;
      if (t > 0) this.total.set(b, (this.total.get(b) ?? 0) + t);
      if (m > 0) this.impact.set(b, (this.impact.get(b) ?? 0) + m);
    }
    this.records += c.records;
  }

  /** What was added so far as counts to store (see `addCounts`). */
  counts(): DensityCounts {
    const buckets = [...this.total.keys()].sort((a, b) => a - b);
    return {
      bucketMs: this.bucketMs,
      buckets,
      total: buckets.map((b) => this.total.get(b)!),
      impact: buckets.map((b) => this.impact.get(b) ?? 0),
      records: this.records,
    };
  }

  /**
   * The series from the first to the last non-empty bucket. Spans longer than `maxBuckets`
   * buckets are coarsened (2, 3… buckets summed) so a month-long log stays a small array.
   */
  finish(maxBuckets = 20_000): DensitySeries | null {
    if (this.total.size === 0) return null;
    let lo = Infinity;
    let hi = -Infinity;
    for (const b of this.total.keys()) {
      if (b < lo) lo = b;
      if (b > hi) hi = b;
    }
    const factor = Math.max(1, Math.ceil((hi - lo + 1) / maxBuckets));
    const n = Math.floor((hi - lo) / factor) + 1;
    const total = new Uint32Array(n);
    const impact = new Uint32Array(n);
    for (const [b, c] of this.total) total[Math.floor((b - lo) / factor)]! += c;
    for (const [b, c] of this.impact) impact[Math.floor((b - lo) / factor)]! += c;
    return { start: lo * this.bucketMs, bucketMs: this.bucketMs * factor, total, impact };
  }
}
