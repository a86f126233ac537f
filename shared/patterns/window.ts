import type { KeyTimes } from '../domain';

/** The span of an incident the "new" mark looks at. */
export interface IncidentWindow {
  from: number;
  /** Infinity while the incident has no end yet. */
  to: number;
}

/**
 * The incident window: impact start (else detection) to resolution (else recovery, else
 * mitigation; open-ended when none is known). Null without a start.
 */
export function incidentWindow(k: KeyTimes): IncidentWindow | null {
  const from = k.impactStartAt ?? k.detectedAt;
  if (from === null) return null;
  const to = k.resolvedAt ?? k.recoveredAt ?? k.mitigatedAt;
  return { from, to: to === null || to < from ? Infinity : to };
}

/**
 * A pattern is new when it first appears inside the incident window while its logs reach back
 * before the window: a message the system had not logged until the incident. When the logs
 * start inside the window, nothing is known to be new.
 */
export function isNewInWindow(
  pattern: { firstAt: number; rangeFromAt: number },
  window: IncidentWindow | null,
): boolean {
  if (window === null || pattern.rangeFromAt >= window.from) return false;
  return pattern.firstAt >= window.from && pattern.firstAt <= window.to;
}
