import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { DATE_PATTERNS } from '../format/patterns';

/**
 * Calendar-date arithmetic for due dates. A due date is a day (`yyyy-MM-dd`), not an instant, so
 * all arithmetic happens on the proleptic Gregorian calendar via UTC day numbers: adding "14 days"
 * can never land on 23:00 of the day before because of a DST change, and "overdue" never flips
 * an hour early. The only place a clock and a zone meet is {@link calendarDateAt}.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid `yyyy-MM-dd`, or null when the text is not a real date. */
export function dayNumber(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over into March; a round trip catches impossible dates.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / DAY_MS);
}

/** True when `date` is a real calendar date written as `yyyy-MM-dd`. */
export function isValidIsoDate(date: string): boolean {
  return dayNumber(date) !== null;
}

/** The `yyyy-MM-dd` text of a day number (inverse of {@link dayNumber}). */
export function fromDayNumber(day: number): string {
  const d = new Date(day * DAY_MS);
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function formatYmd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `date` moved by `days` calendar days (negative moves back). Throws on an invalid date. */
export function addCalendarDays(date: string, days: number): string {
  const n = dayNumber(date);
  if (n === null) throw new Error(`Not a calendar date: "${date}"`);
  return fromDayNumber(n + Math.trunc(days));
}

/**
 * Whole calendar days from `from` to `to` (positive when `to` is later), or null when either is
 * not a valid date.
 */
export function calendarDaysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/**
 * The calendar date (`yyyy-MM-dd`) on the wall calendar of `zone` at instant `epochMs`. Without a
 * zone, the runtime's local zone is used — that is "today" for the person at the keyboard. An
 * unknown zone falls back to the local zone rather than throwing.
 */
export function calendarDateAt(epochMs: number, zone?: string): string {
  if (zone !== undefined && zone !== '') {
    const z = new TZDate(epochMs, zone);
    if (!Number.isNaN(z.getTime())) return formatYmd(z.getFullYear(), z.getMonth() + 1, z.getDate());
  }
  const local = new Date(epochMs);
  return formatYmd(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/**
 * A calendar date formatted with a date-fns pattern (default `MMM d, yyyy`). The date is pinned
 * to UTC for formatting, so the machine's zone can never shift it to the neighbouring day.
 * An invalid date is returned as written.
 */
export function formatCalendarDate(date: string, pattern: string = DATE_PATTERNS.date): string {
  const n = dayNumber(date);
  if (n === null) return date;
  const d = new Date(n * DAY_MS);
  return format(new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 'UTC'), pattern);
}
