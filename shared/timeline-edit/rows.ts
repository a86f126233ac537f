import { formatInZone } from '../format/zoned';
import { zonedToEpoch } from '../time/zone';

export const ROW_EVENT = 0;
export const ROW_GAP = 1;
export const ROW_DAY = 2;

/**
 * The rows of the timeline table: events, a day heading wherever the calendar day changes
 * (in a zone shown), and gap rows for silences longer than the threshold. Stored in typed
 * arrays so 100,000 rows cost a few hundred kilobytes and rebuild in milliseconds.
 */
export interface RowModel {
  length: number;
  /** ROW_EVENT, ROW_GAP or ROW_DAY per row. */
  kind: Uint8Array;
  /** Event rows: position in the event list. Gap/day rows: index into `gaps` / `days`. */
  ref: Int32Array;
  gaps: { fromAt: number; toAt: number; ms: number }[];
  /** First instant of each day heading (format it with `dayHeading`). */
  days: number[];
  /** Row index of each event position. */
  rowOfEvent: Int32Array;
}

export interface RowSource {
  count: number;
  at(i: number): number;
  endAt(i: number): number | null;
}

/** Epoch ms of the midnight that starts the day after `epochMs` in `zone`. */
export function nextMidnight(epochMs: number, zone: string): number {
  const [y = 1970, mo = 1, d = 1] = formatInZone(epochMs, zone, 'yyyy-MM-dd').split('-').map(Number);
  const next = new Date(Date.UTC(y, mo - 1, d + 1));
  const at = zonedToEpoch(zone, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, 0, 0);
  // A zone whose day starts at 01:00 on a DST day still moves forward: never return <= epochMs.
  return at === null || at <= epochMs ? epochMs + 86_400_000 : at;
}

/**
 * Builds the rows for events already sorted by time. A day heading starts wherever the calendar
 * day changes in any zone shown (`zones`: the display zone, and the second zone when the table
 * shows two), so no heading sits above a row of another day. `gapMs` <= 0 turns gap rows off.
 */
export function buildRowModel(src: RowSource, zones: string | readonly string[], gapMs: number): RowModel {
  const shownZones = typeof zones === 'string' ? [zones] : zones;
  const n = src.count;
  const cap = n * 3 + 1;
  const kind = new Uint8Array(cap);
  const ref = new Int32Array(cap);
  const rowOfEvent = new Int32Array(n);
  const gaps: RowModel['gaps'] = [];
  const days: number[] = [];
  let len = 0;
  let dayEnd = -Infinity;
  let coveredUntil = -Infinity;
  for (let i = 0; i < n; i++) {
    const at = src.at(i);
    if (i > 0 && gapMs > 0 && at - coveredUntil > gapMs) {
      kind[len] = ROW_GAP;
      ref[len++] = gaps.length;
      gaps.push({ fromAt: coveredUntil, toAt: at, ms: at - coveredUntil });
    }
    if (at >= dayEnd) {
      kind[len] = ROW_DAY;
      ref[len++] = days.length;
      days.push(at);
      dayEnd = Math.min(...shownZones.map((z) => nextMidnight(at, z)));
    }
    kind[len] = ROW_EVENT;
    ref[len] = i;
    rowOfEvent[i] = len++;
    const end = src.endAt(i);
    const last = end !== null && end > at ? end : at;
    if (last > coveredUntil) coveredUntil = last;
  }
  return { length: len, kind: kind.subarray(0, len), ref: ref.subarray(0, len), gaps, days, rowOfEvent };
}
