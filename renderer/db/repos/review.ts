import { z } from 'zod';
import { INCIDENT_COLLECTIONS, newId } from '../../../shared/domain';
import type { IncidentSnapshot, IncidentStatus } from '../../../shared/domain';
import {
  chooseMergeBase,
  createReviewBase,
  mergeSnapshots,
  openConflicts,
  parseReviewCopy,
  resolveConflict,
  ReviewBase,
  serializeReviewCopy,
  settledKey,
} from '../../../shared/review';
import type { ConflictChoice, MergeConflict, MergeSummary } from '../../../shared/review';
import { getDb } from '../db';
import { incidentTablesOf } from '../schema';
import { loadIncidentSnapshot } from './snapshot';

/** How many sent copies are remembered per incident (each is a possible merge base). */
const KEPT_BASES = 5;

const Conflict = z.object({
  key: z.string(),
  collection: z.enum(['incident', 'causes', 'comments', 'actions', 'sections', 'events']),
  id: z.string(),
  group: z.string(),
  label: z.string(),
  kind: z.enum(['both-changed', 'deleted-here']),
  ours: z.record(z.string(), z.unknown()).nullable(),
  theirs: z.record(z.string(), z.unknown()),
  theirsRow: z.record(z.string(), z.unknown()),
  theirsHash: z.string(),
});

const Ledger = z.object({
  created: z.array(ReviewBase),
  received: ReviewBase.nullable(),
  settled: z.array(z.string()),
  conflicts: z.array(Conflict),
});
export type ReviewLedgerRow = z.infer<typeof Ledger>;

const EMPTY: ReviewLedgerRow = { created: [], received: null, settled: [], conflicts: [] };
const ledgerKey = (incidentId: string): string => `review.ledger.${incidentId}`;

/** This profile's review bookkeeping for an incident (copies sent, last received, open conflicts). */
export async function getReviewLedger(incidentId: string): Promise<ReviewLedgerRow> {
  const row = await getDb().prefs.get(ledgerKey(incidentId));
  const parsed = Ledger.safeParse(row?.value);
  // A damaged ledger only costs merge precision (two-way merge), never data; start afresh.
  return parsed.success ? parsed.data : EMPTY;
}

async function putLedger(incidentId: string, ledger: ReviewLedgerRow): Promise<void> {
  await getDb().prefs.put({ key: ledgerKey(incidentId), value: ledger });
}

/**
 * Writes a review copy: moves a draft to "in review", records what was sent (the merge base)
 * and returns the file text. Rejects when the incident is gone or its data cannot be exported.
 */
export async function exportReviewCopyText(
  incidentId: string,
  options: { by: string; appVersion: string; now?: number },
): Promise<string> {
  const now = options.now ?? Date.now();
  const db = getDb();
  return db.transaction('rw', [...incidentTablesOf(db), db.prefs], async () => {
    const snapshot = await loadIncidentSnapshot(incidentId);
    if (!snapshot) throw new Error('This incident no longer exists, so it cannot be sent for review.');
    if (snapshot.incident.status === 'draft') {
      snapshot.incident = { ...snapshot.incident, status: 'in-review', updatedAt: now };
      await db.incidents.put(snapshot.incident);
    }
    const base = createReviewBase(snapshot, { id: newId(now), now, by: options.by });
    const text = serializeReviewCopy(snapshot, base, { exportedAt: now, appVersion: options.appVersion });
    const ledger = await getReviewLedger(incidentId);
    await putLedger(incidentId, { ...ledger, created: [...ledger.created, base].slice(-KEPT_BASES) });
    return text;
  });
}

export type ImportReviewResult =
  | { ok: true; summary: MergeSummary; conflicts: number; mergedWithBase: boolean }
  | { ok: false; error: string };

async function writeChanges(changes: ReturnType<typeof mergeSnapshots>['changes']): Promise<void> {
  const db = getDb();
  if (changes.incident !== null) await db.incidents.put(changes.incident);
  for (const c of INCIDENT_COLLECTIONS) await db.table(c).bulkPut(changes[c]);
}

/**
 * Merges a review copy (from a reviewer, or a newer copy from the author) into the incident:
 * comments, replies, resolutions, review states and edits come in by id; concurrent edits to
 * the same text are kept as conflicts to resolve. One transaction; never rejects.
 */
export async function importReviewCopy(
  incidentId: string,
  text: string,
  fileName: string,
): Promise<ImportReviewResult> {
  const parsed = parseReviewCopy(text, fileName);
  if (!parsed.ok) return parsed;
  if (parsed.snapshot.incident.id !== incidentId) {
    return {
      ok: false,
      error: `${fileName} is a copy of another incident ("${parsed.snapshot.incident.title}"). Open it from the incident list instead.`,
    };
  }
  try {
    const db = getDb();
    return await db.transaction('rw', [...incidentTablesOf(db), db.prefs], async () => {
      const ours = await loadIncidentSnapshot(incidentId);
      if (!ours) return { ok: false as const, error: 'This incident no longer exists.' };
      const ledger = await getReviewLedger(incidentId);
      const base = chooseMergeBase(parsed.base, ledger, parsed.exportedAt);
      const result = mergeSnapshots({
        base,
        ours,
        theirs: parsed.snapshot,
        settled: new Set(ledger.settled),
      });
      await writeChanges(result.changes);
      const byKey = new Map<string, MergeConflict>();
      for (const c of [...(ledger.conflicts as MergeConflict[]), ...result.conflicts]) byKey.set(c.key, c);
      const conflicts = openConflicts(result.snapshot, [...byKey.values()]);
      const own = parsed.base !== null && ledger.created.some((b) => b.id === parsed.base!.id);
      await putLedger(incidentId, {
        ...ledger,
        received: own || parsed.base === null ? ledger.received : parsed.base,
        conflicts,
      });
      return {
        ok: true as const,
        summary: result.summary,
        conflicts: conflicts.length,
        mergedWithBase: base !== null,
      };
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `${fileName} could not be merged; nothing was changed. ${message}` };
  }
}

/** Resolves one open conflict (keep ours, or take the reviewer's version) and forgets it. */
export async function resolveReviewConflict(
  incidentId: string,
  key: string,
  choice: ConflictChoice,
): Promise<void> {
  const db = getDb();
  const now = Date.now();
  await db.transaction('rw', [...incidentTablesOf(db), db.prefs], async () => {
    const ledger = await getReviewLedger(incidentId);
    const conflict = (ledger.conflicts as MergeConflict[]).find((c) => c.key === key);
    if (conflict === undefined) return;
    const snapshot: IncidentSnapshot | null = await loadIncidentSnapshot(incidentId);
    if (snapshot !== null) {
      const fix = resolveConflict(snapshot, conflict, choice, now);
      if (fix !== null)
        await db.table(fix.collection === 'incident' ? 'incidents' : fix.collection).put(fix.row);
    }
    await putLedger(incidentId, {
      ...ledger,
      settled: [...ledger.settled, settledKey(conflict)].slice(-500),
      conflicts: ledger.conflicts.filter((c) => c.key !== key),
    });
  });
}

/** Moves the incident along draft → in review → approved (or back). */
export async function setIncidentStatus(
  incidentId: string,
  status: IncidentStatus,
  now = Date.now(),
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.incidents, async () => {
    const row = await db.incidents.get(incidentId);
    if (row) await db.incidents.put({ ...row, status, updatedAt: now });
  });
}
