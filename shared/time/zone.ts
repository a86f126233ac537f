import { TZDate } from '@date-fns/tz';
import { utcMs } from './fields';

/** Offsets (ms) by zone + local hour; a log has few distinct hours, so this saves most TZDate work. */
const cache = new Map<string, number>();
const CACHE_LIMIT = 20_000;

/**
 * Every spelling of UTC Rootline meets, lower-cased: the tz database's aliases (`Etc/GMT`,
 * `Zulu`, …, which Intl accepts in any letter case) and what logs write (`Z`, `UT`, or no zone).
 */
const UTC_NAMES = new Set([
  '',
  'z',
  'ut',
  'utc',
  'uct',
  'gmt',
  'gmt0',
  'gmt+0',
  'gmt-0',
  'zulu',
  'universal',
  'greenwich',
  'etc/utc',
  'etc/uct',
  'etc/gmt',
  'etc/gmt0',
  'etc/gmt+0',
  'etc/gmt-0',
  'etc/zulu',
  'etc/universal',
  'etc/greenwich',
]);

/** True when a zone name (or a log's zone word) means UTC itself: `UTC`, `Etc/GMT`, `Z`, empty… */
export function isUtcZone(zone: string): boolean {
  return zone === 'UTC' || UTC_NAMES.has(zone.toLowerCase());
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
  if (isUtcZone(zone)) return wall;
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
  if (isUtcZone(zone)) return true;
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

/** The zone to format in: the name itself when Intl accepts it, else UTC (`Z`, `''`, unknown names). */
export function formattableZone(zone: string): string {
  return isIanaZone(zone) ? zone : 'UTC';
}
