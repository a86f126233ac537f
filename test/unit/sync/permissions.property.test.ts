import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ReviewState, SIGNOFF_DECISIONS } from '../../../shared/domain';
import { applyRowChanges, projectDocs, type RowChange } from '../../../shared/sync';
import { node } from '../causes/helpers';
import { comment, reviewWorld, serverVerdict } from './review';

const RUNS = Number(process.env.FC_RUNS ?? 200);

const commentPut: fc.Arbitrary<RowChange> = fc
  .record({
    id: fc.constantFrom('ana', 'rita', 'reply', 'rita-reply', 'new'),
    author: fc.constantFrom('Ana', 'Rita', 'Mallory', ''),
    parentId: fc.constantFrom(null, 'ana', 'rita'),
    targetId: fc.constantFrom('a', 'top'),
    body: fc.constantFrom('body ana', 'body rita', 'body reply', 'body rita-reply', 'edited'),
    editedAt: fc.constantFrom(null, 70),
    resolvedBy: fc.constantFrom(null, 'Rita', 'Ana'),
  })
  .map(
    ({ id, resolvedBy, ...rest }) =>
      ({
        table: 'comments',
        type: 'put',
        row: comment(id, {
          ...rest,
          resolved: resolvedBy !== null,
          resolvedAt: resolvedBy === null ? null : 80,
          resolvedBy,
        }),
      }) as const,
  );

const signOffPut: fc.Arbitrary<RowChange> = fc
  .record({
    id: fc.constantFrom('s1', 's2'),
    decision: fc.constantFrom(...SIGNOFF_DECISIONS),
    by: fc.constantFrom('Rita', ' rita', 'Grace'),
    pending: fc.constantFrom([], ['Grace']),
  })
  .map((r): RowChange => ({
    table: 'signoffs',
    type: 'put',
    row: { ...r, incidentId: 'inc', comment: 'c', at: 5 },
  }));

const change: fc.Arbitrary<RowChange> = fc.oneof(
  commentPut,
  signOffPut,
  fc.constantFrom('s1', 's2').map((id): RowChange => ({ table: 'signoffs', type: 'delete', id })),
  fc
    .constantFrom('ana', 'rita', 'reply', 'rita-reply')
    .map((id): RowChange => ({ table: 'comments', type: 'delete', id })),
  fc.constantFrom(...ReviewState.options).map((state): RowChange => ({
    table: 'causes',
    type: 'put',
    row: { ...node('a', 'top', 1), reviewState: state },
  })),
);

/** Writes changes without any check or diff, as a modified app could. */
function writeRaw(review: Y.Doc, changes: readonly RowChange[]): void {
  for (const c of changes) {
    const comments = review.getMap<Y.Map<unknown>>(c.table);
    if (c.type === 'delete') comments.delete(c.id);
    else if (c.table === 'causes') {
      review.getMap('reviewStates').set(c.row.id, { state: c.row.reviewState, by: 'Rita', at: 2000 });
    } else {
      const row = comments.get(c.row.id) ?? new Y.Map<unknown>();
      if (!comments.has(c.row.id)) comments.set(c.row.id, row);
      for (const [key, value] of Object.entries(c.row))
        if (key !== 'id' && key !== 'incidentId') row.set(key, value);
    }
  }
}

describe("a reviewer's changes, as the app writes them and as the server checks them", () => {
  it('the server refuses a change exactly when the app does, and accepts whatever the app wrote', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 3 }), (changes) => {
        const docs = reviewWorld();
        // Written straight into the document (a modified app), the batch is judged by the server.
        const unchecked = serverVerdict(docs, (review) => writeRaw(review, changes));
        // Written by the reviewer's app: what it refuses stays out of the document.
        let refused: string[] = [];
        const written = serverVerdict(docs, (review) => {
          const result = applyRowChanges({ model: docs.model, review }, changes, {
            incidentId: 'inc',
            now: 2000,
            name: 'Rita',
            role: 'reviewer',
          });
          refused = result.refused.map((r) => r.reason);
        });
        expect(written).toEqual({ ok: true });
        // One change: the same verdict. Several: a later change may undo a refused one's effect.
        if (changes.length === 1) expect(unchecked.ok).toBe(refused.length === 0);
        else if (refused.length === 0) expect(unchecked).toEqual({ ok: true });
        expect(projectDocs(docs, 'inc').problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
