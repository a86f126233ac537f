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
