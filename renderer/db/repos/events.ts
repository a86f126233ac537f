import type { Incident, TimelineEvent } from '../../../shared/domain';
import { getDb } from '../db';
import { tagWriteOrigin } from '../changeLog';

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

/**
 * Events from `fromAt` on (skipping the first `skip` of them), for reading an incident in
 * chunks: each chunk starts where the last ended, so no chunk pays for an ever larger offset.
 */
export async function listEventsFrom(
  incidentId: string,
  fromAt: number,
  skip: number,
  limit: number,
): Promise<TimelineEvent[]> {
  return getDb()
    .events.where('[incidentId+at]')
    .between([incidentId, fromAt], [incidentId, Infinity])
    .offset(skip)
    .limit(limit)
    .toArray();
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

/**
 * One timeline edit in one transaction: rows to write, rows to remove, and optionally the
 * incident's key times (set from the timeline). Merge, split, delete and their undo all go
 * through here so the table and the Overview never see half an edit.
 */
export async function applyTimelineEdit(edit: {
  incidentId: string;
  put: TimelineEvent[];
  remove: string[];
  keyTimes?: Pick<Incident, 'keyTimes' | 'keyTimeOrigins'> | undefined;
  now?: number;
  /** Tag for the change log, so the writer's own cache does not reload what it applied. */
  origin?: string;
}): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.events, db.incidents], async () => {
    if (edit.origin !== undefined) tagWriteOrigin(edit.origin);
    if (edit.remove.length) await db.events.bulkDelete(edit.remove);
    if (edit.put.length) await db.events.bulkPut(edit.put);
    if (edit.keyTimes) {
      const incident = await db.incidents.get(edit.incidentId);
      if (!incident) throw new Error('The incident no longer exists.');
      await db.incidents.put({ ...incident, ...edit.keyTimes, updatedAt: edit.now ?? Date.now() });
    }
  });
}
