import { describe, expect, it } from 'vitest';
import {
  ROW_DAY,
  ROW_EVENT,
  ROW_GAP,
  buildRowModel,
  dayHeading,
  describeGap,
  findGaps,
  nextMidnight,
} from '../../../shared/timeline-edit';

const M = 60_000;

describe('findGaps', () => {
  it('reports silences longer than the threshold', () => {
    const gaps = findGaps(
      [
        { at: 0, endAt: null },
        { at: 10 * M, endAt: null },
        { at: 52 * M, endAt: null },
      ],
      30 * M,
    );
    expect(gaps).toEqual([{ afterIndex: 1, fromAt: 10 * M, toAt: 52 * M, ms: 42 * M }]);
    expect(describeGap(gaps[0]!.ms)).toBe('42 min without events');
  });
  it('treats a folded event as covering its span', () => {
    const spans = [
      { at: 0, endAt: 60 * M },
      { at: 40 * M, endAt: null },
      { at: 80 * M, endAt: null },
    ];
    expect(findGaps(spans, 30 * M)).toEqual([]);
    expect(findGaps(spans, 15 * M)).toEqual([{ afterIndex: 1, fromAt: 60 * M, toAt: 80 * M, ms: 20 * M }]);
  });
  it('never reports a gap at exactly the threshold, nor with the threshold off', () => {
    expect(
      findGaps(
        [
          { at: 0, endAt: null },
          { at: 30 * M, endAt: null },
        ],
        30 * M,
      ),
    ).toEqual([]);
    expect(
      findGaps(
        [
          { at: 0, endAt: null },
          { at: 300 * M, endAt: null },
        ],
        0,
      ),
    ).toEqual([]);
  });
  it('describes long gaps in hours and days', () => {
    expect(describeGap(125 * M)).toBe('2 h 5 min without events');
    expect(describeGap(60 * M)).toBe('1 h without events');
    expect(describeGap(26 * 60 * M)).toBe('1 d 2 h without events');
  });
});

describe('buildRowModel', () => {
  it('adds a day heading whenever the day changes in the display zone, and gap rows', () => {
    const at = [Date.UTC(2014, 10, 18, 23, 0), Date.UTC(2014, 10, 19, 0, 30), Date.UTC(2014, 10, 19, 2, 0)];
    const src = { count: 3, at: (i: number) => at[i]!, endAt: () => null };
    const utc = buildRowModel(src, 'UTC', 60 * M);
    // The silence before midnight comes first, then the new day's heading.
    expect(Array.from(utc.kind)).toEqual([
      ROW_DAY,
      ROW_EVENT,
      ROW_GAP,
      ROW_DAY,
      ROW_EVENT,
      ROW_GAP,
      ROW_EVENT,
    ]);
    expect(Array.from(utc.rowOfEvent)).toEqual([1, 4, 6]);
    expect(utc.gaps[0]!.ms).toBe(90 * M);
    // In Los Angeles all three fall on Nov 18: one heading only.
    const la = buildRowModel(src, 'America/Los_Angeles', 0);
    expect(Array.from(la.kind)).toEqual([ROW_DAY, ROW_EVENT, ROW_EVENT, ROW_EVENT]);
  });
  it('starts a heading when the day changes in the second zone shown, too', () => {
    // Nov 18 16:45 and 16:50 PST; the second is 00:45 UTC on Wed Nov 19.
    const at = [Date.UTC(2014, 10, 18, 23, 45), Date.UTC(2014, 10, 19, 0, 45)];
    const src = { count: 2, at: (i: number) => at[i]!, endAt: () => null };
    const one = buildRowModel(src, ['America/Los_Angeles'], 0);
    expect(Array.from(one.kind)).toEqual([ROW_DAY, ROW_EVENT, ROW_EVENT]);
    const both = buildRowModel(src, ['America/Los_Angeles', 'UTC'], 0);
    expect(Array.from(both.kind)).toEqual([ROW_DAY, ROW_EVENT, ROW_DAY, ROW_EVENT]);
    expect(dayHeading(both.days[1]!, 'UTC')).toBe('Wed Nov 19, 2014');
    expect(dayHeading(both.days[1]!, 'America/Los_Angeles')).toBe('Tue Nov 18, 2014');
  });
  it('finds the next midnight across DST changes (23- and 25-hour days)', () => {
    const z = 'America/Los_Angeles';
    expect(nextMidnight(Date.UTC(2014, 2, 9, 9), z)).toBe(Date.UTC(2014, 2, 10, 7)); // 23 h day
    expect(nextMidnight(Date.UTC(2014, 10, 2, 9), z)).toBe(Date.UTC(2014, 10, 3, 8)); // 25 h day
  });
});
