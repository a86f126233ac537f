import { describe, expect, it } from 'vitest';
import {
  chooseMergeBase,
  createReviewBase,
  mergeSnapshots,
  openConflicts,
  parseReviewCopy,
  resolveConflict,
  serializeReviewCopy,
  settledKey,
} from '../../../shared/review';
import type { ReviewBase } from '../../../shared/review';
import { applyEdit, addChild, buildTree, reparent } from '../../../shared/causes';
import { createIncident } from '../../../shared/domain';
import type { CauseNode, Comment, IncidentSnapshot } from '../../../shared/domain';
import { bundleJsonSchema, parseBundle, serializeBundle } from '../../../shared/bundle';
import { node } from '../causes/helpers';
import { richSnapshot } from '../bundle/richSnapshot';

function comment(id: string, targetId: string, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    incidentId: 'inc',
    targetType: 'cause',
    targetId,
    parentId: null,
    author: 'Ana',
    body: `body ${id}`,
    createdAt: 10,
    editedAt: null,
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
    ...extra,
  };
}

function authorSnapshot(): IncidentSnapshot {
  return {
    incident: createIncident({ id: 'inc', now: 1, title: 'Storage outage', status: 'draft' }),
    events: [],
    imports: [],
    logBlocks: [],
    causes: [
      node('root', null, 1, { title: 'Storage outage' }),
      node('loop', 'root', 1, { title: 'Infinite loop', gate: 'AND' }),
      node('cfg', 'loop', 1, { title: 'Config everywhere at once', kind: 'root-cause' }),
      node('test', 'loop', 2, { title: 'Front-ends never tested', kind: 'root-cause' }),
    ],
    comments: [comment('c1', 'loop')],
    actions: [],
    sections: [],
    signoffs: [],
  };
}

const clone = (s: IncidentSnapshot): IncidentSnapshot => structuredClone(s);
const setCause = (s: IncidentSnapshot, id: string, patch: Partial<CauseNode>): void => {
  s.causes = s.causes.map((c) => (c.id === id ? { ...c, ...patch, updatedAt: c.updatedAt + 100 } : c));
};

/** The author exports: status to in review, base recorded. */
function exportCopy(s: IncidentSnapshot): { sent: IncidentSnapshot; base: ReviewBase } {
  const sent = clone(s);
  sent.incident = { ...sent.incident, status: 'in-review' };
  return { sent, base: createReviewBase(sent, { id: 'B1', now: 50, by: 'Ana' }) };
}

