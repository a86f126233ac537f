import { INCIDENT_COLLECTIONS, type IncidentSnapshot } from '../../../shared/domain';
import { getDb } from '../db';
import { deleteEventPacks } from './eventPacks';
import { readLogBlock } from './logBlocks';
import { INCIDENT_ROW_TABLES, incidentTablesOf } from '../schema';

export type { IncidentSnapshot };

/** Reads a whole incident in one read transaction (consistent view), or null if absent. */
export async function loadIncidentSnapshot(incidentId: string): Promise<IncidentSnapshot | null> {
  const db = getDb();
  return db.transaction('r', incidentTablesOf(db), async () => {
    const incident = await db.incidents.get(incidentId);
    if (!incident) return null;
    const [events, imports, logBlocks, causes, comments, actions, sections, signoffs] = await Promise.all([
      db.events.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]).toArray(),
      db.imports.where('incidentId').equals(incidentId).toArray(),
      db.logBlocks.where('incidentId').equals(incidentId).toArray(),
      db.causes.where('incidentId').equals(incidentId).toArray(),
      db.comments.where('incidentId').equals(incidentId).toArray(),
      db.actions.where('incidentId').equals(incidentId).toArray(),
      db.sections
        .where('[incidentId+order]')
        .between([incidentId, -Infinity], [incidentId, Infinity])
        .toArray(),
      db.signoffs.where('incidentId').equals(incidentId).toArray(),
    ]);
    // Blocks of an import still being written (staged, no import row yet) are not part of
    // the incident: exporting or duplicating them would carry half an import along.
    const importIds = new Set(imports.map((i) => i.id));
    const committedBlocks = logBlocks.filter((b) => importIds.has(b.importId)).map(readLogBlock);
    return {
      incident,
      events,
      imports,
      logBlocks: committedBlocks,
      causes,
      comments,
      actions,
      sections,
      signoffs,
    };
  });
}

/** Writes every row of a snapshot atomically (used by bundle open and delete-undo). */
export async function insertSnapshot(snapshot: IncidentSnapshot): Promise<void> {
  const db = getDb();
  await db.transaction('rw', incidentTablesOf(db), async () => {
    await db.incidents.put(snapshot.incident);
    for (const c of INCIDENT_COLLECTIONS) await db.table(c).bulkPut(snapshot[c]);
  });
}

/** Deletes an incident and everything that belongs to it, atomically. */
export async function deleteIncidentRows(incidentId: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', incidentTablesOf(db), async () => {
    await Promise.all(
      INCIDENT_ROW_TABLES.map((t) => db.table(t).where('incidentId').equals(incidentId).delete()),
    );
    await db.incidents.delete(incidentId);
    // Derived packed events go last: deleting the events above wrote their meta row.
    await deleteEventPacks(incidentId);
  });
}
