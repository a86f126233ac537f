import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commentRequired,
  currentDecisions,
  reviewerMayAdd,
  sameName,
  SignOff,
  summarizeSignOffs,
  type SignOffDecision,
} from '../../../shared/domain';

const T0 = Date.UTC(2026, 11, 3, 7, 0);

function row(
  id: string,
  by: string,
  decision: SignOffDecision,
  at: number,
  extra: Partial<SignOff> = {},
): SignOff {
  return { id, incidentId: 'INC-1', decision, by, comment: '', at, pending: [], ...extra };
}

describe('SignOff row', () => {
  it('accepts a complete row and names what is wrong in a bad one', () => {
    expect(SignOff.safeParse(row('s1', 'Ana', 'approved', T0)).success).toBe(true);
    const bad = SignOff.safeParse({ ...row('s1', 'Ana', 'approved', T0), decision: 'maybe' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['decision']);
    expect(SignOff.safeParse({ ...row('s1', '', 'approved', T0) }).success).toBe(false);
    expect(SignOff.safeParse({ ...row('s1', 'Ana', 'approved', T0), at: 1.5 }).success).toBe(false);
  });

  it('requires a comment for changes and overrides only', () => {
    expect(commentRequired('approved')).toBe(false);
    expect(commentRequired('changes-requested')).toBe(true);
    expect(commentRequired('override')).toBe(true);
  });
});

describe('names', () => {
  it('compare trimmed, case-insensitively, with folded spaces', () => {
    expect(sameName(' Ana  Lima ', 'ana lima')).toBe(true);
    expect(sameName('Ana', 'Anna')).toBe(false);
  });
});

describe('currentDecisions', () => {
  it('keeps each person’s latest decision; a tie goes to the larger id on every replica', () => {
    const rows = [
      row('a', 'Ana', 'changes-requested', T0),
      row('b', 'ana', 'approved', T0 + 1),
      row('c', 'Bo', 'approved', T0),
      row('d', 'Bo', 'changes-requested', T0),
      row('o', 'Cy', 'override', T0 + 5, { pending: ['Bo'] }),
    ];
    const latest = currentDecisions(rows);
    expect(latest.get('ana')?.id).toBe('b');
    expect(latest.get('bo')?.id).toBe('d');
    expect(currentDecisions([...rows].reverse()).get('bo')?.id).toBe('d');
    expect(latest.has('cy')).toBe(false);
  });
});

describe('summarizeSignOffs', () => {
  it('says none-required without reviewers', () => {
    expect(summarizeSignOffs([], [row('a', 'Ana', 'approved', T0)]).state).toBe('none-required');
  });

  it('waits until every required reviewer approved; others do not count', () => {
    const rows = [row('a', 'Ana', 'approved', T0), row('x', 'Xi', 'approved', T0)];
    const s = summarizeSignOffs(['Ana', 'Bo', 'ana'], rows);
    expect(s.state).toBe('waiting');
    expect(s.reviewers.map((r) => r.reviewer)).toEqual(['Ana', 'Bo']);
    expect(s.pending).toEqual(['Bo']);
    const done = summarizeSignOffs(['Ana', 'Bo'], [...rows, row('b', 'Bo', 'approved', T0 + 2)]);
    expect(done.state).toBe('approved');
    expect(done.pending).toEqual([]);
  });

  it('reports changes requested while any latest decision asks for them, and lists overrides newest first', () => {
    const rows = [
      row('a', 'Ana', 'approved', T0),
      row('b', 'Bo', 'changes-requested', T0, { comment: 'fix the timeline' }),
      row('o1', 'Cy', 'override', T0 + 1, { comment: 'urgent', pending: ['Bo'] }),
      row('o2', 'Cy', 'override', T0 + 9, { comment: 'again', pending: ['Bo'] }),
    ];
    const s = summarizeSignOffs(['Ana', 'Bo'], rows);
    expect(s.state).toBe('changes-requested');
    expect(s.overrides.map((o) => o.id)).toEqual(['o2', 'o1']);
    expect(summarizeSignOffs(['Ana', 'Bo'], [...rows, row('c', 'Bo', 'approved', T0 + 3)]).state).toBe(
      'approved',
    );
  });
});

describe('reviewerMayAdd', () => {
  it('lets a reviewer add only their own reviewer decisions', () => {
    expect(reviewerMayAdd(row('a', 'Ana', 'approved', T0), 'ana')).toBe(true);
    expect(reviewerMayAdd(row('a', 'Ana', 'changes-requested', T0), 'Ana')).toBe(true);
    expect(reviewerMayAdd(row('a', 'Ana', 'approved', T0), 'Bo')).toBe(false);
    expect(reviewerMayAdd(row('a', 'Ana', 'override', T0), 'Ana')).toBe(false);
    expect(reviewerMayAdd(row('a', 'Ana', 'approved', T0, { pending: ['Bo'] }), 'Ana')).toBe(false);
  });
});

describe('every replica reads the same state', () => {
  it('whatever order the log’s rows arrive in (property)', () => {
    const names = ['Ana', 'ana ', 'Bo', 'Cy'];
    const rowArb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      by: fc.constantFrom(...names),
      decision: fc.constantFrom<SignOffDecision>('approved', 'changes-requested', 'override'),
      at: fc.integer({ min: T0, max: T0 + 5 }),
    });
    const runs = Number(process.env.FC_RUNS ?? 200);
    fc.assert(
      fc.property(
        fc.uniqueArray(rowArb, { selector: (r) => r.id, maxLength: 12 }),
        fc.subarray(names),
        fc.nat(),
        (specs, required, seed) => {
          const rows = specs.map((r) => row(r.id, r.by, r.decision, r.at));
          const shuffled = [...rows].sort(
            (a, b) => ((a.id.charCodeAt(0) * 31 + seed) % 7) - ((b.id.charCodeAt(0) * 31 + seed) % 7),
          );
          expect(summarizeSignOffs(required, shuffled)).toEqual(summarizeSignOffs(required, rows));
        },
      ),
      { numRuns: runs },
    );
  });
});
