// Sign-offs travel in bundles and review copies: left out of a bundle when there are none (so
// older files stay byte-identical), carried and merged by id (append-only) when there are.
import { describe, expect, it } from 'vitest';
import { parseBundle, remapSnapshotIds, serializeBundle } from '../../../shared/bundle';
import type { IncidentSnapshot, SignOff } from '../../../shared/domain';
import {
  createReviewBase,
  mergeSnapshots,
  parseReviewCopy,
  serializeReviewCopy,
} from '../../../shared/review';
import { richSnapshot } from '../bundle/richSnapshot';

const OPTS = { exportedAt: Date.UTC(2026, 11, 3), appVersion: 'test' };

function signOff(id: string, by: string, decision: SignOff['decision'], at: number): SignOff {
  return {
    id,
    incidentId: 'A-INC',
    decision,
    by,
    comment: decision === 'approved' ? '' : 'why',
    at,
    pending: [],
  };
}

describe('sign-offs in bundles', () => {
  it('writes no signoffs key for an incident without sign-offs, and reads such a file as none', () => {
    const snapshot: IncidentSnapshot = { ...richSnapshot('A'), signoffs: [] };
    const text = serializeBundle(snapshot, OPTS);
    expect(text).not.toContain('"signoffs"');
    const parsed = parseBundle(text, 'a.json');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.snapshot.signoffs).toEqual([]);
  });

  it('round-trips every sign-off field, and a re-export is byte-identical', () => {
    const snapshot = richSnapshot('A');
    const text = serializeBundle(snapshot, OPTS);
    const parsed = parseBundle(text, 'a.json');
    if (!parsed.ok) throw new Error(parsed.error);
    const byId = (a: SignOff, b: SignOff) => (a.id < b.id ? -1 : 1);
    expect([...parsed.snapshot.signoffs].sort(byId)).toEqual([...snapshot.signoffs].sort(byId));
    expect(serializeBundle(parsed.snapshot, OPTS)).toBe(text);
  });

  it('refuses a bad sign-off row naming its path', () => {
    const text = serializeBundle(richSnapshot('A'), OPTS).replace(
      '"decision": "approved"',
      '"decision": "ok"',
    );
    const parsed = parseBundle(text, 'bad.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/signoffs\[\d+\]\.decision/);
  });

  it('gives sign-offs fresh ids and the new incident id when opened as a copy', () => {
    let n = 0;
    const copy = remapSnapshotIds(richSnapshot('A'), () => `new-${n++}`, 5);
    expect(copy.signoffs.length).toBe(3);
    for (const s of copy.signoffs) {
      expect(s.incidentId).toBe(copy.incident.id);
      expect(s.id).toMatch(/^new-/);
    }
  });
});

describe('sign-offs through the review copy round trip', () => {
  it('adds the reviewer’s new sign-offs, keeps ours, duplicates nothing on a second import', () => {
    const ours: IncidentSnapshot = { ...richSnapshot('A'), signoffs: [signOff('s1', 'Ada', 'override', 10)] };
    const base = createReviewBase(ours, { id: 'base-1', now: 20, by: 'Ada' });
    const copyText = serializeReviewCopy(ours, base, OPTS);
    const received = parseReviewCopy(copyText, 'copy.json');
    if (!received.ok) throw new Error(received.error);

    // The reviewer requests changes, then approves, in their own Rootline.
    const theirs: IncidentSnapshot = {
      ...received.snapshot,
      signoffs: [
        ...received.snapshot.signoffs,
        signOff('r1', 'Grace Hopper', 'changes-requested', 30),
        signOff('r2', 'Grace Hopper', 'approved', 40),
      ],
    };
    const back = parseReviewCopy(serializeReviewCopy(theirs, base, OPTS), 'back.json');
    if (!back.ok) throw new Error(back.error);
    const merged = mergeSnapshots({ base, ours, theirs: back.snapshot });
    expect(merged.changes.signoffs.map((s) => s.id).sort()).toEqual(['r1', 'r2']);
    expect(merged.summary.added.signoffs).toBe(2);
    expect(merged.snapshot.signoffs.map((s) => s.id).sort()).toEqual(['r1', 'r2', 's1']);
    expect(merged.conflicts).toEqual([]);

    const again = mergeSnapshots({ base, ours: merged.snapshot, theirs: back.snapshot });
    expect(again.changes.signoffs).toEqual([]);
    expect(again.snapshot.signoffs.length).toBe(3);
  });
});
