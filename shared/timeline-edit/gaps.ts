/** The time span of an event: `endAt` null means a single instant. */
export interface Span {
  at: number;
  endAt: number | null;
}

/** A silent stretch between two consecutive events. */
export interface Gap {
  /** Index (in the input) of the event after which the silence starts. */
  afterIndex: number;
  fromAt: number;
  toAt: number;
  ms: number;
}

/**
 * Silent stretches longer than `thresholdMs` between consecutive events (sorted by `at`).
 * Silence starts when everything so far has ended: a long folded event covers the time
 * it spans, so events inside it never open a gap.
 */
export function findGaps(events: ArrayLike<Span>, thresholdMs: number): Gap[] {
  const gaps: Gap[] = [];
  if (!(thresholdMs > 0)) return gaps;
  let coveredUntil = -Infinity;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (i > 0 && e.at - coveredUntil > thresholdMs) {
      gaps.push({ afterIndex: i - 1, fromAt: coveredUntil, toAt: e.at, ms: e.at - coveredUntil });
    }
    const end = e.endAt !== null && e.endAt > e.at ? e.endAt : e.at;
    if (end > coveredUntil) coveredUntil = end;
  }
  return gaps;
}

/** `42 min without events`, `2 h 5 min without events`, `3 d 4 h without events`. */
export function describeGap(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min without events`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''} without events`;
  const days = Math.floor(hours / 24);
  return `${days} d${hours % 24 ? ` ${hours % 24} h` : ''} without events`;
}
