import type { SignOff } from '../domain';
import { summarizeSignOffs } from '../domain';
import { listNames, signOffLine } from '../review/signoff';

/**
 * The sign-off rows of a document's facts block: one `Sign-off` row per required reviewer
 * (`Approved by Grace Hopper on 2026-12-03 07:12:00 UTC`, `Changes requested by …`, or
 * `Not signed off yet by …`), then each recorded author override with who had not approved and
 * the reason. None when no reviewer is required and nothing was recorded.
 */
export function signOffFacts(
  reviewers: readonly string[],
  signoffs: readonly SignOff[],
  zone: string,
): [string, string][] {
  const summary = summarizeSignOffs(reviewers, signoffs);
  const rows: [string, string][] = summary.reviewers.map(({ reviewer, latest }) => [
    'Sign-off',
    latest === null ? `Not signed off yet by ${reviewer}` : signOffLine(latest, zone),
  ]);
  for (const o of summary.overrides) {
    const missing = o.pending.length > 0 ? `; not approved by ${listNames(o.pending)}` : '';
    rows.push(['Sign-off override', `${signOffLine(o, zone)}${missing}. Reason: ${o.comment}`]);
  }
  return rows;
}
