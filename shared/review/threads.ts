import type { Comment, CommentTargetType } from '../domain';

/** A thread: a root comment and its replies, oldest first. */
export interface Thread {
  root: Comment;
  replies: Comment[];
  /** Time of the latest comment or edit in the thread. */
  lastAt: number;
}

/** `type:id` of a comment target, the key of thread counts. */
export function targetKey(type: CommentTargetType, id: string): string {
  return `${type}:${id}`;
}

const byTime = (a: Comment, b: Comment): number => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/**
 * Groups comments into threads. A reply to a reply joins the thread of its root; a reply whose
 * root is missing (deleted, or not merged yet) becomes a thread of its own so it stays visible.
 */
export function threadsOf(comments: readonly Comment[]): Thread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: Comment): Comment => {
    let cur = c;
    const seen = new Set<string>();
    while (cur.parentId !== null && !seen.has(cur.id)) {
      seen.add(cur.id);
      const p = byId.get(cur.parentId);
      if (p === undefined) break;
      cur = p;
    }
    return cur;
  };
  const threads = new Map<string, Thread>();
  for (const c of [...comments].sort(byTime)) {
    const root = rootOf(c);
    let t = threads.get(root.id);
    if (t === undefined)
      threads.set(root.id, (t = { root, replies: [], lastAt: root.editedAt ?? root.createdAt }));
    if (c !== root) t.replies.push(c);
    t.lastAt = Math.max(t.lastAt, c.createdAt, c.editedAt ?? 0);
  }
  return [...threads.values()].sort((a, b) => byTime(a.root, b.root));
}

/** Unresolved threads per target (`targetKey`), for badges. */
export function openThreadCounts(comments: readonly Comment[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of threadsOf(comments)) {
    if (t.root.resolved) continue;
    const key = targetKey(t.root.targetType, t.root.targetId);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Open threads per id for one target type (the diagram and outline badges). */
export function openThreadsByTarget(
  comments: readonly Comment[],
  type: CommentTargetType,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, n] of openThreadCounts(comments)) {
    const prefix = `${type}:`;
    if (key.startsWith(prefix)) out.set(key.slice(prefix.length), n);
  }
  return out;
}

export interface ThreadFilter {
  unresolvedOnly: boolean;
  /** Threads in which this person wrote (root or reply); null for anyone. */
  author: string | null;
  targetType: CommentTargetType | null;
}

/** Threads matching a filter. */
export function filterThreads(threads: readonly Thread[], f: ThreadFilter): Thread[] {
  return threads.filter(
    (t) =>
      (!f.unresolvedOnly || !t.root.resolved) &&
      (f.targetType === null || t.root.targetType === f.targetType) &&
      (f.author === null || t.root.author === f.author || t.replies.some((r) => r.author === f.author)),
  );
}

/** Everyone who wrote in any of the threads, sorted. */
export function threadAuthors(threads: readonly Thread[]): string[] {
  const set = new Set<string>();
  for (const t of threads) for (const c of [t.root, ...t.replies]) set.add(c.author);
  return [...set].sort((a, b) => a.localeCompare(b));
}

/** A new comment: a thread root (parentId null) or a reply. */
export function createComment(init: {
  id: string;
  incidentId: string;
  targetType: CommentTargetType;
  targetId: string;
  parentId: string | null;
  author: string;
  body: string;
  now: number;
}): Comment {
  return {
    id: init.id,
    incidentId: init.incidentId,
    targetType: init.targetType,
    targetId: init.targetId,
    parentId: init.parentId,
    author: init.author.trim(),
    body: init.body,
    createdAt: init.now,
    editedAt: null,
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
  };
}

export type EditResult = { ok: true; comment: Comment } | { ok: false; error: string };

/** Edits a comment's body; only its author may (the "edited" mark is `editedAt`). */
export function editComment(comment: Comment, body: string, by: string, now: number): EditResult {
  if (comment.author !== by.trim())
    return { ok: false, error: `Only ${comment.author} can edit this comment.` };
  if (body.trim() === '') return { ok: false, error: 'A comment cannot be empty.' };
  if (body === comment.body) return { ok: true, comment };
  return { ok: true, comment: { ...comment, body, editedAt: now } };
}

/** Resolves (true) or reopens (false) a thread via its root comment. */
export function setResolved(root: Comment, resolved: boolean, by: string, now: number): Comment {
  return resolved
    ? { ...root, resolved: true, resolvedAt: now, resolvedBy: by.trim() }
    : { ...root, resolved: false, resolvedAt: null, resolvedBy: null };
}
