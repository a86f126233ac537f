import { isDateMs, KEY_TIME_FIELDS } from '../../../shared/domain';
import type { LibraryIncident } from '../../../shared/library';
import { getDb } from '../db';

/** The derived table of incident library summaries (schema v9). */
export const LIBRARY_SUMMARIES = 'librarySummaries';

/** Bumped when `LibraryIncident` changes shape: rows of another version are read again. */
export const LIBRARY_SUMMARY_VERSION = 1;

/** One incident's stored summary and when it was read (epoch ms, before the read began). */
export interface LibrarySummaryRow {
  id: string;
  version: number;
  at: number;
  summary: LibraryIncident;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown) => v === null || isStr(v);
const every = (v: unknown, test: (x: unknown) => boolean) => Array.isArray(v) && v.every(test);

const isAction = (a: unknown) =>
  isRec(a) &&
  isStr(a.id) &&
  isStr(a.title) &&
  isStr(a.owner) &&
  isStr(a.priority) &&
  isStr(a.status) &&
  strOrNull(a.dueDate) &&
  (a.completedAt === null || isDateMs(a.completedAt));

/**
 * True when a stored row is a summary of this version the views can draw. Rows are derived and
 * rewritten by this build, but a row changed by another tool must cost a re-read, never the view.
 */
export function isLibrarySummaryRow(row: unknown): row is LibrarySummaryRow {
  if (!isRec(row) || row.version !== LIBRARY_SUMMARY_VERSION || !isStr(row.id) || !isDateMs(row.at))
    return false;
  const s = row.summary;
  if (!isRec(s) || s.id !== row.id || !isStr(s.title) || !isStr(s.severity) || !isStr(s.status)) return false;
  if (!isDateMs(s.createdAt) || !every(s.services, isStr) || !every(s.causeCategories, isStr)) return false;
  const times = s.keyTimes;
  if (!isRec(times) || !KEY_TIME_FIELDS.every((f) => times[f] === null || isDateMs(times[f]))) return false;
  return (
    every(s.patterns, (p) => isRec(p) && isStr(p.key) && isStr(p.template) && strOrNull(p.level)) &&
    every(s.findings, (f) => isRec(f) && isStr(f.code) && isStr(f.component)) &&
    every(s.actions, isAction)
  );
}

/** Every incident's id with its stored summary row, when it has a usable one. */
export async function readStoredSummaries(): Promise<{
  ids: string[];
  rows: Map<string, LibrarySummaryRow>;
}> {
  const db = getDb();
  return db.transaction('r', [db.incidents, db.librarySummaries], async () => {
    const [keys, stored] = await Promise.all([
      db.incidents.toCollection().primaryKeys(),
      db.librarySummaries.toArray() as Promise<unknown[]>,
    ]);
    const rows = new Map<string, LibrarySummaryRow>();
    for (const row of stored) if (isLibrarySummaryRow(row)) rows.set(row.id, row);
    return { ids: keys.filter(isStr), rows };
  });
}

/** Stores fresh summaries and drops those of incidents that are gone. */
export async function storeSummaries(
  put: readonly LibrarySummaryRow[],
  drop: readonly string[],
): Promise<void> {
  if (put.length === 0 && drop.length === 0) return;
  const db = getDb();
  await db.transaction('rw', db.librarySummaries, async () => {
    if (drop.length > 0) await db.librarySummaries.bulkDelete([...drop]);
    if (put.length > 0) await db.librarySummaries.bulkPut([...put]);
  });
}
