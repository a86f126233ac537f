import type { Comment, CommentTargetType } from '../../../shared/domain';
import { getDb } from '../db';

/** Every comment of an incident, oldest first. */
export async function listComments(incidentId: string): Promise<Comment[]> {
  const rows = await getDb().comments.where('incidentId').equals(incidentId).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Comments attached to one target (a cause, event, action or section). */
export async function listCommentsFor(targetType: CommentTargetType, targetId: string): Promise<Comment[]> {
  const rows = await getDb().comments.where('[targetType+targetId]').equals([targetType, targetId]).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export async function putComments(comments: Comment[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.comments, () => db.comments.bulkPut(comments));
}
