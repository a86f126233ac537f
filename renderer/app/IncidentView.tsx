import type { Incident } from '../../shared/domain';
import { useEffect } from 'react';
import { useReadyMarker } from '../ui/ready';
import { useShownInTransition } from '../ui/transitions';
import { goTo, INCIDENT_TAB_LABELS, INCIDENT_TABS, routeHash, type IncidentTab } from '../routing/route';
import { EmptyState } from '../ui/EmptyState';
import { DamagedItem } from '../ui/DamagedItem';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Tabs, type TabDef } from '../ui/Tabs';
import { ActionsPanel } from '../features/actions';
import { CausesPanel } from '../features/causes';
import { DocumentPanel } from '../features/document';
import { OverviewForm } from '../features/overview';
import { ReviewPanel, useOpenThreadCount } from '../features/review';
import { prefetchTimeline, TimelinePanel, useIncidentEvents } from '../features/timeline';
import { SimilarIncidents } from '../features/trends';
import { UndoButtons } from '../features/undo';
import { PresenceList, SyncIndicator, useShare } from '../features/share';
import { ReadOnlyContext } from '../ui/readOnly';
import {
  DamagedRowList,
  DamagedRows,
  SeverityBadge,
  StatusBadge,
  useCheckedIncident,
  useDamagedActions,
} from '../features/incidents';

const TABS: readonly TabDef<IncidentTab>[] = INCIDENT_TABS.map((key) => ({
  key,
  label: INCIDENT_TAB_LABELS[key],
}));

interface IncidentViewProps {
  id: string;
  tab: IncidentTab;
  onSelectTab: (tab: IncidentTab) => void;
  onBack: () => void;
  onExport: (incident: Incident) => void;
  /** Opens the export dialog (bundle, Markdown, HTML, PDF). */
  onOpenExport?: (incident: Incident) => void;
  onError: (message: string) => void;
  onImportLogs?: ((incident: Incident) => void) | undefined;
  /** Opens Share… (a sync server and an invite) for the incident. */
  onShare?: ((incident: Incident) => void) | undefined;
}

/** One incident: header with undo/redo and export, then the tabs. */
export function IncidentView({
  id,
  tab,
  onSelectTab,
  onBack,
  onExport,
  onOpenExport,
  onError,
  onImportLogs,
  onShare,
}: IncidentViewProps) {
  // The page is drawn in a transition once the incident is read (a big incident's timeline was
  // one task of ~100 ms in the read's callback).
  const checked = useCheckedIncident(id);
  const read = useShownInTransition(checked !== undefined, id) ? checked : undefined;
  const incident = read === undefined ? undefined : read && 'incident' in read ? read.incident : null;
  const openThreads = useOpenThreadCount(id);
  const repair = useDamagedActions();
  const share = useShare(id);
  useReadyMarker(read !== undefined);
  // The timeline's first rows are read beside the incident, not after its page is drawn.
  useEffect(() => {
    if (tab === 'timeline') prefetchTimeline(id);
  }, [id, tab]);
  const title = incident?.title;
  useEffect(() => {
    document.title = title ? `${title} — Rootline` : 'Rootline';
  }, [title]);
  if (incident === undefined) return <p className="loading muted">Loading incident…</p>;
  if (read && 'damaged' in read) {
    const { damaged } = read;
    return (
      <DamagedItem
        kind="Incident"
        name={damaged.name}
        reason={damaged.reason}
        onExportRaw={() => repair.exportRaw(id, damaged.name)}
        onDelete={() => {
          repair.remove(id, damaged.name);
          onBack();
        }}
      />
    );
  }
  if (incident === null && share) {
    return (
      <EmptyState title="Receiving the incident" actions={<SyncIndicator incidentId={id} />}>
        <p>
          It arrives from <code>{share.server}</code> once the server is reachable, and then stays on this
          machine.
        </p>
      </EmptyState>
    );
  }
  if (incident === null) {
    return (
      <EmptyState
        title="Incident not found"
        actions={
          <button type="button" className="btn" onClick={onBack}>
            Back to incidents
          </button>
        }
      >
        <p>It may have been deleted. Deleted incidents can be brought back with Undo right after deleting.</p>
      </EmptyState>
    );
  }
  const prefix = `incident-${id}`;
  const readOnly =
    share?.role === 'reviewer'
      ? `You review this incident as ${share.name}: comments, review states and your sign-off work; everything else is read-only.`
      : null;
  return (
    <article className="incident-view" aria-label={incident.title}>
      <header className="incident-header">
        <a
          href={routeHash({ name: 'list' })}
          className="back-link"
          onClick={(e) => {
            e.preventDefault();
            onBack();
          }}
        >
          ← Incidents
        </a>
        <h1 className="incident-title">{incident.title || 'Untitled incident'}</h1>
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <span className="spacer" />
        <PresenceList incidentId={id} tab={tab} />
        <SyncIndicator incidentId={id} onOpen={onShare && (() => onShare(incident))} />
        <UndoButtons onError={onError} />
        {onShare && (
          <button type="button" className="btn" onClick={() => onShare(incident)}>
            Share…
          </button>
        )}
        <button type="button" className="btn" onClick={() => onExport(incident)}>
          Export bundle
        </button>
        {onOpenExport && (
          <button type="button" className="btn" onClick={() => onOpenExport(incident)}>
            Export…
          </button>
        )}
      </header>
      <Tabs
        label="Incident sections"
        tabs={TABS.map((t) =>
          t.key === 'review'
            ? { ...t, badge: { count: openThreads, description: `${openThreads} unresolved review threads` } }
            : t,
        )}
        selected={tab}
        onSelect={onSelectTab}
        idPrefix={prefix}
      />
      <div
        className="tab-panel"
        role="tabpanel"
        id={`${prefix}-panel-${tab}`}
        aria-labelledby={`${prefix}-tab-${tab}`}
      >
        <ErrorBoundary
          key={tab}
          what={`The ${TABS.find((t) => t.key === tab)?.label ?? tab} tab`}
          fallback={(error) => (
            <DamagedItem
              kind="Incident"
              name={incident.title}
              reason={`The ${TABS.find((t) => t.key === tab)?.label ?? tab} tab failed: ${error.message}`}
              onExportRaw={() => repair.exportRaw(incident.id, incident.title)}
              onDelete={() => {
                repair.remove(incident.id, incident.title);
                onBack();
              }}
            />
          )}
        >
          <ReadOnlyContext.Provider value={readOnly}>
            {readOnly !== null && (
              <p className="readonly-banner" role="note" data-testid="readonly-banner">
                {readOnly}
              </p>
            )}
            <TabBody incident={incident} tab={tab} onImportLogs={onImportLogs} />
          </ReadOnlyContext.Provider>
        </ErrorBoundary>
      </div>
    </article>
  );
}

