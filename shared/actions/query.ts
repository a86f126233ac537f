import type { ActionItem, ActionStatus, Priority } from '../domain';
import { ACTION_STATUSES, PRIORITIES } from '../domain';
import { calendarDaysBetween } from './dates';
import { isOpenStatus, isOverdue } from './due';

export const SORT_KEYS = [
  'title',
  'owner',
  'priority',
  'type',
  'dueDate',
  'status',
  'causes',
  'ticketUrl',
  'createdAt',
  'completedAt',
] as const;
export type ActionSortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface ActionSort {
  key: ActionSortKey;
  dir: SortDir;
}

/** Lookups a sort needs beyond the item itself (cause titles live in another table). */
export interface SortContext {
  causeTitle?: (causeId: string) => string | undefined;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const statusRank = (s: ActionStatus): number => ACTION_STATUSES.indexOf(s);
const priorityRank = (p: Priority): number => PRIORITIES.indexOf(p);

/** A sort value; null/empty sort last in both directions so blanks never crowd the top. */
type Value = string | number | null;

function valueOf(item: ActionItem, key: ActionSortKey, ctx: SortContext): Value {
  switch (key) {
    case 'title':
    case 'owner':
    case 'type':
    case 'ticketUrl':
      return item[key].trim() === '' ? null : item[key].trim();
    case 'priority':
      return priorityRank(item.priority);
    case 'status':
      return statusRank(item.status);
    case 'dueDate':
      return item.dueDate;
    case 'createdAt':
      return item.createdAt;
    case 'completedAt':
      return item.completedAt;
    case 'causes': {
      if (item.causeIds.length === 0) return null;
      const titles = item.causeIds.map((id) => ctx.causeTitle?.(id) ?? '').sort(collator.compare);
      return titles.join('\u0000');
    }
  }
}

function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Items sorted by one column (stable: ties keep creation order). Empty values go last whichever
 * way the column is sorted.
 */
export function sortActions(
  items: readonly ActionItem[],
  sort: ActionSort,
  ctx: SortContext = {},
): ActionItem[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = items.map((item) => ({ item, v: valueOf(item, sort.key, ctx) }));
  keyed.sort((x, y) => {
    if (x.v === null || y.v === null) {
      if (x.v === y.v) return tieBreak(x.item, y.item);
      return x.v === null ? 1 : -1;
    }
    return sign * compareValues(x.v, y.v) || tieBreak(x.item, y.item);
  });
  return keyed.map((k) => k.item);
}

function tieBreak(a: ActionItem, b: ActionItem): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface ActionFilter {
  /** Empty = any status. */
  statuses: ActionStatus[];
  /** Empty = any owner; '' in the list selects unassigned items. */
  owners: string[];
  /** Empty = any priority. */
  priorities: Priority[];
  overdueOnly: boolean;
  /** Case-insensitive substring of title, description or owner. */
  text: string;
}

export const EMPTY_FILTER: ActionFilter = {
  statuses: [],
  owners: [],
  priorities: [],
  overdueOnly: false,
  text: '',
};

/** True when the filter selects everything. */
export function isEmptyFilter(f: ActionFilter): boolean {
  return (
    f.statuses.length === 0 &&
    f.owners.length === 0 &&
    f.priorities.length === 0 &&
    !f.overdueOnly &&
    f.text.trim() === ''
  );
}

/** Items passing every active criterion of the filter, in input order. */
export function filterActions(
  items: readonly ActionItem[],
  filter: ActionFilter,
  today: string,
): ActionItem[] {
  const needle = filter.text.trim().toLowerCase();
  const owners = new Set(filter.owners.map((o) => o.trim().toLowerCase()));
  return items.filter(
    (item) =>
      (filter.statuses.length === 0 || filter.statuses.includes(item.status)) &&
      (owners.size === 0 || owners.has(item.owner.trim().toLowerCase())) &&
      (filter.priorities.length === 0 || filter.priorities.includes(item.priority)) &&
      (!filter.overdueOnly || isOverdue(item, today)) &&
      (needle === '' ||
        item.title.toLowerCase().includes(needle) ||
        item.description.toLowerCase().includes(needle) ||
        item.owner.toLowerCase().includes(needle)),
  );
}

/** Distinct owners (trimmed, first spelling wins), sorted; '' stands for unassigned. */
export function ownersOf(items: readonly ActionItem[]): string[] {
  const byKey = new Map<string, string>();
  for (const item of items) {
    const o = item.owner.trim();
    if (!byKey.has(o.toLowerCase())) byKey.set(o.toLowerCase(), o);
  }
  return [...byKey.values()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)));
}

/**
 * Order for "what needs doing": overdue first (most overdue first), then by due date (no date
 * last), then priority, then age.
 */
export function compareUrgency(a: ActionItem, b: ActionItem, today: string): number {
  const ao = isOverdue(a, today);
  const bo = isOverdue(b, today);
  if (ao !== bo) return ao ? -1 : 1;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    const d = calendarDaysBetween(b.dueDate, a.dueDate);
    if (d !== null && d !== 0) return d;
  }
  return priorityRank(a.priority) - priorityRank(b.priority) || tieBreak(a, b);
}

export interface ActionGroup {
  /** Owner name ('' = unassigned) or incident id. */
  key: string;
  label: string;
  items: ActionItem[];
  open: number;
  overdue: number;
}

export type GroupBy = 'owner' | 'incident';

/**
 * Open items of many incidents grouped by owner or by incident, each group sorted by urgency;
 * groups with overdue items come first (most overdue first), then by label.
 */
export function groupOpenActions(
  items: readonly ActionItem[],
  by: GroupBy,
  today: string,
  incidentTitle: (incidentId: string) => string | undefined = () => undefined,
): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  for (const item of items) {
    if (!isOpenStatus(item.status)) continue;
    const key = by === 'owner' ? item.owner.trim().toLowerCase() : item.incidentId;
    let group = groups.get(key);
    if (!group) {
      const label =
        by === 'owner'
          ? item.owner.trim() || 'Unassigned'
          : incidentTitle(item.incidentId) || `Incident ${item.incidentId}`;
      group = { key: by === 'owner' ? item.owner.trim() : key, label, items: [], open: 0, overdue: 0 };
      groups.set(key, group);
    }
    group.items.push(item);
    group.open += 1;
    if (isOverdue(item, today)) group.overdue += 1;
  }
  const out = [...groups.values()];
  for (const g of out) g.items.sort((a, b) => compareUrgency(a, b, today));
  return out.sort((a, b) => b.overdue - a.overdue || collator.compare(a.label, b.label));
}

export interface OpenCounts {
  open: number;
  overdue: number;
}

/** Open and overdue counts per incident id (incidents without open items are absent). */
export function countOpenByIncident(items: readonly ActionItem[], today: string): Map<string, OpenCounts> {
  const out = new Map<string, OpenCounts>();
  for (const item of items) {
    if (!isOpenStatus(item.status)) continue;
    const c = out.get(item.incidentId) ?? { open: 0, overdue: 0 };
    c.open += 1;
    if (isOverdue(item, today)) c.overdue += 1;
    out.set(item.incidentId, c);
  }
  return out;
}
