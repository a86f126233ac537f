import type { TimelineEvent } from '../../../shared/domain';
import { getDb } from '../db';

const range = (incidentId: string) =>
  getDb().events.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]);

/** Number of timeline events of an incident (index count, no rows read). */
export async function countEvents(incidentId: string): Promise<number> {
  return range(incidentId).count();
}

/** One window of an incident's events in time order, read through the [incidentId+at] index. */
export async function listEventsWindow(
  incidentId: string,
  offset: number,
  limit: number,
): Promise<TimelineEvent[]> {
  return range(incidentId).offset(offset).limit(limit).toArray();
}

export async function getEvent(id: string): Promise<TimelineEvent | undefined> {
  return getDb().events.get(id);
}

/** Inserts or replaces events (one row each) in one transaction. */
export async function putEvents(events: TimelineEvent[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.events, () => db.events.bulkPut(events));
}

export async function deleteEvents(ids: string[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.events, () => db.events.bulkDelete(ids));
}
