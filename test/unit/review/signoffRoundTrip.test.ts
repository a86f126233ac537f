// Sign-off without a server: the author sends a review copy, the reviewer signs off in their own
// Rootline and sends a copy back, the author imports it and can publish.
import { describe, expect, it } from 'vitest';
import { setDb } from '../../../renderer/db/db';
import { openBundleText } from '../../../renderer/db/repos/bundles';
import { addIncident, getIncident, updateIncident } from '../../../renderer/db/repos/incidents';
import { exportReviewCopyText, importReviewCopy } from '../../../renderer/db/repos/review';
import { listSignOffs, publishIncident, recordSignOff } from '../../../renderer/db/repos/signoffs';
import type { RootlineDb } from '../../../renderer/db/schema';
import { freshDb } from '../db/testDb';

async function as<T>(db: RootlineDb, fn: () => Promise<T>): Promise<T> {
  setDb(db);
  return fn();
}

describe('sign-off through the offline review copy', () => {
  it('carries the reviewer’s decisions back, unblocks publishing, and a re-import adds nothing', async () => {
    const author = freshDb('so-author');
    const reviewer = freshDb('so-reviewer');
    const id = await as(author, async () => {
      const inc = await addIncident({ title: 'Storage outage' }, 1000);
      await updateIncident(inc.id, { reviewers: ['Grace Hopper'] }, 1000);
      return inc.id;
    });
    const sent = await as(author, () =>
      exportReviewCopyText(id, { by: 'Ada', appVersion: '0.1.0', now: 2000 }),
    );
    expect(await as(author, () => publishIncident(id, { by: 'Ada', override: null }))).toMatchObject({
      ok: false,
      blocked: true,
    });

    expect(
      await as(reviewer, () => openBundleText(sent, 'storage.review.json', { now: 3000 })),
    ).toMatchObject({
      ok: true,
      incidentId: id,
      asCopy: false,
    });
    const back = await as(reviewer, async () => {
      await recordSignOff(
        id,
        { decision: 'changes-requested', by: 'Grace Hopper', comment: 'Add the rollback' },
        3001,
      );
      await recordSignOff(id, { decision: 'approved', by: 'Grace Hopper', comment: 'Thanks' }, 3002);
      return exportReviewCopyText(id, { by: 'Grace Hopper', appVersion: '0.1.0', now: 4000 });
    });

    const merged = await as(author, () => importReviewCopy(id, back, 'storage.review.json'));
    expect(merged).toMatchObject({ ok: true, conflicts: 0 });
    if (merged.ok) expect(merged.summary.added.signoffs).toBe(2);
    const rows = await as(author, () => listSignOffs(id));
    expect(rows.map((r) => [r.decision, r.by, r.at, r.comment])).toEqual([
      ['changes-requested', 'Grace Hopper', 3001, 'Add the rollback'],
      ['approved', 'Grace Hopper', 3002, 'Thanks'],
    ]);

    const again = await as(author, () => importReviewCopy(id, back, 'storage.review.json'));
    expect(again.ok && again.summary.added.signoffs).toBeFalsy();
    expect((await as(author, () => listSignOffs(id))).length).toBe(2);

    expect(await as(author, () => publishIncident(id, { by: 'Ada', override: null }))).toEqual({
      ok: true,
      override: null,
    });
    expect((await as(author, () => getIncident(id)))?.status).toBe('published');
  });
});
