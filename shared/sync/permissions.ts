/**
 * What a person may change in an incident's review document (docs/sync-design.md, "Access").
 * The server applies each reviewer update to a copy and calls `checkReviewChange(before, after,
 * name)`; the app runs the same row checks before it writes, so a reviewer's copy never holds a
 * change the server will refuse. Pure: no DOM, no Node.
 */
import * as Y from 'yjs';
import { formatIssues } from '../bundle/issues';
import { REVIEWER_DECISIONS, reviewerMayAdd, sameName, type Comment, type SignOff } from '../domain';
import {
  readFields,
  REVIEW_DOC_KEYS,
  REVIEW_STATES_KEY,
  ReviewStateEntry,
  sameJson,
  SYNC_TABLE_NAMES,
  SYNC_TABLES,
  type SyncTableName,
} from './model';
import type { SyncRole } from './tokens';

/** A check's outcome: allowed, or refused with a reason fit to show the person. */
export type Verdict = { ok: true } | { ok: false; reason: string };

const OK: Verdict = { ok: true };
const refuse = (reason: string): Verdict => ({ ok: false, reason });

/** Comment fields a reviewer may change on their own comment. */
const OWN_COMMENT_FIELDS = new Set(['body', 'editedAt', 'resolved', 'resolvedAt', 'resolvedBy']);
const RESOLVE_FIELDS = ['resolved', 'resolvedAt', 'resolvedBy'] as const;

/**
 * One comment's change (undefined = absent before / after). A reviewer's new comments carry
 * their own name; they may also edit their own comments and resolve or reopen threads they
 * started — nothing else (no deleting, no editing someone else's words). Authors may do anything.
 */
export function checkCommentChange(
  before: Comment | undefined,
  after: Comment | undefined,
  name: string,
  role: SyncRole,
): Verdict {
  // Authors are trusted with every row: seeding and a merged review copy carry others' comments.
  if (role === 'author') return OK;
  if (before === undefined && after !== undefined && after.author !== name) {
    return refuse(`a new comment must carry its writer's name "${name}", not "${after.author}"`);
  }
  if (after === undefined) return before === undefined ? OK : refuse('reviewers cannot delete comments');
  if (before === undefined) {
    if (after.resolved && (after.parentId !== null || after.resolvedBy !== name)) {
      return refuse('a new comment can only be resolved by its writer, on a thread of their own');
    }
    return OK;
  }
  const changed = (Object.keys({ ...before, ...after }) as (keyof Comment)[]).filter(
    (k) => !sameJson(before[k], after[k]),
  );
  if (changed.length === 0) return OK;
  if (before.author !== name) {
    return refuse(`reviewers may change only their own comments (this one is by "${before.author}")`);
  }
  const notOwn = changed.filter((k) => !OWN_COMMENT_FIELDS.has(k));
  if (notOwn.length > 0) return refuse(`reviewers cannot change a comment's ${notOwn.join(', ')}`);
  if (RESOLVE_FIELDS.some((k) => changed.includes(k))) {
    if (after.parentId !== null)
      return refuse('only a thread (its first comment) can be resolved or reopened');
    if (after.resolvedBy !== null && after.resolvedBy !== name) {
      return refuse(`a thread resolved by "${name}" must record "${name}" as who resolved it`);
    }
  }
  return OK;
}

/** One cause's review state change: any cause, set (never removed), recorded as by the writer. */
export function checkReviewStateChange(
  before: unknown,
  after: unknown,
  name: string,
  role: SyncRole,
): Verdict {
  if (role === 'author') return OK;
  if (after === undefined)
    return before === undefined ? OK : refuse('reviewers cannot remove a review state');
  const entry = ReviewStateEntry.safeParse(after);
  if (!entry.success) return refuse(`a review state is malformed: ${formatIssues(entry.error.issues)}`);
  if (entry.data.by !== name)
    return refuse(`a review state set by "${name}" must record "${name}" as its setter`);
  return OK;
}

