import type { ActionItem } from '../../../shared/domain';
import { getDb } from '../db';

export async function listActions(incidentId: string): Promise<ActionItem[]> {
  const rows = await getDb().actions.where('incidentId').equals(incidentId).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Open-ish action items of every incident (the cross-incident view and list counts). */
export async function listOpenActions(): Promise<ActionItem[]> {
  return getDb().actions.where('status').anyOf('open', 'in-progress').toArray();
}

export async function putActions(items: ActionItem[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.actions, () => db.actions.bulkPut(items));
}

export async function deleteActions(ids: string[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.actions, () => db.actions.bulkDelete(ids));
}
