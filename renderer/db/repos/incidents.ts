import { createIncident, Incident, isValidIncident, newId } from '../../../shared/domain';
import { copyTitle, remapSnapshotIds } from '../../../shared/bundle/remap';
import { getDb } from '../db';
import { INCIDENT_ROW_TABLES, incidentTablesOf } from '../schema';
import type { IncidentSnapshot } from '../../../shared/domain';
import { checkRows, type DamagedRow } from './damaged';
import { deleteIncidentRows, insertSnapshot, loadIncidentSnapshot } from './snapshot';

/** Every stored incident, most recently edited first, split into valid and damaged rows. */
export async function readIncidents(): Promise<{ good: Incident[]; damaged: DamagedRow[] }> {
  const rows: unknown[] = await getDb().incidents.orderBy('updatedAt').reverse().toArray();
  return checkRows(rows, Incident, isValidIncident);
}

/** All valid incidents, most recently edited first (damaged rows: {@link readIncidents}). */
export async function listIncidents(): Promise<Incident[]> {
  return (await readIncidents()).good;
}

/** One stored incident, checked: the row, a damaged-row notice, or null when absent. */
export async function readIncident(
  id: string,
): Promise<{ incident: Incident } | { damaged: DamagedRow } | null> {
  const row: unknown = await getDb().incidents.get(id);
  if (row === undefined) return null;
  const { good, damaged } = checkRows([row], Incident);
  return good[0] ? { incident: good[0] } : { damaged: damaged[0]! };
}

/** One valid incident; undefined when absent or damaged. */
export async function getIncident(id: string): Promise<Incident | undefined> {
  const read = await readIncident(id);
  return read && 'incident' in read ? read.incident : undefined;
}

/** Every stored row of an incident exactly as IndexedDB holds it, as JSON ("Export raw"). */
export async function exportRawIncident(id: string): Promise<string> {
  const snapshot = await loadIncidentSnapshot(id);
  if (!snapshot) throw new Error('This incident no longer exists.');
  return JSON.stringify({ rawRootlineRows: snapshot }, null, 2);
}

/** Creates and stores a new incident; returns it. */
export async function addIncident(init: Partial<Incident> = {}, now = Date.now()): Promise<Incident> {
  const incident = createIncident({ ...init, id: init.id ?? newId(now), now });
  await getDb().incidents.add(incident);
  return incident;
}

/**
 * Applies a patch to an incident and bumps `updatedAt`. Returns the row before and after
 * so callers can record an undo step.
 */
export async function updateIncident(
  id: string,
  patch: Partial<Omit<Incident, 'id' | 'createdAt'>>,
  now = Date.now(),
): Promise<{ before: Incident; after: Incident }> {
  const db = getDb();
  return db.transaction('rw', db.incidents, async () => {
    const before = await db.incidents.get(id);
    if (!before) throw new Error(`Incident ${id} no longer exists.`);
    const after: Incident = { ...before, ...patch, id, updatedAt: now };
    await db.incidents.put(after);
    return { before, after };
  });
}

/** Puts an incident row back exactly as given (undo/redo of overview edits). */
export async function putIncident(incident: Incident): Promise<void> {
  await getDb().incidents.put(incident);
}

/** Deletes an incident with all its rows; returns the snapshot so the delete can be undone. */
export async function deleteIncident(id: string): Promise<IncidentSnapshot | null> {
  const db = getDb();
  // Read and delete in one transaction so the returned snapshot is exactly what was removed.
  return db.transaction('rw', incidentTablesOf(db), async () => {
    const snapshot = await loadIncidentSnapshot(id);
    if (!snapshot) return null;
    await deleteIncidentRows(id);
    return snapshot;
  });
}

/** Restores a deleted incident from its snapshot. */
export async function restoreIncident(snapshot: IncidentSnapshot): Promise<void> {
  await insertSnapshot(snapshot);
}

/** Copies an incident and everything in it under fresh ids; returns the copy. */
export async function duplicateIncident(id: string, now = Date.now()): Promise<Incident | null> {
  const db = getDb();
  return db.transaction('rw', incidentTablesOf(db), async () => {
    const snapshot = await loadIncidentSnapshot(id);
    if (!snapshot) return null;
    const copy = remapSnapshotIds(snapshot, () => newId(now), now);
    copy.incident = { ...copy.incident, title: copyTitle(snapshot.incident.title), status: 'draft' };
    await insertSnapshot(copy);
    return copy.incident;
  });
}

/**
 * Deletes an incident nobody has touched: still exactly as created with its default title and
 * nothing in it. Returns whether it was deleted. A new incident that was opened and left without
 * an edit is not kept (a stray `Alt+N` must not leave an "Untitled incident" behind).
 */
export async function discardIfUntouched(id: string): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', incidentTablesOf(db), async () => {
    const incident = await db.incidents.get(id);
    if (!incident || !isPristine(incident)) return false;
    const counts = await Promise.all(
      INCIDENT_ROW_TABLES.map((t) => db.table(t).where('incidentId').equals(id).count()),
    );
    if (counts.some((n) => n > 0)) return false;
    await db.incidents.delete(id);
    return true;
  });
}

/**
 * True for an incident row that is still what `createIncident` made, field for field (a cheap
 * check on a row already read; `discardIfUntouched` also checks that nothing belongs to it).
 */
export function isPristine(incident: Incident): boolean {
  // The zones may come from the user's preferences when the incident is created.
  const fresh: Record<string, unknown> = createIncident({
    id: incident.id,
    now: incident.createdAt,
    displayZone: incident.displayZone,
    secondaryZone: incident.secondaryZone,
  });
  const row = incident as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(fresh), ...Object.keys(row)]);
  return [...keys].every((k) => JSON.stringify(row[k]) === JSON.stringify(fresh[k]));
}
