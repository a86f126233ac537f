import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { Incident } from '../../../../shared/domain';
import { buildTree, causeDiagram, deleteSubtree } from '../../../../shared/causes';
import { openThreadsByTarget } from '../../../../shared/review';
import { listActions, putActions, unlinkCauses } from '../../../db/repos/actions';
import { getCauseCategories, listEventIds } from '../../../db/repos/causes';
import { listImports } from '../../../db/repos/imports';
import { getIncident } from '../../../db/repos/incidents';
import { ConfirmDialog } from '../../../ui/Dialog';
import { Tabs, type TabDef } from '../../../ui/Tabs';
import { useToast } from '../../../ui/Toast';
import { useReadOnly } from '../../../ui/readOnly';
import { useIncidentComments } from '../../comments';
import { useUndoManager } from '../../undo';
import { onCauseFocusRequest, takeCauseFocus } from '../focus';
import { useCauseEdits } from '../hooks/useCauseEdits';
import { useCauseTree } from '../hooks/useCauseTree';
import { AnalysisView } from './AnalysisView';
import { CauseDetail } from './CauseDetail';
import { CauseOutline } from './CauseOutline';
import { DiagramCanvas } from './DiagramCanvas';
import { EventCard } from './EventCard';
import { FishboneView } from './FishboneView';
import { WhysView } from './WhysView';
import './causes.css';

type View = 'outline' | 'whys' | 'diagram' | 'fishbone' | 'analysis';
const VIEWS: readonly TabDef<View>[] = [
  { key: 'outline', label: 'Outline' },
  { key: 'whys', label: '5 whys' },
  { key: 'diagram', label: 'Diagram' },
  { key: 'fishbone', label: 'Fishbone' },
  { key: 'analysis', label: 'Analysis' },
];

/** The Root causes tab: the cause tree and its views (outline, 5 whys, diagram, fishbone, analysis). */
export function CausesPanel({ incidentId }: { incidentId: string }) {
  const incident = useLiveQuery(async () => (await getIncident(incidentId)) ?? null, [incidentId]);
  if (incident === undefined) return <p className="loading muted">Loading causes…</p>;
  if (incident === null) return <p className="muted">This incident no longer exists.</p>;
  return <CauseTreeLoader incident={incident} />;
}

function CauseTreeLoader({ incident }: { incident: Incident }) {
  const nodes = useCauseTree(incident);
  if (nodes === undefined) return <p className="loading muted">Loading causes…</p>;
  return <CauseWorkspace incident={incident} nodes={nodes} />;
}

