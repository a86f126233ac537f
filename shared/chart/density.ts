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
 * Most non-empty buckets an accumulator keeps. Past it the buckets double in width (counts
 * summed) until half as many are left: records years apart (a hostile log's one line every three
 * hours) would otherwise keep a map entry each — 3.6 million records took the import worker past
 * 1 GB. The strip draws at most 20,000 buckets anyway.
 */
export const MAX_DENSITY_BUCKETS = 65_536;

/**
 * Counts raw records per time bucket (one minute by default), and how many of them are impact
 * records, for the density strip. Records may arrive in any order. The bucket width doubles when
 * more than `maxBuckets` buckets are non-empty, so memory stays bounded whatever the times.
 */
export class DensityAccumulator {
  private total = new Map<number, number>();
  private impact = new Map<number, number>();
  records = 0;

  constructor(
    private bucketMs = 60_000,
    private readonly maxBuckets = MAX_DENSITY_BUCKETS,
  ) {}

  add(at: number, isImpact: boolean): void {
    const b = Math.floor(at / this.bucketMs);
    this.total.set(b, (this.total.get(b) ?? 0) + 1);
    if (isImpact) this.impact.set(b, (this.impact.get(b) ?? 0) + 1);
    this.records++;
    if (this.total.size > this.maxBuckets) this.coarsen(1);
  }

  /** Widens the buckets `factor` times (then doubling) until at most half of `maxBuckets` are left. */
  private coarsen(factor: number): void {
    let f = factor;
    for (;;) {
      if (f > 1) {
        const regroup = (m: Map<number, number>) => {
          const out = new Map<number, number>();
          for (const [b, c] of m) {
            const k = Math.floor(b / f);
            out.set(k, (out.get(k) ?? 0) + c);
          }
          return out;
        };
        this.total = regroup(this.total);
        this.impact = regroup(this.impact);
        this.bucketMs *= f;
      }
      if (this.total.size <= this.maxBuckets / 2) return;
      f = 2;
    }
  }

  /**
   * Adds counts kept from an earlier pass (one import's), as if each record were added again.
   * Counts in wider buckets (an import whose buckets doubled) widen this accumulator's first.
   */
  addCounts(c: DensityCounts): void {
    const ratio = c.bucketMs >= this.bucketMs ? c.bucketMs / this.bucketMs : this.bucketMs / c.bucketMs;
    if (!Number.isInteger(ratio)) throw new Error('Density counts of another bucket size.');
    if (c.bucketMs > this.bucketMs) {
      this.coarsen(ratio);
    }
    // Narrower counts land in the bucket that holds them (floor of a floor is the floor). The
    // ratio is taken after widening: widening to the counts' width may have gone on doubling.
    const narrower = c.bucketMs < this.bucketMs ? this.bucketMs / c.bucketMs : 1;
    for (let i = 0; i < c.buckets.length; i++) {
      const b = Math.floor(c.buckets[i]! / narrower);
      const t = c.total[i]!;
      const m = c.impact[i]!;
      if (t > 0) this.total.set(b, (this.total.get(b) ?? 0) + t);
      if (m > 0) this.impact.set(b, (this.impact.get(b) ?? 0) + m);
    }
    this.records += c.records;
    if (this.total.size > this.maxBuckets) this.coarsen(1);
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
