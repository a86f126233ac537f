import { ReadOnlyScope } from '../../../ui/readOnly';
import { Fragment } from 'react';
import {
  STATUS_LABELS,
  calendarDateAt,
  dueDateAfterPriorityChange,
  formatCalendarDate,
  isOverdue,
  type DueDays,
} from '../../../../shared/actions';
import type { ActionItem, ActionStatus, CauseNode, Priority } from '../../../../shared/domain';
import { ACTION_STATUSES, PRIORITIES } from '../../../../shared/domain';
import { DATE_PATTERNS } from '../../../../shared/format';
import type { ActionCommands } from '../hooks/useActionCommands';
import { DueCell } from './DueCell';
import { InlineText } from './InlineText';
import { ActionDetailsRow, type SaveAction } from './ActionDetailsRow';
import { CauseChips, TicketCell } from './ActionCells';

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
  const save: SaveAction = (patch, label, coalesce = false) =>
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
            <ReadOnlyScope>
              <InlineText
                value={item.title}
                label="Title"
                placeholder="Untitled"
                wrap
                onCommit={(title) => save({ title: title.trim() }, 'Edit title')}
              />
            </ReadOnlyScope>
          </div>
        </td>
        <td className="col-owner">
          <ReadOnlyScope>
            <InlineText
              value={item.owner}
              label={`Owner of ${name}`}
              placeholder="—"
              wrap
              list={props.ownersListId}
              onCommit={(owner) => save({ owner: owner.trim() }, 'Change owner')}
            />
          </ReadOnlyScope>
        </td>
        <td>
          <ReadOnlyScope>
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
          </ReadOnlyScope>
        </td>
        <td className="col-type">
          <ReadOnlyScope>
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
          </ReadOnlyScope>
        </td>
        <td className="col-due">
          <ReadOnlyScope>
            <DueCell item={item} today={today} onChange={(dueDate) => save({ dueDate }, 'Change due date')} />
          </ReadOnlyScope>
        </td>
        <td>
          <ReadOnlyScope>
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
          </ReadOnlyScope>
          {item.status === 'wont-do' && item.statusReason && (
            <div className="row-sub status-reason" title={item.statusReason}>
              {item.statusReason}
            </div>
          )}
        </td>
        <td className="col-causes">
          <CauseChips item={item} causes={causes} name={name} onPick={() => props.onPickCauses(item)} />
        </td>
        <td className="col-ticket">
          <TicketCell
            item={item}
            name={name}
            onCommit={(ticketUrl) => save({ ticketUrl }, 'Change ticket')}
          />
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
      {expanded && <ActionDetailsRow item={item} save={save} columns={COLUMN_COUNT} />}
    </Fragment>
  );
}
