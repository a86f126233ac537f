import { EVENT_KINDS, type EventKind, type KeyTimeField } from '../../../../shared/domain';
import { PHASE_MARKS } from '../../../../shared/timeline-edit';

interface SelectionBarProps {
  count: number;
  canSplit: boolean;
  allKey: boolean;
  onKind: (k: EventKind) => void;
  onKey: (key: boolean) => void;
  onMerge: () => void;
  onSplit: () => void;
  onDelete: () => void;
  onEvidence: () => void;
  onPhase: (field: KeyTimeField) => void;
  onClear: () => void;
}

/** Bulk actions on the selected events. */
export function SelectionBar(p: SelectionBarProps) {
  const one = p.count === 1;
  return (
    <div className="tl-selection" role="toolbar" aria-label="Selected events">
      <strong>{p.count.toLocaleString('en-US')} selected</strong>
      <select
        aria-label="Change kind of selected"
        value=""
        onChange={(e) => e.target.value && p.onKind(e.target.value as EventKind)}
      >
        <option value="">Change kind…</option>
        {EVENT_KINDS.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
      <button type="button" className="btn btn-small" onClick={() => p.onKey(!p.allKey)} title="K">
        {p.allKey ? 'Unmark key' : 'Mark key'}
      </button>
      <button type="button" className="btn btn-small" disabled={p.count < 2} onClick={p.onMerge} title="M">
        Merge
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={!p.canSplit}
        onClick={p.onSplit}
        title="Split a folded event into its records"
      >
        Split
      </button>
      <button type="button" className="btn btn-small" disabled={!one} onClick={p.onEvidence} title="E">
        Evidence
      </button>
      {one && (
        <select
          aria-label="Set phase from this event"
          value=""
          onChange={(e) => e.target.value && p.onPhase(e.target.value as KeyTimeField)}
        >
          <option value="">Set as…</option>
          {PHASE_MARKS.map((m) => (
            <option key={m.field} value={m.field}>
              {m.label}
            </option>
          ))}
        </select>
      )}
      <button type="button" className="btn btn-small btn-quiet-danger" onClick={p.onDelete} title="Delete">
        Delete
      </button>
      <button type="button" className="btn-link" onClick={p.onClear}>
        Clear selection
      </button>
    </div>
  );
}
