import type Dexie from 'dexie';
import type { DamagedRow } from './repos/damaged';
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';

/** The table of packed events (schema v7). */
export const EVENT_PACKS = 'eventPacks';
/** The part number of an incident's meta row. */
export const META_PART = -1;

/**
 * One row of `eventPacks`: the meta row (part -1: the incident's current `rev` and how many
 * packs were built at it) or one pack (part 0…n-1: a JSON array of events in time order).
 */
export interface EventPackRow {
  incidentId: string;
  part: number;
  /** The events-table revision this row describes (meta) or was built from (pack). */
  rev: string;
  /** Meta row: the number of packs built at `rev` (0 while none are). */
  parts?: number;
  /** Meta row: the number of events in the packs (absent in packs of earlier builds). */
  events?: number;
  /** Meta row: the rows that failed the event schema when the packs were built, by name. */
  damaged?: DamagedRow[];
  /** Pack row: the events, as JSON text (db/eventPackCodec.ts; one string clones far faster than
   * thousands of rows). */
  json?: string;
}

let revCounter = 0;
/** A revision token no earlier write of any tab can have produced. */
export function newRev(): string {
  revCounter += 1;
  return `${Date.now().toString(36)}-${revCounter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const incidentOf = (row: unknown): string | null => {
  const id =
    row !== null && typeof row === 'object' ? (row as { incidentId?: unknown }).incidentId : undefined;
  return typeof id === 'string' ? id : null;
};

/** The incidents of the rows a write touches; 'all' for a range delete (a clear). */
function incidentsOf(rows: readonly unknown[] | null): Set<string> | 'all' {
  if (rows === null) return 'all';
  const ids = new Set<string>();
  for (const row of rows) {
    const id = incidentOf(row);
    if (id !== null) ids.add(id);
  }
  return ids;
}

/** Gives each incident a new revision and drops its packs, inside the writing transaction. */
async function invalidate(
  packs: DBCoreTable,
  trans: DBCoreTransaction,
  ids: Set<string> | 'all',
): Promise<void> {
  if (ids === 'all') {
    // A range delete (a clear): every incident's packs go; meta rows with them (no rev = no packs).
    await packs.mutate({
      type: 'deleteRange',
      trans,
      range: {
        type: 3 /* DBCoreRangeType.Any */,
        lower: undefined,
        upper: undefined,
        lowerOpen: false,
        upperOpen: false,
      },
    } as unknown as DBCoreMutateRequest);
    return;
  }
  for (const incidentId of ids) {
    await packs.mutate({
      type: 'deleteRange',
      trans,
      range: {
        type: 2 /* DBCoreRangeType.Range */,
        lower: [incidentId, META_PART],
        upper: [incidentId, Infinity],
        lowerOpen: false,
        upperOpen: false,
      },
    } as DBCoreMutateRequest);
    const meta: EventPackRow = { incidentId, part: META_PART, rev: newRev(), parts: 0 };
    await packs.mutate({ type: 'put', trans, values: [meta] });
  }
}

/**
 * Keeps packed events honest: every read-write transaction that includes `events` also
 * includes `eventPacks` (added at the IndexedDB level, so no caller has to remember it), and
 * every write to `events` replaces the touched incidents' meta row with a new `rev` and drops
 * their packs — in the same transaction, so no reader ever sees events and packs disagree.
 */
export function installEventPackInvalidation(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'eventPackInvalidation',
    create(down: DBCore): DBCore {
      const hasPacks = () => down.schema.tables.some((t) => t.name === EVENT_PACKS);
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && stores.includes('events') && !stores.includes(EVENT_PACKS) && hasPacks()
              ? [...stores, EVENT_PACKS]
              : stores;
          return down.transaction(widened, mode, options);
        },
        table(name: string): DBCoreTable {
          const table = down.table(name);
          if (name !== 'events') return table;
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const trans = req.trans as unknown as IDBTransaction;
              // Upgrades that ran before v7 wrote events while no packs could exist.
              if (!trans.objectStoreNames?.contains(EVENT_PACKS)) return table.mutate(req);
              // Puts carry their rows; deletes read them first (keys carry no incident). No other
              // await may come before the write: Dexie's lower layers need its transaction zone.
              const rows =
                req.type === 'add' || req.type === 'put'
                  ? req.values
                  : req.type === 'delete'
                    ? await table.getMany({ trans: req.trans, keys: req.keys })
                    : null;
              const res = await table.mutate(req);
              await invalidate(down.table(EVENT_PACKS), req.trans, incidentsOf(rows));
              return res;
            },
          };
        },
      };
    },
  });
}
