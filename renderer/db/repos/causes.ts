import { CauseNode, DEFAULT_CAUSE_CATEGORIES, TimelineEvent } from '../../../shared/domain';
import { getDb } from '../db';
import { checkRows } from './damaged';

/**
 * The valid cause nodes of an incident (trees are small; ordering is done by the tree model).
 * A damaged row is left out, named apart by `readDamagedRows('causes', …)`.
 */
export async function listCauses(incidentId: string): Promise<CauseNode[]> {
  const rows: unknown[] = await getDb().causes.where('incidentId').equals(incidentId).toArray();
  return checkRows(rows, CauseNode).good;
}

export async function putCauses(nodes: CauseNode[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.causes, () => db.causes.bulkPut(nodes));
}

export async function deleteCauses(ids: string[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.causes, () => db.causes.bulkDelete(ids));
}

/** Applies a tree edit (rows to write, ids to delete) atomically. */
export async function applyCauseEdit(edit: { put: CauseNode[]; remove: string[] }): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.causes, async () => {
    if (edit.remove.length > 0) await db.causes.bulkDelete(edit.remove);
    if (edit.put.length > 0) await db.causes.bulkPut(edit.put);
  });
}

/**
 * Creates the top node (the loss) when the incident has no cause tree yet; returns the tree.
 * Runs in one transaction so two tabs opening the editor cannot create two top nodes.
 */
export async function ensureCauseRoot(
  incidentId: string,
  title: string,
  id: string,
  now: number,
): Promise<CauseNode[]> {
  const db = getDb();
  return db.transaction('rw', db.causes, async () => {
    const rows = await db.causes.where('incidentId').equals(incidentId).toArray();
    if (rows.length > 0) return rows;
    const root: CauseNode = {
      id,
      incidentId,
      parentId: null,
      order: 1,
      kind: 'incident',
      gate: 'OR',
      title,
      detail: '',
      category: null,
      evidenceEventIds: [],
      reviewState: 'open',
      createdAt: now,
      updatedAt: now,
    };
    await db.causes.add(root);
    return [root];
  });
}

/** Causes of an incident that cite an event as evidence (the event's "cited by" list). */
export async function listCausesCiting(incidentId: string, eventId: string): Promise<CauseNode[]> {
  const rows = await listCauses(incidentId);
  return rows.filter((c) => c.evidenceEventIds.includes(eventId));
}

/**
 * Timeline events matching `query` (title, detail, service, region, kind; case-insensitive),
 * in time order, at most `limit`: the evidence picker's list.
 */
export async function searchEvidenceEvents(
  incidentId: string,
  query: string,
  limit = 50,
): Promise<TimelineEvent[]> {
  const q = query.trim().toLowerCase();
  const rows = getDb()
    .events.where('[incidentId+at]')
    .between([incidentId, -Infinity], [incidentId, Infinity]);
  // A damaged row (named apart on the Timeline tab) is never offered: its fields may not be text.
  const match = (e: TimelineEvent): boolean =>
    checkRows([e], TimelineEvent).good.length === 1 &&
    (q === '' ||
      e.title.toLowerCase().includes(q) ||
      e.detail.toLowerCase().includes(q) ||
      (e.service ?? '').toLowerCase().includes(q) ||
      (e.region ?? '').toLowerCase().includes(q) ||
      e.kind.includes(q));
  return rows.filter(match).limit(limit).toArray();
}

/** Events by id, in the order asked; ids of deleted or damaged events are left out. */
export async function getEventsByIds(ids: readonly string[]): Promise<TimelineEvent[]> {
  const rows = await getDb().events.bulkGet([...ids]);
  return checkRows(
    rows.filter((e) => e !== undefined),
    TimelineEvent,
  ).good;
}

const CATEGORIES_PREF = 'causes.categories';

/** The fishbone categories offered for causes (editable list; the defaults until changed). */
export async function getCauseCategories(): Promise<string[]> {
  const row = await getDb().prefs.get(CATEGORIES_PREF);
  const value = row?.value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return [...DEFAULT_CAUSE_CATEGORIES];
}

export async function setCauseCategories(categories: string[]): Promise<void> {
  const clean = [...new Set(categories.map((c) => c.trim()).filter((c) => c !== ''))].slice(0, 50);
  await getDb().prefs.put({ key: CATEGORIES_PREF, value: clean });
}

/** Ids of the incident's timeline events (keys only; no rows are read). */
export async function listEventIds(incidentId: string): Promise<string[]> {
  return getDb()
    .events.where('[incidentId+at]')
    .between([incidentId, -Infinity], [incidentId, Infinity])
    .primaryKeys();
}
