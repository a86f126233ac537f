import { ReadOnlyScope } from '../../../ui/readOnly';
import type { Incident, IncidentStatus } from '../../../../shared/domain';
import { exportReviewCopyText, importReviewCopy, setIncidentStatus } from '../../../db/repos/review';
import { platform } from '../../../platform';
import { useAlert } from '../../../ui/Alerts';
import { useToast } from '../../../ui/Toast';
import { useUndoManager } from '../../undo';
import { slugify } from '../../bundles/slug';
import { useAuthorGate } from '../../comments';
import { bundleFileNameOf } from '../../../../shared/bundle/fileName';
import { PublishControl } from './PublishControl';
import { useSignOffSummary } from '../hooks/useSignOffs';
import { useReviewerOnly } from '../../share';

const STATUS_TEXT: Record<IncidentStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  published: 'Published',
};

function describe(
  summary: { added: Record<string, number>; updated: Record<string, number> },
  conflicts: number,
): string {
  const parts: string[] = [];
  const added = summary.added.comments ?? 0;
  if (added > 0) parts.push(`${added} new comment${added === 1 ? '' : 's'}`);
  const signoffs = summary.added.signoffs ?? 0;
  if (signoffs > 0) parts.push(`${signoffs} sign-off${signoffs === 1 ? '' : 's'}`);
  const changed = Object.values(summary.updated).reduce((a, b) => a + b, 0);
  if (changed > 0) parts.push(`${changed} change${changed === 1 ? '' : 's'}`);
  const otherAdds = Object.entries(summary.added)
    .filter(([k]) => k !== 'comments' && k !== 'signoffs')
    .reduce((a, [, n]) => a + n, 0);
  if (otherAdds > 0) parts.push(`${otherAdds} new item${otherAdds === 1 ? '' : 's'}`);
  if (conflicts > 0) parts.push(`${conflicts} conflict${conflicts === 1 ? '' : 's'} to resolve`);
  return parts.length === 0 ? 'nothing new' : parts.join(', ');
}

/**
 * Status (draft → in review → approved → published, publishing gated by sign-off) and the offline
 * review round trip: export a copy, import one back.
 */
export function ReviewActions({ incident }: { incident: Incident }) {
  const alert = useAlert();
  const toast = useToast();
  const undo = useUndoManager();
  const gate = useAuthorGate(incident.id);
  const signOff = useSignOffSummary(incident);
  // A reviewer of a shared incident cannot change its status (the model is read-only for them).
  const reviewerOnly = useReviewerOnly(incident.id);
  // With required reviewers, their sign-off is the approval: the status follows it.
  const canApprove =
    signOff !== undefined && (signOff.state === 'none-required' || signOff.state === 'approved');

  const setStatus = async (status: IncidentStatus) => {
    const before = incident.status;
    await setIncidentStatus(incident.id, status);
    undo.push({
      label: 'Change status',
      undo: () => setIncidentStatus(incident.id, before),
      redo: () => setIncidentStatus(incident.id, status),
    });
  };

  const exportCopy = () =>
    void gate.withAuthor(async (by) => {
      try {
        const info = await platform.appInfo();
        const text = await exportReviewCopyText(incident.id, { by, appVersion: info.version });
        const name = bundleFileNameOf(`${slugify(incident.title)}.review`);
        await platform.saveFile(name, text, 'application/json');
        toast({
          message: `Exported ${name}. Send it to a reviewer; import their copy here when it comes back.`,
        });
        return true;
      } catch (e) {
        alert('Could not export the review copy', e instanceof Error ? e.message : String(e));
        return false;
      }
    });

  const importCopy = async () => {
    const files = await platform.openFiles({ accept: ['.json', 'application/json'], multiple: false });
    const file = files[0];
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      alert(`Could not read ${file.name}`, e instanceof Error ? e.message : String(e));
      return;
    }
    const r = await importReviewCopy(incident.id, text, file.name);
    if (!r.ok) alert(`Could not merge ${file.name}`, r.error);
    else toast({ message: `Merged ${file.name}: ${describe(r.summary, r.conflicts)}.` });
  };

  return (
    <section className="review-actions" aria-label="Review status">
      <div className="review-status">
        <span className="field-label">Status</span>
        <span className={`status status-${incident.status}`}>{STATUS_TEXT[incident.status]}</span>
        {reviewerOnly && (
          <span className="field-hint">
            You review this incident; its authors change the status and publish.
          </span>
        )}
        {!reviewerOnly && incident.status === 'draft' && (
          <button type="button" className="btn btn-small" onClick={() => void setStatus('in-review')}>
            Mark in review
          </button>
        )}
        {!reviewerOnly && incident.status === 'in-review' && (
          <>
            {canApprove && (
              <button
                type="button"
                className="btn btn-small btn-primary"
                onClick={() => void setStatus('approved')}
              >
                Approve
              </button>
            )}
            <button type="button" className="btn btn-small" onClick={() => void setStatus('draft')}>
              Back to draft
            </button>
          </>
        )}
        {!reviewerOnly &&
          (incident.status === 'in-review' || incident.status === 'approved') &&
          signOff !== undefined && <PublishControl incident={incident} summary={signOff} />}
        {!reviewerOnly && (incident.status === 'approved' || incident.status === 'published') && (
          <button type="button" className="btn btn-small" onClick={() => void setStatus('in-review')}>
            Reopen review
          </button>
        )}
      </div>
      <div className="review-roundtrip">
        <button type="button" className="btn" onClick={exportCopy}>
          Export review copy…
        </button>
        <ReadOnlyScope>
          <button type="button" className="btn" onClick={() => void importCopy()}>
            Import review copy…
          </button>
        </ReadOnlyScope>
        <p className="field-hint">
          Reviewers open the copy in their own Rootline (Open bundle), comment and set review states, then
          export a review copy back. Importing it merges comments and states by id; edits both sides made to
          the same text come up as conflicts.
        </p>
      </div>
      {gate.dialog}
    </section>
  );
}
