/**
 * Incremental projection: which rows a set of Yjs transactions touched, and those rows projected
 * (docs/sync-design.md, "The API"). Projecting a whole incident checks every row (~300 ms for
 * 10,000 events); a remote edit touches a few, so the app projects those and writes the patch.
 * Causes are the exception: the tree repair is a function of every cause, so any touched cause
 * or review state projects all causes.
 */
import * as Y from 'yjs';
import { formatIssues } from '../bundle/issues';
import type { Incident } from '../domain';
import {
  CAUSE_DELETED,
  INCIDENT_KEY,
  readFields,
  REVIEW_STATES_KEY,
  rowMap,
  SYNC_TABLES,
  tableMap,
  isSyncTable,
  type SharedDocs,
  type SyncTableName,
} from './model';
import { projectCauses, projectIncident, type SyncRows } from './project';

/** Rows touched since the last projection. */
export interface TouchedRows {
  /** The incident's fields changed. */
  incident: boolean;
  /** Row ids per table (for causes, review states touched add no id but set `tree`). */
  tables: Map<SyncTableName, Set<string>>;
  /** A cause or a review state changed: project every cause. */
  tree: boolean;
}

/** Nothing touched yet. */
export function noneTouched(): TouchedRows {
  return { incident: false, tables: new Map(), tree: false };
}

/** The name under which a root type is shared in its document. */
function rootName(doc: Y.Doc, type: Y.AbstractType<unknown>): string | undefined {
  for (const [name, root] of doc.share) if ((root as unknown) === type) return name;
  return undefined;
}

/**
 * Adds what one transaction of `docs.model` or `docs.review` touched to `into` (call it from
 * the documents' `afterTransaction` events). Names a document does not hold are ignored.
 */
export function addTouched(docs: SharedDocs, transaction: Y.Transaction, into: TouchedRows): TouchedRows {
  const home = transaction.doc === docs.model ? 'model' : transaction.doc === docs.review ? 'review' : null;
  if (home === null) return into;
  for (const [changed, keys] of transaction.changed) {
    // Walk up to the root: a row map's key in its table is the row id; deeper types are fields.
    let type = changed as Y.AbstractType<unknown>;
    let id: string | null = null;
    while (type._item !== null && type.parent !== null) {
      id = type._item.parentSub;
      type = type.parent as Y.AbstractType<unknown>;
    }
    const name = rootName(transaction.doc, type);
    if (name === undefined) continue;
    if (home === 'model' && name === INCIDENT_KEY) into.incident = true;
    else if (home === 'review' && name === REVIEW_STATES_KEY) into.tree = true;
    else if (isSyncTable(name) && SYNC_TABLES[name].home === home) {
      let ids = into.tables.get(name);
      if (ids === undefined) into.tables.set(name, (ids = new Set()));
      if (id !== null) ids.add(id);
      else for (const key of keys) if (key !== null) ids.add(key);
      if (name === 'causes') into.tree = true;
    }
  }
  return into;
}

/** What to write into the app's tables: rows to put, ids to delete, rows left alone and why. */
export interface ProjectionPatch {
  /** Present when the incident's fields were touched (null: none, or not valid, see problems). */
  incident?: Incident | null;
  put: Partial<SyncRows>;
  delete: Partial<Record<SyncTableName, string[]>>;
  /** Rows that fail their schema: neither put nor deleted, so the local copy keeps its row. */
  problems: string[];
}

/**
 * Projects the touched rows (module comment). A row no longer in its table, or a deleted cause,
 * is to be deleted; a row that fails its schema is left alone and named in `problems`.
 */
export function projectTouched(docs: SharedDocs, incidentId: string, touched: TouchedRows): ProjectionPatch {
  const patch: ProjectionPatch = { put: {}, delete: {}, problems: [] };
  if (touched.incident) {
    const { incident, problem } = projectIncident(docs, incidentId);
    patch.incident = incident;
    if (problem !== null) patch.problems.push(problem);
  }
  if (touched.tree) {
    const causes = projectCauses(docs, incidentId, { problems: patch.problems, kept: {} });
    patch.put.causes = causes;
    const gone: string[] = [];
    const table = tableMap(docs, 'causes');
    for (const id of touched.tables.get('causes') ?? []) if (!table.has(id)) gone.push(id);
    table.forEach((row, id) => {
      if (row instanceof Y.Map && row.get(CAUSE_DELETED) === true) gone.push(id);
    });
    patch.delete.causes = gone.sort();
  }
  for (const [table, ids] of touched.tables) {
    if (table === 'causes') continue;
    const { put, gone } = projectIds(docs, table, incidentId, ids, patch.problems);
    (patch.put as Record<string, unknown[]>)[table] = put;
    patch.delete[table] = gone;
  }
  return patch;
}

function projectIds(
  docs: SharedDocs,
  table: Exclude<SyncTableName, 'causes'>,
  incidentId: string,
  ids: ReadonlySet<string>,
  problems: string[],
): { put: unknown[]; gone: string[] } {
  const map = tableMap(docs, table);
  const schema = SYNC_TABLES[table].schema;
  const put: unknown[] = [];
  const gone: string[] = [];
  for (const id of [...ids].sort()) {
    if (!map.has(id)) {
      gone.push(id);
      continue;
    }
    const row = rowMap(map, id);
    const parsed = schema.safeParse(row === undefined ? null : { ...readFields(row), id, incidentId });
    if (parsed.success) put.push(parsed.data);
    else
      problems.push(
        `${table} row ${id}: ${row === undefined ? 'not a row' : formatIssues(parsed.error.issues)}`,
      );
  }
  return { put, gone };
}
