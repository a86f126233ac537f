import { digits, fractionMs, isDigit, utcMs, validFields } from './fields';
import { zonedToEpoch } from './zone';

/** Where a scanned timestamp ended (index just past it). */
export interface ScanEnd {
  end: number;
}

const scratch: ScanEnd = { end: 0 };

/**
 * Offset in minutes of `Z`, `+05:30`, `+0530`, `-07` at `i` (optionally after one space, and
 * also `UTC`/`GMT`), or null when there is none. Sets `out.end`.
 */
export function offsetAt(s: string, i: number, out: ScanEnd): number | null {
  let p = i;
  const c0 = s.charCodeAt(p);
  if (c0 === 90 || c0 === 122) {
    out.end = p + 1;
    return 0;
  }
  if (c0 === 32) p++;
  const c = s.charCodeAt(p);
  if (c === 43 || c === 45) {
    const hh = digits(s, p + 1, 2);
    if (hh < 0 || hh > 18) return null;
    let mm = 0;
    let end = p + 3;
    if (s.charCodeAt(end) === 58) {
      mm = digits(s, end + 1, 2);
      if (mm < 0) return null;
      end += 3;
    } else if (isDigit(s, end)) {
      mm = digits(s, end, 2);
      if (mm < 0) return null;
      end += 2;
    }
    if (mm > 59 || isDigit(s, end)) return null;
    out.end = end;
    const total = hh * 60 + mm;
    return c === 45 ? -total : total;
  }
  const word = s.slice(p, p + 3);
  if ((word === 'UTC' || word === 'GMT') && !isLetter(s, p + 3)) {
    out.end = p + 3;
    return 0;
  }
  return null;
}

function isLetter(s: string, i: number): boolean {
  const c = s.charCodeAt(i) | 32;
  return c >= 97 && c <= 122;
}

/**
 * Reads an ISO 8601 / RFC 3339 timestamp starting at `i`: `2024-03-10T02:30:00.1234567+05:30`,
 * space or `T` between date and time, `/` date separators, `.` or `,` before any number of
 * fraction digits, optional seconds, `Z`/offset/`UTC`. Without an offset the time is wall-clock
 * in `zone`. A bare date means midnight. Returns null for anything else or an impossible date;
 * `out.end` is set to the index after the timestamp.
 */
export function scanIso(s: string, i: number, zone: string, out: ScanEnd): number | null {
  const y = digits(s, i, 4);
  if (y < 0) return null;
  const sep = s.charCodeAt(i + 4);
  if (sep !== 45 && sep !== 47) return null;
  const mo = digits(s, i + 5, 2);
  if (mo < 0 || s.charCodeAt(i + 7) !== sep) return null;
  const d = digits(s, i + 8, 2);
  if (d < 0) return null;
  let p = i + 10;
  const t = s.charCodeAt(p);
  let h = 0;
  let mi = 0;
  let sec = 0;
  let ms = 0;
  if ((t === 84 || t === 116 || t === 32) && isDigit(s, p + 1)) {
    h = digits(s, p + 1, 2);
    if (h < 0 || s.charCodeAt(p + 3) !== 58) return null;
    mi = digits(s, p + 4, 2);
    if (mi < 0) return null;
    p += 6;
    if (s.charCodeAt(p) === 58) {
      sec = digits(s, p + 1, 2);
      if (sec < 0) return null;
      p += 3;
      const f = s.charCodeAt(p);
      if ((f === 46 || f === 44) && isDigit(s, p + 1)) {
        ms = fractionMs(s, p + 1, out);
        p = out.end;
      }
    }
    if (!validFields(y, mo, d, h, mi, sec)) return null;
    const off = offsetAt(s, p, out);
    if (off !== null) {
      p = out.end;
      out.end = p;
      return utcMs(y, mo, d, h, mi, sec, ms) - off * 60_000;
    }
  } else if (isDigit(s, p)) {
    return null;
  }
  if (!validFields(y, mo, d, h, mi, sec)) return null;
  out.end = p;
  return zonedToEpoch(zone, y, mo, d, h, mi, sec, ms);
}

/**
 * The hot-path parser for a whole string holding one ISO timestamp (`2024-05-01T10:00:00.123Z`,
 * offsets, naive → `zone`). Hand-rolled digit reads + Date.UTC, no regex, no `new Date(text)`.
 */
export function parseIso(s: string, zone = 'UTC'): number | null {
  const at = scanIso(s, 0, zone, scratch);
  return at !== null && scratch.end === s.length ? at : null;
}
