import { DATE_PATTERNS as P } from '../format/patterns';
import { formatInZone, zoneLabel } from '../format/zoned';
import { formattableZone } from '../time/zone';

/** What the zone selector can hold: the incident's zone, UTC, the viewer's zone, or a named zone. */
export type ZoneChoice =
  { type: 'incident' } | { type: 'utc' } | { type: 'local' } | { type: 'named'; zone: string };

/** The IANA zone a choice stands for; an unknown named zone falls back to UTC. */
export function resolveZone(choice: ZoneChoice, incidentZone: string, localZone: string): string {
  switch (choice.type) {
    case 'incident':
      return formattableZone(incidentZone);
    case 'utc':
      return 'UTC';
    case 'local':
      return formattableZone(localZone);
    case 'named':
      return formattableZone(choice.zone);
  }
}

/** A time cell: wall-clock time and the zone's label at that instant (`16:51:07`, `PST`). */
export interface TimeCell {
  time: string;
  zone: string;
}

/** Time of day in a zone with its label; the label follows DST (`PDT` before, `PST` after). */
export function timeCell(epochMs: number, zone: string): TimeCell {
  return { time: formatInZone(epochMs, zone, P.timeSeconds), zone: zoneLabel(epochMs, zone) };
}

/** Calendar day of an instant in a zone (`2014-11-18`), for detecting day changes. */
export function dayKey(epochMs: number, zone: string): string {
  return formatInZone(epochMs, zone, P.isoDay);
}

/** The heading of a day in the table: `Tue Nov 18, 2014`. */
export function dayHeading(epochMs: number, zone: string): string {
  return formatInZone(epochMs, zone, P.weekdayDate);
}

/**
 * Offset from impact start as `T+00:34` (hours and minutes, hours may pass 24: `T+26:05`);
 * `T−00:12` before impact; the empty string when impact start is unknown.
 */
export function formatTPlus(epochMs: number, impactStartAt: number | null): string {
  if (impactStartAt === null) return '';
  const diff = epochMs - impactStartAt;
  const minutes = Math.floor(Math.abs(diff) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const sign = diff < 0 && minutes > 0 ? '−' : '+';
  return `T${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * One instant in two zones side by side, the way RCAs write it:
 * `Nov 18 16:51 PST (Nov 19 00:51 UTC)`. With no second zone, just the first.
 */
export function formatSideBySide(epochMs: number, zone: string, second: string | null): string {
  const a = `${formatInZone(epochMs, zone, P.dateTimeSeconds)} ${zoneLabel(epochMs, zone)}`;
  if (second === null || second === zone) return a;
  return `${a} (${formatInZone(epochMs, second, P.dateTimeSeconds)} ${zoneLabel(epochMs, second)})`;
}
