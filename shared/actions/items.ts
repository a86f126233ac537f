import type { ActionItem, ActionStatus, Priority } from '../domain';
import { defaultDueDate } from './due';
import type { DueDays } from './prefs';

/** Human labels for statuses (table, filters, CSV). */
export const STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  'wont-do': "Won't do",
};

export interface NewActionInput {
  id: string;
  incidentId: string;
  title: string;
  now: number;
  /** Today's calendar date in the user's zone; the default due date counts from it. */
  today: string;
  dueDays: DueDays;
  // Optional inputs: absent and undefined both mean "the default".
  priority?: Priority | undefined;
  type?: string | undefined;
  owner?: string | undefined;
  causeIds?: string[] | undefined;
}

/** A new open action item with the default due date of its priority. */
export function createActionItem(input: NewActionInput): ActionItem {
  const priority = input.priority ?? 'P2';
  return {
    id: input.id,
    incidentId: input.incidentId,
    title: input.title.trim(),
    description: '',
    owner: (input.owner ?? '').trim(),
    priority,
    type: input.type ?? 'prevent',
    dueDate: defaultDueDate(priority, input.today, input.dueDays),
    status: 'open',
    statusReason: '',
    causeIds: [...new Set(input.causeIds ?? [])],
    ticketUrl: '',
    createdAt: input.now,
    updatedAt: input.now,
    completedAt: null,
  };
}

/** Why a status change was refused. */
export type StatusChangeError = 'reason-required';

/**
 * The item with a new status. Moving to done stamps `completedAt`; leaving done clears it.
 * Won't do needs a reason (a declined fix should say why); other statuses keep the reason only
 * when one is passed explicitly, so reopening clears a stale "won't do" explanation.
 */
export function withStatus(
  item: ActionItem,
  status: ActionStatus,
  now: number,
  reason?: string,
): ActionItem | StatusChangeError {
  const nextReason = (reason ?? (status === item.status ? item.statusReason : '')).trim();
  if (status === 'wont-do' && nextReason === '') return 'reason-required';
  if (status === item.status && nextReason === item.statusReason) return item;
  const completedAt = status === 'done' ? (item.status === 'done' ? item.completedAt : now) : null;
  return { ...item, status, statusReason: nextReason, completedAt, updatedAt: now };
}

/** Links or unlinks causes; ids stay unique and in first-seen order. */
export function withCauses(item: ActionItem, causeIds: readonly string[], now: number): ActionItem {
  const next = [...new Set(causeIds)];
  const same = next.length === item.causeIds.length && next.every((id, i) => item.causeIds[i] === id);
  return same ? item : { ...item, causeIds: next, updatedAt: now };
}

/**
 * Only http(s) links may be opened in the system browser; anything else (javascript:, file:,
 * a bare host, text with spaces) is shown as plain text. The platform layer checks again.
 */
export function isOpenableTicketUrl(text: string): boolean {
  const t = text.trim();
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return false;
  }
  // Scheme, then a host made of URL-safe characters; no quotes, angle brackets or backslashes.
  return /^https?:\/\/[A-Za-z0-9._~%!$&'()*+,;=:@[\]-]+(?:[/?#][^"<>\\^`{|}]*)?$/i.test(t);
}

export interface BulkStatusResult {
  /** The items that actually change (already-matching ones are left out). */
  changed: ActionItem[];
  /** Ids refused because won't do needs a reason and none was given. */
  refused: string[];
}

/** One status change applied to many items, e.g. "mark the selected rows done". */
export function bulkWithStatus(
  items: readonly ActionItem[],
  status: ActionStatus,
  now: number,
  reason?: string,
): BulkStatusResult {
  const out: BulkStatusResult = { changed: [], refused: [] };
  for (const item of items) {
    const next = withStatus(item, status, now, reason);
    if (typeof next === 'string') out.refused.push(item.id);
    else if (next !== item) out.changed.push(next);
  }
  return out;
}
