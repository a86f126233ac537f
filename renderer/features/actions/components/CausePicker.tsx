import { useState } from 'react';
import { kindLabel, type OutlineRow } from '../../../../shared/causes';
import type { ActionItem } from '../../../../shared/domain';
import { Dialog } from '../../../ui/Dialog';

interface CausePickerProps {
  item: ActionItem;
  /** The incident's causes in outline order (the top "incident" node left out). */
  rows: readonly OutlineRow[];
  onSave: (causeIds: string[]) => void;
  onClose: () => void;
}

/** Picks which causes an action item addresses. */
export function CausePicker({ item, rows, onSave, onClose }: CausePickerProps) {
  const [picked, setPicked] = useState<string[]>(item.causeIds);
  const known = new Set(rows.map((r) => r.node.id));
  const dangling = picked.filter((id) => !known.has(id));
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  return (
    <Dialog
      title={`Causes addressed by “${item.title || 'untitled item'}”`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              onSave(picked);
              onClose();
            }}
          >
            Save links
          </button>
        </>
      }
    >
      {rows.length === 0 ? (
        <p className="muted">
          This incident has no causes yet. Add them in the Root causes tab, then link them here.
        </p>
      ) : (
        <ul className="cause-pick-list" aria-label="Causes">
          {rows.map(({ node: c, depth }) => (
            <li key={c.id} style={{ paddingLeft: `${(depth - 1) * 18}px` }}>
              <label>
                <input
                  type="checkbox"
                  checked={picked.includes(c.id)}
                  onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                />
                <span>{c.title || 'Untitled cause'}</span>
                <span className="muted small"> · {kindLabel(c.kind)}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {dangling.length > 0 && (
        <p className="muted small">
          {dangling.length} linked cause{dangling.length === 1 ? ' was' : 's were'} deleted; saving removes
          the link{dangling.length === 1 ? '' : 's'}.
        </p>
      )}
    </Dialog>
  );
}
