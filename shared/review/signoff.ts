import type { SignOff, SignOffDecision, SignOffSummary } from '../domain';
import { commentRequired, MAX_SIGNOFF_COMMENT } from '../domain';
import { formatZonedFull } from '../format';

/** Names as a sentence fragment: `A`, `A and B`, `A, B and C`. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

/** How each decision reads before "by <name>". */
export const SIGNOFF_DECISION_LABELS: Record<SignOffDecision, string> = {
  approved: 'Approved',
  'changes-requested': 'Changes requested',
  override: 'Published without full sign-off',
};

/**
 * One sign-off as a line of a document or the app: `Approved by Grace Hopper on
 * 2026-12-03 07:12:00 UTC`, the time in `zone` with its label.
 */
export function signOffLine(row: SignOff, zone: string): string {
  return `${SIGNOFF_DECISION_LABELS[row.decision]} by ${row.by} on ${formatZonedFull(row.at, zone)}`;
}

/**
 * Why the incident may not be published yet, as one sentence, or null when it may: every
 * required reviewer's latest decision is an approval (or none is required).
 */
export function publishBlockReason(summary: SignOffSummary): string | null {
  if (summary.pending.length === 0) return null;
  const asked = summary.reviewers
    .filter((r) => r.latest?.decision === 'changes-requested')
    .map((r) => r.reviewer);
  const waiting = summary.reviewers.filter((r) => r.latest === null).map((r) => r.reviewer);
  const parts: string[] = [];
  if (asked.length > 0) parts.push(`${listNames(asked)} requested changes`);
  if (waiting.length > 0) parts.push(`waiting for ${listNames(waiting)} to sign off`);
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** What someone is about to record: a decision, who makes it, and the comment. */
export interface SignOffInput {
  decision: SignOffDecision;
  by: string;
  comment: string;
}

/**
 * Why a sign-off (or override) cannot be recorded as given, naming the field and the reason,
 * or null when it can: a name is needed, changes and overrides need a comment, comments have
 * a length limit.
 */
export function signOffInputProblem(input: SignOffInput): string | null {
  const by = input.by.trim();
  if (by === '') return 'A sign-off needs the name of the person making it.';
  if (by.length > 200) return 'The name is too long (at most 200 characters).';
  if (input.comment.length > MAX_SIGNOFF_COMMENT)
    return `The comment is too long (${input.comment.length.toLocaleString('en-US')} characters; at most ${MAX_SIGNOFF_COMMENT.toLocaleString('en-US')}).`;
  if (commentRequired(input.decision) && input.comment.trim() === '') {
    return input.decision === 'override'
      ? 'Say why you publish before every required reviewer approved; the reason is recorded.'
      : 'Say what needs to change: a request for changes needs a comment.';
  }
  return null;
}
