import { describe, expect, it } from 'vitest';
import { sparklinePoints } from '../../../shared/chart/sparkline';
import { incidentWindow, isNewInWindow } from '../../../shared/patterns/window';

const none = {
  impactStartAt: null,
  detectedAt: null,
  mitigatedAt: null,
  recoveredAt: null,
  resolvedAt: null,
};

describe('incident window and the "new" mark', () => {
  it('runs from impact start (else detection) to resolution (else recovery, mitigation)', () => {
    expect(incidentWindow(none)).toBeNull();
    expect(incidentWindow({ ...none, detectedAt: 10, recoveredAt: 50 })).toEqual({ from: 10, to: 50 });
    expect(
      incidentWindow({ ...none, impactStartAt: 5, detectedAt: 10, resolvedAt: 90, recoveredAt: 50 }),
    ).toEqual({
      from: 5,
      to: 90,
    });
    expect(incidentWindow({ ...none, impactStartAt: 5 })).toEqual({ from: 5, to: Infinity });
  });

  it('marks patterns first seen inside the window when the logs reach back before it', () => {
    const w = { from: 100, to: 200 };
    expect(isNewInWindow({ firstAt: 150, rangeFromAt: 0 }, w)).toBe(true);
    expect(isNewInWindow({ firstAt: 50, rangeFromAt: 0 }, w)).toBe(false);
    expect(isNewInWindow({ firstAt: 250, rangeFromAt: 0 }, w)).toBe(false);
    // Logs that begin inside the window cannot tell what is new.
    expect(isNewInWindow({ firstAt: 150, rangeFromAt: 120 }, w)).toBe(false);
    expect(isNewInWindow({ firstAt: 150, rangeFromAt: 0 }, null)).toBe(false);
  });
});

describe('sparklinePoints', () => {
  it('scales buckets into the box, the largest at the top', () => {
    expect(sparklinePoints([0, 2, 1], 10, 4)).toBe('0,4 5,0 10,2');
    expect(sparklinePoints([3], 10, 4)).toBe('5,0');
    expect(sparklinePoints([], 10, 4)).toBe('');
  });
});
