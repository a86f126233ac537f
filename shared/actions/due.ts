import { formatDuration } from 'date-fns';
import type { ActionItem, ActionStatus, Priority } from '../domain';
import { addCalendarDays, calendarDaysBetween } from './dates';
import type { DueDays } from './prefs';

/** Statuses that still need work; only these can be overdue. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['open', 'in-progress'];

/** True for open and in-progress items. */
export function isOpenStatus(status: ActionStatus): boolean {
  return status === 'open' || status === 'in-progress';
}

/** The default due date of a new item of `priority` created on `today`, or null when none. */
export function defaultDueDate(priority: Priority, today: string, dueDays: DueDays): string | null {
  const days = dueDays[priority];
  return days === null ? null : addCalendarDays(today, days);
}

/**
 * True when an open item's due date is strictly before `today` (both calendar dates in the
 * user's zone). Due today is not overdue yet; done and won't-do items are never overdue.
 */
export function isOverdue(item: Pick<ActionItem, 'status' | 'dueDate'>, today: string): boolean {
  if (!isOpenStatus(item.status) || item.dueDate === null) return false;
  const diff = calendarDaysBetween(today, item.dueDate);
  return diff !== null && diff < 0;
}

export type DueState = 'none' | 'closed' | 'overdue' | 'today' | 'soon' | 'later' | 'invalid';

export interface DueDescription {
  state: DueState;
  /** Calendar days from today to the due date (negative when overdue); null without a date. */
  days: number | null;
  /** Short wording for the table: "in 3 days", "overdue by 2 weeks", "due today"; empty when closed. */
  text: string;
}

/** Items due within this many days count as "soon" (shown with a milder highlight). */
export const SOON_DAYS = 7;

/**
 * Coarse wording of a span of days, using date-fns for the words: up to 13 days in days, up to
 * 8 weeks in weeks, then months, then years. Rounds down so "in 2 weeks" never overstates.
 */
export function spanWords(days: number): string {
  const n = Math.abs(Math.trunc(days));
  if (n < 14) return formatDuration({ days: n }, { zero: true });
  if (n < 63) return formatDuration({ weeks: Math.floor(n / 7) });
  if (n < 365) return formatDuration({ months: Math.floor(n / 30.4375) });
  // Whole 365-day years: the leap-day error only matters after centuries.
  return formatDuration({ years: Math.floor(n / 365) });
}

/** Relative description of an item's due date as seen on `today`. */
export function describeDue(item: Pick<ActionItem, 'status' | 'dueDate'>, today: string): DueDescription {
  if (item.dueDate === null) return { state: 'none', days: null, text: 'no due date' };
  const days = calendarDaysBetween(today, item.dueDate);
  if (days === null) return { state: 'invalid', days: null, text: `invalid date "${item.dueDate}"` };
  // A closed item has no deadline left: its date is shown, with no wording that could read
  // against an open item's "overdue by …" in the same column.
  if (!isOpenStatus(item.status)) return { state: 'closed', days, text: '' };
  if (days < 0) return { state: 'overdue', days, text: `overdue by ${spanWords(days)}` };
  if (days === 0) return { state: 'today', days, text: 'due today' };
  return { state: days <= SOON_DAYS ? 'soon' : 'later', days, text: relativeWords(days) };
}

/** Wording of a due date still ahead (open items only). */
function relativeWords(days: number): string {
  return days === 1 ? 'tomorrow' : `in ${spanWords(days)}`;
}

/**
 * When an item's priority changes and its due date is still the default of the old priority
 * (counted from the day it was created), the due date follows the new priority's default.
 * A date the user picked is kept. Returns the due date to store.
 */
export function dueDateAfterPriorityChange(
  item: Pick<ActionItem, 'priority' | 'dueDate'>,
  next: Priority,
  createdDay: string,
  dueDays: DueDays,
): string | null {
  const wasDefault = item.dueDate === defaultDueDate(item.priority, createdDay, dueDays);
  return wasDefault ? defaultDueDate(next, createdDay, dueDays) : item.dueDate;
}
