import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { ReviewCheck } from '../../../cli/sync/review';
import { createIncident } from '../../../shared/domain';
import {
  applyRowChanges,
  checkReviewChange,
  modelDocName,
  projectDocs,
  reviewDocName,
  seedDocs,
  type SharedDocs,
} from '../../../shared/sync';
import { node } from '../causes/helpers';
import { acknowledged, connectClient, type TestClient } from '../../helpers/sync/clients';
import { startTestServer, tempDataDir, tokenFor } from '../../helpers/sync/server';
import { comment } from './review';
import { waitUntil } from '../../helpers/services/ports';

/** The model's check, as `rootline serve` runs it on every review update. */
const modelCheck: ReviewCheck = (before, after, writer) =>
  checkReviewChange(before, after, writer.name, writer.role);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const data = tempDataDir();
  cleanups.push(data.remove);
  const server = await startTestServer(data.dir, { reviewCheck: modelCheck });
  cleanups.push(() => server.close());
  const connect = async (doc: string, name: string, role: 'author' | 'reviewer'): Promise<TestClient> => {
    const client = connectClient(server.url, doc, await tokenFor(data.dir, name, role, ['inc']));
    cleanups.push(() => client.destroy());
    return client;
  };
  return { connect };
}

describe('a shared incident through rootline serve with the model check', () => {
  it('takes a reviewer’s comment, review state and sign-off, and refuses their edit of another’s comment', async () => {
    const { connect } = await setup();
    const authorModel = await connect(modelDocName('inc'), 'Ana', 'author');
    const authorReview = await connect(reviewDocName('inc'), 'Ana', 'author');
    const ana: SharedDocs = { model: authorModel.doc, review: authorReview.doc };
    const causes = [node('top', null, 0), node('a', 'top', 1)];
    const seeded = seedDocs(
      ana,
      { incident: createIncident({ id: 'inc', now: 1 }), tables: { causes, comments: [comment('ana')] } },
      { incidentId: 'inc', now: 1, name: 'Ana', role: 'author' },
    );
    expect(seeded).toBe(true);
    await Promise.all([acknowledged(authorModel), acknowledged(authorReview)]);

    const reviewerModel = await connect(modelDocName('inc'), 'Rita', 'reviewer');
    const reviewerReview = await connect(reviewDocName('inc'), 'Rita', 'reviewer');
    await Promise.all([acknowledged(reviewerModel), acknowledged(reviewerReview)]);
    const rita: SharedDocs = { model: reviewerModel.doc, review: reviewerReview.doc };
    const shown = projectDocs(rita, 'inc').rows.causes.find((c) => c.id === 'a')!;
    const result = applyRowChanges(
      rita,
      [
        {
          table: 'comments',
          type: 'put',
          row: comment('re', { author: 'Rita', parentId: 'ana', body: 'Why?' }),
        },
        { table: 'causes', type: 'put', row: { ...shown, reviewState: 'disputed', updatedAt: 50 } },
        {
          table: 'signoffs',
          type: 'put',
          row: {
            id: 's1',
            incidentId: 'inc',
            decision: 'changes-requested',
            by: 'Rita',
            comment: 'see a',
            at: 60,
            pending: [],
          },
        },
      ],
      { incidentId: 'inc', now: 50, name: 'Rita', role: 'reviewer' },
    );
    expect(result.refused).toEqual([]);
    await acknowledged(reviewerReview);
    await waitUntil(
      () => projectDocs(ana, 'inc').rows.signoffs.length === 1,
      'the sign-off to reach the author',
    );
    const seen = projectDocs(ana, 'inc');
    expect(seen.rows.comments.map((c) => [c.id, c.author, c.body])).toEqual([
      ['ana', 'Ana', 'body ana'],
      ['re', 'Rita', 'Why?'],
    ]);
    expect(seen.rows.causes.find((c) => c.id === 'a')!.reviewState).toBe('disputed');
    expect(seen.rows.signoffs.map((s) => [s.by, s.decision])).toEqual([['Rita', 'changes-requested']]);

    // A modified app writing straight into the document: the server closes the connection.
    (reviewerReview.doc.getMap('comments').get('ana') as Y.Map<unknown>).set('body', 'rewritten by Rita');
    await waitUntil(() => reviewerReview.closes.length > 0, 'the server to refuse the change');
    expect(reviewerReview.closes[0]!.reason).toBe(
      'change refused: comments row ana: reviewers may change only their own comments (this one is by "Ana")',
    );
    const later = await connect(reviewDocName('inc'), 'Ana', 'author');
    await acknowledged(later);
    expect((later.doc.getMap('comments').get('ana') as Y.Map<unknown>).get('body')).toBe('body ana');
  });
});
