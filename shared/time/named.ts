import { digits, fractionMs, fullYear, isDigit, monthAt, utcMs, validFields, weekdayAt } from './fields';
import type { ScanEnd } from './iso';
import { offsetAt } from './iso';
import { zonedToEpoch } from './zone';
import { nullProto } from '../domain/lookup';

/** Zone abbreviations with one widely agreed meaning (RFC 2822 §4.3 plus common ones), in minutes. */
const ZONE_ABBR: Record<string, number> = nullProto({
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
});

/** Reads a run of capital letters at `i` and returns it with its end, or null. */
function capsAt(s: string, i: number): string | null {
  let k = i;
  while (k < s.length && s.charCodeAt(k) >= 65 && s.charCodeAt(k) <= 90) k++;
  return k > i && k - i <= 5 ? s.slice(i, k) : null;
}

/** Reads `HH:MM[:SS[.frac]]` at `i` into `t`; returns the index after it or -1. */
function clockAt(s: string, i: number, t: number[], out: ScanEnd): number {
  const h = digits(s, i, 2);
  if (h < 0 || s.charCodeAt(i + 2) !== 58) return -1;
  const mi = digits(s, i + 3, 2);
  if (mi < 0) return -1;
  let p = i + 5;
  let sec = 0;
  let ms = 0;
  if (s.charCodeAt(p) === 58) {
    sec = digits(s, p + 1, 2);
    if (sec < 0) return -1;
    p += 3;
    const f = s.charCodeAt(p);
    if ((f === 46 || f === 44) && isDigit(s, p + 1)) {
      ms = fractionMs(s, p + 1, out);
      p = out.end;
    }
  }
  t[0] = h;
  t[1] = mi;
  t[2] = sec;
  t[3] = ms;
  return p;
}

function finish(
  y: number,
  mo: number,
  d: number,
  t: number[],
  offMin: number | null,
  zone: string,
): number | null {
  const [h = 0, mi = 0, sec = 0, ms = 0] = t;
  if (!validFields(y, mo, d, h, mi, sec)) return null;
  if (offMin !== null) return utcMs(y, mo, d, h, mi, sec, ms) - offMin * 60_000;
  return zonedToEpoch(zone, y, mo, d, h, mi, sec, ms);
}

/** Optional zone after a time: numeric offset, or a known abbreviation after one space. */
function zoneAfter(s: string, p: number, out: ScanEnd): number | null {
  const off = offsetAt(s, p, out);
  if (off !== null) return off;
  if (s.charCodeAt(p) !== 32) return null;
  const abbr = capsAt(s, p + 1);
  if (abbr === null) return null;
  const known = ZONE_ABBR[abbr];
  if (known === undefined) return null;
  out.end = p + 1 + abbr.length;
  return known;
}

/** RFC 2822 / RFC 1123: `Tue, 19 Nov 2014 00:51:07 +0000` (weekday optional, named US zones). */
export function scanRfc2822(s: string, i: number, zone: string, out: ScanEnd): number | null {
  let p = i;
  if (weekdayAt(s, p) && s.charCodeAt(p + 3) === 44) p += s.charCodeAt(p + 4) === 32 ? 5 : 4;
  const d1 = digits(s, p, 1);
  if (d1 < 0) return null;
  let d = d1;
  p++;
  if (isDigit(s, p)) d = d * 10 + (s.charCodeAt(p++) - 48);
  if (s.charCodeAt(p) !== 32) return null;
  const mo = monthAt(s, p + 1);
  if (mo < 0 || s.charCodeAt(p + 4) !== 32) return null;
  p += 5;
  let y = digits(s, p, 4);
  if (y >= 0 && !isDigit(s, p + 4)) p += 4;
  else {
    y = digits(s, p, 2);
    if (y < 0 || isDigit(s, p + 2)) return null;
    y = fullYear(y);
    p += 2;
  }
  if (s.charCodeAt(p) !== 32) return null;
  const t: number[] = [];
  p = clockAt(s, p + 1, t, out);
  if (p < 0) return null;
  const off = zoneAfter(s, p, out);
  out.end = off === null ? p : out.end;
  return finish(y, mo, d, t, off, zone);
}

/**
 * ctime / Apache error log: `Sun Dec 04 04:47:44 2005`, `Wed Oct 11 14:32:52.123456 2000`,
 * `Mon Jan  2 15:04:05 MST 2006`.
 */
