import { describeDue, formatCalendarDate, isValidIsoDate } from '../../../../shared/actions';
import type { ActionItem } from '../../../../shared/domain';

interface DueCellProps {
  item: ActionItem;
  today: string;
  onChange?: (dueDate: string | null) => void;
}

/** Due date picker plus the relative wording ("in 3 days", "overdue by 2 weeks"). */
export function DueCell({ item, today, onChange }: DueCellProps) {
  const due = describeDue(item, today);
  return (
    <div className="due-cell">
      {onChange ? (
        <input
          key={item.dueDate ?? ''}
          type="date"
          className="cell-input mono"
          aria-label={`Due date of ${item.title || 'untitled item'}`}
          defaultValue={item.dueDate ?? ''}
          onBlur={(e) => {
            const v = e.currentTarget.value;
            const next = v === '' ? null : v;
            if (next !== item.dueDate && (next === null || isValidIsoDate(next))) onChange(next);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      ) : (
        item.dueDate && <span className="mono">{formatCalendarDate(item.dueDate)}</span>
      )}
      {due.text !== '' && (
        <span className={`due-text due-${due.state}`}>
          {due.state === 'overdue' && <span aria-hidden="true">⚠ </span>}
          {due.text}
        </span>
      )}
    </div>
  );
}