/**
 * One sign-off row's change. Sign-offs are an append-only log (shared/domain/signoff.ts): a
 * reviewer adds rows recording their own reviewer decision (`reviewerMayAdd`) and never changes
 * or deletes one; authors (who record overrides) may do anything.
 */
export function checkSignOffChange(
  before: SignOff | undefined,
  after: SignOff | undefined,
  name: string,
  role: SyncRole,
): Verdict {
  if (role === 'author') return OK;
  if (before !== undefined) {
    if (after === undefined) return refuse('reviewers cannot delete a sign-off');
    return sameJson(before, after)
      ? OK
      : refuse('a sign-off is never changed: a new decision is a new sign-off');
  }
  if (after === undefined || reviewerMayAdd(after, name)) return OK;
  if (!sameName(after.by, name))
    return refuse(`a sign-off added by "${name}" must record "${name}", not "${after.by}"`);
  if (!(REVIEWER_DECISIONS as readonly string[]).includes(after.decision)) {
    return refuse(`reviewers record ${REVIEWER_DECISIONS.join(' or ')}, not "${after.decision}"`);
  }
  return refuse("a reviewer's sign-off lists no pending reviewers");
}

/** Row checks of the review document's tables; a table without one is closed to reviewers. */
const ROW_CHECKS: Partial<
  Record<SyncTableName, (before: never, after: never, name: string, role: SyncRole) => Verdict>
> = {
  comments: checkCommentChange,
  signoffs: checkSignOffChange,
};

/** Row check of a review table, for the app's own writes (undefined: reviewers may not write it). */
export function rowCheckOf(
  table: SyncTableName,
): ((before: unknown, after: unknown, name: string, role: SyncRole) => Verdict) | undefined {
  return ROW_CHECKS[table] as
    ((before: unknown, after: unknown, n: string, r: SyncRole) => Verdict) | undefined;
}

/**
 * The app's own write of one review-document row (fields as stored before, the row put, or
 * undefined for absent / deleted), checked with the server's rules before it is written.
 */
export function checkRowWrite(
  table: SyncTableName,
  before: Readonly<Record<string, unknown>> | undefined,
  after: Readonly<Record<string, unknown>> | undefined,
  who: { id: string; incidentId: string; name: string; role: SyncRole },
): Verdict {
  const check = rowCheckOf(table);
  if (check === undefined) return who.role === 'reviewer' ? refuse(`reviewers cannot change ${table}`) : OK;
  const schema = SYNC_TABLES[table].schema;
  const keys = { id: who.id, incidentId: who.incidentId };
  const old = before === undefined ? undefined : schema.safeParse({ ...before, ...keys }).data;
  const next = after === undefined ? undefined : schema.safeParse({ ...after, ...keys });
  if (next !== undefined && !next.success) {
    return refuse(`${table} row ${who.id} is not valid: ${formatIssues(next.error.issues)}`);
  }
  return check(old, next?.data, who.name, who.role);
}

/** Stands for a table entry that is not a row map (only a forged update makes one). */
const NOT_A_ROW = 'not a row';
/** Stands for a row with a field that is a shared type rather than a plain value. */
const NOT_PLAIN = 'a field holds a shared type, not a plain value';

/** Review states as plain JSON by cause id. */
function rawEntries(doc: Y.Doc, key: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  doc.getMap<unknown>(key).forEach((value, id) => out.set(id, value));
  return out;
}

/** A table's row as the check reads it: a signature of its items, and its fields on demand. */
interface RawRow {
  /**
   * The ids of the row's items (row map and live fields): Yjs items never change, so rows with
   * equal signatures in two documents hold equal fields, and the check skips them unread.
   */
  sig: string;
  read: () => unknown;
}

function tableRows(doc: Y.Doc, key: string): Map<string, RawRow> {
  const out = new Map<string, RawRow>();
  const table = doc.getMap<unknown>(key);
  table.forEach((value, id) => {
    const item = table._map.get(id)!;
    const base = `${item.id.client}.${item.id.clock}`;
    if (!(value instanceof Y.Map)) {
      out.set(id, { sig: `!${base}`, read: () => NOT_A_ROW });
      return;
    }
    const row = value as Y.Map<unknown>;
    const parts = [base];
    let plain = true;
    row._map.forEach((item, field) => {
      if (item.deleted) return;
      parts.push(`${field}@${item.id.client}.${item.id.clock}`);
      if (row.get(field) instanceof Y.AbstractType) plain = false;
    });
    out.set(id, { sig: parts.sort().join(' '), read: () => (plain ? readFields(row) : NOT_PLAIN) });
  });
  return out;
}

