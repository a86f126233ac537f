/** What one connection may send (defaults in {@link DEFAULT_LIMITS}; `rootline serve` options). */
export interface SyncLimits {
  /** The largest single WebSocket message, in bytes; a larger one closes the socket (1009). */
  maxMessageBytes: number;
  /** The largest a document may grow to, in bytes of Yjs state; updates past it are refused. */
  maxDocumentBytes: number;
  /** Messages per second one connection (one socket) may send, sustained. */
  updatesPerSecond: number;
  /** How many messages above the rate a connection may send at once before being slowed. */
  burst: number;
  /** How long a connection over its rate is held back before it is closed instead, in ms. */
  maxDelayMs: number;
}

/**
 * Defaults sized for Rootline: the sharing author's first sync of a large incident's model
 * (tens of thousands of events) is one message of several MB; typing sends about one update
 * and one presence message per keystroke.
 */
export const DEFAULT_LIMITS: SyncLimits = {
  maxMessageBytes: 32 * 1024 * 1024,
  maxDocumentBytes: 128 * 1024 * 1024,
  updatesPerSecond: 100,
  burst: 300,
  maxDelayMs: 5000,
};

/**
 * A token bucket per connection: `take()` resolves at once while the connection is within its
 * rate, after a delay when it is over (so a burst is slowed, not dropped), and reports
 * `false` when the delay would pass `maxDelayMs` — a flood, which the caller cuts off.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limits: Pick<SyncLimits, 'updatesPerSecond' | 'burst' | 'maxDelayMs'>,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limits.burst;
    this.last = now();
  }

  /** Milliseconds to wait before the next message may go, or -1 when it must be refused. */
  reserve(): number {
    const now = this.now();
    const rate = this.limits.updatesPerSecond / 1000;
    this.tokens = Math.min(this.limits.burst, this.tokens + (now - this.last) * rate);
    this.last = now;
    const wait = this.tokens >= 1 ? 0 : (1 - this.tokens) / rate;
    if (wait > this.limits.maxDelayMs) return -1;
    this.tokens -= 1;
    return wait;
  }
}
