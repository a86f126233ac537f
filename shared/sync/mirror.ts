/**
 * Local row writes into an incident's model and review documents (docs/sync-design.md): the
 * app's Dexie writes of a shared incident arrive here as row changes. Only fields that differ
 * are written (so concurrent edits of other fields survive); causes are never hard-deleted (a
 * tombstone keeps their children's parent chain) and every parent change stamps `movedAt`; a
 * cause's review state goes to the review document. A reviewer's changes are checked with the
 * server's own rules first, so their copy never holds what the server will refuse.
 */
import * as Y from 'yjs';
import { formatIssues } from '../bundle/issues';
import { Incident } from '../domain';
import {
  CAUSE_DELETED,
  CAUSE_MOVED_AT,
  applyWrites,
  fieldWrites,
  hasIncident,
  incidentMap,
  isSyncTable,
  readFields,
  ReviewStateEntry,
  reviewStatesMap,
  rowMap,
  sameJson,
  storedFields,
  SYNC_TABLE_NAMES,
  SYNC_TABLES,
  tableMap,
  withWrites,
  type JsonValue,
  type MovedAt,
  type SharedDocs,
  type SyncTableName,
} from './model';
import { checkReviewStateChange, checkRowWrite } from './permissions';
import type { SyncRole } from './tokens';
import { projectTree, reviewStateOf } from './project';
import type { RepairedTree } from './tree';

/** Tables a change may name: the synced tables and `incidents` (the model's incident fields). */
export type RowTable = 'incidents' | SyncTableName;

type Row = Readonly<Record<string, unknown>> & { readonly id: string };

/**
 * One local write: a whole row put (Dexie put/add/update result) or a delete by id. A put may
 * carry the row as the app held it `before` (null or absent: unknown, or a new row): then only
 * the fields the local edit changed are written, so a remote edit the app had not yet shown is
 * not written back over.
 */
export type RowChange =
  | { table: RowTable; type: 'put'; row: Row; before?: Readonly<Record<string, unknown>> | null }
  | { table: RowTable; type: 'delete'; id: string };

/** Who writes and when. */
export interface WriteContext {
  incidentId: string;
  /** Epoch ms stamped on moves and review states. */
  now: number;
  /** The token's name: recorded on review states, required on new comments. */
  name: string;
  role: SyncRole;
  /** Yjs transaction origin, so an observer can tell these writes from remote ones. */
  origin?: unknown;
}

/** What was written, and the changes (or parts of changes) refused, with why. */
export interface ApplyResult {
  /** Rows and review states changed (0 when every change was already in the documents). */
  written: number;
  refused: { change: RowChange; reason: string }[];
}

type Put = Extract<RowChange, { type: 'put' }>;
type Refuse = (change: RowChange, reason: string) => void;

/** Meta fields of a cause row that a put keeps (the tombstone flag is cleared by a put). */
const KEPT_META = new Set([CAUSE_MOVED_AT]);
/** Cause fields a reviewer's put may carry changed: the review state and the app's stamp of it. */
const REVIEWER_CAUSE_FIELDS = new Set(['reviewState', 'updatedAt']);

function rowFor(docs: SharedDocs, table: SyncTableName, id: string): Y.Map<unknown> {
  const map = tableMap(docs, table);
  const existing = rowMap(map, id);
  if (existing !== undefined) return existing;
  map.set(id, new Y.Map<unknown>());
  return rowMap(map, id)!;
}

/** A batch's view of the tree as the app shows it, computed once and only when a cause moves. */
function lazyTree(docs: SharedDocs, incidentId: string): () => RepairedTree {
  let tree: RepairedTree | undefined;
  return () => (tree ??= projectTree(docs, incidentId));
}

/** The stored fields of a put's `before` row, or null when the put has none. */
function beforeOf(change: Put, local: readonly string[]): Map<string, JsonValue> | null {
  return change.before === undefined || change.before === null ? null : storedFields(local, change.before);
}

/**
 * Applies local row changes to the documents, each document in one transaction (module comment).
 * A put whose `parentId` equals the parent the repaired tree already shows writes no move; a
 * put's `reviewState` that differs from the shown one writes a review state entry.
 */
