import { dayNumber } from '../../actions/dates';
import { incidentDate, type LibraryIncident } from '../summary';

/** A span of incident dates: `from` inclusive, `to` exclusive (epoch ms); null = unbounded. */
export interface Period {
  from: number | null;
  to: number | null;
}

export const ALL_TIME: Period = { from: null, to: null };

/** True when the incident's date (see incidentDate) falls in the period. */
export function inPeriod(i: LibraryIncident, p: Period): boolean {
  const at = incidentDate(i);
  return (p.from === null || at >= p.from) && (p.to === null || at < p.to);
}

/** The calendar month of an instant in UTC, `2026-03`: how incidents are grouped over time. */
export function monthKey(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/** Every month from the first to the last key, gaps included (an empty month is a finding too). */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * A day written `yyyy-MM-dd` as the UTC instant it starts at, or null when it is not a date on
 * the calendar. `end` gives the start of the next day, so `--to 2026-03-31` includes that day.
 */
export function dayStart(date: string, end = false): number | null {
  const day = dayNumber(date);
  return day === null ? null : (day + (end ? 1 : 0)) * 86_400_000;
}
