import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastAtOrBefore } from '../../../shared/domain';

const RUNS = Number(process.env.FC_RUNS ?? 200);

describe('lastAtOrBefore', () => {
  it('finds the last value at or before the one asked, as a walk from the end would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 })),
        fc.integer({ min: -60, max: 60 }),
        (values, v) => {
          const sorted = [...values].sort((a, b) => a - b);
          let want = 0;
          for (let i = sorted.length - 1; i >= 0; i--) {
            if (sorted[i]! <= v) {
              want = i;
              break;
            }
          }
          expect(lastAtOrBefore(sorted, v)).toBe(want);
          expect(lastAtOrBefore(Int32Array.from(sorted), v)).toBe(want);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
