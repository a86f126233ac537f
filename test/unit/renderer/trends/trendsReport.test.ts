import { describe, expect, it } from 'vitest';
import { computeTrends } from '../../../../shared/library';
import { trendsReport } from '../../../../renderer/features/trends/model/trendsReport';
import { FEB, inc, JAN, times } from '../../library/fixtures';

describe('the kept Trends report', () => {
  it('is the same report for the same library, period and day, and computed again when any differs', () => {
    const library = [inc('a', { keyTimes: times(JAN, null, null, null) }), inc('b', { createdAt: FEB })];
    const all = { from: null, to: null };
    const first = trendsReport(library, all, '2026-03-10');
    expect(first).toEqual(computeTrends(library, all, '2026-03-10'));
    expect(trendsReport(library, { from: null, to: null }, '2026-03-10')).toBe(first);

    const since = { from: FEB, to: null };
    const narrower = trendsReport(library, since, '2026-03-10');
    expect(narrower).not.toBe(first);
    expect(narrower.incidentCount).toBe(1);
    expect(trendsReport([...library], since, '2026-03-10')).not.toBe(narrower);
    expect(trendsReport(library, all, '2026-03-11')).not.toBe(first);
  });
});
