import { ReadOnlyScope } from '../../../ui/readOnly';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { LOCAL_ZONE } from '../../../platform/zone';
import type { Incident, KeyTimeField } from '../../../../shared/domain';
import { formatZonedFull } from '../../../../shared/format';
import { EMPTY_FILTER, type TimelineFilter, type ZoneChoice } from '../../../../shared/timeline-edit';
import { useAlert } from '../../../ui/Alerts';
import { EmptyState } from '../../../ui/EmptyState';
import { PatternsPanel } from '../../patterns';
import { useUndoManager } from '../../undo';
import { useCitations } from '../hooks/useCitations';
import { useRowActions } from '../hooks/useRowActions';
import { useViewPrefs } from '../hooks/useViewPrefs';
import { useTableKeys } from '../hooks/useTableKeys';
import { useTimelineCommands } from '../hooks/useTimelineCommands';
import { useTimelineStore } from '../hooks/useTimelineStore';
import { useTimelineView } from '../hooks/useTimelineView';
import { useTimelineSelection } from '../hooks/useTimelineSelection';
import { useDensity } from '../hooks/useDensity';
import { TimelineEdits } from '../model/edits';
import { exportChartPng, exportChartSvg } from '../model/exportChart';
import { AddEventBar } from './AddEventBar';
import { TableHeader } from './TableHeader';
import { TimelineToolbar } from './TimelineToolbar';
import { EventDialogs } from './EventDialogs';
import type { EditField } from './EventRow';
import { FilterBar } from './FilterBar';
import { SelectionArea } from './SelectionArea';
import { SwimlaneChart } from './SwimlaneChart';
import { TimelineTable, type TimelineTableHandle } from './TimelineTable';
import { ZoneControls } from './ZoneControls';
import { phaseLabelsAt, timelineZones } from '../model/zones';
import './timeline.css';
import { goTo } from '../../../routing/route';

interface TimelinePanelProps {
  incident: Incident;
  /** Shown as an "Import logs…" button when given (the import feature provides it). */
  onImportLogs?: (() => void) | undefined;
}

