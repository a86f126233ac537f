import { useId, useState } from 'react';
import type { Incident, SignOffSummary } from '../../../../shared/domain';
import { publishBlockReason, signOffInputProblem } from '../../../../shared/review';
import { setIncidentStatus } from '../../../db/repos/review';
import { publishIncident } from '../../../db/repos/signoffs';
import { Dialog } from '../../../ui/Dialog';
import { useAlert } from '../../../ui/Alerts';
import { useToast } from '../../../ui/Toast';
import { useAuthorGate } from '../../comments';
import { useUndoManager } from '../../undo';
import './signoff.css';

/**
 * Publish: allowed once every required reviewer approved. Before that the button is disabled
 * and says who is missing; an author can still publish with a reason, which is recorded.
 */
export function PublishControl({ incident, summary }: { incident: Incident; summary: SignOffSummary }) {
  const gate = useAuthorGate(incident.id);
  const alert = useAlert();
  const toast = useToast();
  const undo = useUndoManager();
  const [overriding, setOverriding] = useState(false);
  const reasonId = useId();
  const blocked = publishBlockReason(summary);

  const publish = (override: string | null) =>
    gate.withAuthor(async (by) => {
      const before = incident.status;
      const result = await publishIncident(incident.id, { by, override });
      if (!result.ok) {
        alert('Could not publish', result.error);
        return false;
      }
      undo.push({
        label: 'Publish',
        undo: () => setIncidentStatus(incident.id, before),
        redo: () => setIncidentStatus(incident.id, 'published'),
      });
      toast({
        message:
          result.override === null
            ? 'Published.'
            : 'Published without full sign-off; your override and reason are recorded on the Review tab.',
      });
      return true;
    });

  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-primary"
        disabled={blocked !== null}
        aria-describedby={blocked !== null ? reasonId : undefined}
        onClick={() => void publish(null)}
      >
        Publish
      </button>
      {blocked !== null && (
        <>
          <span id={reasonId} className="publish-blocked">
            Publishing waits for sign-off: {blocked}
          </span>
          <button type="button" className="btn btn-small" onClick={() => setOverriding(true)}>
            Publish anyway…
          </button>
        </>
      )}
      {overriding && blocked !== null && (
        <OverrideDialog
          blocked={blocked}
          onCancel={() => setOverriding(false)}
          onConfirm={(reason) => {
            setOverriding(false);
            void publish(reason);
          }}
        />
      )}
      {gate.dialog}
    </>
  );
}

function OverrideDialog({
  blocked,
  onCancel,
  onConfirm,
}: {
  blocked: string;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    // The name is checked when it is known (after the dialog); only the reason is checked here.
    const problem = signOffInputProblem({ decision: 'override', by: 'author', comment: reason });
    if (problem !== null) setError(problem);
    else onConfirm(reason);
  };
  return (
    <Dialog
      title="Publish without full sign-off?"
      role="alertdialog"
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form="override-form" className="btn btn-danger">
            Publish anyway
          </button>
        </>
      }
    >
      <form
        id="override-form"
        className="field"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p>{blocked}</p>
        <p className="field-hint">
          As an author you can publish now. Your name, the time, your reason and who had not approved are
          recorded in the sign-off history and shown in the exports.
        </p>
        <label htmlFor="override-reason">Reason</label>
        <textarea
          id="override-reason"
          data-autofocus
          rows={3}
          value={reason}
          aria-invalid={error !== null}
          onChange={(e) => setReason(e.target.value)}
        />
        {error !== null && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
