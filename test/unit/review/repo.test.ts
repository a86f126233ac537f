import { describe, expect, it } from 'vitest';
import { addChild } from '../../../shared/causes';
import { createComment } from '../../../shared/review';
import { setDb } from '../../../renderer/db/db';
import { openBundleText } from '../../../renderer/db/repos/bundles';
import { ensureCauseRoot, applyCauseEdit, listCauses } from '../../../renderer/db/repos/causes';
import { listComments, putComment } from '../../../renderer/db/repos/comments';
import { addIncident, getIncident } from '../../../renderer/db/repos/incidents';
import {
  exportReviewCopyText,
  getReviewLedger,
  importReviewCopy,
  resolveReviewConflict,
  setIncidentStatus,
} from '../../../renderer/db/repos/review';
import type { RootlineDb } from '../../../renderer/db/schema';
import { freshDb } from '../db/testDb';

/** Runs `fn` against a profile's database (two profiles = two people). */
async function as<T>(db: RootlineDb, fn: () => Promise<T>): Promise<T> {
  setDb(db);
  return fn();
}

describe('offline review round trip (repositories)', () => {
  it('author → reviewer → author: comments and states merged, nothing duplicated, conflicts kept', async () => {
    const author = freshDb('author');
    const reviewer = freshDb('reviewer');
    const inc = await as(author, () => addIncident({ title: 'Storage outage' }, 1000));
    await as(author, async () => {
      const nodes = await ensureCauseRoot(inc.id, inc.title, 'root', 1000);
      const edit = addChild(nodes, 'root', { id: 'cfg', now: 1001, title: 'Config change everywhere' })!;
      await applyCauseEdit(edit);
      await putComment(
        createComment({
          id: 'c1',
          incidentId: inc.id,
          targetType: 'cause',
          targetId: 'cfg',
          parentId: null,
          author: 'Ana',
          body: 'Check the flag',
          now: 1002,
        }),
      );
    });
    const copy = await as(author, () =>
      exportReviewCopyText(inc.id, { by: 'Ana', appVersion: '0.1.0', now: 2000 }),
    );
    expect((await as(author, () => getIncident(inc.id)))!.status).toBe('in-review');

    // The reviewer opens the copy as a plain bundle (ids kept), comments, agrees, edits a title.
    const opened = await as(reviewer, () => openBundleText(copy, 'storage.rootline.json', { now: 3000 }));
    expect(opened).toEqual({ ok: true, incidentId: inc.id, asCopy: false, notices: [] });
    await as(reviewer, async () => {
      const nodes = await listCauses(inc.id);
      const cfg = nodes.find((n) => n.id === 'cfg')!;
      await applyCauseEdit({
        put: [{ ...cfg, reviewState: 'agreed', title: 'Reviewer title', updatedAt: 3001 }],
        remove: [],
      });
      const [c1] = await listComments(inc.id);
      await putComment({ ...c1!, resolved: true, resolvedAt: 3002, resolvedBy: 'Bo' });
      await putComment(
        createComment({
          id: 'r1',
          incidentId: inc.id,
          targetType: 'cause',
          targetId: 'cfg',
          parentId: 'c1',
          author: 'Bo',
          body: 'Flag was global',
          now: 3003,
        }),
      );
      await setIncidentStatus(inc.id, 'approved', 3004);
    });
    const back = await as(reviewer, () =>
      exportReviewCopyText(inc.id, { by: 'Bo', appVersion: '0.1.0', now: 4000 }),
    );

    // Meanwhile the author renamed the same node.
    await as(author, async () => {
      const cfg = (await listCauses(inc.id)).find((n) => n.id === 'cfg')!;
      await applyCauseEdit({ put: [{ ...cfg, title: 'Author title', updatedAt: 2500 }], remove: [] });
    });
    const r = await as(author, () => importReviewCopy(inc.id, back, 'review-bo.rootline.json'));
    expect(r).toMatchObject({ ok: true, conflicts: 1, mergedWithBase: true });
    await as(author, async () => {
      const comments = await listComments(inc.id);
      expect(comments.map((c) => c.id)).toEqual(['c1', 'r1']);
      expect(comments[0]!.resolved).toBe(true);
      const cfg = (await listCauses(inc.id)).find((n) => n.id === 'cfg')!;
      expect(cfg).toMatchObject({ title: 'Author title', reviewState: 'agreed' });
      expect((await getIncident(inc.id))!.status).toBe('approved');
      const ledger = await getReviewLedger(inc.id);
      expect(ledger.conflicts.map((c) => c.key)).toEqual(['causes:cfg:title']);
      await resolveReviewConflict(inc.id, 'causes:cfg:title', 'theirs');
      expect((await listCauses(inc.id)).find((n) => n.id === 'cfg')!.title).toBe('Reviewer title');
      expect((await getReviewLedger(inc.id)).conflicts).toEqual([]);
    });
    // Importing the same file again adds nothing and asks nothing.
    const again = await as(author, () => importReviewCopy(inc.id, back, 'review-bo.rootline.json'));
    expect(again).toMatchObject({ ok: true, conflicts: 0 });
    expect(await as(author, () => listComments(inc.id))).toHaveLength(2);
  });

  it('refuses a copy of another incident with a clear message', async () => {
    const db = freshDb('other');
    const a = await as(db, () => addIncident({ title: 'A' }, 1));
    const b = await as(db, () => addIncident({ title: 'B' }, 2));
    const text = await as(db, () => exportReviewCopyText(b.id, { by: 'x', appVersion: '0', now: 3 }));
    const r = await as(db, () => importReviewCopy(a.id, text, 'b.rootline.json'));
    expect(r).toEqual({
      ok: false,
      error: 'b.rootline.json is a copy of another incident ("B"). Open it from the incident list instead.',
    });
  });
});
