import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Comment, SignOff } from '../../../shared/domain';
import {
  applyRowChanges,
  projectDocs,
  reviewStatesMap,
  tableMap,
  type SyncRole,
  type RowChange,
  type SharedDocs,
} from '../../../shared/sync';
import { author } from './docs';
import { comment, reviewWorld, serverVerdict } from './review';

/** The server's verdict on local row changes written without any check. */
function verdictOf(docs: SharedDocs, changes: RowChange[], name = 'Rita', role: SyncRole = 'reviewer') {
  return serverVerdict(
    docs,
    (review) => {
      applyRowChanges({ model: docs.model, review }, changes, { ...author(2000), name });
    },
    name,
    role,
  );
}

const put = (row: Comment): RowChange => ({ table: 'comments', type: 'put', row });

describe('checkReviewChange: a reviewer', () => {
  const docs = reviewWorld();

  it('may comment and reply as themselves, not as someone else', () => {
    expect(verdictOf(docs, [put(comment('new', { author: 'Rita' }))])).toEqual({ ok: true });
    expect(verdictOf(docs, [put(comment('re', { author: 'Rita', parentId: 'ana' }))])).toEqual({ ok: true });
    expect(verdictOf(docs, [put(comment('new', { author: 'Ana' }))])).toEqual({
      ok: false,
      reason: 'comments row new: a new comment must carry its writer\'s name "Rita", not "Ana"',
    });
  });

  it("may edit their own comments, not anyone else's, and delete none", () => {
    expect(verdictOf(docs, [put(comment('rita', { author: 'Rita', body: 'better', editedAt: 50 }))])).toEqual(
      {
        ok: true,
      },
    );
    expect(verdictOf(docs, [put(comment('ana', { body: 'rewritten' }))])).toEqual({
      ok: false,
      reason: 'comments row ana: reviewers may change only their own comments (this one is by "Ana")',
    });
    expect(verdictOf(docs, [{ table: 'comments', type: 'delete', id: 'rita' }])).toEqual({
      ok: false,
      reason: 'comments row rita: reviewers cannot delete comments',
    });
    expect(verdictOf(docs, [put(comment('rita', { author: 'Rita', targetId: 'top' }))])).toEqual({
      ok: false,
      reason: "comments row rita: reviewers cannot change a comment's targetId",
    });
  });

  it("may resolve and reopen threads they started, not others' threads or single replies", () => {
    const resolved = { resolved: true, resolvedAt: 60, resolvedBy: 'Rita' };
    expect(verdictOf(docs, [put(comment('rita', { author: 'Rita', ...resolved }))])).toEqual({ ok: true });
    expect(verdictOf(docs, [put(comment('ana', resolved))]).ok).toBe(false);
    expect(
      verdictOf(docs, [put(comment('rita-reply', { author: 'Rita', parentId: 'ana', ...resolved }))]),
    ).toEqual({
      ok: false,
      reason: 'comments row rita-reply: only a thread (its first comment) can be resolved or reopened',
    });
    expect(
      verdictOf(docs, [
        put(comment('rita', { author: 'Rita', resolved: true, resolvedAt: 60, resolvedBy: 'Ana' })),
      ]),
    ).toEqual({
      ok: false,
      reason: 'comments row rita: a thread resolved by "Rita" must record "Rita" as who resolved it',
    });
  });

  it("may set any cause's review state as themselves, not as someone else, and remove none", () => {
    const set = (value: unknown) => (review: Y.Doc) => review.getMap('reviewStates').set('a', value);
    expect(serverVerdict(docs, set({ state: 'agreed', by: 'Rita', at: 5 }))).toEqual({ ok: true });
    expect(serverVerdict(docs, set({ state: 'agreed', by: 'Ana', at: 5 }))).toEqual({
      ok: false,
      reason: 'cause a: a review state set by "Rita" must record "Rita" as its setter',
    });
    expect(serverVerdict(docs, set({ state: 'maybe', by: 'Rita', at: 5 })).ok).toBe(false);
    const withState = reviewWorld();
    reviewStatesMap(withState).set('a', { state: 'disputed', by: 'Ana', at: 1 });
    expect(serverVerdict(withState, (review) => review.getMap('reviewStates').delete('a'))).toEqual({
      ok: false,
      reason: 'cause a: reviewers cannot remove a review state',
    });
  });

  it('cannot write anything else into the review document', () => {
    expect(serverVerdict(docs, (review) => review.getMap('notes').set('x', 1))).toEqual({
      ok: false,
      reason: 'the review document has no "notes"',
    });
    expect(serverVerdict(docs, (review) => review.getText('comments2').insert(0, 'hi')).ok).toBe(false);
    expect(
      serverVerdict(docs, (review) =>
        review.getMap('comments').set('x', { ...comment('x', { author: 'Rita' }) }),
      ),
    ).toEqual({
      ok: false,
      reason: 'comments row x is malformed: not a row',
    });
    expect(serverVerdict(docs, (review) => review.getArray('reviewStates').push([1]))).toEqual({
      ok: false,
      reason: '"reviewStates" of the review document holds a list, not rows',
    });
    const nested = serverVerdict(docs, (review) => {
      (review.getMap('comments').get('rita') as Y.Map<unknown>).set('body', new Y.Text('hi'));
    });
    expect(nested).toEqual({
      ok: false,
      reason: 'comments row rita is malformed: a field holds a shared type, not a plain value',
    });
    const junk = reviewWorld();
    junk.review.getMap('comments').set('junk', 1);
    expect(serverVerdict(junk, (review) => review.getMap('comments').set('junk', 2))).toEqual({
      ok: false,
      reason: 'comments row junk is malformed: not a row',
    });
    const broken = serverVerdict(docs, (review) => {
      (review.getMap('comments').get('rita') as Y.Map<unknown>).set('body', 42);
    });
    expect(broken).toEqual({
      ok: false,
      reason: 'comments row rita is malformed: body: expected string, received number',
    });
  });

  it('is checked against the name of their token', () => {
    expect(verdictOf(docs, [put(comment('rita', { author: 'Rita', body: 'x' }))], 'Mallory')).toEqual({
      ok: false,
      reason: 'comments row rita: reviewers may change only their own comments (this one is by "Rita")',
    });
  });
});

