import type { KeyTimes } from '../domain';
import { DATE_PATTERNS as P } from './patterns';
import { formatInZone, zoneLabel } from './zoned';

/**
 * When customer impact ended: recovery, or resolution when no recovery time is set. The one
 * definition the list, the document, the exports and the chart use, so they never disagree.
 */
export function impactEndAt(k: KeyTimes): number | null {
  return k.recoveredAt ?? k.resolvedAt;
}

/**
 * An incident's impact window in its zone, labelled: `2014-11-18 16:51 → 19:12 PST` (same day),
 * `2014-11-18 16:51 PST → 2014-11-19 02:10 PST`, `from 2014-11-18 16:51 PST`, or `—`.
 */
export function formatImpactWindow(start: number | null, end: number | null, zone: string): string {
  const key = `${start}|${end}|${zone}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatWindow(start, end, zone);
    if (formatted.size >= KEPT_WINDOWS) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/*
 * Windows already formatted: the incident list draws the same rows again at each search
 * keystroke, and formatting in a zone (four to six zoned dates a row) was a fifth of its time.
 */
const formatted = new Map<string, string>();
const KEPT_WINDOWS = 4_000;

function formatWindow(start: number | null, end: number | null, zone: string): string {
  if (start === null) return end === null ? '—' : `until ${label(end, zone)}`;
  if (end === null) return `from ${label(start, zone)}`;
  const startDay = formatInZone(start, zone, P.isoDay);
  const endDay = formatInZone(end, zone, P.isoDay);
  const startLabel = zoneLabel(start, zone);
  const endLabel = zoneLabel(end, zone);
  if (startDay === endDay && startLabel === endLabel) {
    return `${formatInZone(start, zone, P.sortableMinutes)} → ${formatInZone(end, zone, P.time)} ${endLabel}`;
  }
  return `${label(start, zone)} → ${label(end, zone)}`;
}

function label(ms: number, zone: string): string {
  return `${formatInZone(ms, zone, P.sortableMinutes)} ${zoneLabel(ms, zone)}`;
}