function TabBody({
  incident,
  tab,
  onImportLogs,
}: {
  incident: Incident;
  tab: IncidentTab;
  onImportLogs?: ((incident: Incident) => void) | undefined;
}) {
  switch (tab) {
    case 'overview':
      return (
        <>
          <OverviewForm key={incident.id} incident={incident} />
          <SimilarIncidents
            incidentId={incident.id}
            onOpen={(id) => goTo({ name: 'incident', id, tab: 'overview' })}
          />
        </>
      );
    case 'timeline':
      return (
        <>
          <DamagedRows table="imports" incidentId={incident.id} kind="Import" />
          <DamagedEvents incidentId={incident.id} />
          <DamagedRows table="patterns" incidentId={incident.id} kind="Log pattern" />
          <TimelinePanel incident={incident} onImportLogs={onImportLogs && (() => onImportLogs(incident))} />
        </>
      );
    case 'causes':
      return (
        <>
          <DamagedRows table="causes" incidentId={incident.id} kind="Cause" />
          <CausesPanel incidentId={incident.id} />
        </>
      );
    case 'actions':
      return <ActionsPanel incidentId={incident.id} />;
    case 'document':
      return (
        <>
          <DamagedRows table="sections" incidentId={incident.id} kind="Document section" />
          <DamagedEvents incidentId={incident.id} />
          <DocumentPanel incidentId={incident.id} />
        </>
      );
    case 'review':
      return (
        <>
          <DamagedRows table="comments" incidentId={incident.id} kind="Comment" />
          <DamagedRows table="signoffs" incidentId={incident.id} kind="Sign-off" />
          <ReviewPanel incidentId={incident.id} />
        </>
      );
  }
}

/**
 * The incident's damaged timeline events, by name, as the timeline's store found them while
 * reading (no second pass over every row).
 */
function DamagedEvents({ incidentId }: { incidentId: string }) {
  // Only watches: the tab's own view decides when the events are read.
  const { damaged } = useIncidentEvents(incidentId, false);
  return <DamagedRowList table="events" kind="Timeline event" rows={damaged} />;
}
