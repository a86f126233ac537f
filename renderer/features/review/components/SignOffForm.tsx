import { useId, useState } from 'react';
import type { ReviewerDecision } from '../../../../shared/domain';
import { signOffInputProblem } from '../../../../shared/review';
import { recordSignOff } from '../../../db/repos/signoffs';

const SUBMIT: Record<ReviewerDecision, string> = {
  approved: 'Approve',
  'changes-requested': 'Request changes',
};

const COMMENT_LABEL: Record<ReviewerDecision, string> = {
  approved: 'Comment (optional)',
  'changes-requested': 'What needs to change',
};

/**
 * The signed-in reviewer's own sign-off: approve, or request changes with a comment. Each
 * decision is a new row of the log (name and time recorded); the earlier ones stay as history.
 */
export function SignOffForm({ incidentId, me }: { incidentId: string; me: string }) {
  const [decision, setDecision] = useState<ReviewerDecision | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const commentId = useId();
  const errorId = useId();

  const open = (d: ReviewerDecision) => {
    setDecision(d);
    setError(null);
  };

  if (decision === null) {
    return (
      <div className="signoff-buttons" role="group" aria-label="Your sign-off">
        <button type="button" className="btn btn-small btn-primary" onClick={() => open('approved')}>
          Approve…
        </button>
        <button type="button" className="btn btn-small" onClick={() => open('changes-requested')}>
          Request changes…
        </button>
      </div>
    );
  }

  const submit = async () => {
    const input = { decision, by: me, comment };
    const problem = signOffInputProblem(input);
    if (problem !== null) {
      setError(problem);
      return;
    }
    setBusy(true);
    const result = await recordSignOff(incidentId, input);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDecision(null);
    setComment('');
    setError(null);
  };

  return (
    <form
      className="signoff-form"
      aria-label={SUBMIT[decision]}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={commentId}>{COMMENT_LABEL[decision]}</label>
      <textarea
        id={commentId}
        rows={3}
        value={comment}
        autoFocus
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        onChange={(e) => setComment(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setDecision(null);
          }
        }}
      />
      {error !== null && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="signoff-buttons">
        <button
          type="submit"
          className={`btn btn-small ${decision === 'approved' ? 'btn-primary' : ''}`}
          disabled={busy}
        >
          {SUBMIT[decision]} as {me}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setDecision(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
