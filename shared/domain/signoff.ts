import { z } from 'zod';
import { EpochMs, Id, Label } from './common';

/**
 * What a sign-off row records: a reviewer's `approved` or `changes-requested`, or an author's
 * `override` (publishing before every required reviewer approved).
 */
export const SIGNOFF_DECISIONS = ['approved', 'changes-requested', 'override'] as const;
export const SignOffDecision = z.enum(SIGNOFF_DECISIONS);
export type SignOffDecision = z.infer<typeof SignOffDecision>;

/** The decisions a reviewer makes about their own sign-off (`override` is the author's). */
export const REVIEWER_DECISIONS = [
  'approved',
  'changes-requested',
] as const satisfies readonly SignOffDecision[];
export type ReviewerDecision = (typeof REVIEWER_DECISIONS)[number];

/** Longest sign-off comment (a short note, not a document). */
export const MAX_SIGNOFF_COMMENT = 10_000;

/**
 * One recorded sign-off decision. The table is an append-only log: a reviewer changing their
 * mind adds a row, so replicas and review copies merge by id without conflicts, and the history
 * (who, what, when) is kept. A reviewer's current decision is their latest row (`currentDecisions`).
 *
 * The required reviewers are the incident's `reviewers`; names compare trimmed and
 * case-insensitively (`sameName`). Synced as the review document's `signoffs` table (one
 * `Y.Map` per row, `id` and `incidentId` not stored): a reviewer may only add rows with
 * `by` = their token name and a reviewer decision (`reviewerMayAdd`), never change or delete one.
 */
export const SignOff = z.object({
  id: Id,
  incidentId: Id,
  decision: SignOffDecision,
  /** Who decided: the reviewer, or for `override` the author who published. */
  by: z.string().min(1).max(200),
  /** Markdown. Required (non-blank) for `changes-requested` and `override`; optional for `approved`. */
  comment: z.string().max(MAX_SIGNOFF_COMMENT),
  at: EpochMs,
  /** Only on `override`: the required reviewers who had not approved when it was published. */
  pending: z.array(Label).max(200),
});
export type SignOff = z.infer<typeof SignOff>;

/** Canonical form of a person's name for comparison: trimmed, runs of spaces folded, lower case. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** True when two person names are the same person's (see `nameKey`). */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** Whether `decision` needs a non-blank comment (changes requested say what; overrides say why). */
export function commentRequired(decision: SignOffDecision): boolean {
  return decision !== 'approved';
}

/**
 * The review-document permission rule for sign-offs: a reviewer called `name` may add a row
 * that records their own reviewer decision. Changing or deleting an existing row is never
 * allowed to a reviewer (the log is append-only).
 */
export function reviewerMayAdd(row: SignOff, name: string): boolean {
  return (
    sameName(row.by, name) &&
    (REVIEWER_DECISIONS as readonly string[]).includes(row.decision) &&
    row.pending.length === 0
  );
}

/** Later first: by time, then by id (so every replica picks the same row on a tie). */
function isLater(a: SignOff, b: SignOff): boolean {
  return a.at > b.at || (a.at === b.at && a.id > b.id);
}

/** Each person's latest reviewer decision, keyed by `nameKey(by)`. Overrides are not decisions. */
export function currentDecisions(rows: readonly SignOff[]): Map<string, SignOff> {
  const out = new Map<string, SignOff>();
  for (const row of rows) {
    if (row.decision === 'override') continue;
    const key = nameKey(row.by);
    const seen = out.get(key);
    if (seen === undefined || isLater(row, seen)) out.set(key, row);
  }
  return out;
}

/** One required reviewer and where their sign-off stands. */
export interface ReviewerSignOff {
  /** The name as the incident lists it. */
  reviewer: string;
  /** Their latest decision, or null when they have not signed off yet. */
  latest: SignOff | null;
}

/** Where an incident's sign-off stands as a whole. */
export type SignOffState = 'none-required' | 'waiting' | 'changes-requested' | 'approved';

export interface SignOffSummary {
  state: SignOffState;
  /** Every required reviewer in the incident's order (duplicates by name removed). */
  reviewers: ReviewerSignOff[];
  /** Required reviewers whose latest decision is not `approved`. */
  pending: string[];
  /** The author overrides recorded, newest first. */
  overrides: SignOff[];
}

/**
 * Where sign-off stands for an incident requiring `required` reviewers, given its rows: approved
 * when every required reviewer's latest decision is an approval; changes requested when any
 * latest decision asks for changes; otherwise waiting. Decisions of people not required are
 * kept in the log but do not count.
 */
export function summarizeSignOffs(required: readonly string[], rows: readonly SignOff[]): SignOffSummary {
  const latest = currentDecisions(rows);
  const seen = new Set<string>();
  const reviewers: ReviewerSignOff[] = [];
  for (const name of required) {
    const key = nameKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    reviewers.push({ reviewer: name.trim(), latest: latest.get(key) ?? null });
  }
  const pending = reviewers.filter((r) => r.latest?.decision !== 'approved').map((r) => r.reviewer);
  const overrides = rows
    .filter((r) => r.decision === 'override')
    .sort((a, b) => (isLater(a, b) ? -1 : isLater(b, a) ? 1 : 0));
  const state: SignOffState =
    reviewers.length === 0
      ? 'none-required'
      : reviewers.some((r) => r.latest?.decision === 'changes-requested')
        ? 'changes-requested'
        : pending.length === 0
          ? 'approved'
          : 'waiting';
  return { state, reviewers, pending, overrides };
}
