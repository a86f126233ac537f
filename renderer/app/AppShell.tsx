import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Incident } from '../../shared/domain';
import { AllActionsView } from '../features/actions';
import { PreloadLibrary, TrendsView } from '../features/trends';
import { useBundleActions } from '../features/bundles';
import { ExportDialog } from '../features/export';
import {
  folderToFiles,
  ImportLauncher,
  isBundleFile,
  useOrphanSweep,
  type ImportTarget,
} from '../features/import';
import { IncidentList, useDiscardUntouched, useIncidentActions } from '../features/incidents';
import { IncidentView } from './IncidentView';
import { JoinView, ShareDialog, useSyncEngine, useUnsyncedWarning } from '../features/share';
import { useUnsavedWarning } from '../features/journal';
import { createSampleIncident } from '../sample/trySample';
import { useUndoManager, useUndoShortcuts } from '../features/undo';
import { onFilesDropped } from '../platform';
import { useAlert } from '../ui/Alerts';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useToast } from '../ui/Toast';
import { AboutDialog } from './AboutDialog';
import { ShortcutsSheet } from './ShortcutsSheet';
import { CommandPalette } from './CommandPalette';
import type { CommandActions } from './commands';
import { StatusBar } from './StatusBar';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useHashRoute } from './useHashRoute';
import { useMenuActions } from './useMenuActions';
import { routeHash } from '../routing/route';

type Overlay = 'shortcuts' | 'about' | 'palette' | null;

