import Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable } from 'dexie';
import { INCIDENT_COLLECTIONS } from '../../shared/domain';

/**
 * When each incident last changed, in any of its tables. Backups and the export reminder ask it
 * "what changed since?" instead of serialising every incident (a bundle with a million raw
 * records takes seconds). Kept in memory and mirrored to localStorage, which every tab of the
 * origin shares and which survives a reload.
 */
export const CHANGE_LOG_STORAGE_KEY = 'rootline.incidentChanges';

/** Tables whose rows belong to an incident; raw-record blocks are covered by their import row. */
const TRACKED = ['incidents', ...INCIDENT_COLLECTIONS.filter((c) => c !== 'logBlocks')];

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
  const raw = storage()?.getItem(CHANGE_LOG_STORAGE_KEY);
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
    storage()?.setItem(CHANGE_LOG_STORAGE_KEY, JSON.stringify(stored));
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

/** Every recorded change time, by incident id (a copy). */
export function incidentChangeTimes(): Record<string, number> {
  return { ...load() };
}

/** When an incident last changed, or null when nothing is recorded for it. */
export function incidentChangedAt(incidentId: string): number | null {
  return load()[incidentId] ?? null;
}

/**
 * One committed write to an incident's rows. `table` is null when the write came from another
 * tab (only the incident is known); `origin` is the tag its writer gave the transaction, if any.
 */
export interface IncidentChange {
  incidentId: string;
  table: string | null;
  origin: string | null;
  /**
   * Primary keys of the written rows of `table` (this tab's writes only), so a cache can re-read
   * just those; absent when not known (another tab, a range delete).
   */
  keys?: readonly string[];
  /**
   * The rows as written, one per key in the same order, when the write put or added them (not
   * for a delete), so a cache can take them without reading them back. Not to be modified.
   */
  rows?: readonly unknown[];
}

const listeners = new Set<(change: IncidentChange) => void>();
const origins = new WeakMap<object, string>();

/**
 * The one invalidation signal of the app: called after every committed write to an incident's
 * rows, in this tab or another. Every cache of incident data reloads on it — never on a proxy
 * such as "the number of events changed".
 */
export function subscribeIncidentChanges(fn: (change: IncidentChange) => void): () => void {
  listeners.add(fn);
  ensureCrossTab();
  return () => listeners.delete(fn);
}

/**
 * Tags the writes of the current transaction (call inside `db.transaction`), so a cache that
 * already applied them in memory can tell its own writes from everyone else's.
 */
export function tagWriteOrigin(origin: string): void {
  const trans = Dexie.currentTransaction?.idbtrans as object | undefined;
  if (trans) origins.set(trans, origin);
}

/** The tag `tagWriteOrigin` gave a transaction (a DBCore request's `trans`), or null. */
export function writeOriginOf(trans: unknown): string | null {
  return trans !== null && typeof trans === 'object' ? (origins.get(trans) ?? null) : null;
}

function notify(change: IncidentChange): void {
  for (const fn of [...listeners]) fn(change);
}

/** Notifies once the transaction has committed, so a reload reads what was written. */
function notifyOnCommit(trans: unknown, changes: IncidentChange[]): void {
  const t = trans as Partial<Pick<IDBTransaction, 'addEventListener'>> | null;
  if (t && typeof t.addEventListener === 'function') {
    t.addEventListener('complete', () => changes.forEach(notify), { once: true });
  } else changes.forEach(notify);
}

let crossTab = false;
/** Another tab's writes arrive as a newer change time in the shared localStorage entry. */
function ensureCrossTab(): void {
  if (crossTab || typeof window === 'undefined') return;
  crossTab = true;
  window.addEventListener('storage', (e) => {
    if (e.key !== CHANGE_LOG_STORAGE_KEY) return;
    const mine = load();
    memory = null;
    const stored = load();
    // Keep this tab's marks that are not flushed yet; newest time wins.
    for (const [id, at] of Object.entries(mine)) if (!(stored[id]! >= at)) stored[id] = at;
    for (const [id, at] of Object.entries(stored)) {
      if (!(mine[id]! >= at)) notify({ incidentId: id, table: null, origin: null });
    }
  });
}

/** Forgets the in-memory copy (tests; another tab's writes are then read again). */
export function resetChangeLog(): void {
  memory = null;
}

/** The incident a row of `table` belongs to (the incident row's own id), or null. */
export function incidentIdOf(table: string, row: unknown): string | null {
  if (row === null || typeof row !== 'object') return null;
  const value =
    table === 'incidents' ? (row as { id?: unknown }).id : (row as { incidentId?: unknown }).incidentId;
  return typeof value === 'string' ? value : null;
}

/** The rows a delete request is about to remove (they carry the incident id; the keys do not). */
export async function rowsToDelete(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  if (req.type === 'delete') return table.getMany({ trans: req.trans, keys: req.keys });
  if (req.type === 'deleteRange') {
    const res = await table.query({
      trans: req.trans,
      values: true,
      query: { index: table.schema.primaryKey, range: req.range },
    });
    return res.result;
  }
  return [];
}

/**
 * Marks the incident of every created, updated or deleted row of the tracked tables. A DBCore
 * middleware rather than table hooks: writes carry their rows already, so a bulkPut of thousands
 * of events does not first read every existing row (the `updating` hook made Dexie do that).
 * Only deletes read, to learn the incident of what goes.
 */
export function installChangeTracking(db: Dexie): void {
  const tracked = new Set<string>(TRACKED);
  db.use({
    stack: 'dbcore',
    name: 'incidentChangeLog',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name: string): DBCoreTable {
          const table = down.table(name);
          if (!tracked.has(name)) return table;
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const rows =
                req.type === 'add' || req.type === 'put' ? req.values : await rowsToDelete(table, req);
              const res = await table.mutate(req);
              const written = req.type === 'add' || req.type === 'put';
              // Per incident: the keys and rows written, or null when a row's key is not known.
              const marked = new Map<string, { keys: string[]; rows: unknown[] } | null>();
              const keyPath = table.schema.primaryKey.keyPath;
              for (const row of rows) {
                const id = incidentIdOf(name, row);
                if (id === null) continue;
                if (!marked.has(id)) {
                  marked.set(id, { keys: [], rows: [] });
                  markIncidentChanged(id);
                }
                const key =
                  typeof keyPath === 'string'
                    ? (row as Record<string, unknown> | null)?.[keyPath]
                    : undefined;
                const known = marked.get(id);
                if (typeof key !== 'string') marked.set(id, null);
                else if (known) {
                  known.keys.push(key);
                  known.rows.push(row);
                }
              }
              if (marked.size > 0 && listeners.size > 0) {
                const origin = origins.get(req.trans as object) ?? null;
                notifyOnCommit(
                  req.trans,
                  [...marked].map(([incidentId, known]): IncidentChange => {
                    const change: IncidentChange = { incidentId, table: name, origin };
                    if (known === null) return change;
                    return written
                      ? { ...change, keys: known.keys, rows: known.rows }
                      : { ...change, keys: known.keys };
                  }),
                );
              }
              return res;
            },
          };
        },
      };
    },
  });
}
