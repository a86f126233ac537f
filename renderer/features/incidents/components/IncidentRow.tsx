import { formatDistance } from 'date-fns';
import { memo, useState } from 'react';
import type { OpenCounts } from '../../../../shared/actions';
import type { Incident, SignOff } from '../../../../shared/domain';
import { ActionCounts } from '../../actions';
import { SignOffBadge } from '../../review';
import { formatImpactWindow, impactEndAt } from '../../../../shared/format';
import { SeverityBadge, StatusBadge } from './SeverityBadge';
import { routeHash } from '../../../routing/route';
import { BUNDLE_FILE_SUFFIX } from '../../../../shared/bundle/fileName';

export interface RowHandlers {
  onOpen(incident: Incident): void;
  onRename(incident: Incident, title: string): void;
  onDuplicate(incident: Incident): void;
  onExport(incident: Incident): void;
  onDelete(incident: Incident): void;
}

interface IncidentRowProps extends RowHandlers {
  incident: Incident;
  now: number;
  /** Open / overdue action items of this incident. */
  actionCounts?: OpenCounts | undefined;
  /** The incident's sign-off rows (none while loading). */
  signoffs?: readonly SignOff[] | undefined;
}

/**
 * One incident in the list, with inline rename and row actions. Memoised: typing a search
 * re-renders the list at every keystroke, and a row whose props did not change is skipped.
 */
export const IncidentRow = memo(function IncidentRow({
  incident,
  now,
  actionCounts,
  signoffs,
  ...on
}: IncidentRowProps) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(incident.title);
  const { keyTimes: k } = incident;
  const end = impactEndAt(k);

  const finish = (save: boolean) => {
    setRenaming(false);
    const title = draft.trim();
    if (save && title !== '' && title !== incident.title) on.onRename(incident, title);
  };

  return (
    <tr className="incident-row">
      <td className="col-title">
        {renaming ? (
          <input
            aria-label={`New title for ${incident.title}`}
            value={draft}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => finish(true)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') finish(true);
              else if (e.key === 'Escape') {
                e.stopPropagation();
                finish(false);
              }
            }}
          />
        ) : (
          <a
            className="incident-link"
            href={routeHash({ name: 'incident', id: incident.id, tab: 'overview' })}
            onClick={(e) => {
              e.preventDefault();
              on.onOpen(incident);
            }}
          >
            {incident.title || 'Untitled incident'}
          </a>
        )}
        {incident.services.length > 0 && <div className="row-sub muted">{incident.services.join(', ')}</div>}
        <ActionCounts counts={actionCounts} />
      </td>
      <td>
        <SeverityBadge severity={incident.severity} />
      </td>
      <td>
        <div className="status-cell">
          <StatusBadge status={incident.status} />
          {signoffs !== undefined && <SignOffBadge incident={incident} rows={signoffs} />}
        </div>
      </td>
      <td className="mono col-window">{formatImpactWindow(k.impactStartAt, end, incident.displayZone)}</td>
      <td className="muted col-edited" title={new Date(incident.updatedAt).toISOString()}>
        {formatDistance(incident.updatedAt, Math.max(now, incident.updatedAt), { addSuffix: true })}
      </td>
      <td className="col-actions">
        <div className="row-actions" role="group" aria-label={`Actions for ${incident.title}`}>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setDraft(incident.title);
              setRenaming(true);
            }}
          >
            Rename
          </button>
          <button type="button" className="btn btn-small" onClick={() => on.onDuplicate(incident)}>
            Duplicate
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-label="Export bundle"
            title={`Export as a ${BUNDLE_FILE_SUFFIX} bundle`}
            onClick={() => on.onExport(incident)}
          >
            Export
          </button>
          <button
            type="button"
            className="btn btn-small btn-quiet-danger"
            onClick={() => on.onDelete(incident)}
          >
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
});
