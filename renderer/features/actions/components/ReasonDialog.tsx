import { useState } from 'react';
import { Dialog } from '../../../ui/Dialog';

interface ReasonDialogProps {
  count: number;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks why items will not be done; a declined fix should say why. */
export function ReasonDialog({ count, onConfirm, onCancel }: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const ok = reason.trim() !== '';
  return (
    <Dialog
      title={count === 1 ? 'Won’t do this action item' : `Won’t do ${count} action items`}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form="reason-form" className="btn btn-primary" disabled={!ok}>
            Mark won’t do
          </button>
        </>
      }
    >
      <form
        id="reason-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) onConfirm(reason.trim());
        }}
      >
        <label className="field">
          <span className="field-label">Reason</span>
          <input
            data-autofocus
            className="input"
            value={reason}
            placeholder="e.g. superseded by the queue migration"
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <span className="field-hint">Shown in the table and in the CSV export.</span>
        </label>
      </form>
    </Dialog>
  );
}
