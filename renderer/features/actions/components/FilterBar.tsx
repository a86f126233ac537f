import type { ActionFilter } from '../../../../shared/actions';
import { STATUS_LABELS, isEmptyFilter, EMPTY_FILTER } from '../../../../shared/actions';
import type { ActionStatus, Priority } from '../../../../shared/domain';
import { ACTION_STATUSES, PRIORITIES } from '../../../../shared/domain';

interface FilterBarProps {
  filter: ActionFilter;
  owners: string[];
  onChange: (filter: ActionFilter) => void;
  shown: number;
  total: number;
}

const NOT_CLOSED = 'not-closed';

/** Status, owner, priority, overdue and text filters over the table. */
export function FilterBar({ filter, owners, onChange, shown, total }: FilterBarProps) {
  const statusValue =
    filter.statuses.length === 0
      ? ''
      : filter.statuses.length === 2 &&
          filter.statuses.includes('open') &&
          filter.statuses.includes('in-progress')
        ? NOT_CLOSED
        : (filter.statuses[0] ?? '');
  return (
    <div className="filter-bar" role="group" aria-label="Filter action items">
      <input
        type="search"
        className="input filter-text"
        aria-label="Search action items"
        placeholder="Search…"
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.currentTarget.value })}
      />
      <select
        aria-label="Filter by status"
        value={statusValue}
        onChange={(e) => {
          const v = e.currentTarget.value;
          const statuses: ActionStatus[] =
            v === '' ? [] : v === NOT_CLOSED ? ['open', 'in-progress'] : [v as ActionStatus];
          onChange({ ...filter, statuses });
        }}
      >
        <option value="">Any status</option>
        <option value={NOT_CLOSED}>Open or in progress</option>
        {ACTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by owner"
        value={filter.owners.length === 0 ? '\u0000' : filter.owners[0]}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange({ ...filter, owners: v === '\u0000' ? [] : [v] });
        }}
      >
        <option value={'\u0000'}>Any owner</option>
        {owners.map((o) => (
          <option key={o} value={o}>
            {o === '' ? 'Unassigned' : o}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by priority"
        value={filter.priorities[0] ?? ''}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange({ ...filter, priorities: v === '' ? [] : [v as Priority] });
        }}
      >
        <option value="">Any priority</option>
        {PRIORITIES.map((p) => (
          <option key={p}>{p}</option>
        ))}
      </select>
      <label className="check">
        <input
          type="checkbox"
          checked={filter.overdueOnly}
          onChange={(e) => onChange({ ...filter, overdueOnly: e.currentTarget.checked })}
        />
        Overdue only
      </label>
      {!isEmptyFilter(filter) && (
        <>
          <span className="muted small" aria-live="polite">
            {shown} of {total} shown
          </span>
          <button type="button" className="btn btn-link btn-small" onClick={() => onChange(EMPTY_FILTER)}>
            Clear filters
          </button>
        </>
      )}
    </div>
  );
}
