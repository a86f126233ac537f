/**
 * The projection of an incident's model and review documents into rows (docs/sync-design.md):
 * a pure function of the two documents, so every replica computes the same rows, and nothing
 * is written back. Rows that fail their schema are left out and named in `problems` (a peer's
 * bad row must not break a view); a left-out cause keeps its children, which the tree repair
 * places like the children of a deleted cause.
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import { formatIssues } from '../bundle/issues';
import { Incident, type CauseNode, type ReviewState } from '../domain';
import {
  CAUSE_DELETED,
  CAUSE_MOVED_AT,
  incidentMap,
  readFields,
  readMovedAt,
  ReviewStateEntry,
  reviewStatesMap,
  SYNC_TABLE_NAMES,
  SYNC_TABLES,
  tableMap,
  type SharedDocs,
  type SyncRowOf,
  type SyncTableName,
} from './model';
import { repairTree, type RepairedTree, type TreeNodeInput } from './tree';

/** Rows of every synced table. */
export type SyncRows = { [T in SyncTableName]: SyncRowOf<T>[] };

/** What the documents say: the incident row, every table's rows, and the rows left out. */
export interface Projection {
  /** Null until the incident's fields have arrived (or when they fail the schema). */
  incident: Incident | null;
  rows: SyncRows;
  /** One line per row left out: table, id and what is wrong. */
  problems: string[];
  /**
   * Ids of rows left out because they fail their schema, per table: the documents still hold
   * them, so the app keeps its own copy of such a row rather than deleting it.
   */
  kept: Partial<Record<SyncTableName, string[]>>;
}

/** Where a projection notes the rows it leaves out. */
export interface ProjectionReport {
  problems: string[];
  kept: Partial<Record<SyncTableName, string[]>>;
}

/** An empty report. */
export function newReport(): ProjectionReport {
  return { problems: [], kept: {} };
}

function leftOut(report: ProjectionReport, table: SyncTableName, id: string, why: string): void {
  report.problems.push(`${table} row ${id}: ${why}`);
  (report.kept[table] ??= []).push(id);
}

/** A row's last parse, kept while its items are the same (Yjs items never change). */
interface Parsed {
  sig: string | null;
  result: { ok: true; row: unknown } | { ok: false; why: string };
}
const parsedRows = new WeakMap<Y.Map<unknown>, Parsed>();

/**
 * The ids of a row map's live items, plus what else the parse depended on; null when a field
 * holds a shared type (its content can change under the same item, so it is never cached).
 */
function rowSignature(row: Y.Map<unknown>, extra: string): string | null {
  let sig: string | null = extra;
  row._map.forEach((item, key) => {
    if (item.deleted || sig === null) return;
    sig = item.content instanceof Y.ContentType ? null : `${sig}|${key}@${item.id.client}.${item.id.clock}`;
  });
  return sig;
}

/**
 * A row map checked by `schema`, reusing the last parse of the same unchanged row: a full
 * projection re-reads every row, but between two remote edits nearly all rows are unchanged.
 * Returns a fresh shallow copy, so callers may change what they get.
 */