/** The timeline editor: swimlane chart, filters, and the virtualised, editable event table. */
export function TimelinePanel({ incident, onImportLogs }: TimelinePanelProps) {
  const { store, version, importsKey } = useTimelineStore(incident.id);
  const undo = useUndoManager();
  const alert = useAlert();
  const edits = useMemo(() => new TimelineEdits(store, undo), [store, undo]);
  const [prefs, setPrefs] = useViewPrefs(incident.id, {
    choice: { type: 'incident' },
    dual: incident.secondaryZone !== null,
    laneBy: 'service',
    gapMin: 30,
  });
  const { choice, dual, laneBy, gapMin } = prefs;
  const [filter, setFilter] = useState<TimelineFilter>(EMPTY_FILTER);
  const [editing, setEditing] = useState<{ id: string; field: EditField } | null>(null);
  const [dialog, setDialog] = useState<{ type: 'evidence' | 'comments'; id: string } | null>(null);
  const density = useDensity(incident.id, importsKey);
  const svgRef = useRef<() => string>(() => '');
  const table = useRef<TimelineTableHandle>(null);
  const addRef = useRef<HTMLInputElement>(null);
  const { zone, altZone, second } = timelineZones(choice, dual, incident);
  const view = useTimelineView(store, version, filter, zone, gapMin * 60_000, second);
  const chartEvents = useDeferredValue(view.chartEvents);
  const cited = useCitations(incident.id);
  const kt = incident.keyTimes;
  const phaseLabels = useMemo(() => phaseLabelsAt(kt), [kt]);

  const clearFilter = useCallback(() => setFilter(EMPTY_FILTER), []);
  const { sel, setSelection, scrollTo, reveal } = useTimelineSelection({
    incidentId: incident.id,
    store,
    shown: view.shown,
    table,
    clearFilter,
  });
  const fail = useCallback(
    (err: unknown) => alert('Timeline edit failed', err instanceof Error ? err.message : String(err)),
    [alert],
  );
  const selectedIds = [...sel.ids];
  const selectedEvents = selectedIds.map((id) => store.byId.get(id)).filter((e) => e !== undefined);
  const anchorAt =
    (sel.focus !== null ? store.byId.get(sel.focus)?.at : undefined) ??
    store.events[store.events.length - 1]?.at ??
    null;

  const { doDelete, doMerge, doKey, doSplit, doPhase } = useTimelineCommands({
    edits,
    store,
    selectedIds,
    setSelection,
    closeDialog: () => setDialog(null),
    importsKey,
    fail,
  });
  const jump = (field: KeyTimeField) => {
    const at = kt[field];
    if (at === null) return;
    const pos = view.shown.findIndex((e) => e.at >= at);
    const target = view.shown[pos];
    if (!target) return;
    setSelection(new Set([target.id]), target.id, target.id);
    scrollTo(pos);
    table.current?.focus();
  };

  const actions = useRowActions({
    edits,
    zone,
    shown: view.shown,
    selected: sel.ids,
    anchorId: sel.anchor,
    setSelection,
    setEditing,
    openEvidence: (id) => setDialog({ type: 'evidence', id }),
    openComments: (id) => setDialog({ type: 'comments', id }),
    showCauses: () => goTo({ name: 'incident', id: incident.id, tab: 'causes' }),
    refocus: () => table.current?.focus(),
  });
  const onKeyDown = useTableKeys({
    shown: view.shown,
    focusedId: sel.focus,
    selected: sel.ids,
    actions,
    setSelection,
    scrollTo,
    onDelete: doDelete,
    onMerge: () => void doMerge(),
    onKey: doKey,
    onEvidence: () => sel.focus && setDialog({ type: 'evidence', id: sel.focus }),
  });

  const importButton = onImportLogs && (
    <button type="button" className="btn" onClick={onImportLogs}>
      Import logs…
    </button>
  );
  const addBar = (
    <ReadOnlyScope>
      <AddEventBar
        ref={addRef}
        zone={zone}
        anchor={anchorAt}
        onAdd={(init) => edits.add(init).then((e) => reveal(e.id), fail)}
      />
    </ReadOnlyScope>
  );
  if (store.error) return <p role="alert">Could not read the timeline: {store.error}</p>;
  if (!store.ready) return <p className="loading muted">Loading timeline…</p>;
  if (store.total === 0 && store.complete) {
    return (
      <section aria-label="Timeline" className="tl-panel">
        <EmptyState title="No events yet" actions={importButton}>
          <p>
            Import logs to turn their records into events, or add what happened by hand: type a time in {zone}{' '}
            (or now, +5m), a kind and a title.
          </p>
        </EmptyState>
        {addBar}
      </section>
    );
  }
  const fileName = `${incident.title.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'timeline'}-chart`;
  return (
    <section
      aria-label="Timeline"
      className={`tl-panel${second ? ' tl-dual' : ''}`}
      onKeyDown={(e) => {
        if (
          e.key === 'a' &&
          !e.ctrlKey &&
          !e.metaKey &&
          e.target === e.currentTarget.querySelector('.tl-scroll')
        ) {
          e.preventDefault();
          addRef.current?.focus();
        }
      }}
    >
      <TimelineToolbar
        zoneControls={
          <ZoneControls
            choice={choice}
            incidentZone={incident.displayZone}
            localZone={LOCAL_ZONE}
            zone={zone}
            dual={dual}
            second={altZone}
            onChoice={(c: ZoneChoice) => setPrefs({ choice: c })}
            onDual={(d: boolean) => setPrefs({ dual: d })}
          />
        }
        keyTimes={kt}
        onJump={jump}
        importButton={importButton}
        laneBy={laneBy}
        onLaneBy={(l: 'service' | 'kind') => setPrefs({ laneBy: l })}
        onExportSvg={() => void exportChartSvg(svgRef.current(), fileName).catch(fail)}
        onExportPng={() => void exportChartPng(svgRef.current(), fileName).catch(fail)}
      />
      <SwimlaneChart
        events={chartEvents}
        zone={zone}
        second={second}
        keyTimes={kt}
        laneBy={laneBy}
        density={density}
        range={filter.range}
        selectedId={sel.focus}
        title={incident.title}
        onSelect={reveal}
        onBrush={(range) => setFilter((f) => ({ ...f, range }))}
        onSvg={(paper) => (svgRef.current = paper)}
      />
      {addBar}
      <PatternsPanel
        incident={incident}
        zone={zone}
        activeKey={filter.pattern?.id ?? null}
        onPick={(p) =>
          setFilter((f) => ({
            ...f,
            pattern: f.pattern?.id === p.id ? null : { id: p.id, template: p.template, eventIds: p.eventIds },
          }))
        }
      />
      <FilterBar
        filter={filter}
        services={view.services}
        regions={view.regions}
        hasInjected={view.hasInjected}
        shown={view.shown.length}
        total={store.total}
        formatTime={(ms) => formatZonedFull(ms, zone)}
        onChange={setFilter}
      />
      <SelectionArea
        selectedIds={selectedIds}
        selectedEvents={selectedEvents}
        gapMin={gapMin}
        onGapMin={(v) => setPrefs({ gapMin: v })}
        onKind={(k) => void edits.setKind(selectedIds, k).catch(fail)}
        onKey={doKey}
        onMerge={() => void doMerge()}
        onSplit={(id) => void doSplit(id)}
        onDelete={doDelete}
        onEvidence={(id) => setDialog({ type: 'evidence', id })}
        onPhase={doPhase}
        onClear={() => setSelection(new Set(), sel.focus, null)}
      />
      <TableHeader zone={zone} second={second} />
      <TimelineTable
        ref={table}
        rows={view.rows}
        shown={view.shown}
        selected={sel.ids}
        focusedId={sel.focus}
        editing={editing}
        zone={zone}
        second={second}
        impactStart={kt.impactStartAt}
        cited={cited}
        phaseLabels={phaseLabels}
        actions={actions}
        onKeyDown={onKeyDown}
        pending={store.complete ? 0 : Math.max(1, store.total - store.events.length)}
      />
      <EventDialogs
        dialog={dialog}
        store={store}
        zone={zone}
        importsKey={importsKey}
        pattern={filter.pattern?.template ?? null}
        onClose={() => setDialog(null)}
        onSplit={(r) => dialog && void doSplit(dialog.id, r)}
        onSaveDetails={(id, patch) => edits.update([id], patch, 'Edit details').catch(fail)}
      />
    </section>
  );
}
