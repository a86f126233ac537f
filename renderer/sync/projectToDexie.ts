import type { Table } from 'dexie';
import type { RootlineDb } from '../db/schema';
import { inSyncTransaction, MODEL_TABLES, REVIEW_TABLES } from './dexieMirror';

type Row = { id: string } & Record<string, unknown>;

/** What the documents say about an incident, as rows per Dexie table. */
export interface ProjectedRows {
  incident: Row;
  /** Rows per table; a table left out is not synced (its local rows are left alone). */
  rows: Partial<Record<string, readonly Row[]>>;
  /**
   * Ids the documents hold but could not project (a peer's malformed row): the local row is kept
   * rather than deleted.
   */
  keep?: Partial<Record<string, ReadonlySet<string>>>;
}

/** Row fields that stay local: a section's text comes from its own document, not the model's. */
const LOCAL_FIELDS: Partial<Record<string, readonly string[]>> = { sections: ['lexicalState'] };

/** Same content whatever the key order (a document's map and a stored row order keys differently). */
function sameRow(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
  );
}

/** Counts of what a projection wrote, for tests and diagnostics. */
export interface ProjectionWrite {
  put: number;
  deleted: number;
}

/**
 * Writes what the documents say into Dexie in one transaction marked as from sync (so the mirror
 * does not send it back): changed rows are put, rows the documents no longer have are deleted,
 * unchanged rows are not touched (every write wakes live queries). Local-only fields (a section's
 * text) are kept from the stored row.
 */
export async function writeProjection(
  db: RootlineDb,
  incidentId: string,
  projected: ProjectedRows,
): Promise<ProjectionWrite> {
  const present = new Set(db.tables.map((t) => t.name));
  const tables = [...MODEL_TABLES, ...REVIEW_TABLES].filter((t) => present.has(t));
  const out: ProjectionWrite = { put: 0, deleted: 0 };
  await inSyncTransaction(db, tables, async () => {
    const incidents = db.table<Row, string>('incidents');
    const stored = await incidents.get(incidentId);
    const incident = { ...projected.incident, id: incidentId };
    if (!sameRow(stored, incident)) {
      await incidents.put(incident);
      out.put += 1;
    }
    for (const name of tables) {
      if (name === 'incidents') continue;
      const wanted = projected.rows[name];
      if (wanted === undefined) continue;
      const table: Table<Row, string> = db.table(name);
      const existing = new Map(
        (await table.where('incidentId').equals(incidentId).toArray()).map((r) => [r.id, r]),
      );
      const local = LOCAL_FIELDS[name] ?? [];
      const puts: Row[] = [];
      for (const row of wanted) {
        const old = existing.get(row.id);
        existing.delete(row.id);
        const next: Row = { ...row, incidentId };
        for (const f of local) next[f] = old?.[f] ?? null;
        if (!sameRow(old, next)) puts.push(next);
      }
      const keep = projected.keep?.[name];
      const gone = [...existing.keys()].filter((id) => !keep?.has(id));
      if (puts.length > 0) await table.bulkPut(puts);
      if (gone.length > 0) await table.bulkDelete(gone);
      out.put += puts.length;
      out.deleted += gone.length;
    }
  });
  return out;
}

/** Rows the documents changed since the last write: the incident, rows to put, ids to delete. */
export interface ProjectedPatch {
  /** Present when the incident's fields changed (null: no valid incident; then it is left alone). */
  incident?: Row | null;
  put: Partial<Record<string, readonly Row[]>>;
  delete: Partial<Record<string, readonly string[]>>;
}

/**
 * Writes a patch of touched rows (the incremental projection) in one transaction marked as from
 * sync: only rows that differ from the stored ones are put; a section keeps its stored text.
 */
export async function writePatch(
  db: RootlineDb,
  incidentId: string,
  patch: ProjectedPatch,
): Promise<ProjectionWrite> {
  const present = new Set(db.tables.map((t) => t.name));
  const tables = [...MODEL_TABLES, ...REVIEW_TABLES].filter((t) => present.has(t));
  const out: ProjectionWrite = { put: 0, deleted: 0 };
  await inSyncTransaction(db, tables, async () => {
    if (patch.incident) {
      const incidents = db.table<Row, string>('incidents');
      const incident = { ...patch.incident, id: incidentId };
      if (!sameRow(await incidents.get(incidentId), incident)) {
        await incidents.put(incident);
        out.put += 1;
      }
    }
    for (const name of tables) {
      if (name === 'incidents') continue;
      const table: Table<Row, string> = db.table(name);
      const wanted = patch.put[name] ?? [];
      if (wanted.length > 0) {
        const stored = await table.bulkGet(wanted.map((r) => r.id));
        const local = LOCAL_FIELDS[name] ?? [];
        const puts: Row[] = [];
        wanted.forEach((row, i) => {
          const old = stored[i];
          const next: Row = { ...row, incidentId };
          for (const f of local) next[f] = old?.[f] ?? null;
          if (!sameRow(old, next)) puts.push(next);
        });
        if (puts.length > 0) await table.bulkPut(puts);
        out.put += puts.length;
      }
      const gone = patch.delete[name] ?? [];
      if (gone.length > 0) {
        const stored = await table.bulkGet([...gone]);
        const mine = gone.filter((_, i) => stored[i]?.incidentId === incidentId);
        if (mine.length > 0) await table.bulkDelete(mine);
        out.deleted += mine.length;
      }
    }
  });
  return out;
}
