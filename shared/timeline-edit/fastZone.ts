import { zoneLabel } from '../format/zoned';
import { formattableZone } from '../time/zone';
import { nullProto } from '../domain/lookup';

const QUARTER = 900_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Wall-clock time and zone label of instants in one zone, fast enough for every visible row. */
export interface ZoneFormatter {
  zone: string;
  /** `16:51:07` */
  time(epochMs: number): string;
  /** `PST` / `PDT` / `GMT+5:30` / `UTC` */
  label(epochMs: number): string;
  /** UTC offset in ms at the instant. */
  offset(epochMs: number): number;
}

/**
 * A formatter that asks Intl for the zone's offset and label once per quarter hour (every
 * DST or offset change in the tz database falls on a quarter hour) and formats the rest with
 * integer arithmetic. Scrolling through 100,000 rows formats thousands of times a second;
 * date-fns with TZDate is correct but ~50× slower per call.
 */
export function createZoneFormatter(zone: string): ZoneFormatter {
  const z = formattableZone(zone);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: z,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const cache = new Map<number, { offset: number; label: string }>();
  const info = (ms: number) => {
    const q = Math.floor(ms / QUARTER);
    let hit = cache.get(q);
    if (!hit) {
      const at = q * QUARTER;
      const p: Record<string, number> = nullProto({});
      for (const part of parts.formatToParts(new Date(at)))
        if (part.type !== 'literal') p[part.type] = Number(part.value);
      const wall = Date.UTC(
        p.year ?? 1970,
        (p.month ?? 1) - 1,
        p.day ?? 1,
        p.hour ?? 0,
        p.minute ?? 0,
        p.second ?? 0,
      );
      hit = { offset: wall - at, label: zoneLabel(at, z) };
      if (cache.size > 50_000) cache.clear();
      cache.set(q, hit);
    }
    return hit;
  };
  return {
    zone: z,
    time(ms) {
      const wall = ms + info(ms).offset;
      const secs = Math.floor(wall / 1000);
      const s = ((secs % 86_400) + 86_400) % 86_400;
      return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
    },
    label: (ms) => info(ms).label,
    offset: (ms) => info(ms).offset,
  };
}
