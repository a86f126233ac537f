/*
 * The import hot path has hand-tuned versions of a few small functions. Each is checked here
 * against the plain definition it replaces, on random input shaped to hit its edge cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, utcMs } from '../../../shared/time/fields';
import { text } from '../../../shared/import/formats/json';
import { parseIso, scanIso } from '../../../shared/time/iso';
import { maskVariables, messageTemplate } from '../../../shared/timeline/template';

const RUNS = Number(process.env.FC_RUNS ?? 200);

function plainUtcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  date.setUTCFullYear(y, mo - 1, d);
  return date.getTime();
}

describe('utcMs', () => {
  it('equals Date.UTC (without its 0..99 quirk) for every valid field set', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 999 }),
        (y, mo, d, h, mi, s, ms) => {
          const expected =
            y >= 100 ? Date.UTC(y, mo - 1, d, h, mi, s, ms) : plainUtcMs(y, mo, d, h, mi, s, ms);
          expect(utcMs(y, mo, d, h, mi, s, ms)).toBe(expected);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('rolls days past a month end over like Date.UTC, and leap days are right', () => {
    expect(new Date(utcMs(2023, 2, 29, 0, 0, 0, 0)).toISOString()).toBe('2023-03-01T00:00:00.000Z');
    expect(new Date(utcMs(2024, 4, 31, 12, 0, 0, 0)).toISOString()).toBe('2024-05-01T12:00:00.000Z');
    expect(new Date(utcMs(2000, 2, 29, 0, 0, 0, 0)).toISOString()).toBe('2000-02-29T00:00:00.000Z');
    expect(new Date(utcMs(1900, 3, 1, 0, 0, 0, 0)).toISOString()).toBe('1900-03-01T00:00:00.000Z');
    expect(utcMs(1970, 1, 1, 0, 0, 0, 0)).toBe(0);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(new Date(utcMs(14, 11, 19, 0, 51, 7, 0)).toISOString()).toBe('0014-11-19T00:51:07.000Z');
  });

  it('still normalises out-of-range fields as Date.UTC does', () => {
    expect(new Date(utcMs(2024, 13, 1, 0, 0, 0, 0)).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(new Date(utcMs(2024, 1, 1, 24, 0, 0, 0)).toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });
});

describe('text', () => {
  const ws = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', '');
  const word = fc.string({
    unit: fc.constantFrom('a', 'Z', '9', '-', 'é', '…', ' ', '\u00a0'),
    maxLength: 8,
  });
  it('is the trimmed string, or null when nothing is left', () => {
    fc.assert(
      fc.property(ws, word, ws, (a, w, b) => {
        const v = `${a}${w}${b}`;
        const t = v.trim();
        expect(text(v)).toBe(t.length > 0 ? t : null);
      }),
      { numRuns: RUNS },
    );
  });
});

/* messageTemplate as first written: one regex pass with a backtracking digit token, then a
 * whitespace collapse on every message. The tuned version must give the same templates. */
const QUOTED = String.raw`(?<=^|[\s=:(\[,])(?:"[^"\n]{0,200}"|'[^'\n]{0,200}')(?=$|[\s,;:)\].])`;
const UUID = String.raw`\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`;
const IPV4 = String.raw`\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b`;
const DIGIT_TOKEN = String.raw`[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*`;
const HEX_SUFFIX_ID = String.raw`\b[A-Za-z][A-Za-z0-9]*[-_][0-9a-f]{4,}\b`;
const PLAIN = new RegExp(`${QUOTED}|${UUID}|${IPV4}|${DIGIT_TOKEN}|${HEX_SUFFIX_ID}`, 'g');
function plainMask(token: string): string {
  const first = token.charCodeAt(0);
  if (first === 34 || first === 39) return '"…"';
  if (/^[-+]?\d+(?:[.,]\d+)?$/.test(token)) return '<n>';
  if (/^\d+(?:\.\d+)?(?:ns|us|µs|ms|s|sec|secs|m|min|mins|h|hr|hrs|d)$/.test(token)) return '<dur>';
  if (token.length === 36 && /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-/.test(token)) return '<uuid>';
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/.test(token)) return '<ip>';
  if (/^(?:0x)?[0-9a-fA-F]{6,}$/.test(token)) return '<hex>';
  return '<id>';
}
function plainTemplate(message: string): string {
  return message.slice(0, 1000).replace(PLAIN, plainMask).replace(/\s+/g, ' ').trim().slice(0, 500);
}

