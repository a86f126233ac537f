import { Fragment } from 'react';
import {
  STATUS_LABELS,
  calendarDateAt,
  dueDateAfterPriorityChange,
  formatCalendarDate,
  isOpenableTicketUrl,
  isOverdue,
  type DueDays,
} from '../../../../shared/actions';
import type { ActionItem, ActionStatus, CauseNode, Priority } from '../../../../shared/domain';
import { ACTION_STATUSES, PRIORITIES } from '../../../../shared/domain';
import { DATE_PATTERNS } from '../../../../shared/format';
import { platform } from '../../../platform';
import type { ActionCommands } from '../hooks/useActionCommands';
import { DueCell } from './DueCell';
import { InlineText } from './InlineText';
import { CommentThreads } from '../../comments';

export interface ActionRowProps {
  item: ActionItem;
  today: string;
  causes: ReadonlyMap<string, CauseNode>;
  types: readonly string[];
  dueDays: DueDays;
  ownersListId: string;
  selected: boolean;
  expanded: boolean;
  commands: ActionCommands;
  onToggleSelected: () => void;
  onToggleExpanded: () => void;
  onNeedReason: (items: ActionItem[]) => void;
  onPickCauses: (item: ActionItem) => void;
}

const COLUMN_COUNT = 11;

/** One action item as an editable table row, plus its details row when expanded. */
export function ActionRow(props: ActionRowProps) {
  const { item, today, causes, types, commands, expanded } = props;
  const name = item.title || 'untitled item';
  const save = (patch: Partial<ActionItem>, label: string, coalesce = false) =>
    void commands.update(item, { ...item, ...patch }, label, coalesce);
  const overdue = isOverdue(item, today);
  const typeOptions = types.includes(item.type) || item.type === '' ? types : [...types, item.type];

  const onStatus = (status: ActionStatus) => {
    if (status === 'wont-do') props.onNeedReason([item]);
    else void commands.setStatus([item], status);
  };
  const onPriority = (priority: Priority) => {
    const dueDate = dueDateAfterPriorityChange(item, priority, calendarDateAt(item.createdAt), props.dueDays);
    save({ priority, dueDate }, 'Change priority');
  };
  const linked = item.causeIds.map((id) => causes.get(id));

  return (
    <Fragment>
      <tr
        className={`action-row status-${item.status}${overdue ? ' action-overdue' : ''}${props.selected ? ' selected' : ''}`}
        data-action-id={item.id}
      >
        <td className="col-select">
          <input
            type="checkbox"
            aria-label={`Select ${name}`}
            checked={props.selected}
            onChange={props.onToggleSelected}
          />
        </td>
        <td className="col-title">
          <div className="title-cell">
            <button
              type="button"
              className="btn btn-icon expander"
              aria-expanded={expanded}
              aria-label={`${expanded ? 'Hide' : 'Show'} details of ${name}`}
              onClick={props.onToggleExpanded}
            >
              {expanded ? '▾' : '▸'}
            </button>
            <InlineText
              value={item.title}
              label="Title"
              placeholder="Untitled"
              wrap
              onCommit={(title) => save({ title: title.trim() }, 'Edit title')}
            />
          </div>
        </td>
        <td className="col-owner">
          <InlineText
            value={item.owner}
            label={`Owner of ${name}`}
            placeholder="—"
            wrap
            list={props.ownersListId}
            onCommit={(owner) => save({ owner: owner.trim() }, 'Change owner')}
          />
        </td>
        <td>
          <select
            className={`cell-select prio prio-${item.priority}`}
            aria-label={`Priority of ${name}`}
            value={item.priority}
            onChange={(e) => onPriority(e.currentTarget.value as Priority)}
          >
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </td>
        <td className="col-type">
          <select
            className="cell-select"
            aria-label={`Type of ${name}`}
            value={item.type}
            onChange={(e) => save({ type: e.currentTarget.value }, 'Change type')}
          >
            {item.type === '' && <option value="">—</option>}
            {typeOptions.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </td>
        <td className="col-due">
          <DueCell item={item} today={today} onChange={(dueDate) => save({ dueDate }, 'Change due date')} />
        </td>
        <td>
          <select
            className={`cell-select status-select status-${item.status}`}
            aria-label={`Status of ${name}`}
            value={item.status}
            onChange={(e) => onStatus(e.currentTarget.value as ActionStatus)}
          >
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          {item.status === 'wont-do' && item.statusReason && (
            <div className="row-sub status-reason" title={item.statusReason}>
              {item.statusReason}
            </div>
          )}
        </td>
        <td className="col-causes">
          <div className="cause-chips">
            {linked.map((c, i) => (
              <span
                key={item.causeIds[i]}
                className={c ? 'cause-chip' : 'cause-chip missing'}
                title={c?.title}
              >
                {c ? c.title || 'Untitled cause' : 'Deleted cause'}
              </span>
            ))}
            <button
              type="button"
              className="btn btn-link btn-small"
              aria-label={
                item.causeIds.length === 0 ? `Link causes to ${name}` : `Edit: link causes to ${name}`
              }
              onClick={() => props.onPickCauses(item)}
            >
              {item.causeIds.length === 0 ? 'Link…' : 'Edit'}
            </button>
          </div>
        </td>
        <td className="col-ticket">
          <div className="ticket-cell">
            <InlineText
              value={item.ticketUrl}
              type="text"
              label={`Ticket of ${name}`}
              placeholder="—"
              onCommit={(ticketUrl) => save({ ticketUrl: ticketUrl.trim() }, 'Change ticket')}
            />
            {isOpenableTicketUrl(item.ticketUrl) && (
              <button
                type="button"
                className="btn btn-icon"
                aria-label={`Open ticket of ${name}`}
                title="Open in browser"
                onClick={() => void platform.openExternal(item.ticketUrl.trim())}
              >
                ↗
              </button>
            )}
          </div>
        </td>
        <td className="nowrap muted col-date">
          {formatCalendarDate(calendarDateAt(item.createdAt), DATE_PATTERNS.dateNoYear)}
        </td>
        <td className="nowrap muted col-date">
          {item.completedAt === null
            ? ''
            : formatCalendarDate(calendarDateAt(item.completedAt), DATE_PATTERNS.dateNoYear)}
        </td>
      </tr>
      {expanded && (
        <tr className="action-details">
          <td />
          <td colSpan={COLUMN_COUNT - 1}>
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
      )}
    </Fragment>
  );
}

export { COLUMN_COUNT };