describe('checkReviewChange: an author', () => {
  const docs = reviewWorld();

  it("may change and delete anyone's comments and review states", () => {
    expect(
      verdictOf(docs, [put(comment('rita', { author: 'Rita', body: 'edited' }))], 'Ana', 'author'),
    ).toEqual({ ok: true });
    expect(verdictOf(docs, [{ table: 'comments', type: 'delete', id: 'rita' }], 'Ana', 'author')).toEqual({
      ok: true,
    });
    expect(verdictOf(docs, [put(comment('imported', { author: 'Grace' }))], 'Ana', 'author')).toEqual({
      ok: true,
    });
  });

  it('still cannot store malformed rows or foreign data', () => {
    expect(serverVerdict(docs, (review) => review.getMap('x').set('k', 1), 'Ana', 'author').ok).toBe(false);
    const bad = serverVerdict(
      docs,
      (r) => (r.getMap('comments').get('ana') as Y.Map<unknown>).delete('author'),
      'Ana',
      'author',
    );
    expect(bad).toEqual({
      ok: false,
      reason: 'comments row ana is malformed: author: expected string, received undefined',
    });
  });
});

describe("a reviewer's own writes (the app)", () => {
  it('writes what the server allows and refuses, unwritten, what it would refuse', () => {
    const docs = reviewWorld();
    const ctx = { incidentId: 'inc', now: 3000, name: 'Rita', role: 'reviewer' as const };
    const before = Y.encodeStateAsUpdate(docs.review);
    const result = applyRowChanges(
      docs,
      [put(comment('ana', { body: 'hacked' })), { table: 'comments', type: 'delete', id: 'ana' }],
      ctx,
    );
    expect(result.written).toBe(0);
    expect(result.refused.map((r) => r.reason)).toEqual([
      'reviewers may change only their own comments (this one is by "Ana")',
      'reviewers cannot delete comments',
    ]);
    expect(Y.encodeStateAsUpdate(docs.review)).toEqual(before);
    const ok = applyRowChanges(docs, [put(comment('mine', { author: 'Rita' }))], ctx);
    expect(ok).toEqual({ written: 1, refused: [] });
    expect(tableMap(docs, 'comments').has('mine')).toBe(true);
  });
});

function signoff(id: string, extra: Partial<SignOff> = {}): SignOff {
  return {
    id,
    incidentId: 'inc',
    decision: 'approved',
    by: 'Rita',
    comment: '',
    at: 100,
    pending: [],
    ...extra,
  };
}

const putSignOff = (row: SignOff): RowChange => ({ table: 'signoffs', type: 'put', row });

describe('checkReviewChange: sign-offs', () => {
  const docs = reviewWorld();
  applyRowChanges(docs, [putSignOff(signoff('s1')), putSignOff(signoff('g1', { by: 'Grace' }))], author());

  it('a reviewer adds their own decisions, named as in their token (case and spaces aside)', () => {
    expect(
      verdictOf(docs, [putSignOff(signoff('s2', { decision: 'changes-requested', comment: 'why' }))]),
    ).toEqual({
      ok: true,
    });
    expect(verdictOf(docs, [putSignOff(signoff('s3', { by: ' rita ' }))])).toEqual({ ok: true });
  });

  it('a reviewer cannot sign for someone else, override, list pending reviewers, or touch a recorded sign-off', () => {
    expect(verdictOf(docs, [putSignOff(signoff('s4', { by: 'Grace' }))])).toEqual({
      ok: false,
      reason: 'signoffs row s4: a sign-off added by "Rita" must record "Rita", not "Grace"',
    });
    expect(
      verdictOf(docs, [putSignOff(signoff('s5', { decision: 'override', comment: 'ship it' }))]),
    ).toEqual({
      ok: false,
      reason: 'signoffs row s5: reviewers record approved or changes-requested, not "override"',
    });
    expect(verdictOf(docs, [putSignOff(signoff('s6', { pending: ['Grace'] }))])).toEqual({
      ok: false,
      reason: "signoffs row s6: a reviewer's sign-off lists no pending reviewers",
    });
    expect(verdictOf(docs, [putSignOff(signoff('s1', { at: 200 }))])).toEqual({
      ok: false,
      reason: 'signoffs row s1: a sign-off is never changed: a new decision is a new sign-off',
    });
    expect(verdictOf(docs, [{ table: 'signoffs', type: 'delete', id: 'g1' }])).toEqual({
      ok: false,
      reason: 'signoffs row g1: reviewers cannot delete a sign-off',
    });
  });

  it('an author records an override', () => {
    const override = signoff('o1', { decision: 'override', by: 'Ana', comment: 'urgent', pending: ['Rita'] });
    expect(verdictOf(docs, [putSignOff(override)], 'Ana', 'author')).toEqual({ ok: true });
  });

  it('a sign-off synced through the documents projects back unchanged', () => {
    expect(projectDocs(docs, 'inc').rows.signoffs).toEqual([signoff('g1', { by: 'Grace' }), signoff('s1')]);
  });
});
