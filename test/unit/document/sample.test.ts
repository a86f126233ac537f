import { describe, expect, it } from 'vitest';
import { describeDue } from '../../../shared/actions';
import { calendarDateAt } from '../../../shared/actions/dates';
import { analyseCauses, fishboneBones } from '../../../shared/causes';
import { DEFAULT_CAUSE_CATEGORIES } from '../../../shared/domain';
import { sampleSnapshot } from '../export/helpers';

describe('the sample incident shows the product at its best', () => {
  const snap = sampleSnapshot('azure-rca-2014');
  const today = calendarDateAt(Date.UTC(2014, 10, 21, 9, 0, 0), snap.incident.displayZone);

  it('has no open action overdue (due dates are relative to the day it is created)', () => {
    const open = snap.actions.filter((a) => a.status === 'open' || a.status === 'in-progress');
    expect(open.length).toBeGreaterThan(0);
    for (const a of open) expect(describeDue(a, today).state).not.toBe('overdue');
  });

  it('has an AND gate that means what it says: gaps are not necessary causes', () => {
    const analysis = analyseCauses(snap.causes);
    const kindsInCutSets = new Set(analysis.cutSets.flatMap((s) => s.causes.map((c) => c.kind)));
    expect(kindsInCutSets.has('detection-gap')).toBe(false);
    expect(kindsInCutSets.has('response-gap')).toBe(false);
    expect(analysis.cutSets.length).toBeGreaterThan(0);
  });

  it('has an overview summary and filled fishbone categories', () => {
    expect(snap.incident.summary.length).toBeGreaterThan(100);
    const bones = fishboneBones(snap.causes, DEFAULT_CAUSE_CATEGORIES);
    expect(bones.map((b) => b.category)).not.toContain('uncategorised');
    expect(bones.length).toBeGreaterThanOrEqual(4);
  });

  it('has a disputed cause with its reviewer thread, and a review conversation', () => {
    const disputed = snap.causes.filter((c) => c.reviewState === 'disputed');
    expect(disputed).toHaveLength(1);
    const thread = snap.comments.filter((c) => c.targetId === disputed[0]!.id);
    expect(thread.length).toBeGreaterThanOrEqual(2);
    expect(new Set(thread.map((c) => c.author)).size).toBeGreaterThanOrEqual(2);
    const root = thread.find((c) => c.parentId === null)!;
    expect(thread.filter((c) => c.parentId === root.id).length).toBeGreaterThan(0);
    expect(snap.comments.some((c) => c.targetType === 'section')).toBe(true);
    expect(snap.comments.every((c) => c.createdAt <= Date.UTC(2014, 10, 21, 9, 0, 0))).toBe(true);
  });
});
