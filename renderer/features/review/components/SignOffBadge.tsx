import type { Incident, SignOff } from '../../../../shared/domain';
import { summarizeSignOffs } from '../../../../shared/domain';
import { listNames } from '../../../../shared/review';
import './signoff.css';

/**
 * Where an incident's sign-off stands, for the incident list: nothing when no reviewer is
 * required, else `Sign-off 1/2`, `Changes requested` or `Signed off`, with the names in a tooltip.
 */
export function SignOffBadge({ incident, rows }: { incident: Incident; rows: readonly SignOff[] }) {
  const summary = summarizeSignOffs(incident.reviewers, rows);
  if (summary.state === 'none-required') return null;
  const total = summary.reviewers.length;
  const approved = total - summary.pending.length;
  const text =
    summary.state === 'approved'
      ? 'Signed off'
      : summary.state === 'changes-requested'
        ? 'Changes requested'
        : `Sign-off ${approved}/${total}`;
  const title =
    summary.pending.length === 0
      ? `Approved by ${listNames(summary.reviewers.map((r) => r.reviewer))}`
      : `Waiting for ${listNames(summary.pending)}`;
  return (
    <span className={`signoff-badge signoff-state-${summary.state}`} title={title}>
      {text}
    </span>
  );
}
