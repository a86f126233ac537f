import { memo, type ReactNode } from 'react';
import { EVENT_KINDS, type EventKind, type TimelineEvent } from '../../../../shared/domain';
import { formatEditable } from '../../../../shared/format';
import { formatTPlus, type ZoneFormatter } from '../../../../shared/timeline-edit';
import { KIND_ICON_PATHS } from '../../../../shared/chart';
import { EditableCell } from './EditableCell';
import { InjectedBadge } from '../../../ui/InjectedBadge';
import { KindIcon } from './KindIcon';

const COUNT = new Intl.NumberFormat('en-US');

export type EditField = 'at' | 'kind' | 'title' | 'service' | 'region';

/** What a row can ask of the table; one stable object for all rows so memo holds. */
export interface RowActions {
  select(id: string, mode: 'single' | 'toggle' | 'range'): void;
  edit(id: string, field: EditField): void;
  commit(id: string, field: EditField, text: string): Promise<string | null>;
  editDone(): void;
  toggleKey(id: string): void;
  evidence(id: string): void;
  comments(id: string): void;
  showCauses(id: string): void;
}

interface EventRowProps {
  event: TimelineEvent;
  rowIndex: number;
  top: number;
  selected: boolean;
  focused: boolean;
  editing: EditField | null;
  fmt: ZoneFormatter;
  fmt2: ZoneFormatter | null;
  impactStart: number | null;
  cited: number;
  phases: string | null;
  actions: RowActions;
}

function sourceText(e: TimelineEvent): string {
  const s = e.sources[0];
  if (!s) return e.importId ? 'import' : 'by hand';
  return s.line > 0 ? `${s.file}:${s.line}` : s.file;
}

/** One event row of the virtualised table (memoised: only changed rows re-render). */
export const EventRow = memo(function EventRow(p: EventRowProps) {
  const { event: e, actions: a, editing } = p;
  const cell = (field: EditField, label: string, value: string, shown: ReactNode, className: string) =>
    editing === field ? (
      <div role="gridcell" className={`tl-cell ${className}`}>
        <EditableCell
          label={label}
          value={value}
          onCommit={(text) => a.commit(e.id, field, text)}
          onDone={a.editDone}
        />
      </div>
    ) : (
      <div role="gridcell" className={`tl-cell ${className}`} onDoubleClick={() => a.edit(e.id, field)}>
        {shown}
      </div>
    );
  return (
    <div
      role="row"
      aria-rowindex={p.rowIndex + 1}
      aria-selected={p.selected}
      data-event-id={e.id}
      className={`tl-row tl-event${e.injected === true ? ' is-injected' : ''}${editing ? ' is-editing' : ''}${p.selected ? ' is-selected' : ''}${p.focused ? ' is-focused' : ''}${e.key ? ' is-key' : ''}`}
      style={{ transform: `translateY(${p.top}px)` }}
      onClick={(ev) => a.select(e.id, ev.shiftKey ? 'range' : ev.ctrlKey || ev.metaKey ? 'toggle' : 'single')}
    >
      <div role="gridcell" className="tl-cell c-key">
        <button
          type="button"
          className="tl-star"
          aria-pressed={e.key}
          aria-label={e.key ? 'Unmark key event' : 'Mark as key event'}
          onClick={(ev) => {
            ev.stopPropagation();
            a.toggleKey(e.id);
          }}
        >
          {e.key ? '★' : '☆'}
        </button>
      </div>
      {cell(
        'at',
        'Time',
        editing === 'at' ? formatEditable(e.at, p.fmt.zone) : '',
        <>
          <span className="mono">{p.fmt.time(e.at)}</span> <span className="tl-zl">{p.fmt.label(e.at)}</span>
          {p.fmt2 && (
            <span className="tl-second">
              {' '}
              {p.fmt2.time(e.at)} {p.fmt2.label(e.at)}
            </span>
          )}
        </>,
        'c-time',
      )}
      <div role="gridcell" className="tl-cell c-tplus mono">
        {formatTPlus(e.at, p.impactStart)}
      </div>
      {editing === 'kind' ? (
        <div role="gridcell" className="tl-cell c-kind">
          <select
            aria-label="Kind"
            autoFocus
            defaultValue={e.kind}
            onKeyDown={(ev) => {
              ev.stopPropagation();
              if (ev.key === 'Escape') a.editDone();
            }}
            onChange={(ev) => void a.commit(e.id, 'kind', ev.target.value as EventKind).then(a.editDone)}
            onBlur={a.editDone}
          >
            {EVENT_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </div>
      ) : (
        <div role="gridcell" className="tl-cell c-kind" onDoubleClick={() => a.edit(e.id, 'kind')}>
          <KindIcon kind={e.kind} />
          {e.kind}
        </div>
      )}
      {cell(
        'title',
        'Title',
        e.title,
        e.injected === true ? (
          <>
            <InjectedBadge /> {e.title}
          </>
        ) : (
          e.title
        ),
        'c-title',
      )}
      {cell('service', 'Service', e.service ?? '', e.service ?? '', 'c-service')}
      {cell('region', 'Region', e.region ?? '', e.region ?? '', 'c-region')}
      <div role="gridcell" className="tl-cell c-count num">
        {e.count > 1 ? `×${COUNT.format(e.count)}` : ''}
      </div>
      <div role="gridcell" className="tl-cell c-source" title={sourceText(e)}>
        {sourceText(e)}
      </div>
      <div role="gridcell" className="tl-cell c-more">
        {p.phases && <span className="tl-phase">{p.phases}</span>}
        {p.cited > 0 && (
          <button
            type="button"
            className="tl-badge"
            title={`Cited by ${p.cited} ${p.cited === 1 ? 'cause' : 'causes'}`}
            onClick={(ev) => (ev.stopPropagation(), a.showCauses(e.id))}
          >
            cited by {p.cited} {p.cited === 1 ? 'cause' : 'causes'}
          </button>
        )}
        {/* Row actions only on the focused or selected rows: two fewer buttons on every other row keeps scrolling light. */}
        {(p.selected || p.focused) && (
          <>
            <button
              type="button"
              className="btn-icon tl-act"
              aria-label={`Evidence for ${e.title}`}
              title="Evidence (E)"
              onClick={(ev) => (ev.stopPropagation(), a.evidence(e.id))}
            >
              ⋯
            </button>
            <button
              type="button"
              className="btn-icon tl-act"
              aria-label={`Comments on ${e.title}`}
              title="Comments"
              onClick={(ev) => (ev.stopPropagation(), a.comments(e.id))}
            >
              <svg width="12" height="12" viewBox="-1 -1 12 12" aria-hidden="true">
                <path d={KIND_ICON_PATHS.communication} fill="none" stroke="currentColor" strokeWidth="1.2" />
              </svg>
            </button>
          </>
        )}
      </div>
    </div>
  );
});
