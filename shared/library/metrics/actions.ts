import { calendarDateAt, calendarDaysBetween } from '../../actions/dates';
import { isOverdue } from '../../actions/due';
import { PRIORITIES } from '../../domain';
import type { LibraryAction, LibraryIncident } from '../summary';

/** Where an action item stands, for the health counts. */
export const ACTION_HEALTH_STATES = [
  'open',
  'overdue',
  'done-in-time',
  'done-late',
  'done',
  'wont-do',
] as const;
export type ActionHealthState = (typeof ACTION_HEALTH_STATES)[number];

export const ACTION_HEALTH_LABELS: Record<ActionHealthState, string> = {
  open: 'Open',
  overdue: 'Overdue',
  'done-in-time': 'Done in time',
  'done-late': 'Done late',
  done: 'Done (no due date)',
  'wont-do': "Won't do",
};

export type HealthCounts = Record<ActionHealthState, number>;

export interface HealthRow {
  group: string;
  counts: HealthCounts;
  total: number;
}

export interface ActionHealth {
  total: HealthCounts;
  byOwner: HealthRow[];
  byPriority: HealthRow[];
  /** Open and overdue items, overdue first, then by due date. */
  openItems: { incidentId: string; incidentTitle: string; action: LibraryAction; overdue: boolean }[];
}

/** The owner label for an item nobody owns yet. */
export const NO_OWNER = 'Unassigned';

/**
 * The state of one item on `today` (calendar date in the user's zone): open items are overdue
 * past their due date (shared/actions isOverdue); done items were in time when completed on or
 * before the due date (completion day in `zone`).
 */
export function actionHealthState(a: LibraryAction, today: string, zone?: string): ActionHealthState {
  if (a.status === 'wont-do') return 'wont-do';
  if (a.status === 'done') {
    if (a.dueDate === null || a.completedAt === null) return 'done';
    const late = calendarDaysBetween(a.dueDate, calendarDateAt(a.completedAt, zone));
    if (late === null) return 'done';
    return late > 0 ? 'done-late' : 'done-in-time';
  }
  return isOverdue(a, today) ? 'overdue' : 'open';
}

const zero = (): HealthCounts => ({
  open: 0,
  overdue: 0,
  'done-in-time': 0,
  'done-late': 0,
  done: 0,
  'wont-do': 0,
});

/** Action-item health of some incidents: totals, per owner, per priority, and the open items. */
export function actionHealth(
  incidents: readonly LibraryIncident[],
  today: string,
  zone?: string,
): ActionHealth {
  const total = zero();
  const owners = new Map<string, HealthRow>();
  const priorities = new Map<string, HealthRow>(
    PRIORITIES.map((p) => [p, { group: p, counts: zero(), total: 0 }]),
  );
  const openItems: ActionHealth['openItems'] = [];
  for (const i of incidents) {
    for (const a of i.actions) {
      const state = actionHealthState(a, today, zone);
      total[state]++;
      const owner = a.owner.trim() === '' ? NO_OWNER : a.owner.trim();
      let row = owners.get(owner);
      if (!row) owners.set(owner, (row = { group: owner, counts: zero(), total: 0 }));
      row.counts[state]++;
      row.total++;
      const pr = priorities.get(a.priority)!;
      pr.counts[state]++;
      pr.total++;
      if (state === 'open' || state === 'overdue')
        openItems.push({ incidentId: i.id, incidentTitle: i.title, action: a, overdue: state === 'overdue' });
    }
  }
  openItems.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.action.dueDate ?? '9999').localeCompare(b.action.dueDate ?? '9999') ||
      a.action.priority.localeCompare(b.action.priority),
  );
  return {
    total,
    byOwner: [...owners.values()].sort((a, b) => b.total - a.total || a.group.localeCompare(b.group)),
    byPriority: [...priorities.values()].filter((r) => r.total > 0),
    openItems,
  };
}
