import { useMemo } from 'react';
import type { Incident, SignOff, SignOffState } from '../../../../shared/domain';
import { sameName, summarizeSignOffs } from '../../../../shared/domain';
import { formatZonedShort } from '../../../../shared/format';
import { listNames, SIGNOFF_DECISION_LABELS } from '../../../../shared/review';
import { routeHash } from '../../../routing/route';
import { Markdown, useAuthorGate } from '../../comments';
import { useSignOffs } from '../hooks/useSignOffs';
import { SignOffForm } from './SignOffForm';
import './signoff.css';

const STATE_TEXT: Record<SignOffState, string> = {
  'none-required': 'No sign-off required',
  waiting: 'Waiting',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
};

function DecisionBadge({ row }: { row: SignOff | null }) {
  const key = row?.decision ?? 'waiting';
  return (
    <span className={`signoff-badge signoff-badge-${key}`}>
      {row === null ? 'Not signed off yet' : SIGNOFF_DECISION_LABELS[row.decision]}
    </span>
  );
}

/**
 * The Review tab's sign-off: each required reviewer's latest decision with its name, time and
 * comment; the signed-in reviewer's own approve / request-changes; recorded overrides; history.
 */
export function SignOffPanel({ incident }: { incident: Incident }) {
  const rows = useSignOffs(incident.id);
  // On a shared incident the name is the token's (the server checks it).
  const gate = useAuthorGate(incident.id);
  const summary = useMemo(
    () => summarizeSignOffs(incident.reviewers, rows ?? []),
    [incident.reviewers, rows],
  );
  const zone = incident.displayZone;
  const when = (at: number) => formatZonedShort(at, zone, true);
  const meListed = gate.me !== '' && summary.reviewers.some((r) => sameName(r.reviewer, gate.me));
  const overview = routeHash({ name: 'incident', id: incident.id, tab: 'overview' });

  return (
    <section className="signoff" aria-labelledby="signoff-h">
      <h3 id="signoff-h">
        Sign-off{' '}
        {summary.reviewers.length > 0 && (
          <span className={`signoff-badge signoff-state-${summary.state}`}>
            {STATE_TEXT[summary.state]}
            {summary.state === 'waiting' &&
              ` (${summary.reviewers.length - summary.pending.length} of ${summary.reviewers.length} approved)`}
          </span>
        )}
      </h3>
      {summary.reviewers.length === 0 ? (
        <p className="muted">
          No required reviewers yet. Name them under Reviewers on the <a href={overview}>Overview</a>;
          publishing then waits until each of them has approved here.
        </p>
      ) : (
        <ul className="signoff-list">
          {summary.reviewers.map(({ reviewer, latest }) => {
            const mine = gate.me !== '' && sameName(reviewer, gate.me);
            return (
              <li key={reviewer} className="signoff-item" aria-label={`Sign-off of ${reviewer}`}>
                <div className="signoff-head">
                  <span className="signoff-name">
                    {reviewer}
                    {mine && <span className="muted"> (you)</span>}
                  </span>
                  <DecisionBadge row={latest} />
                  {latest !== null && <span className="muted signoff-time">{when(latest.at)}</span>}
                </div>
                {latest !== null && latest.comment !== '' && (
                  <Markdown className="signoff-comment" text={latest.comment} />
                )}
                {mine && <SignOffForm incidentId={incident.id} me={gate.me} />}
              </li>
            );
          })}
        </ul>
      )}
      {summary.reviewers.length > 0 && gate.me === '' && (
        <p className="field-hint">
          Are you a reviewer?{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void gate.withAuthor(() => Promise.resolve(true))}
          >
            Set your name
          </button>{' '}
          to approve or request changes under it.
        </p>
      )}
      {summary.reviewers.length > 0 && gate.me !== '' && !meListed && (
        <p className="field-hint">
          You ({gate.me}) are not a required reviewer of this incident; the reviewers listed on the Overview
          sign off here.
        </p>
      )}
      {summary.overrides.map((o) => (
        <div key={o.id} className="signoff-override" role="note">
          <p className="signoff-override-head">
            Published by {o.by} on {when(o.at)} without approval from {listNames(o.pending)}.
          </p>
          <span className="field-label">Reason</span>
          <Markdown className="signoff-comment" text={o.comment} />
        </div>
      ))}
      {rows !== undefined && rows.length > 0 && (
        <details className="signoff-history">
          <summary>History ({rows.length})</summary>
          <ol>
            {[...rows].reverse().map((r) => (
              <li key={r.id}>
                <span className="signoff-time">{when(r.at)}</span> — {SIGNOFF_DECISION_LABELS[r.decision]} by{' '}
                {r.by}
                {r.comment !== '' && <span className="muted">: {r.comment}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {gate.dialog}
    </section>
  );
}
