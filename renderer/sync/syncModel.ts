import * as Y from 'yjs';
import {
  addTouched,
  CAUSE_DELETED,
  SYNC_TABLE_NAMES,
  tableMap,
  applyRowChanges,
  hasIncident,
  isSyncTable,
  noneTouched,
  projectDocs,
  projectTouched,
  seedDocs,
  type RowChange as ModelRowChange,
  type SeedRows,
} from '../../shared/sync';
import { modelDocName, reviewDocName, sectionDocName } from '../../shared/sync/names';
import { getDb } from '../db/db';
import type { SyncModel } from './session';

type Row = Readonly<Record<string, unknown>> & { readonly id: string };

/** Reads an incident's synced rows to seed its documents from, in one read transaction. */
async function seedRows(incidentId: string): Promise<SeedRows | null> {
  const db = getDb();
  const present = new Set(db.tables.map((t) => t.name));
  const names = SYNC_TABLE_NAMES.filter((t) => present.has(t));
  return db.transaction('r', [db.incidents, ...names.map((t) => db.table(t))], async () => {
    const incident = await db.incidents.get(incidentId);
    if (!incident) return null;
    const tables = new Map<string, Row[]>();
    for (const name of names) {
      tables.set(name, (await db.table(name).where('incidentId').equals(incidentId).toArray()) as Row[]);
    }
    return { incident, tables: Object.fromEntries(tables) as SeedRows['tables'] };
  });
}

/** The sync session's view of shared/sync (the document layout, seeding, writes, projection). */
export const sharedSyncModel: SyncModel = {
  docName: (incidentId, kind) => (kind === 'model' ? modelDocName(incidentId) : reviewDocName(incidentId)),
  sectionDocName: (incidentId, sectionId) => sectionDocName(incidentId, sectionId),
  sectionsMap: (docs) => tableMap(docs, 'sections') as Y.Map<unknown>,
  hasIncident: (docs) => hasIncident(docs),
  async seed(docs, incidentId, ctx) {
    const rows = await seedRows(incidentId);
    return rows !== null && seedDocs(docs, rows, ctx);
  },
  apply(docs, changes, ctx) {
    const known = changes.filter((c) => c.table === 'incidents' || isSyncTable(c.table)) as ModelRowChange[];
    return applyRowChanges(docs, known, ctx);
  },
  project(docs, incidentId) {
    const { incident, rows } = projectDocs(docs, incidentId);
    if (incident === null) return null;
    // Rows the documents hold but could not project stay as they are here (not deleted).
    const keep = new Map<string, Set<string>>();
    for (const table of SYNC_TABLE_NAMES) {
      const shown = new Set(rows[table].map((r) => r.id));
      const held = new Set<string>();
      tableMap(docs, table).forEach((row, id) => {
        const tombstone = row instanceof Y.Map && row.get(CAUSE_DELETED) === true;
        if (!shown.has(id) && !tombstone) held.add(id);
      });
      keep.set(table, held);
    }
    return { incident, rows: rows as unknown as Record<string, Row[]>, keep: Object.fromEntries(keep) };
  },
  tracker(docs) {
    let touched = noneTouched();
    let any = false;
    return {
      add(tr) {
        addTouched(docs, tr, touched);
        any = true;
      },
      take(incidentId) {
        if (!any) return null;
        const patch = projectTouched(docs, incidentId, touched);
        touched = noneTouched();
        any = false;
        return patch as never;
      },
    };
  },
};