describe('review merge', () => {
  it('brings in the reviewer’s comments, replies, resolutions and review states without duplicates', () => {
    const { sent, base } = exportCopy(authorSnapshot());
    const theirs = clone(sent);
    theirs.comments.push(comment('r1', 'cfg', { author: 'Bo', createdAt: 60 }));
    theirs.comments.push(comment('r2', 'loop', { author: 'Bo', parentId: 'c1', createdAt: 61 }));
    theirs.comments = theirs.comments.map((c) =>
      c.id === 'c1' ? { ...c, resolved: true, resolvedAt: 62, resolvedBy: 'Bo' } : c,
    );
    setCause(theirs, 'cfg', { reviewState: 'agreed' });
    setCause(theirs, 'test', { reviewState: 'disputed' });
    theirs.incident = { ...theirs.incident, status: 'approved' };

    const r = mergeSnapshots({ base, ours: sent, theirs });
    expect(r.conflicts).toEqual([]);
    expect(r.snapshot.comments.map((c) => c.id).sort()).toEqual(['c1', 'r1', 'r2']);
    expect(r.snapshot.comments.find((c) => c.id === 'c1')!.resolved).toBe(true);
    expect(r.snapshot.causes.find((c) => c.id === 'cfg')!.reviewState).toBe('agreed');
    expect(r.snapshot.causes.find((c) => c.id === 'test')!.reviewState).toBe('disputed');
    expect(r.snapshot.incident.status).toBe('approved');
    expect(r.summary.added).toEqual({ comments: 2 });
    expect(r.changes.comments.map((c) => c.id).sort()).toEqual(['c1', 'r1', 'r2']);

    // Importing the same file again changes nothing.
    const again = mergeSnapshots({ base, ours: r.snapshot, theirs });
    expect(again.conflicts).toEqual([]);
    expect(again.changes.comments).toEqual([]);
    expect(again.changes.causes).toEqual([]);
    expect(again.snapshot.comments).toHaveLength(3);
  });

  it('keeps edits made on each side to different things', () => {
    const { sent, base } = exportCopy(authorSnapshot());
    const ours = clone(sent);
    const theirs = clone(sent);
    setCause(ours, 'cfg', { title: 'Config change enabled everywhere at once' });
    setCause(theirs, 'test', { detail: 'Only table front-ends ran the flag.' });
    ours.comments.push(comment('a2', 'root', { createdAt: 70 }));
    theirs.comments.push(comment('b2', 'root', { author: 'Bo', createdAt: 71 }));
    const r = mergeSnapshots({ base, ours, theirs });
    expect(r.conflicts).toEqual([]);
    expect(r.snapshot.causes.find((c) => c.id === 'cfg')!.title).toBe(
      'Config change enabled everywhere at once',
    );
    expect(r.snapshot.causes.find((c) => c.id === 'test')!.detail).toBe(
      'Only table front-ends ran the flag.',
    );
    expect(r.snapshot.comments.map((c) => c.id).sort()).toEqual(['a2', 'b2', 'c1']);
  });

  it('turns concurrent edits of the same node text into a conflict, keeps ours until resolved', () => {
    const { sent, base } = exportCopy(authorSnapshot());
    const ours = clone(sent);
    const theirs = clone(sent);
    setCause(ours, 'cfg', { title: 'Ours: flag on in all regions' });
    setCause(theirs, 'cfg', { title: 'Theirs: no staged rollout', kind: 'contributing-factor' });
    const r = mergeSnapshots({ base, ours, theirs });
    expect(r.conflicts).toHaveLength(1);
    const c = r.conflicts[0]!;
    expect(c).toMatchObject({
      collection: 'causes',
      id: 'cfg',
      group: 'title',
      kind: 'both-changed',
      ours: { title: 'Ours: flag on in all regions' },
      theirs: { title: 'Theirs: no staged rollout' },
    });
    const merged = r.snapshot.causes.find((x) => x.id === 'cfg')!;
    // The title waits for a decision; the kind only they changed, so it comes in.
    expect(merged.title).toBe('Ours: flag on in all regions');
    expect(merged.kind).toBe('contributing-factor');

    const fix = resolveConflict(r.snapshot, c, 'theirs', 500)!;
    expect(fix.collection).toBe('causes');
    expect((fix.row as CauseNode).title).toBe('Theirs: no staged rollout');
    expect(resolveConflict(r.snapshot, c, 'ours', 500)).toBeNull();
    const resolved = {
      ...r.snapshot,
      causes: r.snapshot.causes.map((x) => (x.id === 'cfg' ? (fix.row as CauseNode) : x)),
    };
    expect(openConflicts(r.snapshot, r.conflicts)).toHaveLength(1);
    expect(openConflicts(resolved, r.conflicts)).toHaveLength(0);

    // Keeping ours and re-importing the same file does not ask again.
    const again = mergeSnapshots({ base, ours: r.snapshot, theirs, settled: new Set([settledKey(c)]) });
    expect(again.conflicts).toEqual([]);
  });

  it('without a base, differing text is a conflict rather than a silent overwrite', () => {
    const ours = authorSnapshot();
    const theirs = clone(ours);
    setCause(theirs, 'cfg', { title: 'Changed somewhere' });
    const r = mergeSnapshots({ base: null, ours, theirs });
    expect(r.conflicts.map((c) => c.key)).toEqual(['causes:cfg:title']);
    expect(r.snapshot.causes.find((c) => c.id === 'cfg')!.title).toBe('Config everywhere at once');
  });

  it('unites evidence, keeps the latest comment edit and keeps a thread open if either side reopened it', () => {
    const s = authorSnapshot();
    s.comments[0] = { ...s.comments[0]!, resolved: true, resolvedAt: 20, resolvedBy: 'Ana' };
    const { sent, base } = exportCopy(s);
    const ours = clone(sent);
    const theirs = clone(sent);
    setCause(ours, 'cfg', { evidenceEventIds: ['e1'] });
    setCause(theirs, 'cfg', { evidenceEventIds: ['e2'] });
    ours.comments[0] = {
      ...ours.comments[0]!,
      body: 'first edit',
      editedAt: 80,
      resolved: false,
      resolvedAt: null,
      resolvedBy: null,
    };
    theirs.comments[0] = {
      ...theirs.comments[0]!,
      body: 'later edit',
      editedAt: 90,
      resolvedAt: 91,
      resolvedBy: 'Bo',
    };
    const r = mergeSnapshots({ base, ours, theirs });
    expect(r.conflicts).toEqual([]);
    expect(r.snapshot.causes.find((c) => c.id === 'cfg')!.evidenceEventIds).toEqual(['e1', 'e2']);
    expect(r.snapshot.comments[0]).toMatchObject({ body: 'later edit', editedAt: 90, resolved: false });
  });

  it('never deletes: rows the reviewer removed stay; rows deleted here stay deleted unless the reviewer changed them', () => {
    const s = authorSnapshot();
    s.causes.push(node('extra', 'root', 2, { title: 'Extra' }), node('gone', 'root', 3, { title: 'Gone' }));
    const { sent, base } = exportCopy(s);
    const ours = clone(sent);
    const theirs = clone(sent);
    theirs.causes = theirs.causes.filter((c) => c.id !== 'extra');
    ours.causes = ours.causes.filter((c) => c.id !== 'gone' && c.id !== 'test');
    setCause(theirs, 'test', { title: 'Reviewer sharpened this' });
    // A new cause under a node the author deleted, and a comment on it.
    theirs.causes.push(node('new', 'gone', 1, { title: 'New under gone' }));
    const r = mergeSnapshots({ base, ours, theirs });
    const ids = r.snapshot.causes.map((c) => c.id).sort();
    expect(ids).toEqual(['cfg', 'extra', 'loop', 'new', 'root']);
    expect(r.summary.keptLocal).toBe(1);
    expect(r.conflicts.map((c) => [c.id, c.kind])).toEqual([['test', 'deleted-here']]);
    // The orphan goes under the top node, so the tree stays a tree.
    expect(r.snapshot.causes.find((c) => c.id === 'new')!.parentId).toBe('root');
    const restore = resolveConflict(r.snapshot, r.conflicts[0]!, 'theirs', 900)!;
    expect((restore.row as CauseNode).title).toBe('Reviewer sharpened this');
  });

  it('repairs a cycle made by moving two nodes under each other on both sides', () => {
    let s = authorSnapshot();
    s = {
      ...s,
      causes: applyEdit(s.causes, addChild(s.causes, 'root', { id: 'other', now: 5, title: 'Other' })!),
    };
    const { sent, base } = exportCopy(s);
    const ours = clone(sent);
    const theirs = clone(sent);
    ours.causes = applyEdit(ours.causes, reparent(ours.causes, 'loop', 'other', 0, 100)!);
    theirs.causes = applyEdit(theirs.causes, reparent(theirs.causes, 'other', 'loop', 0, 100)!);
    const r = mergeSnapshots({ base, ours, theirs });
    const tree = buildTree(r.snapshot.causes);
    for (const c of r.snapshot.causes) expect(tree.parent.get(c.id) ?? null).toBe(c.parentId);
  });

  it('refuses to merge two different incidents', () => {
    const a = authorSnapshot();
    const b = { ...clone(a), incident: { ...a.incident, id: 'other' } };
    expect(() => mergeSnapshots({ base: null, ours: a, theirs: b })).toThrow(/different incidents/);
  });
});