function hasContent(type: { _start: unknown; _map: ReadonlyMap<string, unknown> }): boolean {
  return type._start !== null || type._map.size > 0;
}

/**
 * Decides whether the change from `before` to `after` (the review document before and after one
 * update) is allowed for `name` in `role` (docs/sync-design.md, "Access"): reviewers add and
 * reply (as themselves), edit their own comments, resolve or reopen their own threads, set any
 * cause's review state as themselves. Anything else — other top-level data, malformed rows,
 * other people's rows — is refused with the first reason found. For authors only malformed rows
 * and foreign top-level data are refused.
 */
export function checkReviewChange(
  before: Y.Doc,
  after: Y.Doc,
  name: string,
  role: SyncRole = 'reviewer',
): Verdict {
  try {
    return checkDocs(before, after, name, role);
  } catch (e) {
    // A forged update can make a name hold another kind of data; whatever throws is refused.
    return refuse(`the review document cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

function checkDocs(before: Y.Doc, after: Y.Doc, name: string, role: SyncRole): Verdict {
  for (const [key, type] of after.share) {
    if (!REVIEW_DOC_KEYS.includes(key)) {
      if (hasContent(type)) return refuse(`the review document has no "${key}"`);
    } else if (type._start !== null) {
      return refuse(`"${key}" of the review document holds a list, not rows`);
    }
  }
  for (const table of SYNC_TABLE_NAMES) {
    if (SYNC_TABLES[table].home !== 'review') continue;
    const verdict = checkTable(before, after, table, name, role);
    if (!verdict.ok) return verdict;
  }
  const was = rawEntries(before, REVIEW_STATES_KEY);
  const now = rawEntries(after, REVIEW_STATES_KEY);
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    if (sameJson(was.get(id), now.get(id))) continue;
    const verdict = checkReviewStateChange(was.get(id), now.get(id), name, role);
    if (!verdict.ok) return refuse(`cause ${id}: ${verdict.reason}`);
  }
  return OK;
}

function checkTable(
  before: Y.Doc,
  after: Y.Doc,
  table: SyncTableName,
  name: string,
  role: SyncRole,
): Verdict {
  const was = tableRows(before, table);
  const now = tableRows(after, table);
  const check = rowCheckOf(table);
  const schema = SYNC_TABLES[table].schema;
  const read = (fields: unknown, id: string): { row?: unknown; problem?: string } => {
    if (fields === undefined) return {};
    if (typeof fields === 'string') return { problem: fields };
    const parsed = schema.safeParse({ ...(fields as object), id, incidentId: '-' });
    return parsed.success ? { row: parsed.data } : { problem: formatIssues(parsed.error.issues) };
  };
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    if (was.get(id)?.sig === now.get(id)?.sig) continue;
    const oldFields = was.get(id)?.read();
    const newFields = now.get(id)?.read();
    if (typeof newFields === 'string') return refuse(`${table} row ${id} is malformed: ${newFields}`);
    if (sameJson(oldFields, newFields)) continue;
    if (check === undefined && role === 'reviewer') return refuse(`reviewers cannot change ${table}`);
    const old = read(oldFields, id);
    const next = read(newFields, id);
    if (next.problem !== undefined) return refuse(`${table} row ${id} is malformed: ${next.problem}`);
    if (check === undefined) continue;
    // A row that was already broken may only be left alone or replaced by the author's side.
    if (old.problem !== undefined && role === 'reviewer')
      return refuse(`${table} row ${id} cannot be changed`);
    const verdict = check(old.row, next.row, name, role);
    if (!verdict.ok) return refuse(`${table} row ${id}: ${verdict.reason}`);
  }
  return OK;
}