export function applyRowChanges(
  docs: SharedDocs,
  changes: readonly RowChange[],
  ctx: WriteContext,
): ApplyResult {
  const result: ApplyResult = { written: 0, refused: [] };
  const shownTree = lazyTree(docs, ctx.incidentId);
  const refuse = (change: RowChange, reason: string) => result.refused.push({ change, reason });
  const write = () => {
    for (const change of changes) {
      const problem = unfitChange(change, ctx);
      if (problem !== null) refuse(change, problem);
      else if (change.table === 'incidents') {
        if (change.type === 'put') applyIncident(docs, change, ctx, result, refuse);
      } else if (change.table === 'causes') applyCause(docs, change, ctx, result, refuse, shownTree);
      else applyRow(docs, change.table, change, ctx, result, refuse);
    }
  };
  // Nested transactions join the outer one: one transaction per document, whatever the order.
  docs.model.transact(() => docs.review.transact(write, ctx.origin), ctx.origin);
  return result;
}

/**
 * Why a change cannot be shared at all: a table that is not synced, a row its schema refuses (a
 * local bug must not spread to every copy), another incident, or the incident's deletion.
 */
function unfitChange(change: RowChange, ctx: WriteContext): string | null {
  const { table } = change;
  if (table !== 'incidents' && !isSyncTable(table)) return `${String(table)} are not shared`;
  if (change.type === 'delete') {
    return table === 'incidents'
      ? 'deleting an incident does not delete its shared copy; un-share it instead'
      : null;
  }
  if (table === 'incidents' && change.row.id !== ctx.incidentId) {
    return `incident ${change.row.id} is not the shared incident ${ctx.incidentId}`;
  }
  const schema = table === 'incidents' ? Incident : SYNC_TABLES[table].schema;
  const parsed = schema.safeParse(
    table === 'incidents' ? change.row : { ...change.row, incidentId: ctx.incidentId },
  );
  return parsed.success
    ? null
    : `${table} row ${change.row.id} is not valid: ${formatIssues(parsed.error.issues)}`;
}

function applyIncident(
  docs: SharedDocs,
  change: Put,
  ctx: WriteContext,
  result: ApplyResult,
  refuse: Refuse,
) {
  const map = incidentMap(docs);
  const writes = fieldWrites(map, storedFields([], change.row), beforeOf(change, []));
  if (writes.size === 0) return;
  if (ctx.role === 'reviewer') return refuse(change, 'reviewers cannot change the incident');
  applyWrites(map, writes);
  result.written++;
}

function applyCause(
  docs: SharedDocs,
  change: RowChange,
  ctx: WriteContext,
  result: ApplyResult,
  refuse: Refuse,
  shownTree: () => RepairedTree,
) {
  const table = tableMap(docs, 'causes');
  if (change.type === 'delete') {
    const row = rowMap(table, change.id);
    if (row === undefined || row.get(CAUSE_DELETED) === true) return;
    if (ctx.role === 'reviewer') return refuse(change, 'reviewers cannot delete causes');
    row.set(CAUSE_DELETED, true);
    result.written++;
    return;
  }
  const { row } = change;
  const local = SYNC_TABLES.causes.local;
  const before = beforeOf(change, local);
  const existing = rowMap(table, row.id);
  if (before !== null && existing === undefined)
    return refuse(change, `cause ${row.id} is not in the shared copy`);
  const shownState = change.before?.reviewState ?? reviewStateOf(docs, row.id);
  if (typeof row.reviewState === 'string' && row.reviewState !== shownState) {
    setReviewState(docs, change, row.reviewState, ctx, result, refuse);
  }
  const fields = storedFields(local, row);
  const stored = existing?.get('parentId');
  if (before === null && existing !== undefined && !sameJson(stored, fields.get('parentId'))) {
    // The app shows the repaired parent; writing it back would turn a repair into a move.
    const shown = shownTree().parent.get(row.id);
    if (shown !== undefined && sameJson(shown, fields.get('parentId')))
      fields.set('parentId', (stored ?? null) as JsonValue);
  }
  const writes = fieldWrites(existing, fields, before, KEPT_META);
  if (ctx.role === 'reviewer') {
    // Without `before`, other differences may just be remote edits this copy has not shown yet.
    const other = [...writes.keys()].filter((k) => !REVIEWER_CAUSE_FIELDS.has(k));
    if (before !== null && other.length > 0) refuse(change, 'reviewers can only set review states of causes');
    return;
  }
  if (writes.size === 0) return;
  if (existing === undefined || writes.has('parentId')) {
    const stamp: MovedAt = [ctx.now, docs.model.clientID];
    writes.set(CAUSE_MOVED_AT, stamp);
  }
  applyWrites(existing ?? rowFor(docs, 'causes', row.id), writes);
  result.written++;
}

