import { goTo } from '../../routing/route';

/*
 * "Show this event in the timeline" for other features (a cause citing an event, a comment):
 * `revealTimelineEvent(incidentId, eventId)` opens the Timeline tab, scrolls to the event and
 * selects it. The request waits here until the timeline panel picks it up.
 */
let pending: { incidentId: string; eventId: string } | null = null;
const listeners = new Set<() => void>();

/** Opens the incident's Timeline tab with the event selected and scrolled into view. */
export function revealTimelineEvent(incidentId: string, eventId: string): void {
  pending = { incidentId, eventId };
  for (const l of listeners) l();
  goTo({ name: 'incident', id: incidentId, tab: 'timeline' });
}

/** Takes the pending reveal request for an incident, if any. */
export function takeRevealRequest(incidentId: string): string | null {
  if (pending?.incidentId !== incidentId) return null;
  const id = pending.eventId;
  pending = null;
  return id;
}

export function subscribeReveal(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
