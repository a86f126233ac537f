import { describe, expect, it } from 'vitest';
import { computePhases } from '../../../shared/timeline/phases';
import { MIN, T0 } from './helpers';

describe('computePhases', () => {
  it('finds each boundary from records in any order', () => {
    const p = computePhases([
      { at: T0 + 50 * MIN, kind: 'recovery' },
      { at: T0 - 5 * MIN, kind: 'detection' },
      { at: T0, kind: 'impact' },
      { at: T0 + 10 * MIN, kind: 'detection' },
      { at: T0 + 20 * MIN, kind: 'mitigation' },
      { at: T0 + 30 * MIN, kind: 'impact' },
      { at: T0 + 40 * MIN, kind: 'recovery' },
      { at: T0 + 60 * MIN, kind: 'response', type: 'com.x.incident.resolved' },
    ]);
    expect(p).toEqual({
      impactStartAt: T0,
      detectedAt: T0 + 10 * MIN,
      mitigatedAt: T0 + 20 * MIN,
      recoveredAt: T0 + 50 * MIN,
      resolvedAt: T0 + 60 * MIN,
    });
  });

  it('leaves recovery open while impact continues and falls back to recovery for resolved', () => {
    const ongoing = computePhases([
      { at: T0, kind: 'impact' },
      { at: T0 + MIN, kind: 'recovery' },
      { at: T0 + 2 * MIN, kind: 'impact' },
    ]);
    expect(ongoing.recoveredAt).toBeNull();
    expect(ongoing.resolvedAt).toBeNull();
    const done = computePhases([
      { at: T0, kind: 'impact' },
      { at: T0 + MIN, kind: 'recovery' },
    ]);
    expect(done.resolvedAt).toBe(T0 + MIN);
  });

  it('is all null without records', () => {
    expect(Object.values(computePhases([])).every((v) => v === null)).toBe(true);
  });
});

describe('Detected from the first communication', () => {
  it('takes the first communication after impact start when no detection comes earlier', () => {
    const p = computePhases([
      { at: T0, kind: 'impact' },
      { at: T0 - MIN, kind: 'communication' },
      { at: T0 + 5 * MIN, kind: 'communication' },
      { at: T0 + 9 * MIN, kind: 'detection' },
    ]);
    expect(p.detectedAt).toBe(T0 + 5 * MIN);
  });

  it('keeps an earlier detection', () => {
    const p = computePhases([
      { at: T0, kind: 'impact' },
      { at: T0 + 2 * MIN, kind: 'detection' },
      { at: T0 + 5 * MIN, kind: 'communication' },
    ]);
    expect(p.detectedAt).toBe(T0 + 2 * MIN);
  });

  it('says nothing without impact', () => {
    expect(computePhases([{ at: T0, kind: 'communication' }]).detectedAt).toBeNull();
  });
});
