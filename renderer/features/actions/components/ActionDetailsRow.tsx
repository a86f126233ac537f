import type { ActionItem } from '../../../../shared/domain';
import { calendarDateAt, formatCalendarDate, isOpenableTicketUrl } from '../../../../shared/actions';
import { CommentThreads } from '../../comments';
import { InlineText } from './InlineText';

/** Saves a change to one action item as one undo step named `label`. */
export type SaveAction = (patch: Partial<ActionItem>, label: string, coalesce?: boolean) => void;

/** The expanded details of an action item: description, status note, ids and dates, comments. */
export function ActionDetailsRow({
  item,
  save,
  columns,
}: {
  item: ActionItem;
  save: SaveAction;
  columns: number;
}) {
  return (
    <tr className="action-details">
      <td />
      <td colSpan={columns - 1}>
        <label className="field">
          <span className="field-label">Description (Markdown)</span>
          <textarea
            key={item.description}
            className="details-text"
            rows={4}
            defaultValue={item.description}
            onBlur={(e) =>
              e.currentTarget.value !== item.description &&
              save({ description: e.currentTarget.value }, 'Edit description')
            }
          />
        </label>
        <label className="field">
          <span className="field-label">
            Status note{item.status === 'wont-do' ? ' (why it won’t be done)' : ''}
          </span>
          <InlineText
            value={item.statusReason}
            label="Status note"
            onCommit={(statusReason) => {
              if (item.status === 'wont-do' && statusReason.trim() === '') return;
              save({ statusReason: statusReason.trim() }, 'Edit status note');
            }}
          />
        </label>
        <p className="muted small">
          Id <span className="mono">{item.id}</span> · created{' '}
          {formatCalendarDate(calendarDateAt(item.createdAt))}
          {item.completedAt !== null && ` · done ${formatCalendarDate(calendarDateAt(item.completedAt))}`}
          {item.ticketUrl &&
            !isOpenableTicketUrl(item.ticketUrl) &&
            ' · the ticket is not an http(s) link, so it is shown as text only'}
        </p>
        <CommentThreads
          incidentId={item.incidentId}
          targetType="action"
          targetId={item.id}
          label={`action item: ${item.title}`}
        />
      </td>
    </tr>
  );
}
