import {
  ACTION_PREF_KEYS,
  calendarDateAt,
  createActionItem,
  restoreActionTypes,
  restoreDueDays,
  type DueDays,
} from '../../../shared/actions';
import { ActionItem, isValidActionItem, newId } from '../../../shared/domain';
import { getDb } from '../db';
import { checkRows, type DamagedRow } from './damaged';
import { getPref, setPref } from './prefs';

/** Valid action items of an incident, oldest first (a damaged row is left out, see {@link readAllActions}). */
export async function listActions(incidentId: string): Promise<ActionItem[]> {
  const rows: unknown[] = await getDb().actions.where('incidentId').equals(incidentId).toArray();
  return checkRows(rows, ActionItem, isValidActionItem).good.sort(
    (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  );
}

/** Open-ish valid action items of every incident (the cross-incident view and list counts). */
export async function listOpenActions(): Promise<ActionItem[]> {
  const rows: unknown[] = await getDb().actions.where('status').anyOf('open', 'in-progress').toArray();
  return checkRows(rows, ActionItem, isValidActionItem).good;
}

/** Every action item of every incident, split into valid and damaged rows. */
export async function readAllActions(): Promise<{ good: ActionItem[]; damaged: DamagedRow[] }> {
  const rows: unknown[] = await getDb().actions.toArray();
  return checkRows(rows, ActionItem, isValidActionItem);
}

/** Every valid action item of every incident (CSV export and import from the cross-incident view). */
export async function listAllActions(): Promise<ActionItem[]> {
  return (await readAllActions()).good;
}

/** One action row exactly as stored, as JSON ("Export raw" of a damaged item). */
export async function exportRawAction(id: string): Promise<string> {
  const row: unknown = await getDb().actions.get(id);
  if (row === undefined) throw new Error('This action item no longer exists.');
  return JSON.stringify({ rawRootlineRows: { actions: [row] } }, null, 2);
}

export async function putActions(items: ActionItem[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.actions, () => db.actions.bulkPut(items));
}

export async function deleteActions(ids: string[]): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.actions, () => db.actions.bulkDelete(ids));
}

/** User preferences of the action-items feature, upgraded from whatever was stored. */
export interface ActionPrefs {
  dueDays: DueDays;
  types: string[];
}

export async function getActionPrefs(): Promise<ActionPrefs> {
  const [dueDays, types] = await Promise.all([
    getPref<unknown>(ACTION_PREF_KEYS.dueDays, undefined),
    getPref<unknown>(ACTION_PREF_KEYS.types, undefined),
  ]);
  return { dueDays: restoreDueDays(dueDays), types: restoreActionTypes(types) };
}

export async function setActionPrefs(prefs: ActionPrefs): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.prefs, async () => {
    await setPref(ACTION_PREF_KEYS.dueDays, prefs.dueDays);
    await setPref(ACTION_PREF_KEYS.types, prefs.types);
  });
}

export interface NewActionForCauses {
  incidentId: string;
  causeIds: string[];
  /** Defaults to "Address: <first cause title>" when the caller has one, else empty. */
  title: string;
  now?: number;
}

/**
 * Creates an open action item linked to causes, with the default due date of its priority
 * (counted from today in the user's zone). Used by the cause tree's "Add action item";
 * undo it with `deleteActions([item.id])`.
 */
export async function addActionForCauses(input: NewActionForCauses): Promise<ActionItem> {
  const now = input.now ?? Date.now();
  const prefs = await getActionPrefs();
  const item = createActionItem({
    id: newId(now),
    incidentId: input.incidentId,
    title: input.title,
    now,
    today: calendarDateAt(now),
    dueDays: prefs.dueDays,
    type: prefs.types[0],
    causeIds: input.causeIds,
  });
  await putActions([item]);
  return item;
}

/**
 * Removes links to deleted causes from the incident's action items. Returns the items as they
 * were before, so the caller's undo can put them back with `putActions`.
 */
export async function unlinkCauses(incidentId: string, causeIds: string[]): Promise<ActionItem[]> {
  const gone = new Set(causeIds);
  const db = getDb();
  return db.transaction('rw', db.actions, async () => {
    const items = await db.actions.where('incidentId').equals(incidentId).toArray();
    const touched = items.filter((a) => a.causeIds.some((id) => gone.has(id)));
    const now = Date.now();
    await db.actions.bulkPut(
      touched.map((a) => ({ ...a, causeIds: a.causeIds.filter((id) => !gone.has(id)), updatedAt: now })),
    );
    return touched;
  });
}
