import { newId, SignOff, summarizeSignOffs } from '../../../shared/domain';
import type { ReviewerDecision } from '../../../shared/domain';
import { publishBlockReason, signOffInputProblem } from '../../../shared/review';
import { getDb } from '../db';
import { checkRows } from './damaged';

const byTime = (a: SignOff, b: SignOff) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every valid sign-off row of an incident, oldest first. */
export async function listSignOffs(incidentId: string): Promise<SignOff[]> {
  const rows: unknown[] = await getDb().signoffs.where('incidentId').equals(incidentId).toArray();
  return checkRows(rows, SignOff).good.sort(byTime);
}

/** Every valid sign-off row, grouped by incident (for the incident list; the table is small). */
export async function listSignOffsByIncident(): Promise<Map<string, SignOff[]>> {
  const rows: unknown[] = await getDb().signoffs.toArray();
  const out = new Map<string, SignOff[]>();
  for (const row of checkRows(rows, SignOff).good) {
    const list = out.get(row.incidentId);
    if (list) list.push(row);
    else out.set(row.incidentId, [row]);
  }
  return out;
}

export type RecordResult = { ok: true; row: SignOff } | { ok: false; error: string };

/**
 * Records a reviewer's decision (a new row; earlier ones stay as history). Refuses, with the
 * reason, a blank name, a request for changes without a comment, or an incident that is gone.
 */
export async function recordSignOff(
  incidentId: string,
  input: { decision: ReviewerDecision; by: string; comment: string },
  now = Date.now(),
): Promise<RecordResult> {
  const problem = signOffInputProblem(input);
  if (problem !== null) return { ok: false, error: problem };
  const db = getDb();
  return failSafe('record the sign-off', () =>
    db.transaction('rw', [db.incidents, db.signoffs], async () => {
      if (!(await db.incidents.get(incidentId))) {
        return { ok: false as const, error: 'This incident no longer exists.' };
      }
      const row: SignOff = {
        id: newId(now),
        incidentId,
        decision: input.decision,
        by: input.by.trim(),
        comment: input.comment.trim(),
        at: now,
        pending: [],
      };
      await db.signoffs.add(row);
      return { ok: true as const, row };
    }),
  );
}

export type PublishResult =
  { ok: true; override: SignOff | null } | { ok: false; error: string; blocked: boolean };

/**
 * Publishes an incident (status `published`). Blocked until every required reviewer's latest
 * decision is an approval, unless an author gives `override` (a reason): then the override is
 * recorded (who, when, why, who had not approved) in the same transaction as the status.
 */
export async function publishIncident(
  incidentId: string,
  input: { by: string; override: string | null },
  now = Date.now(),
): Promise<PublishResult> {
  const db = getDb();
  return failSafe('publish', () =>
    db.transaction('rw', [db.incidents, db.signoffs], async () => {
      const incident = await db.incidents.get(incidentId);
      if (!incident) return { ok: false as const, error: 'This incident no longer exists.', blocked: false };
      const summary = summarizeSignOffs(incident.reviewers, await listSignOffs(incidentId));
      const reason = publishBlockReason(summary);
      let override: SignOff | null = null;
      if (reason !== null) {
        if (input.override === null) return { ok: false as const, error: reason, blocked: true };
        const problem = signOffInputProblem({ decision: 'override', by: input.by, comment: input.override });
        if (problem !== null) return { ok: false as const, error: problem, blocked: true };
        override = {
          id: newId(now),
          incidentId,
          decision: 'override',
          by: input.by.trim(),
          comment: input.override.trim(),
          at: now,
          pending: summary.pending,
        };
        await db.signoffs.add(override);
      }
      await db.incidents.put({ ...incident, status: 'published', updatedAt: now });
      return { ok: true as const, override };
    }),
  );
}

/**
 * Runs a write and turns a failure of the store (quota, a closed database, a write a shared
 * incident refuses) into a result naming it: these functions never reject, nothing is half-written.
 */
async function failSafe<T extends { ok: boolean }>(
  what: string,
  write: () => Promise<T>,
): Promise<T | { ok: false; error: string; blocked: false }> {
  try {
    return await write();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `Could not ${what}; nothing was changed. ${message}`, blocked: false };
  }
}
