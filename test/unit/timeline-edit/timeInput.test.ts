import { describe, expect, it } from 'vitest';
import {
  parseEventTimeInput,
  parseRelativeOffset,
  type TimeInputContext,
} from '../../../shared/timeline-edit';

const NOW = Date.UTC(2014, 10, 19, 1, 0, 0); // 2014-11-18 17:00 PST
const ANCHOR = Date.UTC(2014, 10, 19, 0, 51, 0); // 2014-11-18 16:51 PST
const ctx: TimeInputContext = { zone: 'America/Los_Angeles', now: NOW, anchor: ANCHOR };
const ok = (text: string, c = ctx) => {
  const r = parseEventTimeInput(text, c);
  if (!r.ok) throw new Error(r.error);
  return r.epochMs;
};

describe('parseRelativeOffset', () => {
  it('reads signed units and compound offsets', () => {
    expect(parseRelativeOffset('+5m')).toBe(300_000);
    expect(parseRelativeOffset('-2h')).toBe(-7_200_000);
    expect(parseRelativeOffset('+1h30m')).toBe(5_400_000);
    expect(parseRelativeOffset('−90s')).toBe(-90_000);
    expect(parseRelativeOffset('+1d')).toBe(86_400_000);
    expect(parseRelativeOffset('+250ms')).toBe(250);
    expect(parseRelativeOffset('+5 min')).toBe(300_000);
  });
  it('rejects what is not an offset', () => {
    expect(parseRelativeOffset('5m')).toBeNull();
    expect(parseRelativeOffset('+5x')).toBeNull();
    expect(parseRelativeOffset('+')).toBeNull();
  });
});

describe('parseEventTimeInput', () => {
  it('accepts now and now±offset', () => {
    expect(ok('now')).toBe(NOW);
    expect(ok('NOW-2h')).toBe(NOW - 7_200_000);
    expect(ok('now + 5m')).toBe(NOW + 300_000);
  });
  it('counts bare offsets from the anchor, else from now', () => {
    expect(ok('+5m')).toBe(ANCHOR + 300_000);
    expect(ok('-2h')).toBe(ANCHOR - 7_200_000);
    expect(ok('+5m', { ...ctx, anchor: null })).toBe(NOW + 300_000);
  });
  it('reads a time of day on the anchor date in the display zone', () => {
    expect(ok('16:55')).toBe(Date.UTC(2014, 10, 19, 0, 55));
    expect(ok('23:10:05.5')).toBe(Date.UTC(2014, 10, 19, 7, 10, 5, 500));
  });
  it('reads wall-clock dates in the zone and pasted ISO forms with offsets', () => {
    expect(ok('2014-11-18 16:51')).toBe(ANCHOR);
    expect(ok('2014-11-19T00:51:00Z')).toBe(ANCHOR);
    expect(ok('2014-11-19T00:51:00.000Z')).toBe(ANCHOR);
    expect(ok('2014-11-18T16:51:00-08:00')).toBe(ANCHOR);
    expect(ok('2014-11-19 00:51 UTC')).toBe(ANCHOR);
    expect(ok(String(ANCHOR))).toBe(ANCHOR);
  });
  it('reads wall-clock text on DST days: the gap moves forward, the overlap takes daylight time', () => {
    const la = { ...ctx, anchor: null };
    // 2014-03-09 02:30 does not exist in Los Angeles; it becomes 03:30 PDT (10:30 UTC).
    expect(ok('2014-03-09 02:30', la)).toBe(Date.UTC(2014, 2, 9, 10, 30));
    // 2014-11-02 01:30 happens twice; the first (PDT, 08:30 UTC) is chosen.
    expect(ok('2014-11-02 01:30', la)).toBe(Date.UTC(2014, 10, 2, 8, 30));
  });
  it('explains bad input', () => {
    const bad = (t: string) => {
      const r = parseEventTimeInput(t, ctx);
      return r.ok ? null : r.error;
    };
    expect(bad('')).toMatch(/Enter a time/);
    expect(bad('now+banana')).toMatch(/Not an offset after "now"/);
    expect(bad('+5y')).toMatch(/Not an offset/);
    expect(bad('25:00')).toMatch(/No such time/);
    expect(bad('yesterday')).toMatch(/Not a date and time/);
    expect(parseEventTimeInput('16:00', { ...ctx, zone: 'Mars/Olympus' }).ok).toBe(false);
  });
});
