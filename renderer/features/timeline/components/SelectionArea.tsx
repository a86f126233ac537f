import type { EventKind, KeyTimeField, TimelineEvent } from '../../../../shared/domain';
import { SelectionBar } from './SelectionBar';

const GAP_CHOICES = [0, 5, 15, 30, 60, 120];

interface SelectionAreaProps {
  selectedIds: string[];
  selectedEvents: TimelineEvent[];
  gapMin: number;
  onGapMin: (minutes: number) => void;
  onKind: (k: EventKind) => void;
  onKey: (key: boolean) => void;
  onMerge: () => void;
  onSplit: (id: string) => void;
  onDelete: () => void;
  onEvidence: (id: string) => void;
  onPhase: (field: KeyTimeField) => void;
  onClear: () => void;
}

/** The line under the filters: bulk actions on the selection (or how to select), and the gap-row choice. */
export function SelectionArea(p: SelectionAreaProps) {
  const single = p.selectedEvents.length === 1 ? p.selectedEvents[0] : undefined;
  return (
    <div className="tl-under-filter">
      {p.selectedIds.length > 0 ? (
        <SelectionBar
          count={p.selectedIds.length}
          canSplit={!!single && single.count > 1}
          allKey={p.selectedEvents.every((e) => e.key)}
          onKind={p.onKind}
          onKey={p.onKey}
          onMerge={p.onMerge}
          onSplit={() => single && p.onSplit(single.id)}
          onDelete={p.onDelete}
          onEvidence={() => single && p.onEvidence(single.id)}
          onPhase={p.onPhase}
          onClear={p.onClear}
        />
      ) : (
        <p className="muted tl-hint">
          Click or use ↑/↓ to select · Shift/Ctrl to select more · Enter edits · T time · Y kind · K key · M
          merge · E evidence · A add event
        </p>
      )}
      <label className="tl-gap-pick">
        Gap rows after{' '}
        <select value={p.gapMin} onChange={(e) => p.onGapMin(Number(e.target.value))}>
          {GAP_CHOICES.map((v) => (
            <option key={v} value={v}>
              {v === 0 ? 'never' : `${v} min`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
