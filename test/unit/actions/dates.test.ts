import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDateAt,
  calendarDaysBetween,
  dayNumber,
  formatCalendarDate,
  fromDayNumber,
  isValidIsoDate,
} from '../../../shared/actions';

describe('calendar dates', () => {
  it('accepts real dates and rejects impossible or malformed ones', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-02-30')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-00-10')).toBe(false);
    expect(isValidIsoDate('2026-1-5')).toBe(false);
    expect(isValidIsoDate('2026-01-05T00:00')).toBe(false);
    expect(dayNumber('1970-01-01')).toBe(0);
  });

  it('adds days across month, year and leap boundaries', () => {
    expect(addCalendarDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => addCalendarDays('nope', 1)).toThrow(/Not a calendar date/);
  });

  it('adds whole days across DST changes (no 23-hour or 25-hour drift)', () => {
    // US spring forward 2026-03-08, EU 2026-03-29, US fall back 2026-11-01.
    expect(addCalendarDays('2026-03-01', 14)).toBe('2026-03-15');
    expect(addCalendarDays('2026-03-22', 14)).toBe('2026-04-05');
    expect(addCalendarDays('2026-10-25', 14)).toBe('2026-11-08');
    expect(calendarDaysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(calendarDaysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });

  it('round-trips day numbers and keeps add/between consistent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200_000, max: 200_000 }),
        fc.integer({ min: -5000, max: 5000 }),
        (day, n) => {
          const date = fromDayNumber(day);
          expect(dayNumber(date)).toBe(day);
          expect(calendarDaysBetween(date, addCalendarDays(date, n))).toBe(n);
        },
      ),
    );
  });
});

describe('calendarDateAt (today in a zone)', () => {
  const at = (iso: string) => Date.parse(iso);

  it('uses the wall calendar of the zone, not UTC', () => {
    // 2026-03-08 03:30 UTC is still the evening of the 7th in New York.
    expect(calendarDateAt(at('2026-03-08T03:30:00Z'), 'America/New_York')).toBe('2026-03-07');
    expect(calendarDateAt(at('2026-03-08T03:30:00Z'), 'UTC')).toBe('2026-03-08');
    expect(calendarDateAt(at('2026-03-08T03:30:00Z'), 'Asia/Tokyo')).toBe('2026-03-08');
  });

  it('gets the day right on both sides of DST changes', () => {
    // New York spring forward: 02:00 EST → 03:00 EDT on 2026-03-08 (07:00 UTC).
    expect(calendarDateAt(at('2026-03-08T05:30:00Z'), 'America/New_York')).toBe('2026-03-08'); // 00:30 EST
    expect(calendarDateAt(at('2026-03-09T03:59:00Z'), 'America/New_York')).toBe('2026-03-08'); // 23:59 EDT
    expect(calendarDateAt(at('2026-03-09T04:00:00Z'), 'America/New_York')).toBe('2026-03-09'); // 00:00 EDT
    // Fall back: 01:30 happens twice on 2026-11-01; both are the 1st. 23:59 EST is 04:59 UTC.
    expect(calendarDateAt(at('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(calendarDateAt(at('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(calendarDateAt(at('2026-11-02T04:59:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(calendarDateAt(at('2026-11-02T05:00:00Z'), 'America/New_York')).toBe('2026-11-02');
    // Southern hemisphere: Sydney leaves DST 2026-04-05 03:00 AEDT → 02:00 AEST.
    expect(calendarDateAt(at('2026-04-05T13:59:00Z'), 'Australia/Sydney')).toBe('2026-04-05'); // 23:59 AEST
    expect(calendarDateAt(at('2026-04-05T14:00:00Z'), 'Australia/Sydney')).toBe('2026-04-06');
    // Lord Howe shifts by 30 minutes.
    expect(calendarDateAt(at('2026-04-05T13:29:00Z'), 'Australia/Lord_Howe')).toBe('2026-04-05'); // 23:59 +10:30
  });

  it('handles a zone that skipped a whole day (Samoa, 2011-12-30)', () => {
    expect(calendarDateAt(at('2011-12-30T09:59:00Z'), 'Pacific/Apia')).toBe('2011-12-29');
    expect(calendarDateAt(at('2011-12-30T10:00:00Z'), 'Pacific/Apia')).toBe('2011-12-31');
  });

  it('falls back to the local zone for an unknown zone instead of throwing', () => {
    const now = at('2026-06-01T12:00:00Z');
    expect(calendarDateAt(now, 'Not/AZone')).toBe(calendarDateAt(now));
  });
});

describe('calendarDateAt without a zone (the local zone)', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });

  it('agrees with the explicit zone around DST changes', () => {
    const zones = [
      'America/New_York',
      'Europe/Berlin',
      'Australia/Sydney',
      'Asia/Kolkata',
      'Pacific/Chatham',
    ];
    const instants = [
      '2026-03-08T04:59:00Z',
      '2026-03-08T05:00:00Z',
      '2026-03-29T00:30:00Z',
      '2026-04-04T13:30:00Z',
      '2026-11-02T04:59:00Z',
    ];
    for (const zone of zones) {
      process.env.TZ = zone;
      for (const iso of instants) {
        const t = Date.parse(iso);
        expect(calendarDateAt(t), `${zone} ${iso}`).toBe(calendarDateAt(t, zone));
      }
    }
  });
});

describe('formatCalendarDate', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });

  it('never shifts the day, whatever the machine zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Sao_Paulo', 'UTC']) {
      process.env.TZ = zone;
      expect(formatCalendarDate('2026-03-08')).toBe('Mar 8, 2026');
      expect(formatCalendarDate('2024-02-29', 'EEE d MMM')).toBe('Thu 29 Feb');
    }
    expect(formatCalendarDate('2026-02-30')).toBe('2026-02-30');
  });
});
