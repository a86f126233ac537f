import { useCallback, useEffect, useMemo, useState } from 'react';
import { STATUS_LABELS, groupOpenActions, isOverdue, type GroupBy } from '../../../../shared/actions';
import type { ActionItem } from '../../../../shared/domain';
import { useReadyMarker } from '../../../ui/ready';
import { DamagedItem } from '../../../ui/DamagedItem';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorBoundary } from '../../../ui/ErrorBoundary';
import { useActionCommands } from '../hooks/useActionCommands';
import { useAllActionRows, useIncidentIndex, useToday } from '../hooks/useActionData';
import { useDamagedActionRepair } from '../hooks/useDamagedActionRepair';
import { useCsvTransfer } from '../hooks/useCsvTransfer';
import { DueCell } from './DueCell';
import { ImportReportDialog } from './ImportReportDialog';
import './actions.css';
import { routeHash } from '../../../routing/route';

interface AllActionsViewProps {
  /** Opens an incident's Action items tab. */
  onOpenIncident: (incidentId: string) => void;
}

/** Open action items of every incident, overdue first, grouped by owner or by incident. */
export function AllActionsView({ onOpenIncident }: AllActionsViewProps) {
  const rows = useAllActionRows();
  const items = rows?.good;
  const repair = useDamagedActionRepair();
  const incidents = useIncidentIndex();
  const today = useToday();
  const commands = useActionCommands();
  const [by, setBy] = useState<GroupBy>('owner');
  useReadyMarker(items !== undefined && incidents !== undefined);
  useEffect(() => {
    document.title = 'Action items — Rootline';
  }, []);

  const titles = useMemo(
    () => new Map((incidents ?? []).map((i) => [i.id, i.title || 'Untitled incident'])),
    [incidents],
  );
  const incidentTitle = useCallback((id: string) => titles.get(id), [titles]);
  const all = useMemo(() => items ?? [], [items]);
  const groups = useMemo(
    () => groupOpenActions(all, by, today, incidentTitle),
    [all, by, today, incidentTitle],
  );
  const csv = useCsvTransfer({
    fileStem: 'all-incidents',
    scope: all,
    causeTitle: () => undefined,
    incidentTitle,
    commands,
  });

  if (!items || !incidents) return <p className="loading muted">Loading action items…</p>;
  const open = groups.reduce((n, g) => n + g.open, 0);
  const overdue = groups.reduce((n, g) => n + g.overdue, 0);
  const openItems = groups.flatMap((g) => g.items);

  return (
    <section className="all-actions" aria-labelledby="all-actions-title">
      <header className="list-toolbar">
        <h1 id="all-actions-title" className="page-title">
          Action items
        </h1>
        <span className="muted" aria-live="polite">
          {open} open{overdue > 0 && <strong className="overdue-count"> · {overdue} overdue</strong>}
        </span>
        <span className="spacer" />
        <div className="segmented" role="radiogroup" aria-label="Group by">
          {(['owner', 'incident'] as const).map((g) => (
            <button
              key={g}
              type="button"
              role="radio"
              aria-checked={by === g}
              className="btn btn-small"
              onClick={() => setBy(g)}
            >
              By {g}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn"
          disabled={openItems.length === 0}
          onClick={() => void csv.exportCsv(openItems, 'jira')}
        >
          Export CSV
        </button>
        <button type="button" className="btn" onClick={() => void csv.chooseImport()}>
          Import statuses…
        </button>
      </header>
      {rows?.damaged.map((row) => (
        <DamagedItem
          key={row.id}
          kind="Action item"
          name={row.name}
          reason={row.reason}
          onExportRaw={() => repair.exportRaw(row.id, row.name)}
          onDelete={() => repair.remove(row.id)}
        />
      ))}
      {groups.length === 0 ? (
        <EmptyState title="No open action items">
          <p>Action items added to any incident show up here until they are done, overdue ones first.</p>
        </EmptyState>
      ) : (
        groups.map((g) => (
          <section key={g.key} className="action-group" aria-label={`${g.label}: ${g.open} open`}>
            <h2 className="section-title">
              {g.label}{' '}
              <span className="muted small">
                {g.open} open{g.overdue > 0 && <span className="overdue-count"> · {g.overdue} overdue</span>}
              </span>
            </h2>
            <table className="table actions-table compact fixed-all">
              <colgroup>
                <col />
                <col className="w-other" />
                <col className="w-priority" />
                <col className="w-due-wide" />
                <col className="w-status" />
                <col className="w-done" />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col" className="col-title">
                    Action
                  </th>
                  <th scope="col">{by === 'owner' ? 'Incident' : 'Owner'}</th>
                  <th scope="col">Priority</th>
                  <th scope="col" className="col-due">
                    Due
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {g.items.map((item) => (
                  <ErrorBoundary
                    key={item.id}
                    what={`Action item “${item.title}”`}
                    fallback={(error) => (
                      <DamagedItem
                        kind="Action item"
                        name={item.title}
                        reason={error.message}
                        onExportRaw={() => repair.exportRaw(item.id, item.title)}
                        onDelete={() => repair.remove(item.id)}
                        layout={{ as: 'row', colSpan: 6 }}
                      />
                    )}
                  >
                    <Row
                      item={item}
                      by={by}
                      today={today}
                      incidentTitle={titles.get(item.incidentId)}
                      onOpen={onOpenIncident}
                      onDone={() => void commands.setStatus([item], 'done')}
                    />
                  </ErrorBoundary>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
      {csv.plan && (
        <ImportReportDialog plan={csv.plan} onApply={() => void csv.applyPlan()} onClose={csv.cancelPlan} />
      )}
    </section>
  );
}

interface RowProps {
  item: ActionItem;
  by: GroupBy;
  today: string;
  incidentTitle: string | undefined;
  onOpen: (incidentId: string) => void;
  onDone: () => void;
}

function Row({ item, by, today, incidentTitle, onOpen, onDone }: RowProps) {
  const name = item.title || 'Untitled action item';
  return (
    <tr className={isOverdue(item, today) ? 'action-row action-overdue' : 'action-row'}>
      <td className="col-title">
        <a
          className="action-link"
          href={routeHash({ name: 'incident', id: item.incidentId, tab: 'actions' })}
          onClick={(e) => {
            e.preventDefault();
            onOpen(item.incidentId);
          }}
        >
          {name}
        </a>
      </td>
      <td>
        {by === 'owner'
          ? (incidentTitle ?? 'Deleted incident')
          : item.owner || <span className="muted">Unassigned</span>}
      </td>
      <td>
        <span className={`prio prio-${item.priority}`}>{item.priority}</span>
      </td>
      <td className="col-due">
        <DueCell item={item} today={today} />
      </td>
      <td>{STATUS_LABELS[item.status]}</td>
      <td className="col-done">
        <button type="button" className="btn btn-small" aria-label={`Mark ${name} done`} onClick={onDone}>
          Done
        </button>
      </td>
    </tr>
  );
}