describe('review copies', () => {
  it('round-trip through a file: a plain bundle reader still opens them', () => {
    const snap = richSnapshot('R');
    const base = createReviewBase(snap, { id: 'BASE', now: 1000, by: 'Ana' });
    const text = serializeReviewCopy(snap, base, { exportedAt: 1000, appVersion: '0.1.0' });
    const plain = parseBundle(text, 'copy.rootline.json');
    expect(plain.ok).toBe(true);
    const r = parseReviewCopy(text, 'copy.rootline.json');
    expect(r.ok && r.base).toEqual(base);
    // The file carries nothing the merge would see as a change.
    if (!r.ok) throw new Error(r.error);
    const merged = mergeSnapshots({ base: r.base, ours: snap, theirs: r.snapshot });
    expect(merged.conflicts).toEqual([]);
    expect(merged.summary).toEqual({ added: {}, updated: {}, keptLocal: 0 });
  });

  it('reports a damaged base by file and path, and plain bundles have none', () => {
    const snap = richSnapshot('R');
    const text = serializeReviewCopy(snap, createReviewBase(snap, { id: 'B', now: 1, by: 'A' }), {
      exportedAt: 1,
      appVersion: '0',
    });
    const broken = text.replace('"exportedBy": "A"', '"exportedBy": 7');
    const r = parseReviewCopy(broken, 'x.rootline.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(
      /x\.rootline\.json is not a valid Rootline bundle: reviewBase\.exportedBy/,
    );
    const plain = JSON.stringify({ ...JSON.parse(text), reviewBase: undefined });
    const p = parseReviewCopy(plain, 'p.json');
    expect(p.ok && p.base).toBeNull();
  });

  it('chooses our own base for a copy we sent, else the newest shared state', () => {
    const b = (id: string, exportedAt = 1): ReviewBase => ({
      id,
      incidentId: 'inc',
      exportedAt,
      exportedBy: 'x',
      rows: {},
    });
    expect(chooseMergeBase(b('mine'), { created: [b('mine')], received: null }, 5)!.id).toBe('mine');
    expect(chooseMergeBase(b('theirs', 9), { created: [b('mine', 2)], received: b('got', 3) }, 9)!.id).toBe(
      'got',
    );
    expect(chooseMergeBase(b('theirs', 9), { created: [b('mine', 4)], received: b('got', 3) }, 9)!.id).toBe(
      'mine',
    );
    const sent = [b('s1', 10), b('s2', 20), b('s3', 30)];
    expect(chooseMergeBase(null, { created: sent, received: null }, 25)!.id).toBe('s2');
    expect(chooseMergeBase(null, { created: sent, received: null }, 5)).toBeNull();
    expect(chooseMergeBase(null, { created: [], received: null }, 5)).toBeNull();
  });
});

describe('the bundle format and review bases', () => {
  it('lists reviewBase as an optional bundle field, and plain exports do not carry it', () => {
    const schema = bundleJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(schema.properties.reviewBase).toBeDefined();
    expect(schema.required).not.toContain('reviewBase');
    const plain = serializeBundle(richSnapshot('P'), { exportedAt: 1, appVersion: '0' });
    expect(JSON.parse(plain)).not.toHaveProperty('reviewBase');
    const parsed = parseReviewCopy(plain, 'plain.rootline.json');
    expect(parsed.ok && parsed.base).toBeNull();
    expect(parsed.ok && 'reviewBase' in parsed.snapshot).toBe(false);
  });
});
