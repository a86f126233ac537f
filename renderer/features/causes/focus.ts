import { routeHash } from '../../routing/route';

/**
 * A cause another view asked to show (a "cited by" link, a review thread). The cause panel
 * takes it when it mounts or when the request changes; one pending request at a time.
 */
let pending: string | null = null;
const listeners = new Set<() => void>();

export function requestCauseFocus(causeId: string): void {
  pending = causeId;
  for (const l of listeners) l();
}

/** Returns and clears the pending request. */
export function takeCauseFocus(): string | null {
  const id = pending;
  pending = null;
  return id;
}

export function onCauseFocusRequest(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The hash of an incident's Root causes tab. */
export function causeLinkHash(incidentId: string): string {
  return routeHash({ name: 'incident', id: incidentId, tab: 'causes' });
}