function setReviewState(
  docs: SharedDocs,
  change: RowChange,
  state: string,
  ctx: WriteContext,
  result: ApplyResult,
  refuse: Refuse,
) {
  const map = reviewStatesMap(docs);
  const id = change.type === 'put' ? change.row.id : change.id;
  const entry = ReviewStateEntry.safeParse({ state, by: ctx.name, at: ctx.now });
  if (!entry.success) return refuse(change, `"${state}" is not a review state`);
  const verdict = checkReviewStateChange(map.get(id), entry.data, ctx.name, ctx.role);
  if (!verdict.ok) return refuse(change, verdict.reason);
  map.set(id, entry.data);
  result.written++;
}

function applyRow(
  docs: SharedDocs,
  table: Exclude<SyncTableName, 'causes'>,
  change: RowChange,
  ctx: WriteContext,
  result: ApplyResult,
  refuse: Refuse,
) {
  const spec = SYNC_TABLES[table];
  const map = tableMap(docs, table);
  const id = change.type === 'put' ? change.row.id : change.id;
  const existing = rowMap(map, id);
  if (change.type === 'delete') {
    if (existing === undefined) return;
    if (spec.home === 'model' && ctx.role === 'reviewer')
      return refuse(change, `reviewers cannot change ${table}`);
    const verdict =
      spec.home === 'review' ? checkRowWrite(table, readFields(existing), undefined, { ...ctx, id }) : null;
    if (verdict !== null && !verdict.ok) return refuse(change, verdict.reason);
    map.delete(id);
    result.written++;
    return;
  }
  const before = beforeOf(change, spec.local);
  // Deleted meanwhile by someone else: a late edit does not bring back part of the row.
  if (before !== null && existing === undefined)
    return refuse(change, `${table} row ${id} is not in the shared copy`);
  const writes = fieldWrites(existing, storedFields(spec.local, change.row), before);
  if (writes.size === 0) return;
  if (spec.home === 'model' && ctx.role === 'reviewer')
    return refuse(change, `reviewers cannot change ${table}`);
  if (spec.home === 'review') {
    const after = withWrites(existing, writes);
    const was = existing && readFields(existing);
    const verdict = checkRowWrite(table, was, after, { ...ctx, id });
    if (!verdict.ok) return refuse(change, verdict.reason);
  }
  applyWrites(existing ?? rowFor(docs, table, id), writes);
  result.written++;
}

/** An incident's rows as the app holds them, to seed its documents from. */
export interface SeedRows {
  incident: Row;
  tables: Partial<Record<SyncTableName, readonly Row[]>>;
}

/**
 * Fills empty documents with an incident's rows, in one transaction per document: done once, by
 * the author who shares the incident. Returns false (writing nothing) when the model document
 * already holds an incident — a joiner's or a second seed would overwrite newer shared edits.
 */
export function seedDocs(docs: SharedDocs, rows: SeedRows, ctx: WriteContext): boolean {
  if (hasIncident(docs)) return false;
  const changes: RowChange[] = [{ table: 'incidents', type: 'put', row: rows.incident }];
  for (const table of SYNC_TABLE_NAMES) {
    for (const row of rows.tables[table] ?? []) changes.push({ table, type: 'put', row });
  }
  applyRowChanges(docs, changes, ctx);
  return true;
}
