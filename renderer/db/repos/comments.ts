import { Comment, type CommentTargetType } from '../../../shared/domain';
import { getDb } from '../db';
import { checkRows } from './damaged';

const byTime = (a: Comment, b: Comment) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/** Every valid comment of an incident, oldest first (damaged: `readDamagedRows('comments', …)`). */
export async function listComments(incidentId: string): Promise<Comment[]> {
  const rows: unknown[] = await getDb().comments.where('incidentId').equals(incidentId).toArray();
  return checkRows(rows, Comment).good.sort(byTime);
}

/** Valid comments attached to one target (a cause, event, action or section). */
export async function listCommentsFor(targetType: CommentTargetType, targetId: string): Promise<Comment[]> {
  const rows: unknown[] = await getDb()
    .comments.where('[targetType+targetId]')
    .equals([targetType, targetId])
    .toArray();
  return checkRows(rows, Comment).good.sort(byTime);
}

export async function putComments(comments: Comment[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.comments, () => db.comments.bulkPut(comments));
}

/** Writes one comment (new, edited, resolved or reopened). */
export async function putComment(comment: Comment): Promise<void> {
  await getDb().comments.put(comment);
}

/** Removes comments by id (undo of adding a comment). */
export async function deleteComments(ids: string[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.comments, () => db.comments.bulkDelete(ids));
}

const AUTHOR_PREF = 'review.authorName';

/** The name comments are signed with (asked once, kept in preferences); empty when not set yet. */
export async function getCommentAuthor(): Promise<string> {
  const row = await getDb().prefs.get(AUTHOR_PREF);
  return typeof row?.value === 'string' ? row.value : '';
}

export async function setCommentAuthor(name: string): Promise<void> {
  await getDb().prefs.put({ key: AUTHOR_PREF, value: name.trim() });
}
