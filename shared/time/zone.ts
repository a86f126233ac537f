import { TZDate } from '@date-fns/tz';
import { utcMs } from './fields';

/** Offsets (ms) by zone + local hour; a log has few distinct hours, so this saves most TZDate work. */
const cache = new Map<string, number>();
const CACHE_LIMIT = 20_000;

function isUtc(zone: string): boolean {
  return zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT' || zone === 'Z' || zone === '';
}

/**
 * Epoch ms of a wall-clock time in an IANA zone. Follows JavaScript Date rules at DST edges:
 * a time in a spring-forward gap moves forward by the gap (02:30 → 03:30 daylight time), and a
 * time in a fall-back overlap takes the first (daylight) occurrence. An unknown zone gives null.
 * Fields must already be validated.
 */
export function zonedToEpoch(
  zone: string,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number | null {
  const wall = utcMs(y, mo, d, h, mi, s, ms);
  if (isUtc(zone)) return wall;
  const key = `${zone}|${y}|${mo}|${d}|${h}`;
  let offset = cache.get(key);
  if (offset === undefined) {
    const start = new TZDate(y, mo - 1, d, h, 0, 0, 0, zone).getTime();
    if (Number.isNaN(start)) return null;
    offset = start - utcMs(y, mo, d, h, 0, 0, 0);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, offset);
  }
  return wall + offset;
}

/** True when the runtime knows the IANA zone name (or it is one of the UTC spellings logs use). */
export function isKnownZone(zone: string): boolean {
  if (isUtc(zone)) return true;
  return isIanaZone(zone);
}

const ianaVerdicts = new Map<string, boolean>();

/**
 * True when `Intl` accepts the name as a time zone — what every formatter of a display zone
 * needs (`Z` and `''`, which log parsing reads as UTC, are not names Intl accepts).
 */
export function isIanaZone(zone: string): boolean {
  let ok = ianaVerdicts.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = zone.trim() !== '';
    } catch {
      ok = false;
    }
    if (ianaVerdicts.size >= 1_000) ianaVerdicts.clear();
    ianaVerdicts.set(zone, ok);
  }
  return ok;
}
