import type { CauseNode } from '../../../shared/domain';
import { getDb } from '../db';

/** All cause nodes of an incident (trees are small; ordering is done by the tree model). */
export async function listCauses(incidentId: string): Promise<CauseNode[]> {
  return getDb().causes.where('incidentId').equals(incidentId).toArray();
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