/** Header, the current screen, the status bar, and the app-wide commands that drive them. */
export function AppShell() {
  const [route, navigate] = useHashRoute();
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [importTarget, setImportTarget] = useState<ImportTarget | null>(null);
  const [exportId, setExportId] = useState<string | null>(null);
  const [shareId, setShareId] = useState<string | null>(null);
  const alert = useAlert();
  const toast = useToast();
  const undo = useUndoManager();
  const incidents = useIncidentActions();

  const openIncident = useCallback(
    (id: string) => navigate({ name: 'incident', id, tab: 'overview' }),
    [navigate],
  );
  const bundles = useBundleActions(openIncident);
  const showError = useCallback((message: string) => alert('Something went wrong', message), [alert]);
  useUndoShortcuts(undo, showError);
  useOrphanSweep();
  useUnsavedWarning();
  useUnsyncedWarning();
  useSyncEngine();

  const newIncident = useCallback(() => {
    void incidents.create().then((i) => i && openIncident(i.id));
  }, [incidents, openIncident]);
  const openBundle = useCallback(() => void bundles.chooseAndOpen(), [bundles]);
  const trySample = useCallback(() => {
    createSampleIncident()
      .then((id) => navigate({ name: 'incident', id, tab: 'document' }))
      .catch((e: unknown) => showError(e instanceof Error ? e.message : String(e)));
  }, [navigate, showError]);
  const currentId = route.name === 'incident' ? route.id : null;
  useDiscardUntouched(currentId);

  // Dropped bundles open; dropped logs (and folders of logs) are imported into the open
  // incident, or into a new one when the list is showing.
  useEffect(
    () =>
      onFilesDropped(({ files, folders, problems }) => {
        if (problems.length > 0) alert('Some of what you dropped was not read', problems.join('\n'));
        const bundleFiles = files.filter((f) => isBundleFile(f.name));
        if (bundleFiles.length > 0) void bundles.openFiles(bundleFiles);
        void Promise.all(folders.map(folderToFiles))
          .then((fromFolders) => {
            const logs = [...files.filter((f) => !isBundleFile(f.name)), ...fromFolders.flat()];
            if (logs.length === 0) return;
            if (currentId) {
              navigate({ name: 'incident', id: currentId, tab: 'timeline' });
              setImportTarget({ incidentId: currentId, files: logs });
            } else {
              void incidents.create({ title: `Incident from ${logs[0]!.name}` }).then((i) => {
                if (!i) return;
                navigate({ name: 'incident', id: i.id, tab: 'timeline' });
                setImportTarget({ incidentId: i.id, files: logs });
              });
            }
          })
          .catch((e: unknown) => showError(e instanceof Error ? e.message : String(e)));
      }),
    [alert, bundles, currentId, incidents, navigate, showError],
  );

  const importLogs = useCallback(() => {
    if (!currentId) {
      toast({ message: 'Open an incident (or create one) to import logs into it.' });
      return;
    }
    navigate({ name: 'incident', id: currentId, tab: 'timeline' });
    setImportTarget({ incidentId: currentId, files: [] });
  }, [currentId, navigate, toast]);
  const openExport = useCallback(() => {
    if (currentId) setExportId(currentId);
    else toast({ message: 'Open an incident to export it.' });
  }, [currentId, toast]);
  const fail = useCallback(
    (p: Promise<unknown>) =>
      void p.catch((e: unknown) => showError(e instanceof Error ? e.message : String(e))),
    [showError],
  );
  const commandActions: CommandActions = useMemo(
    () => ({
      navigate: (r) => navigate(r),
      newIncident,
      openBundle,
      trySample,
      importLogs,
      openExport,
      openShare: () => currentId && setShareId(currentId),
      exportBundle: () => currentId && void bundles.exportBundle(currentId),
      undo: () => fail(undo.undo()),
      redo: () => fail(undo.redo()),
      focusSearch: () => {
        const el = document.querySelector<HTMLInputElement>('[data-search]');
        el?.focus();
        return el !== null;
      },
      showShortcuts: () => setOverlay('shortcuts'),
      showPalette: () => setOverlay('palette'),
      showAbout: () => setOverlay('about'),
    }),
    [navigate, newIncident, openBundle, trySample, importLogs, openExport, currentId, bundles, fail, undo],
  );
  const commandCtx = useMemo(() => ({ route }), [route]);
  // Typing a search replaces the history entry: Back leaves the list, not one letter.
  const onSearchChange = useCallback((query: string) => navigate({ name: 'list', query }, true), [navigate]);
  useGlobalShortcuts(commandActions, commandCtx);

  useMenuActions(
    useMemo(
      () => ({
        newIncident,
        openBundleText: (text: string, name: string) => void bundles.openText(text, name),
        bundleFailed: (name: string, reason: string) => alert(`Could not open ${name}`, reason),
        importLogs,
        exportCurrent: openExport,
        showShortcuts: () => setOverlay('shortcuts'),
        showAbout: () => setOverlay('about'),
        joinInvite: (server: string, token: string) => navigate({ name: 'join', server, token }),
      }),
      [newIncident, bundles, alert, importLogs, openExport, navigate],
    ),
  );

  const backupError = useCallback((message: string) => toast({ message }), [toast]);
  const exportIncident = useCallback((i: Incident) => void bundles.exportBundle(i.id), [bundles]);

  return (
    <div className="app">
      <header className="app-header">
        <a
          className="app-name"
          href={routeHash({ name: 'list' })}
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'list' });
          }}
        >
          <img className="app-logo" src="./favicon.svg" alt="" aria-hidden="true" />
          Rootline
        </a>
        <nav className="app-nav" aria-label="Main">
          <a
            href={routeHash({ name: 'actions' })}
            aria-current={route.name === 'actions' ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'actions' });
            }}
          >
            Action items
          </a>
          <a
            href={routeHash({ name: 'trends' })}
            aria-current={route.name === 'trends' ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'trends' });
            }}
          >
            Trends
          </a>
        </nav>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-icon"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => setOverlay('shortcuts')}
        >
          ?
        </button>
      </header>
      <main className="app-main">
        {/* Keyed by route: a view that fails is retried fresh when the user goes elsewhere. */}
        <ErrorBoundary key={route.name === 'incident' ? `incident-${route.id}` : route.name} what="This view">
          {route.name === 'actions' ? (
            <AllActionsView onOpenIncident={(id) => navigate({ name: 'incident', id, tab: 'actions' })} />
          ) : route.name === 'trends' ? (
            <TrendsView
              onOpenIncident={(id, tab) => navigate({ name: 'incident', id, tab })}
              onError={showError}
            />
          ) : route.name === 'join' ? (
            <JoinView
              server={route.server}
              token={route.token}
              onJoined={(id) => navigate({ name: 'incident', id, tab: 'overview' }, true)}
              onCancel={() => navigate({ name: 'list' }, true)}
              onError={showError}
            />
          ) : route.name === 'list' ? (
            <IncidentList
              onNew={newIncident}
              onOpenBundle={openBundle}
              onTrySample={trySample}
              onOpen={(i) => openIncident(i.id)}
              onRename={(i, title) => void incidents.rename(i.id, title)}
              onDuplicate={(i) => void incidents.duplicate(i.id)}
              onExport={exportIncident}
              onDeleteConfirmed={(i) => void incidents.remove(i)}
              search={route.query ?? ''}
              onSearchChange={onSearchChange}
            />
          ) : (
            <IncidentView
              key={route.id}
              id={route.id}
              tab={route.tab}
              onSelectTab={(tab) => navigate({ name: 'incident', id: route.id, tab }, true)}
              onBack={() => navigate({ name: 'list' })}
              onExport={exportIncident}
              onError={showError}
              onImportLogs={(i) => setImportTarget({ incidentId: i.id, files: [] })}
              onOpenExport={(i) => setExportId(i.id)}
              onShare={(i) => setShareId(i.id)}
            />
          )}
        </ErrorBoundary>
      </main>
      <PreloadLibrary />
      <StatusBar
        onRestoreBackup={(text, name) => void bundles.openText(text, name)}
        onBackupError={backupError}
      />
      {overlay === 'shortcuts' && <ShortcutsSheet onClose={() => setOverlay(null)} />}
      {overlay === 'about' && <AboutDialog onClose={() => setOverlay(null)} />}
      {overlay === 'palette' && (
        <CommandPalette actions={commandActions} ctx={commandCtx} onClose={() => setOverlay(null)} />
      )}
      {importTarget && <ImportLauncher target={importTarget} onClose={() => setImportTarget(null)} />}
      {shareId && <ShareDialog incidentId={shareId} onClose={() => setShareId(null)} onError={showError} />}
      {exportId && (
        <ExportDialog
          incidentId={exportId}
          onExportBundle={exportIncident}
          onClose={() => setExportId(null)}
        />
      )}
    </div>
  );
}
