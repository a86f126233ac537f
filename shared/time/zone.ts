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

/** True when the runtime knows the IANA zone name. */
export function isKnownZone(zone: string): boolean {
  if (isUtc(zone)) return true;
  return !Number.isNaN(new TZDate(2020, 0, 1, zone).getTime());
}
