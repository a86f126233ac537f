import { describe, expect, it } from 'vitest';
import { createIncident } from '../../../shared/domain';
import { draftFromIncident, reconcileDraft } from '../../../renderer/features/overview/draft';
import { deriveDurations, keyTimeWarnings } from '../../../renderer/features/overview/keyTimes';
import { fieldsLabel } from '../../../renderer/features/overview/labels';

const t = (s: string) => Date.parse(s);
const base = createIncident({ id: 'I1', now: 0, displayZone: 'America/Los_Angeles', title: 'A' });

describe('key time durations and warnings', () => {
  it('measures from impact start and waits for both ends', () => {
    const times = { ...base.keyTimes, impactStartAt: 0, detectedAt: 60_000, resolvedAt: 3_600_000 };
    expect(deriveDurations(times).map((d) => d.ms)).toEqual([60_000, null, null, 3_600_000]);
    expect(deriveDurations(base.keyTimes).every((d) => d.ms === null)).toBe(true);
  });

  it('warns about times out of order against the last earlier filled time', () => {
    expect(keyTimeWarnings({ ...base.keyTimes, impactStartAt: 100, mitigatedAt: 50 })).toEqual([
      'Mitigated is before impact started.',
    ]);
    expect(keyTimeWarnings({ ...base.keyTimes, impactStartAt: 0, detectedAt: 10, resolvedAt: 20 })).toEqual(
      [],
    );
  });
});

describe('reconcileDraft', () => {
  it('takes stored changes for fields that are not being edited', () => {
    const draft = { ...draftFromIncident(base), title: 'typing…' };
    const after = { ...base, title: 'B', summary: 'new' };
    const next = reconcileDraft(draft, base, after, new Set(['title']));
    expect(next.title).toBe('typing…');
    expect(next.summary).toBe('new');
  });

  it('keeps a key time spelled differently when it means the stored instant', () => {
    const at = t('2014-11-19T00:51:00Z');
    const draft = draftFromIncident(base);
    draft.times.impactStartAt = '2014-11-19T00:51:00Z';
    const after = { ...base, keyTimes: { ...base.keyTimes, impactStartAt: at } };
    expect(reconcileDraft(draft, base, after, new Set()).times.impactStartAt).toBe('2014-11-19T00:51:00Z');
    // Undo back to empty clears the text.
    expect(reconcileDraft(draft, after, base, new Set()).times.impactStartAt).toBe('');
  });

  it('respells key times when the display zone changes', () => {
    const at = t('2014-11-19T00:51:00Z');
    const withTime = { ...base, keyTimes: { ...base.keyTimes, impactStartAt: at } };
    const draft = draftFromIncident(withTime);
    expect(draft.times.impactStartAt).toBe('2014-11-18 16:51');
    const moved = { ...withTime, displayZone: 'UTC' };
    const next = reconcileDraft(draft, withTime, moved, new Set());
    expect(next.times.impactStartAt).toBe('2014-11-19 00:51');
    expect(next.displayZone).toBe('UTC');
  });

  it('starts over for another incident', () => {
    const other = { ...base, id: 'I2', title: 'Other' };
    expect(reconcileDraft(draftFromIncident(base), base, other, new Set(['title'])).title).toBe('Other');
  });

  it('names undo steps by field', () => {
    expect(fieldsLabel(new Set(['title']))).toBe('title');
    expect(fieldsLabel(new Set(['title', 'detectedAt']))).toBe('title and detected');
    expect(fieldsLabel(new Set(['title', 'summary', 'status']))).toBe('3 fields');
  });
});