/* Pieces of messages that hit the masks' edge cases, joined at random. */
const PIECES = [
  'a',
  'f',
  'Z',
  'x',
  'vm',
  'bfe',
  '0',
  '7',
  '42',
  '10.0.0.7',
  ':443',
  '-',
  '_',
  '.',
  ':',
  '=',
  ',',
  '(',
  ')',
  '"',
  "'",
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '…',
  'é',
  'ms',
  's',
  '0x',
  'deadbeef',
  '123e4567-e89b-12d3-a456-426614174000',
  'cafe',
  'timeout',
  '%',
];

describe('messageTemplate', () => {
  const pieces = fc.constantFrom(...PIECES);
  it('gives the same templates as the plain single-regex definition', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }), (parts) => {
        const message = parts.join('');
        expect(messageTemplate(message)).toBe(plainTemplate(message));
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('agrees on real-looking messages', () => {
    for (const m of [
      'Blob front-end bfe-28 at 100% CPU in request loop, 819 requests timed out',
      'VM vm-3f500 lost its disk connection (storage unreachable)',
      '  padded   message\twith  tabs ',
      'user "bob" id 123e4567-e89b-12d3-a456-426614174000 took 12 ms',
      '10.0.0.7-abc9 then x-deadbeef-cafe',
    ])
      expect(messageTemplate(m)).toBe(plainTemplate(m));
  });
});

/* maskVariables as a regex: the same alternatives as messageTemplate's but quoted text. */
const PLAIN_UNQUOTED = new RegExp(`${UUID}|${IPV4}|${DIGIT_TOKEN}|${HEX_SUFFIX_ID}`, 'g');

describe('maskVariables', () => {
  const pieces = fc.constantFrom(
    ...PIECES,
    ...['F', 'g', '1234', '123456', '1.2.3', ':12345', ':123456', '/', 'fff', 'DEADBEEF', 'dead-beef'],
    '123E4567-E89B-12D3-A456-42661417400g',
  );
  const agrees = (message: string): void => {
    expect(maskVariables(message)).toBe(message.replace(PLAIN_UNQUOTED, plainMask));
  };
  it('gives the same text as the single global regex', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }), (parts) => agrees(parts.join(''))),
      { numRuns: RUNS * 25 },
    );
  });

  it('agrees on any string of the characters the masks look at', () => {
    const chars = fc.string({
      unit: fc.constantFrom('a', 'f', 'F', 'g', 'Z', '0', '5', '9', '-', '_', '.', ':', ' ', 'é', '1.2.3.'),
      maxLength: 60,
    });
    fc.assert(fc.property(chars, agrees), { numRuns: RUNS * 25 });
  });

  it('agrees on real-looking messages and long words', () => {
    [
      'VM vm-cabac lost its disk; pod_deadbeef restarted',
      'peer 10.0.0.7:8080 and 10.0.0.8:123456 and 1.2.3.4.5 and 1.2.3.4x',
      'id 123e4567-e89b-12d3-a456-426614174000.json at v1.2.3-rc1',
      'x'.repeat(5000),
    ].forEach(agrees);
  });
});

describe('parseIso', () => {
  const scanned = (s: string): number | null => {
    const out = { end: 0 };
    const at = scanIso(s, 0, 'UTC', out);
    return at !== null && out.end === s.length ? at : null;
  };
  const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
  const stamp = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      two(13),
      two(32),
      fc.constantFrom('T', 't', ' '),
      two(24),
      two(60),
      two(61),
      fc.constantFrom('', '.', '.5', '.123', '.1234567', ',5'),
      fc.constantFrom('Z', 'z', '+05:30', '-07:00', '+19:00', '-00:60', '+0530', '', 'ZZ', ' UTC'),
    )
    .map(
      (parts) =>
        `${parts[0]}-${parts[1]}-${parts[2]}${parts[3]}${parts[4]}:${parts[5]}:${parts[6]}${parts[7]}${parts[8]}`,
    );
  it('reads every RFC 3339 variant exactly as the general ISO scanner does', () => {
    fc.assert(
      fc.property(stamp, fc.nat(40), fc.string({ maxLength: 1 }), (s, cut, junk) => {
        expect(parseIso(s)).toBe(scanned(s));
        const broken = s.slice(0, cut) + junk + s.slice(cut + 1);
        expect(parseIso(broken)).toBe(scanned(broken));
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('keeps the instants around the epoch', () => {
    expect(parseIso('1969-12-31T23:59:59.999Z')).toBe(-1);
    expect(parseIso('1970-01-01T00:00:00Z')).toBe(0);
    expect(parseIso('1969-12-31T23:59:59.998Z')).toBe(-2);
    expect(parseIso('2014-11-18T13:01:04.737-05:00')).toBe(Date.parse('2014-11-18T18:01:04.737Z'));
  });
});
