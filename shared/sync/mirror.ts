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
  hasIncident,
  incidentMap,
  isSyncTable,
  readFields,
  ReviewStateEntry,
  reviewStatesMap,
  rowMap,
  sameJson,
  storedFields,
  SYNC_TABLES,
  tableMap,
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

/** One local write: a whole row put (Dexie put/add/update result) or a delete by id. */
export type RowChange =
  | { table: RowTable; type: 'put'; row: Readonly<Record<string, unknown>> & { readonly id: string } }
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

/** Meta fields of a cause row that a put keeps (the tombstone flag is cleared by a put). */
const KEPT_META = new Set([CAUSE_MOVED_AT]);

/**
 * Writes `fields` into row `id` of a table map: only the differing fields, and removes fields
 * the row no longer has (meta fields in `keep` stay). Returns how many keys changed; with
 * `dryRun` nothing is written.
 */
function putFields(
  map: Y.Map<unknown>,
  fields: ReadonlyMap<string, JsonValue>,
  keep: ReadonlySet<string>,
  dryRun = false,
): number {
  let changed = 0;
  for (const key of [...map.keys()]) {
    if (fields.has(key) || keep.has(key)) continue;
    changed++;
    if (!dryRun) map.delete(key);
  }
  for (const [key, value] of fields) {
    if (sameJson(map.get(key), value)) continue;
    changed++;
    if (!dryRun) map.set(key, value);
  }
  return changed;
}

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
      const problem = unfitChange(change, ctx.incidentId);
      if (problem !== null) refuse(change, problem);
      else if (change.table === 'incidents') applyIncident(docs, change, ctx, result, refuse);
      else if (change.table === 'causes') applyCause(docs, change, ctx, result, refuse, shownTree);
      else applyRow(docs, change.table, change, ctx, result, refuse);
    }
  };
  // Nested transactions join the outer one: one transaction per document, whatever the order.
  docs.model.transact(() => docs.review.transact(write, ctx.origin), ctx.origin);
  return result;
}

type Refuse = (change: RowChange, reason: string) => void;

/**
 * Why a change cannot be shared at all: a table that is not synced, or a row its schema refuses
 * (a local bug must not spread to every copy). Null when it may go on to the role's checks.
 */
function unfitChange(change: RowChange, incidentId: string): string | null {
  const { table } = change;
  if (table !== 'incidents' && !isSyncTable(table)) return `${String(table)} are not shared`;
  if (change.type === 'delete') return null;
  const schema = table === 'incidents' ? Incident : SYNC_TABLES[table].schema;
  const parsed = schema.safeParse(table === 'incidents' ? change.row : { ...change.row, incidentId });
  return parsed.success
    ? null
    : `${table} row ${change.row.id} is not valid: ${formatIssues(parsed.error.issues)}`;
}

function applyIncident(
  docs: SharedDocs,
  change: RowChange,
  ctx: WriteContext,
  result: ApplyResult,
  refuse: Refuse,
) {
  if (change.type === 'delete') {
    refuse(change, 'deleting an incident does not delete its shared copy; un-share it instead');
    return;
  }
  if (change.row.id !== ctx.incidentId) {
    refuse(change, `incident ${change.row.id} is not the shared incident ${ctx.incidentId}`);
    return;
  }
  const map = incidentMap(docs);
  const fields = storedFields([], change.row);
  if (ctx.role === 'reviewer') {
    if (putFields(map, fields, new Set(), true) > 0) refuse(change, 'reviewers cannot change the incident');
    return;
  }
  if (putFields(map, fields, new Set()) > 0) result.written++;
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
  if (typeof row.reviewState === 'string' && row.reviewState !== reviewStateOf(docs, row.id)) {
    setReviewState(docs, change, row.reviewState, ctx, result, refuse);
  }
  const fields = storedFields(SYNC_TABLES.causes.local, row);
  const existing = rowMap(table, row.id);
  const stored = existing?.get('parentId');
  const wanted = fields.get('parentId');
  let moved = existing === undefined;
  if (existing !== undefined && !sameJson(stored, wanted)) {
    const shown = shownTree().parent.get(row.id);
    // The app shows the repaired parent; writing it back would turn a repair into a move.
    if (shown !== undefined && sameJson(shown, wanted)) fields.set('parentId', (stored ?? null) as JsonValue);
    else moved = true;
  }
  if (ctx.role === 'reviewer') {
    // Setting a review state stamps the row's `updatedAt` in the app; that stamp is not shared.
    if (existing !== undefined) fields.set('updatedAt', existing.get('updatedAt') as JsonValue);
    const dry = existing === undefined ? fields.size : putFields(existing, fields, KEPT_META, true);
    if (dry > 0 || existing?.get(CAUSE_DELETED) === true)
      refuse(change, 'reviewers can only set review states of causes');
    return;
  }
  const target = existing ?? rowFor(docs, 'causes', row.id);
  if (moved) {
    const stamp: MovedAt = [ctx.now, docs.model.clientID];
    fields.set(CAUSE_MOVED_AT, stamp);
  }
  if (putFields(target, fields, KEPT_META) > 0) result.written++;
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
  if (spec.home === 'model' && ctx.role === 'reviewer') {
    const fields = change.type === 'put' ? storedFields(spec.local, change.row) : undefined;
    const differs =
      fields === undefined
        ? existing !== undefined
        : existing === undefined || putFields(existing, fields, new Set(), true) > 0;
    if (differs) refuse(change, `reviewers cannot change ${table}`);
    return;
  }
  if (spec.home === 'review') {
    const after = change.type === 'put' ? change.row : undefined;
    const verdict = checkRowWrite(table, existing && readFields(existing), after, { ...ctx, id });
    if (!verdict.ok) return refuse(change, verdict.reason);
  }
  if (change.type === 'delete') {
    if (existing === undefined) return;
    map.delete(id);
    result.written++;
    return;
  }
  const fields = storedFields(spec.local, change.row);
  if (putFields(existing ?? rowFor(docs, table, id), fields, new Set()) > 0) result.written++;
}

/** An incident's rows as the app holds them, to seed its documents from. */
export interface SeedRows {
  incident: Readonly<Record<string, unknown>> & { readonly id: string };
  tables: Partial<
    Record<SyncTableName, readonly (Readonly<Record<string, unknown>> & { readonly id: string })[]>
  >;
}

/**
 * Fills empty documents with an incident's rows, in one transaction per document: done once, by
 * the author who shares the incident. Returns false (writing nothing) when the model document
 * already holds an incident — a joiner's or a second seed would overwrite newer shared edits.
 */
export function seedDocs(docs: SharedDocs, rows: SeedRows, ctx: WriteContext): boolean {
  if (hasIncident(docs)) return false;
  const changes: RowChange[] = [{ table: 'incidents', type: 'put', row: rows.incident }];
  for (const [table, list] of Object.entries(rows.tables) as [
    SyncTableName,
    SeedRows['tables'][SyncTableName],
  ][]) {
    for (const row of list ?? []) changes.push({ table, type: 'put', row });
  }
  applyRowChanges(docs, changes, ctx);
  return true;
}
