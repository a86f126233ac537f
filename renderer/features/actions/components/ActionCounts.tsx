import type { OpenCounts } from '../../../../shared/actions';
import './actions.css';

/** "3 open · 1 overdue" for a row of the incidents list; nothing when all items are closed. */
export function ActionCounts({ counts }: { counts: OpenCounts | undefined }) {
  if (!counts || counts.open === 0) return null;
  const label = `${counts.open} open action item${counts.open === 1 ? '' : 's'}${counts.overdue > 0 ? `, ${counts.overdue} overdue` : ''}`;
  return (
    <span className="action-counts" aria-label={label} title={label}>
      <span className="action-counts-open">
        {counts.open} open action{counts.open === 1 ? '' : 's'}
      </span>
      {counts.overdue > 0 && <span className="action-counts-overdue">{counts.overdue} overdue</span>}
    </span>
  );
}
