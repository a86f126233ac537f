import { describe, expect, it } from 'vitest';
import {
  createZoneFormatter,
  dayHeading,
  formatSideBySide,
  formatTPlus,
  resolveZone,
  timeCell,
} from '../../../shared/timeline-edit';

describe('zone formatting', () => {
  it('labels every time with its zone and follows DST at the fall-back edge', () => {
    // 2014-11-02: 01:59:59 PDT is followed by 01:00:00 PST in Los Angeles.
    const beforeFallBack = Date.UTC(2014, 10, 2, 8, 59, 59);
    const afterFallBack = Date.UTC(2014, 10, 2, 9, 0, 0);
    expect(timeCell(beforeFallBack, 'America/Los_Angeles')).toEqual({ time: '01:59:59', zone: 'PDT' });
    expect(timeCell(afterFallBack, 'America/Los_Angeles')).toEqual({ time: '01:00:00', zone: 'PST' });
  });
  it('skips the missing hour at the spring-forward edge', () => {
    const before = Date.UTC(2014, 2, 9, 9, 59, 59);
    const after = Date.UTC(2014, 2, 9, 10, 0, 0);
    expect(timeCell(before, 'America/Los_Angeles')).toEqual({ time: '01:59:59', zone: 'PST' });
    expect(timeCell(after, 'America/Los_Angeles')).toEqual({ time: '03:00:00', zone: 'PDT' });
  });
  it('shows two zones side by side across the date line, like the 2014 Azure RCA', () => {
    const at = Date.UTC(2014, 10, 19, 0, 51);
    expect(formatSideBySide(at, 'America/Los_Angeles', 'UTC')).toBe(
      'Nov 18 16:51:00 PST (Nov 19 00:51:00 UTC)',
    );
    expect(formatSideBySide(at, 'UTC', null)).toBe('Nov 19 00:51:00 UTC');
    expect(dayHeading(at, 'America/Los_Angeles')).toBe('Tue Nov 18, 2014');
    expect(dayHeading(at, 'UTC')).toBe('Wed Nov 19, 2014');
  });
  it('formats the offset from impact start', () => {
    const s = Date.UTC(2014, 10, 19, 0, 51);
    expect(formatTPlus(s + 34 * 60_000, s)).toBe('T+00:34');
    expect(formatTPlus(s + 26 * 3_600_000 + 5 * 60_000, s)).toBe('T+26:05');
    expect(formatTPlus(s - 12 * 60_000, s)).toBe('T−00:12');
    expect(formatTPlus(s - 30_000, s)).toBe('T+00:00');
    expect(formatTPlus(s, null)).toBe('');
  });
  it('resolves zone choices, falling back to UTC for unknown names', () => {
    expect(resolveZone({ type: 'incident' }, 'Europe/Berlin', 'Asia/Tokyo')).toBe('Europe/Berlin');
    expect(resolveZone({ type: 'local' }, 'Europe/Berlin', 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(resolveZone({ type: 'utc' }, 'Europe/Berlin', 'Asia/Tokyo')).toBe('UTC');
    expect(resolveZone({ type: 'named', zone: 'Asia/Kolkata' }, 'UTC', 'UTC')).toBe('Asia/Kolkata');
    expect(resolveZone({ type: 'named', zone: 'Nowhere/Else' }, 'UTC', 'UTC')).toBe('UTC');
  });
});

describe('createZoneFormatter', () => {
  it('agrees with date-fns formatting every 7 minutes across both 2014 DST changes in several zones', () => {
    const zones = [
      'America/Los_Angeles',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'America/St_Johns',
      'UTC',
    ];
    const spans = [Date.UTC(2014, 2, 8), Date.UTC(2014, 9, 25), Date.UTC(2014, 3, 5), Date.UTC(2014, 10, 1)];
    for (const zone of zones) {
      const fast = createZoneFormatter(zone);
      for (const from of spans) {
        for (let t = from; t < from + 3 * 86_400_000; t += 7 * 60_000 + 13_000) {
          expect(`${fast.time(t)} ${fast.label(t)}`, `${zone} ${new Date(t).toISOString()}`).toBe(
            `${timeCell(t, zone).time} ${timeCell(t, zone).zone}`,
          );
        }
      }
    }
  });
  it('falls back to UTC for an unknown zone', () => {
    expect(createZoneFormatter('Nowhere/Else').time(Date.UTC(2014, 0, 1, 5, 6, 7))).toBe('05:06:07');
  });
});
