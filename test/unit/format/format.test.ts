import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatEditable,
  formatImpactWindow,
  formatZonedFull,
  parseZonedInput,
  zoneLabel,
  zoneProblem,
} from '../../../shared/format';

const LA = 'America/Los_Angeles';
const utc = (s: string) => Date.parse(s);

describe('parseZonedInput', () => {
  it('reads wall-clock text in the given zone', () => {
    expect(parseZonedInput('2014-11-18 16:51', LA)).toEqual({
      ok: true,
      epochMs: utc('2014-11-19T00:51:00Z'),
    });
    expect(parseZonedInput('2014-11-18T16:51:07', LA)).toEqual({
      ok: true,
      epochMs: utc('2014-11-19T00:51:07Z'),
    });
    expect(parseZonedInput(' 2014-07-01 09:00:00.250 ', LA)).toEqual({
      ok: true,
      epochMs: utc('2014-07-01T16:00:00.250Z'),
    });
  });

  it('honours an explicit offset over the zone', () => {
    expect(parseZonedInput('2014-11-19T00:51:07Z', LA)).toEqual({
      ok: true,
      epochMs: utc('2014-11-19T00:51:07Z'),
    });
    expect(parseZonedInput('2014-11-18T16:51:07-08:00', 'UTC')).toEqual({
      ok: true,
      epochMs: utc('2014-11-19T00:51:07Z'),
    });
    expect(parseZonedInput('2014-11-18 21:51+0500', LA)).toEqual({
      ok: true,
      epochMs: utc('2014-11-18T16:51:00Z'),
    });
  });

  it('rejects text that is not a real date-time, naming what was wrong', () => {
    const bad = [
      '',
      'tomorrow',
      '2014-13-01 10:00',
      '2020-02-30 10:00',
      '2014-11-18 24:00',
      '2014-11-18 10:00+19:00',
    ];
    for (const text of bad) {
      const r = parseZonedInput(text, LA);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    }
    const unknown = parseZonedInput('2014-11-18 10:00', 'Mars/Olympus');
    expect(unknown).toEqual({ ok: false, error: 'Unknown time zone "Mars/Olympus".' });
  });

  it('round-trips through formatEditable', () => {
    for (const ms of [
      utc('2014-11-19T00:51:00Z'),
      utc('2014-11-19T00:51:07Z'),
      utc('2014-11-19T00:51:07.042Z'),
    ]) {
      const text = formatEditable(ms, LA);
      expect(parseZonedInput(text, LA)).toEqual({ ok: true, epochMs: ms });
    }
    expect(formatEditable(utc('2014-11-19T00:51:00Z'), LA)).toBe('2014-11-18 16:51');
  });
});

describe('zone-labelled formatting', () => {
  it('labels with the zone abbreviation at that instant', () => {
    expect(formatZonedFull(utc('2014-11-19T00:51:07Z'), LA)).toBe('2014-11-18 16:51:07 PST');
    expect(formatZonedFull(utc('2014-07-01T16:00:00Z'), LA)).toBe('2014-07-01 09:00:00 PDT');
    expect(zoneLabel(0, 'UTC')).toBe('UTC');
  });

  it('formats the impact window compactly on one day', () => {
    const start = utc('2014-11-19T00:51:00Z');
    expect(formatImpactWindow(start, start + 2 * 3_600_000, LA)).toBe('2014-11-18 16:51 → 18:51 PST');
    expect(formatImpactWindow(start, start + 10 * 3_600_000, LA)).toBe(
      '2014-11-18 16:51 PST → 2014-11-19 02:51 PST',
    );
    expect(formatImpactWindow(start, null, LA)).toBe('from 2014-11-18 16:51 PST');
    expect(formatImpactWindow(null, null, LA)).toBe('—');
  });
});

describe('formatDuration', () => {
  it('is compact', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(11 * 60_000 + 30_000)).toBe('11m 30s');
    expect(formatDuration(72 * 60_000)).toBe('1h 12m');
    expect(formatDuration(3 * 3_600_000)).toBe('3h');
    expect(formatDuration(50 * 3_600_000)).toBe('2d 2h');
    expect(formatDuration(-90_000)).toBe('−1m 30s');
  });
});

describe('zoneProblem', () => {
  it('accepts IANA names and UTC, rejects others', () => {
    expect(zoneProblem('UTC')).toBeNull();
    expect(zoneProblem('Europe/Berlin')).toBeNull();
    expect(zoneProblem('')).toMatch(/Choose/);
    expect(zoneProblem('Europe/Atlantis')).toMatch(/Unknown time zone/);
  });
});

describe('one date/time family', () => {
  it('spells a day the same way in day headings, calendar dates and compact times', async () => {
    const { dayHeading } = await import('../../../shared/timeline-edit');
    const { formatCalendarDate } = await import('../../../shared/actions');
    const { formatZonedShort: short } = await import('../../../shared/format');
    const at = Date.parse('2014-11-19T00:51:00Z');
    expect(formatCalendarDate('2014-11-19')).toBe('Nov 19, 2014');
    expect(dayHeading(at, 'UTC')).toBe('Wed Nov 19, 2014');
    expect(short(at, 'UTC')).toBe('Nov 19 00:51 UTC');
    expect(dayHeading(at, 'UTC')).toContain(formatCalendarDate('2014-11-19'));
  });
});
