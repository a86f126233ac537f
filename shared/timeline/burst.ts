import { DEFAULT_BURST_OPTIONS } from './types';
import type { BurstOptions } from './types';

/* One pattern's rate in one stream: a ring of bucket counts covering the window, and the total. */
interface Rate {
  stream: number;
  /** Index of the newest bucket (floor(at / bucketMs)); -Infinity before the first record. */
  newest: number;
  ring: Float64Array;
  windowCount: number;
  total: number;
}

/* Streams (files) remember their first instant: the earlier rate is measured from there. */
interface Stream {
  firstAt: number;
}

/**
 * Tells whether a record of a pattern arrives in a burst above that pattern's own earlier rate.
 *
 * Per (stream, pattern) it keeps the count in a sliding window (`windowMs`, in `buckets`
 * buckets) and the count before it. A record is in a burst when the window holds at least
 * `minCount` records and at least `factor ×` what the earlier rate predicts for one window.
 * The earlier rate is measured from the stream's first record to the window's start; until a
 * stream has `windowMs` of history before the window there is no earlier rate to compare with,
 * and nothing is a burst. Causal: a record is judged on what came before it (and itself), so the
 * answer never changes once given. Memory is constant per pattern; past `maxPatterns` the new
 * patterns of a stream share one rate.
 */
export class BurstTracker {
  private readonly options: BurstOptions;
  private readonly bucketMs: number;
  private readonly rates = new Map<string, Rate>();
  private readonly streams = new Map<number, Stream>();

  constructor(options: Partial<BurstOptions> = {}) {
    this.options = { ...DEFAULT_BURST_OPTIONS, ...options };
    this.bucketMs = this.options.windowMs / this.options.buckets;
  }

  /** Notes any record of a stream (the earlier rate is measured from the stream's first instant). */
  seen(stream: number, at: number): void {
    const s = this.streams.get(stream);
    if (s === undefined) this.streams.set(stream, { firstAt: at });
    else if (at < s.firstAt) s.firstAt = at;
  }

  /** Counts one record (`weight` occurrences) of `pattern` and says whether it is in a burst. */
  observe(stream: number, pattern: string, at: number, weight = 1): boolean {
    this.seen(stream, at);
    const rate = this.rateOf(stream, pattern);
    const b = Math.floor(at / this.bucketMs);
    const n = this.options.buckets;
    if (b > rate.newest) this.advance(rate, b);
    rate.total += weight;
    // Late records (out of order) count where they fall; older than the window: earlier rate only.
    if (b > rate.newest - n) {
      const slot = ((b % n) + n) % n;
      rate.ring[slot] = (rate.ring[slot] ?? 0) + weight;
      rate.windowCount += weight;
    }
    return this.inBurst(rate);
  }

  private rateOf(stream: number, pattern: string): Rate {
    const key = `${stream}\u0001${pattern}`;
    let rate = this.rates.get(key);
    if (rate !== undefined) return rate;
    const overflow = this.rates.size >= this.options.maxPatterns;
    const shared = `${stream}\u0001\u0000overflow`;
    if (overflow) {
      rate = this.rates.get(shared);
      if (rate !== undefined) return rate;
    }
    rate = {
      stream,
      newest: -Infinity,
      ring: new Float64Array(this.options.buckets),
      windowCount: 0,
      total: 0,
    };
    this.rates.set(overflow ? shared : key, rate);
    return rate;
  }

  private advance(rate: Rate, b: number): void {
    const n = this.options.buckets;
    const steps = rate.newest === -Infinity ? n : Math.min(n, b - rate.newest);
    for (let i = 1; i <= steps; i++) {
      const slot = (((b - steps + i) % n) + n) % n;
      rate.windowCount -= rate.ring[slot] ?? 0;
      rate.ring[slot] = 0;
    }
    rate.newest = b;
  }

  private inBurst(rate: Rate): boolean {
    const { minCount, factor, windowMs, buckets } = this.options;
    if (rate.windowCount < minCount) return false;
    const firstAt = this.streams.get(rate.stream)?.firstAt ?? Infinity;
    const windowStart = (rate.newest - buckets + 1) * this.bucketMs;
    const history = windowStart - firstAt;
    if (history < windowMs) return false;
    const expected = ((rate.total - rate.windowCount) * windowMs) / history;
    return rate.windowCount >= factor * expected;
  }
}
