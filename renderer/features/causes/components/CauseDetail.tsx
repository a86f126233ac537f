import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { ActionItem, CauseNode, Incident } from '../../../../shared/domain';
import { kindLabel, updateNode } from '../../../../shared/causes';
import { formatZonedShort } from '../../../../shared/format';
import { addActionForCauses, deleteActions, putActions } from '../../../db/repos/actions';
import { getEventsByIds } from '../../../db/repos/causes';
import { kindColor } from '../../../ui/palette';
import { ReadOnlyScope } from '../../../ui/readOnly';
import { useToast } from '../../../ui/Toast';
import { CommentThreads, Markdown } from '../../comments';
import { useUndoManager } from '../../undo';
import type { CauseEdits } from '../hooks/useCauseEdits';
import { CauseFields } from './CauseFields';
import { DraftTextarea } from './DraftTextarea';
import { EvidencePicker } from './EvidencePicker';

interface CauseDetailProps {
  incident: Incident;
  node: CauseNode;
  isRoot: boolean;
  kindsInUse: readonly string[];
  actions: readonly ActionItem[];
  edits: CauseEdits;
  onShowEvent: (eventId: string) => void;
}

/** Everything about one cause: fields, detail (Markdown), evidence, action items and comments. */
export function CauseDetail({
  incident,
  node,
  isRoot,
  kindsInUse,
  actions,
  edits,
  onShowEvent,
}: CauseDetailProps) {
  const [picking, setPicking] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const toast = useToast();
  const undo = useUndoManager();
  const evidence =
    useLiveQuery(() => getEventsByIds(node.evidenceEventIds), [node.evidenceEventIds.join(',')]) ?? [];
  const patch = (p: Partial<CauseNode>, label: string, coalesceKey?: string) =>
    void edits.run(updateNode(edits.rows(), node.id, p, Date.now()), label, coalesceKey);
  const linkedActions = actions.filter((a) => a.causeIds.includes(node.id));
  const missing = node.evidenceEventIds.length - evidence.length;

  const addAction = async () => {
    const item = await addActionForCauses({
      incidentId: incident.id,
      causeIds: [node.id],
      title: `Address: ${node.title}`.slice(0, 2000),
    });
    undo.push({
      label: 'Add action item',
      undo: () => deleteActions([item.id]),
      redo: () => putActions([item]),
    });
    toast({ message: `Added action item "${item.title}"; edit it on the Action items tab.` });
  };

  return (
    <section className="cause-detail" aria-label={`Details of ${node.title || 'untitled cause'}`}>
      <header className="cause-detail-header">
        <span className="row-kind">{kindLabel(node.kind)}</span>
        <h2>{node.title || 'Untitled'}</h2>
      </header>
      <CauseFields node={node} isRoot={isRoot} kindsInUse={kindsInUse} onPatch={patch} />
      <ReadOnlyScope>
        <div className="field">
          <div className="field-head">
            <label htmlFor={`detail-${node.id}`}>Detail</label>
            <button
              type="button"
              className="btn-link"
              onClick={() => setPreviewing((v) => !v)}
              aria-pressed={previewing}
            >
              {previewing ? 'Edit' : 'Preview'}
            </button>
          </div>
          {previewing ? (
            <Markdown text={node.detail || '_Nothing written yet._'} className="detail-preview" />
          ) : (
            <DraftTextarea
              id={`detail-${node.id}`}
              rows={4}
              value={node.detail}
              maxLength={100_000}
              placeholder="What happened and how we know (Markdown)"
              onValue={(detail) => patch({ detail }, 'Edit cause detail', `cause-detail:${node.id}`)}
            />
          )}
        </div>

        <div className="field">
          <div className="field-head">
            <span className="field-label">Evidence ({node.evidenceEventIds.length})</span>
            <button type="button" className="btn btn-small" onClick={() => setPicking(true)}>
              Link evidence…
            </button>
          </div>
          {node.evidenceEventIds.length === 0 && (
            <p className="field-hint">Link the timeline events that show this cause happened.</p>
          )}
          <ul className="evidence-list" aria-label="Evidence">
            {evidence.map((e) => (
              <li key={e.id}>
                <span className="kind-dot" style={{ background: kindColor(e.kind) }} aria-hidden="true" />
                <button
                  type="button"
                  className="btn-link evidence-link"
                  onClick={() => onShowEvent(e.id)}
                  title="Show this event"
                >
                  <span className="mono">{formatZonedShort(e.at, incident.displayZone)}</span>{' '}
                  {e.title || '(untitled event)'}
                </button>
                <button
                  type="button"
                  className="btn-icon"
                  aria-label={`Unlink ${e.title}`}
                  onClick={() =>
                    patch(
                      { evidenceEventIds: node.evidenceEventIds.filter((id) => id !== e.id) },
                      'Unlink evidence',
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          {missing > 0 && (
            <p className="field-hint">{missing} linked event(s) no longer exist on the timeline.</p>
          )}
        </div>

        {!isRoot && (
          <div className="field">
            <div className="field-head">
              <span className="field-label">Action items ({linkedActions.length})</span>
              <button type="button" className="btn btn-small" onClick={() => void addAction()}>
                Add action item
              </button>
            </div>
            <ul className="linked-actions">
              {linkedActions.map((a) => (
                <li key={a.id}>
                  <span className="pill">{a.priority}</span> {a.title}{' '}
                  <span className="muted">({a.status})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </ReadOnlyScope>
      <CommentThreads
        incidentId={incident.id}
        targetType="cause"
        targetId={node.id}
        label={node.title || 'untitled cause'}
      />

      {picking && (
        <EvidencePicker
          incidentId={incident.id}
          zone={incident.displayZone}
          linked={node.evidenceEventIds}
          onClose={() => setPicking(false)}
          onToggle={(eventId, link) => {
            const current =
              edits.rows().find((n) => n.id === node.id)?.evidenceEventIds ?? node.evidenceEventIds;
            const next = link ? [...new Set([...current, eventId])] : current.filter((id) => id !== eventId);
            patch({ evidenceEventIds: next }, link ? 'Link evidence' : 'Unlink evidence');
          }}
        />
      )}
    </section>
  );
}
