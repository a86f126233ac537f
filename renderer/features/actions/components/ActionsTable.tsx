import type { ActionSort, ActionSortKey } from '../../../../shared/actions';
import type { ReactNode } from 'react';

/** Columns in order; widths live in actions.css (fixed layout, the title takes the rest). */
const COLUMNS: { key: ActionSortKey; label: string; col: string }[] = [
  { key: 'title', label: 'Action', col: 'title' },
  { key: 'owner', label: 'Owner', col: 'owner' },
  { key: 'priority', label: 'Priority', col: 'priority' },
  { key: 'type', label: 'Type', col: 'type' },
  { key: 'dueDate', label: 'Due', col: 'due' },
  { key: 'status', label: 'Status', col: 'status' },
  { key: 'causes', label: 'Causes', col: 'causes' },
  { key: 'ticketUrl', label: 'Ticket', col: 'ticket' },
  { key: 'createdAt', label: 'Created', col: 'date' },
  { key: 'completedAt', label: 'Completed', col: 'date' },
];

interface ActionsTableProps {
  sort: ActionSort;
  onSort: (sort: ActionSort) => void;
  allSelected: boolean;
  someSelected: boolean;
  onSelectAll: (selected: boolean) => void;
  children: ReactNode;
}

/** The table frame: sortable column headers (click again to reverse) and a select-all box. */
export function ActionsTable({
  sort,
  onSort,
  allSelected,
  someSelected,
  onSelectAll,
  children,
}: ActionsTableProps) {
  return (
    <div className="actions-table-wrap">
      <table className="table actions-table fixed" aria-label="Action items">
        <colgroup>
          <col className="w-select" />
          {COLUMNS.map((c) => (
            <col key={c.key} className={`w-${c.col}`} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="col-select">
              <input
                type="checkbox"
                aria-label="Select all shown action items"
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = someSelected && !allSelected;
                }}
                onChange={(e) => onSelectAll(e.currentTarget.checked)}
              />
            </th>
            {COLUMNS.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => onSort({ key: c.key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}
                  >
                    {c.label}
                    <span className="sort-arrow" aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? '↑' : '↓') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
