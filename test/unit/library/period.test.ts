import { describe, expect, it } from 'vitest';
import { presetPeriod } from '../../../renderer/features/trends/period';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

describe('Trends period presets', () => {
  it('turn today into UTC day spans, `to` exclusive', () => {
    expect(presetPeriod('all', '2026-12-02')).toEqual({ from: null, to: null });
    expect(presetPeriod('this-quarter', '2026-12-02')).toEqual({
      from: day(2026, 10, 1),
      to: day(2027, 1, 1),
    });
    expect(presetPeriod('last-quarter', '2026-12-02')).toEqual({
      from: day(2026, 7, 1),
      to: day(2026, 10, 1),
    });
    // In the first quarter, the last quarter is the previous year's fourth.
    expect(presetPeriod('last-quarter', '2026-02-10')).toEqual({
      from: day(2025, 10, 1),
      to: day(2026, 1, 1),
    });
    expect(presetPeriod('this-year', '2026-02-10')).toEqual({ from: day(2026, 1, 1), to: day(2027, 1, 1) });
    expect(presetPeriod('last-90', '2026-03-31')).toEqual({ from: day(2026, 1, 1), to: day(2026, 4, 1) });
    expect(presetPeriod('custom', '2026-03-31', '2026-01-01', '')).toEqual({
      from: day(2026, 1, 1),
      to: null,
    });
    expect(presetPeriod('custom', '2026-03-31', '', '2026-01-31')).toEqual({
      from: null,
      to: day(2026, 2, 1),
    });
  });
});
