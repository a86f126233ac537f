import type Dexie from 'dexie';

/**
 * When each incident last changed, in any of its tables. Backups and the export reminder ask it
 * "what changed since?" instead of serialising every incident (a bundle with a million raw
 * records takes seconds). Kept in memory and mirrored to localStorage, which every tab of the
 * origin shares and which survives a reload.
 */
const STORAGE_KEY = 'rootline.incidentChanges';

/** Tables whose rows belong to an incident; raw-record blocks are covered by their import row. */
const TRACKED = ['incidents', 'events', 'imports', 'causes', 'comments', 'actions', 'sections'] as const;

type ChangeTimes = Record<string, number>;

let memory: ChangeTimes | null = null;
let flushScheduled = false;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function load(): ChangeTimes {
  if (memory !== null) return memory;
  memory = {};
  const raw = storage()?.getItem(STORAGE_KEY);
  if (raw) {
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (parsed !== null && typeof parsed === 'object') {
        for (const [id, at] of Object.entries(parsed)) if (typeof at === 'number') memory[id] = at;
      }
    } catch {
      // A damaged entry counts as "no record": incidents then look changed, which is the safe side.
    }
  }
  return memory;
}

function flush(): void {
  flushScheduled = false;
  try {
    // Merge with what other tabs wrote meanwhile, newest time wins.
    const mine = load();
    memory = null;
    const stored = load();
    for (const [id, at] of Object.entries(mine)) if (!(stored[id]! >= at)) stored[id] = at;
    storage()?.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Storage full or disabled: the in-memory times still serve this session.
  }
}

/** Records that an incident changed now. */
export function markIncidentChanged(incidentId: string, at = Date.now()): void {
  const times = load();
  times[incidentId] = at;
  if (!flushScheduled) {
    flushScheduled = true;
    queueMicrotask(flush);
  }
}

/** When an incident last changed, or null when nothing is recorded for it. */
export function incidentChangedAt(incidentId: string): number | null {
  return load()[incidentId] ?? null;
}

/** Forgets the in-memory copy (tests; another tab's writes are then read again). */
export function resetChangeLog(): void {
  memory = null;
}

function incidentIdOf(table: string, row: unknown): string | null {
  if (row === null || typeof row !== 'object') return null;
  const value =
    table === 'incidents' ? (row as { id?: unknown }).id : (row as { incidentId?: unknown }).incidentId;
  return typeof value === 'string' ? value : null;
}

/** Marks the incident of every created, updated or deleted row of the tracked tables. */
export function installChangeTracking(db: Dexie): void {
  for (const name of TRACKED) {
    const table = db.table(name);
    const mark = (row: unknown): void => {
      const id = incidentIdOf(name, row);
      if (id !== null) markIncidentChanged(id);
    };
    table.hook('creating', (_key, row) => mark(row));
    table.hook('updating', (_mods, _key, row) => mark(row));
    table.hook('deleting', (_key, row) => mark(row));
  }
}