function CauseWorkspace({
  incident,
  nodes,
}: {
  incident: Incident;
  nodes: NonNullable<ReturnType<typeof useCauseTree>>;
}) {
  const [view, setView] = useState<View>('outline');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  const [shownEvent, setShownEvent] = useState<string | null>(null);
  const edits = useCauseEdits(nodes);
  const toast = useToast();
  const undo = useUndoManager();
  const comments = useIncidentComments(incident.id);
  const actions = useLiveQuery(() => listActions(incident.id), [incident.id]) ?? [];
  const readOnly = useReadOnly();
  const imports = useLiveQuery(() => listImports(incident.id), [incident.id]) ?? [];
  const eventIds = useLiveQuery(async () => new Set(await listEventIds(incident.id)), [incident.id]);
  const categories = useLiveQuery(() => getCauseCategories(), []);
  const tree = useMemo(() => buildTree(nodes), [nodes]);
  const openThreads = useMemo(() => openThreadsByTarget(comments ?? [], 'cause'), [comments]);
  const selected = (selectedId !== null ? tree.byId.get(selectedId) : undefined) ?? tree.root;

  const focusNode = (id: string | null) => {
    if (id === null) return;
    setSelectedId(id);
    setFocus((f) => ({ id, n: (f?.n ?? 0) + 1 }));
  };
  useEffect(() => {
    const take = () => {
      const id = takeCauseFocus();
      if (id === null) return;
      setView('outline');
      setSelectedId(id);
      setFocus((f) => ({ id, n: (f?.n ?? 0) + 1 }));
    };
    take();
    return onCauseFocusRequest(take);
  }, []);

  const [confirming, setConfirming] = useState<{ id: string; message: string } | null>(null);

  /**
   * Delete from the outline: a cause with causes under it or linked action items is removed
   * only after the user agreed (a Delete at the end of a title is easy to press by accident).
   */
  const onDelete = async (id: string) => {
    const edit = deleteSubtree(edits.rows(), id);
    if (edit === null) return null;
    const message = deleteWarning(id, edit.remove);
    if (message !== null) {
      setConfirming({ id, message });
      return null;
    }
    return deleteNow(id);
  };

  const deleteWarning = (id: string, removed: readonly string[]): string | null => {
    const gone = new Set(removed);
    const linked = actions.filter((a) => a.causeIds.some((c) => gone.has(c))).length;
    const under = removed.length - 1;
    if (under === 0 && linked === 0) return null;
    const title = tree.byId.get(id)?.title || 'untitled cause';
    const parts = [
      under > 0 ? `${under} cause${under === 1 ? '' : 's'} under it` : null,
      linked > 0
        ? `the link${linked === 1 ? '' : 's'} from ${linked} action item${linked === 1 ? '' : 's'}`
        : null,
    ].filter((p) => p !== null);
    return `“${title}” and ${parts.join(' and ')} will be removed. You can undo right after.`;
  };

  const deleteNow = async (id: string) => {
    const edit = deleteSubtree(edits.rows(), id);
    if (edit === null) return null;
    const title = tree.byId.get(id)?.title || 'untitled cause';
    const next = await edits.run(edit, 'Delete cause', undefined, async () => {
      const before = await unlinkCauses(incident.id, edit.remove);
      return {
        undo: () => putActions(before),
        redo: async () => void (await unlinkCauses(incident.id, edit.remove)),
      };
    });
    const more = edit.remove.length - 1;
    toast({
      message: `Deleted “${title}”${more > 0 ? ` and ${more} cause${more === 1 ? '' : 's'} under it` : ''}`,
      action: { label: 'Undo', run: () => void undo.undo() },
    });
    return next;
  };

  const diagram = useMemo(() => causeDiagram(nodes, { openThreads }), [nodes, openThreads]);
  const kindsInUse = useMemo(() => [...new Set(nodes.map((n) => n.kind))], [nodes]);
  const slug = (incident.title || 'incident').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
  const prefix = `causes-${incident.id}`;

  return (
    <div className="causes">
      <Tabs label="Cause views" tabs={VIEWS} selected={view} onSelect={setView} idPrefix={prefix} />
      <div
        role="tabpanel"
        id={`${prefix}-panel-${view}`}
        aria-labelledby={`${prefix}-tab-${view}`}
        className="causes-view"
      >
        {view === 'outline' && (
          <div className="causes-split">
            <div className="causes-outline">
              {readOnly === null ? (
                <p className="field-hint outline-help">
                  Enter: new line · Ctrl+Enter: new line below · Tab / Shift+Tab: indent / outdent · Alt+↑↓:
                  move · Delete (or Backspace when empty): remove (asks first if causes or action items hang
                  on it) · drag ⋮⋮ to move
                </p>
              ) : (
                <p className="field-hint outline-help">
                  ↑↓: move between causes · select one to comment on it
                </p>
              )}
              <CauseOutline
                nodes={nodes}
                edits={edits}
                selectedId={selected?.id ?? null}
                onSelect={setSelectedId}
                openThreads={openThreads}
                onDelete={onDelete}
                focus={focus}
                onFocus={focusNode}
              />
            </div>
            {selected && (
              <CauseDetail
                key={selected.id}
                incident={incident}
                node={selected}
                isRoot={selected.id === tree.root?.id}
                kindsInUse={kindsInUse}
                actions={actions}
                edits={edits}
                onShowEvent={setShownEvent}
              />
            )}
          </div>
        )}
        {view === 'whys' && (
          <WhysView nodes={nodes} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
        )}
        {view === 'diagram' && (
          <DiagramCanvas
            drawing={{ mermaid: diagram.source, hash: diagram.hash }}
            fileName={`${slug}-causes`}
            label="Cause tree diagram"
            nodeIds={diagram.nodeIds}
            onNodeClick={(id) => {
              setView('outline');
              focusNode(id);
            }}
            note={
              diagram.hiddenCount > 0
                ? `${diagram.hiddenCount} causes folded into “+N” boxes to keep the diagram readable`
                : undefined
            }
          />
        )}
        {view === 'fishbone' && (
          <FishboneView
            nodes={nodes}
            categories={categories ?? []}
            fileName={`${slug}-fishbone`}
            onSelect={(id) => {
              setView('outline');
              focusNode(id);
            }}
          />
        )}
        {view === 'analysis' && (
          <AnalysisView
            incidentId={incident.id}
            nodes={nodes}
            actions={actions}
            imports={imports}
            eventIds={eventIds}
            edits={edits}
            onSelect={(id) => {
              setView('outline');
              focusNode(id);
            }}
          />
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title="Delete cause?"
          message={confirming.message}
          confirmLabel="Delete"
          danger
          onCancel={() => {
            const { id } = confirming;
            setConfirming(null);
            focusNode(id);
          }}
          onConfirm={() => {
            const { id } = confirming;
            setConfirming(null);
            void deleteNow(id).then(focusNode);
          }}
        />
      )}
      {shownEvent !== null && (
        <EventCard
          incidentId={incident.id}
          eventId={shownEvent}
          zone={incident.displayZone}
          onClose={() => setShownEvent(null)}
        />
      )}
    </div>
  );
}
