// Local writes of a shared incident reach the sync engine once committed; projections from sync
// do not come back; a reviewer's profile cannot change the model.
import { beforeEach, describe, expect, it } from 'vitest';
import { createIncident, type CauseNode, type Comment } from '../../../../shared/domain';
import { putCauses, deleteCauses } from '../../../../renderer/db/repos/causes';
import { putComment } from '../../../../renderer/db/repos/comments';
import { putIncident } from '../../../../renderer/db/repos/incidents';
import {
  inSyncTransaction,
  ReadOnlyShareError,
  setMirrorSink,
  type MirrorChange,
} from '../../../../renderer/sync/dexieMirror';
import type { RootlineDb } from '../../../../renderer/db/schema';
import { freshDb } from '../../db/testDb';

const NOW = 1_700_000_000_000;
const cause = (id: string, incidentId: string, parentId: string | null = null): CauseNode => ({
  id,
  incidentId,
  parentId,
  order: 0,
  kind: 'cause',
  gate: 'AND',
  title: id,
  detail: '',
  category: null,
  evidenceEventIds: [],
  reviewState: 'open',
  createdAt: NOW,
  updatedAt: NOW,
});
const comment = (id: string, incidentId: string): Comment => ({
  id,
  incidentId,
  targetType: 'cause',
  targetId: 'c1',
  parentId: null,
  author: 'Rita',
  body: 'why?',
  createdAt: NOW,
  editedAt: null,
  resolved: false,
  resolvedAt: null,
  resolvedBy: null,
});

let db: RootlineDb;
let seen: MirrorChange[][];
let roles: Record<string, 'author' | 'reviewer'>;
beforeEach(async () => {
  db = freshDb('mirror');
  seen = [];
  roles = { shared: 'author', reviewed: 'reviewer' };
  setMirrorSink(null);
  for (const id of ['shared', 'reviewed', 'local']) await putIncident(createIncident({ id, now: NOW }));
  await putCauses([cause('r1', 'reviewed')]);
  setMirrorSink({ roleOf: (id) => roles[id], apply: (changes) => seen.push(changes) });
});

describe('sync mirror', () => {
  it('passes committed writes of shared incidents, one batch per transaction', async () => {
    await putCauses([cause('a', 'shared'), cause('b', 'shared', 'a'), cause('x', 'local')]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.map((c) => [c.table, c.type, c.type === 'put' ? c.row.id : c.id])).toEqual([
      ['causes', 'put', 'a'],
      ['causes', 'put', 'b'],
    ]);
    await deleteCauses(['b']);
    expect(seen[1]).toEqual([{ table: 'causes', incidentId: 'shared', type: 'delete', id: 'b' }]);
  });

  it('sends the row as it was before each put, so only the changed fields are shared', async () => {
    await putCauses([cause('a', 'shared')]);
    await putCauses([{ ...cause('a', 'shared'), title: 'renamed' }]);
    const [created, renamed] = seen.map((batch) => batch[0]);
    expect(created).toMatchObject({ type: 'put', before: null });
    expect(renamed).toMatchObject({ type: 'put', row: { title: 'renamed' }, before: { title: 'a' } });
  });

  it('does not pass what a transaction marked as from sync wrote', async () => {
    await inSyncTransaction(db, ['causes'], () => db.causes.put(cause('s', 'shared')));
    expect(seen).toEqual([]);
    expect(await db.causes.get('s')).toBeDefined();
  });

  it('passes nothing when the transaction aborts', async () => {
    await expect(
      db.transaction('rw', db.causes, async () => {
        await db.causes.put(cause('gone', 'shared'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(seen).toEqual([]);
  });

  it("refuses a reviewer's change to the model and keeps the row as it was", async () => {
    await expect(putCauses([{ ...cause('r1', 'reviewed'), title: 'changed' }])).rejects.toBeInstanceOf(
      ReadOnlyShareError,
    );
    expect((await db.causes.get('r1'))?.title).toBe('r1');
    expect(seen).toEqual([]);
  });

  it("lets a reviewer set a cause's review state, and nothing else of it", async () => {
    const before = (await db.causes.get('r1'))!;
    await putCauses([{ ...before, reviewState: 'agreed', updatedAt: NOW + 1 }]);
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toMatchObject({
      table: 'causes',
      type: 'put',
      row: { id: 'r1', reviewState: 'agreed' },
    });
    await expect(
      putCauses([{ ...before, reviewState: 'disputed', title: 'and renamed' }]),
    ).rejects.toBeInstanceOf(ReadOnlyShareError);
    expect((await db.causes.get('r1'))?.reviewState).toBe('agreed');
    await expect(putCauses([cause('new', 'reviewed')])).rejects.toBeInstanceOf(ReadOnlyShareError);
  });

  it("passes a reviewer's comment (the review document takes it)", async () => {
    await putComment(comment('k1', 'reviewed'));
    expect(seen).toEqual([
      [
        {
          table: 'comments',
          incidentId: 'reviewed',
          type: 'put',
          row: comment('k1', 'reviewed'),
          before: null,
        },
      ],
    ]);
  });
});
