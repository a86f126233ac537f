import { describe, expect, it } from 'vitest';
import {
  createComment,
  editComment,
  filterThreads,
  openThreadCounts,
  openThreadsByTarget,
  setResolved,
  threadAuthors,
  threadsOf,
} from '../../../shared/review';
import type { CommentTargetType } from '../../../shared/domain';

const mk = (
  id: string,
  targetType: CommentTargetType,
  targetId: string,
  parentId: string | null,
  author: string,
  now: number,
) => createComment({ id, incidentId: 'inc', targetType, targetId, parentId, author, body: `b-${id}`, now });

describe('threads', () => {
  const comments = [
    mk('r2', 'event', 'e1', null, 'Bo', 5),
    mk('r1', 'cause', 'n1', null, 'Ana', 1),
    mk('a1', 'cause', 'n1', 'r1', 'Bo', 2),
    mk('a2', 'cause', 'n1', 'a1', 'Cy', 3),
    mk('orphan', 'cause', 'n2', 'missing', 'Cy', 4),
    setResolved(mk('r3', 'cause', 'n1', null, 'Ana', 6), true, 'Bo', 7),
  ];

  it('groups replies (also replies to replies) under their root, oldest first', () => {
    const t = threadsOf(comments);
    expect(t.map((x) => [x.root.id, x.replies.map((r) => r.id)])).toEqual([
      ['r1', ['a1', 'a2']],
      ['orphan', []],
      ['r2', []],
      ['r3', []],
    ]);
    expect(t[0]!.lastAt).toBe(3);
  });

  it('counts unresolved threads per target', () => {
    expect(openThreadCounts(comments)).toEqual(
      new Map([
        ['cause:n1', 1],
        ['cause:n2', 1],
        ['event:e1', 1],
      ]),
    );
    expect(openThreadsByTarget(comments, 'cause')).toEqual(
      new Map([
        ['n1', 1],
        ['n2', 1],
      ]),
    );
  });

  it('filters by unresolved, author (anywhere in the thread) and target type', () => {
    const t = threadsOf(comments);
    const ids = (f: Parameters<typeof filterThreads>[1]) => filterThreads(t, f).map((x) => x.root.id);
    expect(ids({ unresolvedOnly: true, author: null, targetType: null })).toEqual(['r1', 'orphan', 'r2']);
    expect(ids({ unresolvedOnly: false, author: 'Cy', targetType: null })).toEqual(['r1', 'orphan']);
    expect(ids({ unresolvedOnly: false, author: null, targetType: 'event' })).toEqual(['r2']);
    expect(threadAuthors(t)).toEqual(['Ana', 'Bo', 'Cy']);
  });

  it('lets only the author edit, marks the edit, and resolves/reopens', () => {
    const c = mk('x', 'action', 'a', null, 'Ana', 1);
    expect(editComment(c, 'new', 'Bo', 2)).toEqual({ ok: false, error: 'Only Ana can edit this comment.' });
    expect(editComment(c, '  ', 'Ana', 2).ok).toBe(false);
    const e = editComment(c, 'new', 'Ana', 2);
    expect(e.ok && e.comment).toMatchObject({ body: 'new', editedAt: 2 });
    const r = setResolved(c, true, 'Bo', 3);
    expect(r).toMatchObject({ resolved: true, resolvedAt: 3, resolvedBy: 'Bo' });
    expect(setResolved(r, false, 'Ana', 4)).toMatchObject({
      resolved: false,
      resolvedAt: null,
      resolvedBy: null,
    });
  });
});