function parseRow(
  schema: z.ZodType,
  row: Y.Map<unknown>,
  keys: Readonly<Record<string, unknown>>,
): Parsed['result'] {
  const sig = rowSignature(row, JSON.stringify(keys));
  let parsed = sig === null ? undefined : parsedRows.get(row);
  if (parsed === undefined || parsed.sig !== sig) {
    const out = schema.safeParse({ ...readFields(row), ...keys });
    parsed = {
      sig,
      result: out.success ? { ok: true, row: out.data } : { ok: false, why: formatIssues(out.error.issues) },
    };
    if (sig !== null) parsedRows.set(row, parsed);
  }
  const { result } = parsed;
  return result.ok ? { ok: true, row: { ...(result.row as object) } } : result;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The incident row, or null (with the reason) when the document has none or a broken one. */
export function projectIncident(
  docs: Pick<SharedDocs, 'model'>,
  incidentId: string,
): { incident: Incident | null; problem: string | null } {
  const map = incidentMap(docs);
  if (map.size === 0) return { incident: null, problem: null };
  const parsed = Incident.safeParse({ ...readFields(map), id: incidentId });
  if (parsed.success) return { incident: parsed.data, problem: null };
  return { incident: null, problem: `incident ${incidentId}: ${formatIssues(parsed.error.issues)}` };
}

/** The review state each cause shows: the review document's entry, or `open` without one. */
export function reviewStateOf(docs: Pick<SharedDocs, 'review'>, causeId: string): ReviewState {
  const entry = ReviewStateEntry.safeParse(reviewStatesMap(docs).get(causeId));
  return entry.success ? entry.data.state : 'open';
}

/** The rows of a table other than causes, checked and sorted by id. */
export function projectTable<T extends Exclude<SyncTableName, 'causes'>>(
  docs: SharedDocs,
  table: T,
  incidentId: string,
  report: ProjectionReport = newReport(),
): SyncRowOf<T>[] {
  const schema = SYNC_TABLES[table].schema;
  const rows: SyncRowOf<T>[] = [];
  tableMap(docs, table).forEach((row, id) => {
    if (!(row instanceof Y.Map)) return leftOut(report, table, id, 'not a row');
    const parsed = parseRow(schema, row as Y.Map<unknown>, { id, incidentId });
    if (parsed.ok) rows.push(parsed.row as SyncRowOf<T>);
    else leftOut(report, table, id, parsed.why);
  });
  return rows.sort(byId);
}

/** Causes as read from the document: checked rows (live or not) plus what the repair needs. */
interface CauseRead {
  input: TreeNodeInput[];
  valid: Map<string, CauseNode>;
}

function readCauses(docs: SharedDocs, incidentId: string, report: ProjectionReport): CauseRead {
  const input: TreeNodeInput[] = [];
  const valid = new Map<string, CauseNode>();
  tableMap(docs, 'causes').forEach((row, id) => {
    if (!(row instanceof Y.Map)) return leftOut(report, 'causes', id, 'not a row');
    const fields = readFields(row as Y.Map<unknown>);
    const deleted = fields[CAUSE_DELETED] === true;
    const parentId = typeof fields.parentId === 'string' ? fields.parentId : null;
    const createdAt = typeof fields.createdAt === 'number' ? fields.createdAt : 0;
    const movedAt = readMovedAt(fields[CAUSE_MOVED_AT]);
    let live = !deleted;
    if (live) {
      const keys = { id, incidentId, reviewState: reviewStateOf(docs, id) };
      const parsed = parseRow(SYNC_TABLES.causes.schema, row as Y.Map<unknown>, keys);
      if (parsed.ok) valid.set(id, parsed.row as CauseNode);
      else {
        live = false;
        leftOut(report, 'causes', id, parsed.why);
      }
    }
    input.push({ id, parentId, createdAt, movedAt, live });
  });
  return { input, valid };
}

/** The repaired cause tree of the model document (who is shown under whom). */
export function projectTree(docs: SharedDocs, incidentId: string): RepairedTree {
  return repairTree(readCauses(docs, incidentId, newReport()).input);
}

/**
 * The live causes with the parent the repaired tree shows them under and the review state of
 * the review document, sorted by id. Tombstones are left out.
 */
export function projectCauses(
  docs: SharedDocs,
  incidentId: string,
  report: ProjectionReport = newReport(),
): CauseNode[] {
  const { input, valid } = readCauses(docs, incidentId, report);
  const tree = repairTree(input);
  const out: CauseNode[] = [];
  for (const [id, node] of valid) out.push({ ...node, parentId: tree.parent.get(id) ?? null });
  return out.sort(byId);
}

/** Projects both documents into the incident's rows (module comment). */
export function projectDocs(docs: SharedDocs, incidentId: string): Projection {
  const report = newReport();
  const { incident, problem } = projectIncident(docs, incidentId);
  if (problem !== null) report.problems.push(problem);
  const rows = {} as Record<SyncTableName, unknown[]>;
  for (const table of SYNC_TABLE_NAMES) {
    rows[table] =
      table === 'causes'
        ? projectCauses(docs, incidentId, report)
        : projectTable(docs, table, incidentId, report);
  }
  return { incident, rows: rows as SyncRows, ...report };
}
