import type Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable } from 'dexie';
import { incidentIdOf, rowsToDelete, tagWriteOrigin, writeOriginOf } from '../db/changeLog';

/** The origin tag of writes that come from a synced document (projected into Dexie). */
export const SYNC_ORIGIN = 'sync';

/** Dexie tables whose rows live in an incident's `model` document. */
export const MODEL_TABLES = ['incidents', 'events', 'causes', 'actions', 'sections'] as const;
/** Dexie tables whose rows live in an incident's `review` document. */
export const REVIEW_TABLES = ['comments', 'signoffs'] as const;
export type SyncedTable = (typeof MODEL_TABLES)[number] | (typeof REVIEW_TABLES)[number];

const SYNCED = new Set<string>([...MODEL_TABLES, ...REVIEW_TABLES]);
const MODEL = new Set<string>(MODEL_TABLES);

/**
 * One committed local write of a row of a shared incident; without `incidentId` it is the
 * model's `RowChange` (shared/sync/mirror.ts).
 */
export type MirrorChange =
  | {
      incidentId: string;
      table: SyncedTable;
      type: 'put';
      row: Record<string, unknown> & { id: string };
      /**
       * The row as stored before this write (null: a new row): only the fields this write changed
       * go into the documents, so a remote edit not yet shown here is not written back over.
       */
      before: Record<string, unknown> | null;
    }
  | { incidentId: string; table: SyncedTable; type: 'delete'; id: string };

/** Where committed local writes go: the sync engine. */
export interface MirrorSink {
  /** The role this profile has on the incident when it is shared, else undefined. */
  roleOf(incidentId: string): 'author' | 'reviewer' | undefined;
  /** Called once the transaction committed, with its writes in order. */
  apply(changes: MirrorChange[]): void;
}

let sink: MirrorSink | null = null;

/** Connects the engine (null disconnects; then nothing is collected). */
export function setMirrorSink(next: MirrorSink | null): void {
  sink = next;
}

/** Marks the current Dexie transaction as a projection from sync, so it is not mirrored back. */
export function markFromSync(): void {
  tagWriteOrigin(SYNC_ORIGIN);
}

/** Thrown when a reviewer's profile tries to change what only authors may change. */
export class ReadOnlyShareError extends Error {
  constructor(table: string) {
    super(
      `This incident is shared with you as a reviewer: its ${table} are read-only. Comments, review states and your sign-off still work.`,
    );
    this.name = 'ReadOnlyShareError';
  }
}

function idOf(row: unknown): string | null {
  const id = row !== null && typeof row === 'object' ? (row as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

type MirrorRow = Record<string, unknown> & { id: string };

/** Cause fields a reviewer's write may change: setting a review state stamps `updatedAt`. */
const REVIEWER_CAUSE_FIELDS = new Set(['reviewState', 'updatedAt']);

/** Refuses a reviewer's cause write unless it changes only the review state of an existing cause. */
function checkReviewStateOnly(row: Record<string, unknown>, old: Record<string, unknown> | null): void {
  if (old === null) throw new ReadOnlyShareError('causes');
  for (const key of new Set([...Object.keys(old), ...Object.keys(row)])) {
    if (REVIEWER_CAUSE_FIELDS.has(key)) continue;
    if (JSON.stringify(old[key]) !== JSON.stringify(row[key])) throw new ReadOnlyShareError('causes');
  }
}

const pending = new WeakMap<object, MirrorChange[]>();

/** Hands a transaction's collected changes to the sink once it committed (never if it aborts). */
function collect(trans: object, changes: MirrorChange[]): void {
  const list = pending.get(trans);
  if (list) {
    list.push(...changes);
    return;
  }
  pending.set(trans, [...changes]);
  const t = trans as Partial<Pick<IDBTransaction, 'addEventListener'>>;
  const flush = () => {
    const all = pending.get(trans) ?? [];
    pending.delete(trans);
    if (all.length > 0) sink?.apply(all);
  };
  if (typeof t.addEventListener === 'function') t.addEventListener('complete', flush, { once: true });
  else queueMicrotask(flush);
}

/**
 * Mirrors local writes of shared incidents into their documents: a DBCore middleware (like the
 * change log's), so every repository's write is seen without each one knowing about sync. Writes
 * tagged as coming from sync are skipped (no echo). A reviewer's write to the model tables is
 * refused before it reaches IndexedDB: the server would drop it, and the two would disagree.
 */
export function installSyncMirror(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'syncMirror',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name: string): DBCoreTable {
          const table = down.table(name);
          if (!SYNCED.has(name)) return table;
          const syncedName = name as SyncedTable;
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const s = sink;
              if (s === null || writeOriginOf(req.trans) === SYNC_ORIGIN) return table.mutate(req);
              const isPut = req.type === 'add' || req.type === 'put';
              const rows = isPut ? req.values : await rowsToDelete(table, req);
              type Found = { incidentId: string; id: string; row: MirrorRow; reviewer: boolean };
              const found: Found[] = [];
              for (const row of rows) {
                const incidentId = incidentIdOf(name, row);
                const id = idOf(row);
                if (incidentId === null || id === null) continue;
                const role = s.roleOf(incidentId);
                if (role === undefined) continue;
                const reviewer = role === 'reviewer' && MODEL.has(name);
                if (reviewer && (!isPut || name !== 'causes')) throw new ReadOnlyShareError(name);
                found.push({ incidentId, id, row: row as MirrorRow, reviewer });
              }
              // What each put replaces: sent along (only changed fields are shared) and checked for reviewers.
              const before =
                isPut && found.length > 0
                  ? ((await table.getMany({ trans: req.trans, keys: found.map((f) => f.id) })) as unknown[])
                  : [];
              const changes = found.map((f, i): MirrorChange => {
                if (!isPut) return { table: syncedName, incidentId: f.incidentId, type: 'delete', id: f.id };
                const old = (before[i] ?? null) as Record<string, unknown> | null;
                if (f.reviewer) checkReviewStateOnly(f.row, old);
                return { table: syncedName, incidentId: f.incidentId, type: 'put', row: f.row, before: old };
              });
              const res = await table.mutate(req);
              if (changes.length > 0) collect(req.trans as object, changes);
              return res;
            },
          };
        },
      };
    },
  });
}

/** Runs `fn` in a read-write transaction over `tables` marked as a projection from sync. */
export function inSyncTransaction<T>(db: Dexie, tables: string[], fn: () => Promise<T>): Promise<T> {
  return db.transaction('rw', tables, () => {
    markFromSync();
    return fn();
  });
}
