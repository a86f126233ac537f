import { daysFromCivil, daysInMonth, digits, fractionMs, isDigit, utcMs, validFields } from './fields';
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

/** ASCII digit value at `i`, or a large negative number when it is not a digit. */
function dv(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1e6;
}

/**
 * The strict RFC 3339 shape almost every machine log writes (`2014-11-18T13:01:04.737-05:00`,
 * `…Z`): read at fixed places with no calls. Returns -1 for anything else (even valid ISO the
 * general scanner reads: space separator, no seconds, `+0530`…), so the caller falls back.
 * Epoch 0 and negative instants are returned as found; only exactly -1 means "not this shape",
 * which 1969-12-31T23:59:59.999Z also gives, and the fallback then reads it the same.
 */
function parseRfc3339(s: string): number {
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) return -1;
  const t = s.charCodeAt(10);
  if ((t !== 84 && t !== 116) || s.charCodeAt(16) !== 58) return -1;
  const y = dv(s, 0) * 1000 + dv(s, 1) * 100 + dv(s, 2) * 10 + dv(s, 3);
  const mo = dv(s, 5) * 10 + dv(s, 6);
  const d = dv(s, 8) * 10 + dv(s, 9);
  const h = dv(s, 11) * 10 + dv(s, 12);
  const mi = dv(s, 14) * 10 + dv(s, 15);
  const sec = dv(s, 17) * 10 + dv(s, 18);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60)
    return -1;
  if (d > 28 && d > daysInMonth(y, mo)) return -1;
  let p = 19;
  let ms = 0;
  if (s.charCodeAt(p) === 46) {
    // Fraction: the first three digits count (truncated), at least one digit.
    let k = 0;
    for (p++; p < n; p++, k++) {
      const c = dv(s, p);
      if (c < 0) break;
      if (k < 3) ms = ms * 10 + c;
    }
    if (k === 0) return -1;
    for (; k < 3; k++) ms *= 10;
  }
  let off = 0;
  const z = s.charCodeAt(p);
  if ((z === 90 || z === 122) && p + 1 === n) {
    off = 0;
  } else if ((z === 43 || z === 45) && p + 6 === n && s.charCodeAt(p + 3) === 58) {
    const oh = dv(s, p + 1) * 10 + dv(s, p + 2);
    const om = dv(s, p + 4) * 10 + dv(s, p + 5);
    if (oh < 0 || oh > 18 || om < 0 || om > 59) return -1;
    off = z === 45 ? -(oh * 60 + om) : oh * 60 + om;
  } else {
    return -1;
  }
  return daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms - off * 60_000;
}

/**
 * The hot-path parser for a whole string holding one ISO timestamp (`2024-05-01T10:00:00.123Z`,
 * offsets, naive → `zone`). Hand-rolled digit reads + Date.UTC, no regex, no `new Date(text)`.
 */
export function parseIso(s: string, zone = 'UTC'): number | null {
  const fast = parseRfc3339(s);
  if (fast >= 0 || fast < -1) return fast;
  const at = scanIso(s, 0, zone, scratch);
  return at !== null && scratch.end === s.length ? at : null;
}
