import { isRenderableEvent, type TimelineEvent } from '../../../shared/domain';
import { getDb } from '../db';
import type { DamagedRow } from './damaged';
import { readEventRows, type EventRows } from './events';
import { META_PART, newRev, type EventPackRow } from '../eventPacks';

/** An incident's packed events as stored: the revision they were built at, each pack's JSON, and the damaged rows left out. */
export interface StoredEventPacks {
  rev: string;
  packs: string[];
  damaged: DamagedRow[];
}

const rowsOf = (incidentId: string) =>
  getDb()
    .eventPacks.where('[incidentId+part]')
    .between([incidentId, META_PART], [incidentId, Infinity], true, true);

/**
 * The incident's packs when they are complete and current (built at the revision the meta row
 * holds now), else null: a caller then reads the rows and may build packs again.
 */
export async function readEventPacks(incidentId: string): Promise<StoredEventPacks | null> {
  const rows = await rowsOf(incidentId).toArray();
  const meta = rows[0];
  if (meta?.part !== META_PART || !meta.parts) return null;
  const packs: string[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.part !== i - 1 || row.rev !== meta.rev || typeof row.json !== 'string') return null;
    packs.push(row.json);
  }
  if (packs.length !== meta.parts) return null;
  return { rev: meta.rev, packs, damaged: Array.isArray(meta.damaged) ? meta.damaged : [] };
}

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
): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.eventPacks, async () => {
    const meta = await db.eventPacks.get([incidentId, META_PART]);
    if ((meta?.rev ?? null) !== rev) return false;
    const at = rev ?? newRev();
    await rowsOf(incidentId).delete();
    const rows: EventPackRow[] = [
      { incidentId, part: META_PART, rev: at, parts: packs.length, damaged: [...damaged] },
    ];
    packs.forEach((json, part) => rows.push({ incidentId, part, rev: at, json }));
    await db.eventPacks.bulkPut(rows);
    return true;
  });
}

/** Removes an incident's packs and meta row (the incident is being deleted). */
export async function deleteEventPacks(incidentId: string): Promise<void> {
  await rowsOf(incidentId).delete();
}

/** Events per pack: one pack parses in a few milliseconds, well under a 50 ms task. */
export const PACK_SIZE = 2_000;

/** Lets the page paint and handle input between two slices of work (no 4 ms timer clamp). */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** One pack's events when it is a JSON array of events that can be shown, else null. */
function parsePack(json: string): TimelineEvent[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || !parsed.every(isRenderableEvent)) return null;
  return parsed;
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
    packs.push(JSON.stringify(slice));
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
    return packs !== null && writeEventPacks(incidentId, rev, packs, damaged);
  })().finally(() => building.delete(incidentId));
  building.set(incidentId, job);
  return job;
}

/** Packs per read: a few megabytes, so the other views' small requests never wait long behind one. */
const PACKS_PER_READ = 4;

/**
 * The incident's events from its packs, read a few packs at a time (IndexedDB serves requests
 * one after another: one 40 MB read would hold up every other view's queries) and parsed one
 * pack per task while the next few are read. Null when the packs are missing, stale or damaged,
 * or change under the reader: every pack must carry the revision the meta row had.
 */
async function readPackedEvents(incidentId: string): Promise<IncidentEvents | null> {
  const db = getDb();
  const meta = await db.eventPacks.get([incidentId, META_PART]);
  if (!meta?.parts) return null;
  const parts = meta.parts;
  const range = (from: number) =>
    db.eventPacks
      .where('[incidentId+part]')
      .between([incidentId, from], [incidentId, Math.min(parts, from + PACKS_PER_READ)], true, false)
      .toArray();
  const events: TimelineEvent[] = [];
  let next = range(0);
  for (let from = 0; from < parts; from += PACKS_PER_READ) {
    const rows = await next;
    if (from + PACKS_PER_READ < parts) next = range(from + PACKS_PER_READ);
    if (rows.length !== Math.min(PACKS_PER_READ, parts - from)) return null;
    for (const [i, row] of rows.entries()) {
      if (row.part !== from + i || row.rev !== meta.rev || typeof row.json !== 'string') return null;
      await yieldToPage();
      const part = parsePack(row.json);
      if (part === null) return null;
      for (const e of part) events.push(e);
    }
  }
  return { events, damaged: Array.isArray(meta.damaged) ? meta.damaged : [] };
}

/** Every event of an incident in time order, and the rows that failed the event schema by name. */
export interface IncidentEvents {
  events: TimelineEvent[];
  damaged: DamagedRow[];
}

/**
 * Every event of an incident in time order: from its packs when they are current (tens of rows
 * instead of 100,000), else from the rows — and then the packs are built for next time.
 */
export async function readIncidentEvents(incidentId: string): Promise<IncidentEvents> {
  const packed = await readPackedEvents(incidentId);
  if (packed !== null) return packed;
  const read = await readEventRows(incidentId);
  void buildEventPacks(incidentId, read).catch(() => false);
  return { events: read.events, damaged: read.damaged };
}