export function scanCtime(s: string, i: number, zone: string, out: ScanEnd): number | null {
  if (!weekdayAt(s, i) || s.charCodeAt(i + 3) !== 32) return null;
  const mo = monthAt(s, i + 4);
  if (mo < 0 || s.charCodeAt(i + 7) !== 32) return null;
  let p = dayOfMonthAt(s, i + 8, day);
  if (p < 0) return null;
  const d = day.value;
  const t: number[] = [];
  p = clockAt(s, p + 1, t, out);
  if (p < 0 || s.charCodeAt(p) !== 32) return null;
  let off: number | null = null;
  const abbr = capsAt(s, p + 1);
  if (abbr !== null) {
    const known = ZONE_ABBR[abbr];
    if (known === undefined) return null;
    off = known;
    p += 1 + abbr.length;
    if (s.charCodeAt(p) !== 32) return null;
  }
  const y = digits(s, p + 1, 4);
  if (y < 0 || isDigit(s, p + 5)) return null;
  out.end = p + 5;
  return finish(y, mo, d, t, off, zone);
}

/** Apache/nginx access log: `22/Jan/2019:03:56:14 +0330` (offset optional). */
export function scanClf(s: string, i: number, zone: string, out: ScanEnd): number | null {
  const d = digits(s, i, 2);
  if (d < 0 || s.charCodeAt(i + 2) !== 47) return null;
  const mo = monthAt(s, i + 3);
  if (mo < 0 || s.charCodeAt(i + 6) !== 47) return null;
  const y = digits(s, i + 7, 4);
  if (y < 0 || s.charCodeAt(i + 11) !== 58) return null;
  const t: number[] = [];
  const p = clockAt(s, i + 12, t, out);
  if (p < 0) return null;
  const off = offsetAt(s, p, out);
  if (off === null) out.end = p;
  return finish(y, mo, d, t, off, zone);
}

/** Month (1-based) of an RFC 3164 date at `i`, so callers can detect a year rollover first. */
export function syslogMonthAt(s: string, i: number): number {
  return s.charCodeAt(i + 3) === 32 ? monthAt(s, i) : -1;
}

/** RFC 3164 syslog: `Jun 14 15:16:01` / `Feb  5 17:32:18` (no year: `year` is given). */
export function scanSyslogDate(
  s: string,
  i: number,
  year: number,
  zone: string,
  out: ScanEnd,
): number | null {
  const mo = syslogMonthAt(s, i);
  if (mo < 0) return null;
  let p = dayOfMonthAt(s, i + 4, day);
  if (p < 0) return null;
  const d = day.value;
  const t: number[] = [];
  p = clockAt(s, p + 1, t, out);
  if (p < 0 || isDigit(s, p)) return null;
  out.end = p;
  return finish(year, mo, d, t, null, zone);
}

/** HDFS style `081109 203615` (yyMMdd HHmmss, wall clock in `zone`). */
export function scanCompact(s: string, i: number, zone: string, out: ScanEnd): number | null {
  const ymd = digits(s, i, 6);
  if (ymd < 0 || s.charCodeAt(i + 6) !== 32) return null;
  const hms = digits(s, i + 7, 6);
  if (hms < 0 || isDigit(s, i + 13)) return null;
  out.end = i + 13;
  const t = [Math.floor(hms / 10000), Math.floor(hms / 100) % 100, hms % 100, 0];
  return finish(fullYear(Math.floor(ymd / 10000)), Math.floor(ymd / 100) % 100, ymd % 100, t, null, zone);
}

/** IBM/BlueGene style `2005-06-03-15.42.50.675872` (wall clock in `zone`). */
export function scanDashed(s: string, i: number, zone: string, out: ScanEnd): number | null {
  const y = digits(s, i, 4);
  if (y < 0 || s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45 || s.charCodeAt(i + 10) !== 45)
    return null;
  const mo = digits(s, i + 5, 2);
  const d = digits(s, i + 8, 2);
  const h = digits(s, i + 11, 2);
  const mi = digits(s, i + 14, 2);
  const sec = digits(s, i + 17, 2);
  if (mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return null;
  if (s.charCodeAt(i + 13) !== 46 || s.charCodeAt(i + 16) !== 46) return null;
  let p = i + 19;
  let ms = 0;
  if (s.charCodeAt(p) === 46 && isDigit(s, p + 1)) {
    ms = fractionMs(s, p + 1, out);
    p = out.end;
  }
  out.end = p;
  return finish(y, mo, d, [h, mi, sec, ms], null, zone);
}

const day = { value: 0 };

/**
 * A day of month as ctime and syslog write it (`Dec  4`, `Dec 04`, `Dec 4`): an optional padding
 * space, one or two digits, then a space. Returns the index of that space (or -1) and puts the
 * day in `out.value`.
 */
function dayOfMonthAt(s: string, i: number, out: { value: number }): number {
  let p = i;
  if (s.charCodeAt(p) === 32) p++;
  let d = digits(s, p, 2);
  if (d >= 0) p += 2;
  else {
    d = digits(s, p, 1);
    if (d < 0) return -1;
    p += 1;
  }
  if (s.charCodeAt(p) !== 32) return -1;
  out.value = d;
  return p;
}
