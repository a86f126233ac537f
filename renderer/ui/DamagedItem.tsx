import { useState } from 'react';
import { ConfirmDialog } from './Dialog';

export interface DamagedItemProps {
  /** What kind of item it is, in words ("Incident", "Action item"). */
  kind: string;
  /** The item's name as stored (its title), so the user knows which one is damaged. */
  name: string;
  /** Why it cannot be shown (a schema problem or the error a view threw). */
  reason: string;
  /** Saves the stored data as it is, for a bug report or a repair by hand. */
  onExportRaw: () => void;
  /** Deletes the item (asked first). */
  onDelete: () => void;
  /** `row` renders a table row spanning `colSpan` columns; `block` a box. */
  layout?: { as: 'row'; colSpan: number } | { as: 'block' };
}

/**
 * One damaged record, named, with a way out ("Export raw", "Delete") — shown in place of the
 * record so one bad row never hides the others.
 */
export function DamagedItem({ kind, name, reason, onExportRaw, onDelete, layout }: DamagedItemProps) {
  const [confirming, setConfirming] = useState(false);
  const label = name.trim() === '' ? `Untitled ${kind.toLowerCase()}` : name;
  const body = (
    <div className="damaged-item" role="alert">
      <strong>
        {kind} “{label}” is damaged and cannot be shown.
      </strong>
      <span className="mono damaged-reason">{reason}</span>
      <span className="row-actions" role="group" aria-label={`Repair ${label}`}>
        <button type="button" className="btn btn-small" onClick={onExportRaw}>
          Export raw
        </button>
        <button type="button" className="btn btn-small btn-quiet-danger" onClick={() => setConfirming(true)}>
          Delete
        </button>
      </span>
      {confirming && (
        <ConfirmDialog
          title={`Delete damaged ${kind.toLowerCase()}?`}
          message={`“${label}” will be deleted. Export it raw first if you may need it.`}
          confirmLabel="Delete"
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onDelete();
          }}
        />
      )}
    </div>
  );
  if (layout?.as === 'row') {
    return (
      <tr className="damaged-row">
        <td colSpan={layout.colSpan}>{body}</td>
      </tr>
    );
  }
  return <div className="error-box">{body}</div>;
}
