import { describe, expect, it } from 'vitest';
import { summarizeSignOffs, type SignOff } from '../../../shared/domain';
import { listNames, publishBlockReason, signOffInputProblem, signOffLine } from '../../../shared/review';

const T = Date.UTC(2026, 11, 3, 7, 12);
const row = (by: string, decision: SignOff['decision'], at = T): SignOff => ({
  id: `${by}-${at}`,
  incidentId: 'I',
  decision,
  by,
  comment: decision === 'approved' ? '' : 'why',
  at,
  pending: [],
});

describe('sign-off texts', () => {
  it('lists names as a sentence', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B'])).toBe('A and B');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('writes a decision as "<Decision> by <name> on <labelled time>" in the given zone', () => {
    expect(signOffLine(row('Grace', 'approved'), 'UTC')).toBe('Approved by Grace on 2026-12-03 07:12:00 UTC');
    expect(signOffLine(row('Grace', 'changes-requested'), 'America/Los_Angeles')).toBe(
      'Changes requested by Grace on 2026-12-02 23:12:00 PST',
    );
  });

  it('says why publishing is blocked, or null when it is not', () => {
    const reason = (required: string[], rows: SignOff[]) =>
      publishBlockReason(summarizeSignOffs(required, rows));
    expect(reason([], [])).toBeNull();
    expect(reason(['A'], [row('A', 'approved')])).toBeNull();
    expect(reason(['A', 'B'], [])).toBe('Waiting for A and B to sign off.');
    expect(reason(['A', 'B', 'C'], [row('A', 'changes-requested'), row('B', 'approved')])).toBe(
      'A requested changes; waiting for C to sign off.',
    );
    // A later approval replaces the request for changes.
    expect(reason(['A'], [row('A', 'changes-requested', T), row('A', 'approved', T + 1)])).toBeNull();
    // An approval followed by a request for changes blocks again.
    expect(reason(['A'], [row('A', 'approved', T), row('A', 'changes-requested', T + 1)])).toBe(
      'A requested changes.',
    );
  });

  it('names what is wrong with a sign-off before it is recorded', () => {
    const ok = { decision: 'approved' as const, by: 'A', comment: '' };
    expect(signOffInputProblem(ok)).toBeNull();
    expect(signOffInputProblem({ ...ok, by: '  ' })).toMatch(/needs the name/);
    expect(signOffInputProblem({ ...ok, by: 'x'.repeat(201) })).toMatch(/name is too long/);
    expect(signOffInputProblem({ ...ok, comment: 'x'.repeat(10_001) })).toBe(
      'The comment is too long (10,001 characters; at most 10,000).',
    );
    expect(signOffInputProblem({ ...ok, decision: 'changes-requested' })).toMatch(/needs a comment/);
    expect(signOffInputProblem({ ...ok, decision: 'override', comment: ' ' })).toMatch(/Say why you publish/);
  });
});
