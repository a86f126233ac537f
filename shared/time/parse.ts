import { parseEpochNumber, parseEpochText } from './epoch';
import { isDigit } from './fields';
import type { ScanEnd } from './iso';
import { scanIso } from './iso';
import { scanClf, scanCompact, scanCtime, scanDashed, scanRfc2822, scanSyslogDate } from './named';

export { parseIso, scanIso } from './iso';
export type { ScanEnd } from './iso';
export { parseEpochNumber, parseEpochText } from './epoch';
export { zonedToEpoch, isKnownZone } from './zone';

/** Options for naive timestamps: the zone they were written in and the year when omitted. */
export interface TimeOptions {
  zone: string;
  /** Year for formats without one (RFC 3164); null = the current UTC year. */
  year: number | null;
}

const scratch: ScanEnd = { end: 0 };

/**
 * Reads a timestamp at `i` in any supported text form and sets `out.end` past it. Tried in an
 * order that avoids ambiguity: ISO first (the common case), then the forms with names or
 * distinctive separators. Epoch numbers are not scanned here (too easy to confuse with ids).
 */
export function scanTimestamp(s: string, i: number, opts: TimeOptions, out: ScanEnd): number | null {
  if (isDigit(s, i)) {
    if (isDigit(s, i + 3) && !isDigit(s, i + 4)) {
      if (s.charCodeAt(i + 10) === 45) return scanDashed(s, i, opts.zone, out);
      return scanIso(s, i, opts.zone, out);
    }
    if (s.charCodeAt(i + 2) === 47) return scanClf(s, i, opts.zone, out);
    if (s.charCodeAt(i + 6) === 32 && isDigit(s, i + 5)) return scanCompact(s, i, opts.zone, out);
    return scanRfc2822(s, i, opts.zone, out);
  }
  if (s.charCodeAt(i + 3) === 44) return scanRfc2822(s, i, opts.zone, out);
  const ctime = scanCtime(s, i, opts.zone, out);
  if (ctime !== null) return ctime;
  return scanSyslogDate(s, i, opts.year ?? new Date().getUTCFullYear(), opts.zone, out);
}

/**
 * Parses a whole string holding one timestamp: ISO 8601/RFC 3339, RFC 2822, ctime, CLF,
 * RFC 3164, `yyMMdd HHmmss`, `yyyy-MM-dd-HH.mm.ss.ffffff`, or epoch s/ms/µs/ns digits.
 * Surrounding spaces and one pair of brackets are ignored. Never throws; null = unreadable.
 */
export function parseTimestamp(text: string, opts: TimeOptions): number | null {
  let s = text.trim();
  if (s.length >= 2 && s.charCodeAt(0) === 91 && s.charCodeAt(s.length - 1) === 93) s = s.slice(1, -1).trim();
  if (s.length === 0) return null;
  const epoch = parseEpochText(s);
  if (epoch !== null) return epoch;
  const at = scanTimestamp(s, 0, opts, scratch);
  return at !== null && scratch.end === s.length ? at : null;
}

/**
 * A timestamp at the start of a log line, bare or in brackets (`[Sun Dec 04 04:47:44 2005]`).
 * `out.end` is set past the timestamp (and its closing bracket).
 */
export function scanLeadingTimestamp(line: string, opts: TimeOptions, out: ScanEnd): number | null {
  const bracket = line.charCodeAt(0) === 91;
  const at = scanTimestamp(line, bracket ? 1 : 0, opts, out);
  if (at === null) return null;
  if (bracket) {
    if (line.charCodeAt(out.end) !== 93) return null;
    out.end++;
  }
  return at;
}

/** A JSON time value: epoch number (unit by magnitude), or text in any supported form. */
export function parseTimeValue(value: unknown, opts: TimeOptions): number | null {
  if (typeof value === 'string') return parseTimestamp(value, opts);
  if (typeof value === 'number' || typeof value === 'bigint') return parseEpochNumber(value);
  return null;
}
