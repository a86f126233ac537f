import type { DBCoreKeyRange, DBCoreRangeType, DBCoreTransaction } from 'dexie';
import { isRenderableEvent, TimelineEvent, type Incident } from '../../../shared/domain';
import { getDb } from '../db';
import { tagWriteOrigin } from '../changeLog';
import { META_PART, type EventPackRow } from '../eventPacks';
import { checkRows, type DamagedRow } from './damaged';

/**
 * The rows that pass the event checks (the fast renderability check, then the schema for the
 * rest): a row damaged in IndexedDB (a time past the Date range, a wrong type, a missing field)
 * is left out here and named apart (`readEventRows` gives them by name), so it never reaches a
 * formatter, the chart or an export.
 */
export const soundEvents = (rows: readonly unknown[]): TimelineEvent[] =>
  checkRows(rows, TimelineEvent, isRenderableEvent).good;

/** Events in time order: `at`, then id (IndexedDB orders equal index keys by primary key). */
const AT_INDEX = '[incidentId+at]';

const range = (incidentId: string) =>
  getDb().events.where(AT_INDEX).between([incidentId, -Infinity], [incidentId, Infinity]);

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
  return soundEvents(await range(incidentId).offset(offset).limit(limit).toArray());
}

/**
 * Events from `fromAt` on (skipping the first `skip` of them), for reading an incident in
 * chunks: each chunk starts where the last ended, so no chunk pays for an ever larger offset.
 * The skipped rows are read and dropped here: a Dexie `offset()` would turn the read into a
 * cursor walked one row at a time, where a plain range with a limit is one `getAll`.
 * `complete` says whether the read reached the last event (damaged rows are counted as read,
 * so one of them never makes a chunk look like the last).
 */
export async function listEventsFrom(
  incidentId: string,
  fromAt: number,
  skip: number,
  limit: number,
): Promise<{ events: TimelineEvent[]; complete: boolean }> {
  const rows = await getDb()
    .events.where('[incidentId+at]')
    .between([incidentId, fromAt], [incidentId, Infinity])
    .limit(skip + limit)
    .toArray();
  return { events: soundEvents(skip > 0 ? rows.slice(skip) : rows), complete: rows.length < skip + limit };
}

/**
 * Where to cut an incident's events into slices of about `size`: the `at` of every size-th event
 * in index order, ascending and without repeats. A key cursor skips along the index, so no
 * event itself is read (or cloned).
 */
export async function eventSliceBounds(incidentId: string, size: number): Promise<number[]> {
  const db = getDb();
  return db.transaction('r', db.events, async (tx) => {
    const table = db.core.table('events');
    const index = table.schema.getIndexByKeyPath(['incidentId', 'at']);
    if (!index) throw new Error('The timeline index is missing.');
    const range: DBCoreKeyRange = {
      type: 1 as DBCoreRangeType.Range,
      lower: [incidentId, -Infinity],
      upper: [incidentId, Infinity],
      lowerOpen: false,
      upperOpen: false,
    };
    const trans = tx.idbtrans as unknown as DBCoreTransaction;
    const cursor = await table.openCursor({ trans, values: false, query: { index, range } });
    const bounds: number[] = [];
    if (cursor === null) return bounds;
    let first = true;
    await cursor.start(() => {
      if (!first) {
        const at = (cursor.key as [string, number])[1];
        if (bounds.length === 0 || at > bounds[bounds.length - 1]!) bounds.push(at);
      }
      first = false;
      cursor.advance(size);
    });
    return bounds;
  });
}

/**
 * Every event of an incident in time order (the index order: `at`, then id), read as slices
 * of about `size` events, all requested at once in one read transaction. Each slice arrives as
 * its own small task, so the page stays responsive while 100,000 events are read, and the
 * database never waits for the page between slices.
 */
export async function listAllEvents(incidentId: string, size = 1_000): Promise<TimelineEvent[]> {
  return (await readEventRows(incidentId, size)).events;
}

/** An incident's events as read from its rows: the sound ones, the damaged ones by name, the revision. */
export interface EventRows {
  events: TimelineEvent[];
  /** Rows that fail the event schema (shown by name, never rendered). */
  damaged: DamagedRow[];
  rev: string | null;
}

/**
 * Every event of an incident (as `listAllEvents`), the rows that fail the schema by name, and —
 * read in the same transaction — the revision of its events (db/eventPacks.ts): what packs
 * built from these rows must carry. A row whose time is not a number is not in the time index;
 * when the incident index counts more rows than the time index gave, those are found and named.
 */
export async function readEventRows(incidentId: string, size = 1_000): Promise<EventRows> {
  const bounds = await eventSliceBounds(incidentId, size);
  const edges = [-Infinity, ...bounds, Infinity];
  const db = getDb();
  return db.transaction('r', [db.events, db.eventPacks], async () => {
    const [meta, all, ...parts] = await Promise.all([
      db.eventPacks.get([incidentId, META_PART]),
      db.events.where('incidentId').equals(incidentId).count(),
      ...edges.slice(1).map((hi, i) =>
        db.events
          .where(AT_INDEX)
          .between([incidentId, edges[i]!], [incidentId, hi], true, hi === Infinity)
          .toArray()
          // Checked as each slice arrives, so the check is spread over the slices' own tasks.
          .then((rows) => checkRows(rows, TimelineEvent, isRenderableEvent)),
      ),
    ]);
    const checked = parts as Array<ReturnType<typeof checkRows<TimelineEvent>>>;
    const events = checked.flatMap((c) => c.good);
    const damaged = checked.flatMap((c) => c.damaged);
    if ((all as number) > events.length + damaged.length) {
      const seen = new Set([...events.map((e) => e.id), ...damaged.map((d) => d.id)]);
      const rest = await db.events.where('incidentId').equals(incidentId).toArray();
      const outside = rest.filter((r) => !seen.has((r as { id?: unknown }).id as string));
      damaged.push(...checkRows(outside, TimelineEvent, isRenderableEvent).damaged);
    }
    return { events, damaged, rev: (meta as EventPackRow | undefined)?.rev ?? null };
  });
}

/** One sound event; undefined when absent or damaged. */
export async function getEvent(id: string): Promise<TimelineEvent | undefined> {
  return soundEvents([await getDb().events.get(id)].filter((e) => e !== undefined))[0];
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
