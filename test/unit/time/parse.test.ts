import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseEpochNumber,
  parseEpochText,
  parseIso,
  parseTimestamp,
  parseTimeValue,
} from '../../../shared/time/parse';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const UTC = { zone: 'UTC', year: 2024 };
const LA = { zone: 'America/Los_Angeles', year: 2024 };
const iso = (n: number | null): string | null => (n === null ? null : new Date(n).toISOString());

describe('ISO 8601 / RFC 3339', () => {
  it.each([
    ['2024-01-01T10:00:00Z', '2024-01-01T10:00:00.000Z'],
    ['2024-01-01T10:00:00.1234567+05:30', '2024-01-01T04:30:00.123Z'],
    ['2024-01-01T10:00:00.123456789Z', '2024-01-01T10:00:00.123Z'],
    ['2024-01-01 10:00:00+0330', '2024-01-01T06:30:00.000Z'],
    ['2024-01-01T10:00:00-07:00', '2024-01-01T17:00:00.000Z'],
    ['2024-01-01T10:00:00-07', '2024-01-01T17:00:00.000Z'],
    ['2015-07-29 17:41:44,747', '2015-07-29T17:41:44.747Z'],
    ['2024-01-01T10:00Z', '2024-01-01T10:00:00.000Z'],
    ['2024/01/02 03:04:05', '2024-01-02T03:04:05.000Z'],
    ['2024-01-01', '2024-01-01T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
    ['2024-01-01T10:00:00.5 UTC', '2024-01-01T10:00:00.500Z'],
  ])('%s', (text, expected) => {
    expect(iso(parseTimestamp(text, UTC))).toBe(expected);
  });

  it.each([
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T10:60:00Z',
    '2024-01-01T10:00:00+25:00',
    '2024-01-01T10:00:00Zjunk',
    '2024-1-01',
    '',
    'yesterday',
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text, UTC)).toBeNull();
  });

  it('parseIso is exact on the whole string and uses the zone only without an offset', () => {
    expect(iso(parseIso('2024-05-01T10:00:00.123Z'))).toBe('2024-05-01T10:00:00.123Z');
    expect(iso(parseIso('2024-05-01T10:00:00', 'Europe/Berlin'))).toBe('2024-05-01T08:00:00.000Z');
    expect(iso(parseIso('2024-05-01T10:00:00Z', 'Europe/Berlin'))).toBe('2024-05-01T10:00:00.000Z');
    expect(parseIso('2024-05-01T10:00:00Z ')).toBeNull();
  });
});

