import { formatInZone, zoneLabel } from '../format/zoned';
import { DATE_PATTERNS } from '../format/patterns';
import { zonedToEpoch } from '../time/zone';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const STEPS = [
  MIN,
  2 * MIN,
  5 * MIN,
  10 * MIN,
  15 * MIN,
  30 * MIN,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

export interface Tick {
  at: number;
  label: string;
  /** True for the first tick of a calendar day (drawn stronger, labelled with the date). */
  major: boolean;
}

function wallOf(epochMs: number, zone: string): number {
  const [y = 1970, mo = 1, d = 1, h = 0, mi = 0] = formatInZone(epochMs, zone, 'yyyy M d H m')
    .split(' ')
    .map(Number);
  return Date.UTC(y, mo - 1, d, h, mi);
}

/** The tick step (ms) that gives about `maxTicks` ticks over a span. */
export function tickStep(spanMs: number, maxTicks: number): number {
  const want = spanMs / Math.max(1, maxTicks);
  return STEPS.find((s) => s >= want) ?? STEPS[STEPS.length - 1]!;
}

/**
 * Axis ticks at round wall-clock times in `zone` (10:00, 10:30…), so an axis reads the way the
 * table does. Ticks are placed by wall clock, so on a DST day the hour that does not exist is
 * skipped and the repeated hour appears once; labels carry the zone at the first tick and
 * wherever its abbreviation changes (PDT → PST).
 */
export function zonedTicks(from: number, to: number, zone: string, maxTicks: number): Tick[] {
  if (!(to > from)) return [];
  const step = tickStep(to - from, maxTicks);
  const wallFrom = wallOf(from, zone);
  const wallTo = wallOf(to, zone) + HOUR * 2;
  const start = step >= DAY ? Math.floor(wallFrom / DAY) * DAY : Math.floor(wallFrom / step) * step;
  const ticks: Tick[] = [];
  let lastDay = '';
  let lastZone = '';
  for (let w = start; w <= wallTo && ticks.length < 500; w += step) {
    const d = new Date(w);
    const at = zonedToEpoch(
      zone,
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      0,
      0,
    );
    if (at === null || at < from || at > to) continue;
    if (ticks.length && ticks[ticks.length - 1]!.at >= at) continue;
    const day = formatInZone(at, zone, DATE_PATTERNS.isoDay);
    const label = zoneLabel(at, zone);
    const major = day !== lastDay;
    let text = formatInZone(
      at,
      zone,
      major && ticks.length > 0 ? DATE_PATTERNS.dateTime : DATE_PATTERNS.time,
    );
    if (ticks.length === 0) text = formatInZone(at, zone, DATE_PATTERNS.dateTime);
    if (label !== lastZone) text += ` ${label}`;
    ticks.push({ at, label: text, major });
    lastDay = day;
    lastZone = label;
  }
  return ticks;
}
