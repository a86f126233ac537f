import { utcMs, validFields, fractionMs } from '../time/fields';
import { isKnownZone, zonedToEpoch } from '../time/zone';

export type ParsedInstant = { ok: true; epochMs: number } | { ok: false; error: string };

// yyyy-MM-dd, then T or spaces, HH:mm, optional :ss, optional fraction, optional offset.
const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses a date-time typed by a person. Accepts `2014-11-18 16:51`, `2014-11-18T16:51:07`,
 * fractions of a second, and an explicit offset (`Z`, `UTC`, `+01:00`, `-0800`). Text without
 * an offset is read as wall-clock time in `zone`. A date alone means midnight.
 */
export function parseZonedInput(text: string, zone: string): ParsedInstant {
  const s = text.trim();
  if (s === '') return { ok: false, error: 'Enter a date and time like 2014-11-18 16:51.' };
  const m = PATTERN.exec(s);
  if (!m) return { ok: false, error: `Not a date and time: "${s}". Use a form like 2014-11-18 16:51.` };
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : fractionMs(m[7], 0, { end: 0 });
  if (!validFields(y, mo, d, h, mi, sec) || sec === 60) {
    return { ok: false, error: `No such date or time: "${s}".` };
  }
  const offset = m[8];
  if (offset !== undefined) {
    const wall = utcMs(y, mo, d, h, mi, sec, ms);
    if (/^(z|utc)$/i.test(offset)) return { ok: true, epochMs: wall };
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 18 || om > 59) return { ok: false, error: `Offset out of range: "${offset}".` };
    return { ok: true, epochMs: wall - sign * (oh * 3_600_000 + om * 60_000) };
  }
  if (!isKnownZone(zone)) return { ok: false, error: `Unknown time zone "${zone}".` };
  const epochMs = zonedToEpoch(zone, y, mo, d, h, mi, sec, ms);
  if (epochMs === null) return { ok: false, error: `Unknown time zone "${zone}".` };
  return { ok: true, epochMs };
}
