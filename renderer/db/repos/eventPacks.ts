import { isRenderableEvent, type TimelineEvent } from '../../../shared/domain';
import { getDb } from '../db';
import type { DamagedRow } from './damaged';
import { countEvents, readEventRows, type EventRows } from './events';
import { META_PART, newRev, type EventPackRow } from '../eventPacks';
import { decodePack, encodePack } from '../eventPackCodec';
import { yieldToPage } from '../../ui/yieldToPage';

const rowsOf = (incidentId: string) =>
  getDb()
    .eventPacks.where('[incidentId+part]')
    .between([incidentId, META_PART], [incidentId, Infinity], true, true);

/** The incident's current events revision (null before its events were first written since v7). */
export async function currentEventsRev(incidentId: string): Promise<string | null> {
  const meta = await getDb().eventPacks.get([incidentId, META_PART]);
  return meta?.rev ?? null;
}

/**
 * Stores packs built from the events as they were at `rev` (null: no meta row yet). Nothing is
 * written when the events changed since (the meta row holds another revision): those packs
 * would be stale. Returns whether they were stored.
 */
export async function writeEventPacks(
  incidentId: string,
  rev: string | null,
  packs: readonly string[],
  damaged: readonly DamagedRow[] = [],
  events?: number,
): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.eventPacks, async () => {
    const meta = await db.eventPacks.get([incidentId, META_PART]);
    if ((meta?.rev ?? null) !== rev) return false;
    const at = rev ?? newRev();
    await rowsOf(incidentId).delete();
    const rows: EventPackRow[] = [
      {
        incidentId,
        part: META_PART,
        rev: at,
        parts: packs.length,
        damaged: [...damaged],
        ...(events === undefined ? {} : { events }),
      },
    ];
    packs.forEach((json, part) => rows.push({ incidentId, part, rev: at, json }));
    await db.eventPacks.bulkPut(rows);
    return true;
  });
}

/**
 * How many events the incident has: from its meta row when its packs are current (one small
 * read), else counted through the time index (which walks all of it).
 */
export async function countIncidentEvents(incidentId: string): Promise<number> {
  const meta = await getDb().eventPacks.get([incidentId, META_PART]);
  return meta?.parts && typeof meta.events === 'number' ? meta.events : countEvents(incidentId);
}

/** Removes an incident's packs and meta row (the incident is being deleted). */
export async function deleteEventPacks(incidentId: string): Promise<void> {
  await rowsOf(incidentId).delete();
}

/** Events per pack: one pack parses in a few milliseconds, well under a 50 ms task. */
export const PACK_SIZE = 2_000;

/** Packs read per request (see readPackedEvents). */
const PACKS_PER_READ = 8;

/**
 * The events from the incident's packs when they are complete and current, else null. The packs
 * are asked for in groups of {@link PACKS_PER_READ}, all at once, and parsed one per task while
 * the later groups are still being read: one request for 100,000 events was a 50 ms task before
 * any of them was parsed. A write between the reads shows as a missing pack or another revision
 * (a write drops the packs and renews the meta row in its own transaction): null then.
 */
export async function readPackedEvents(incidentId: string): Promise<IncidentEvents | null> {
  const read = await readPacks(incidentId);
  return read && { events: read.events, damaged: read.damaged };
}

/** What {@link readPackedEvents} reads, with the revision and whether a pack is in the old text. */
async function readPacks(
  incidentId: string,
): Promise<(IncidentEvents & { rev: string; objectsText: boolean }) | null> {
  const table = getDb().eventPacks;
  const meta = await table.get([incidentId, META_PART]);
  if (meta?.part !== META_PART || !meta.parts) return null;
  const groups: Promise<EventPackRow[] | null>[] = [];
  for (let from = 0; from < meta.parts; from += PACKS_PER_READ)
    groups.push(
      table
        .where('[incidentId+part]')
        .between([incidentId, from], [incidentId, Math.min(meta.parts, from + PACKS_PER_READ)], true, false)
        .toArray()
        .catch(() => null),
    );
  const events: TimelineEvent[] = [];
  let part = 0;
  let objectsText = false;
  for (const group of groups) {
    const rows = await group;
    if (rows === null) return null;
    for (const row of rows) {
      if (row.part !== part || row.rev !== meta.rev || typeof row.json !== 'string') return null;
      // Each pack in a task of its own, the first too: the read's answer runs whatever else
      // awaited it (other reads of the opening page) in its task.
      await yieldToPage();
      if (!decodePack(row.json, events)) return null;
      objectsText ||= row.json.startsWith('[');
      part++;
    }
  }
  if (part !== meta.parts) return null;
  return { events, damaged: Array.isArray(meta.damaged) ? meta.damaged : [], rev: meta.rev, objectsText };
}

/** The packs of events in time order, serialised one per task. */
export async function packEvents(
  events: readonly TimelineEvent[],
  size = PACK_SIZE,
): Promise<string[] | null> {
  const packs: string[] = [];
  for (let from = 0; from < events.length; from += size) {
    if (from > 0) await yieldToPage();
    const slice = events.slice(from, from + size);
    // A damaged row keeps the incident on the row path, which names it.
    if (!slice.every(isRenderableEvent)) return null;
    packs.push(encodePack(slice));
  }
  return packs;
}

const building = new Map<string, Promise<boolean>>();

/**
 * Packs events read from the rows at `rev` and stores them, in the background, one small task at
 * a time. Stored only if the events did not change meanwhile.
 */
export function buildEventPacks(
  incidentId: string,
  read: Pick<EventRows, 'events' | 'damaged' | 'rev'>,
  size = PACK_SIZE,
): Promise<boolean> {
  const { events, damaged, rev } = read;
  const running = building.get(incidentId);
  if (running) return running;
  const job = (async () => {
    if (events.length === 0) return false;
    const packs = await packEvents(events, size);
    return packs !== null && writeEventPacks(incidentId, rev, packs, damaged, events.length);
  })().finally(() => building.delete(incidentId));
  building.set(incidentId, job);
  return job;
}

/** Every event of an incident in time order, and the rows that failed the event schema by name. */
export interface IncidentEvents {
  events: TimelineEvent[];
  damaged: DamagedRow[];
}

/**
 * Every event of an incident in time order: from its packs when they are current (tens of rows
 * instead of 100,000), else from the rows — and then the packs are built for next time. Packs
 * an earlier build wrote as arrays of objects are written again by columns (from the events just
 * read: they are the rows at that revision), unless the events changed meanwhile.
 */
export async function readIncidentEvents(incidentId: string): Promise<IncidentEvents> {
  const packed = await readPacks(incidentId);
  if (packed !== null) {
    const { events, damaged, rev, objectsText } = packed;
    if (objectsText) void buildEventPacks(incidentId, { events, damaged, rev }).catch(() => false);
    return { events, damaged };
  }
  const read = await readEventRows(incidentId);
  void buildEventPacks(incidentId, read).catch(() => false);
  return { events: read.events, damaged: read.damaged };
}