describe('naive times across DST (America/Los_Angeles)', () => {
  it('resolves ordinary winter and summer times', () => {
    expect(iso(parseTimestamp('2024-01-15 12:00:00', LA))).toBe('2024-01-15T20:00:00.000Z');
    expect(iso(parseTimestamp('2024-07-15 12:00:00', LA))).toBe('2024-07-15T19:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by the gap (02:30 → 03:30 PDT)', () => {
    expect(iso(parseTimestamp('2024-03-10 01:59:59', LA))).toBe('2024-03-10T09:59:59.000Z');
    expect(iso(parseTimestamp('2024-03-10 02:30:00', LA))).toBe('2024-03-10T10:30:00.000Z');
    expect(iso(parseTimestamp('2024-03-10 03:00:00', LA))).toBe('2024-03-10T10:00:00.000Z');
  });

  it('takes the first (daylight) occurrence in the fall-back overlap', () => {
    expect(iso(parseTimestamp('2024-11-03 01:30:00', LA))).toBe('2024-11-03T08:30:00.000Z');
    expect(iso(parseTimestamp('2024-11-03 02:00:00', LA))).toBe('2024-11-03T10:00:00.000Z');
  });

  it('returns null for an unknown zone instead of throwing', () => {
    expect(parseTimestamp('2024-01-01 10:00:00', { zone: 'Mars/Olympus', year: null })).toBeNull();
  });
});

describe('named formats', () => {
  it.each([
    ['Tue, 19 Nov 2014 00:51:07 +0000', UTC, '2014-11-19T00:51:07.000Z'],
    ['Tue, 19 Nov 2014 00:51:07 GMT', UTC, '2014-11-19T00:51:07.000Z'],
    ['Tue, 18 Nov 2014 16:51:07 PST', UTC, '2014-11-19T00:51:07.000Z'],
    ['19 Nov 2014 00:51 EDT', UTC, '2014-11-19T04:51:00.000Z'],
    ['Sun Dec 04 04:47:44 2005', UTC, '2005-12-04T04:47:44.000Z'],
    ['Mon Jan  2 15:04:05 MST 2006', UTC, '2006-01-02T22:04:05.000Z'],
    ['[Wed Oct 11 14:32:52.123456 2000]', UTC, '2000-10-11T14:32:52.123Z'],
    ['22/Jan/2019:03:56:14 +0330', UTC, '2019-01-22T00:26:14.000Z'],
    ['Jun 14 15:16:01', { zone: 'UTC', year: 2005 }, '2005-06-14T15:16:01.000Z'],
    ['Feb  5 17:32:18', { zone: 'UTC', year: 2024 }, '2024-02-05T17:32:18.000Z'],
    ['081109 203615', UTC, '2008-11-09T20:36:15.000Z'],
    ['2005-06-03-15.42.50.675872', UTC, '2005-06-03T15:42:50.675Z'],
    ['Sun Dec 04 04:47:44 2005', LA, '2005-12-04T12:47:44.000Z'],
  ])('%s', (text, opts, expected) => {
    expect(iso(parseTimestamp(text, opts))).toBe(expected);
  });

  it.each([
    'Tue, 31 Nov 2014 00:51:07 +0000',
    'Tue, 19 Nov 2014 00:51:07 XYZ',
    'Sun Dec 32 04:47:44 2005',
    '32/Jan/2019:03:56:14 +0000',
    'Feb 30 10:00:00',
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text, UTC)).toBeNull();
  });
});

describe('epoch values', () => {
  it('picks the unit by magnitude and keeps ms exactly', () => {
    expect(iso(parseEpochText('1454884927'))).toBe('2016-02-07T22:42:07.000Z');
    expect(iso(parseEpochText('1454884927.5'))).toBe('2016-02-07T22:42:07.500Z');
    expect(parseEpochText('1745532517537')).toBe(1745532517537);
    expect(parseEpochText('1534860261221373')).toBe(1534860261221);
    expect(parseEpochText('1544712660300999999')).toBe(1544712660300);
    expect(parseEpochText('12ab')).toBeNull();
    expect(parseEpochText('')).toBeNull();
    expect(parseEpochNumber(1745532517.537)).toBe(1745532517537);
    expect(parseEpochNumber(0.29)).toBe(290);
    expect(parseEpochNumber(1745532517537)).toBe(1745532517537);
    expect(parseEpochNumber(1534860261221373)).toBe(1534860261221);
    expect(parseEpochNumber(1544712660300999999n)).toBe(1544712660300);
    expect(parseEpochNumber(-1)).toBeNull();
    expect(parseEpochNumber(Number.NaN)).toBeNull();
  });

  it('parseTimeValue accepts numbers and text and nothing else', () => {
    expect(parseTimeValue(1745532517537, UTC)).toBe(1745532517537);
    expect(iso(parseTimeValue('2024-01-01T00:00:00Z', UTC))).toBe('2024-01-01T00:00:00.000Z');
    expect(parseTimeValue({ t: 1 }, UTC)).toBeNull();
    expect(parseTimeValue(true, UTC)).toBeNull();
  });

  it('ns text keeps the exact ms that float maths would lose', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 18n, max: 4n * 10n ** 18n }), (ns) => {
        expect(parseEpochText(ns.toString())).toBe(Number(ns / 1_000_000n));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const v = parseTimestamp(s, LA);
        expect(v === null || Number.isFinite(v)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('round-trips any UTC instant through ISO text (fast path = Date.toISOString)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(parseIso(text)).toBe(ms);
        expect(parseTimestamp(text.replace('Z', '+00:00').replace('T', ' '), LA)).toBe(ms);
      }),
      { numRuns: RUNS },
    );
  });
});
