import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { CommentTargetType, Incident } from '../../../../shared/domain';
import { COMMENT_TARGET_TYPES } from '../../../../shared/domain';
import {
  filterThreads,
  threadAuthors,
  threadsOf,
  type Thread,
  type ThreadFilter,
  type MergeConflict,
} from '../../../../shared/review';
import { routeHash, type IncidentTab } from '../../../routing/route';
import { getIncident } from '../../../db/repos/incidents';
import { CommentThreads, useIncidentComments } from '../../comments';
import { requestCauseFocus } from '../../causes';
import { useReviewLedger, useTargetNames } from '../hooks/useReview';
import { ConflictList } from './ConflictList';
import { ReviewActions } from './ReviewActions';
import { SignOffPanel } from './SignOffPanel';
import { StartThread } from './StartThread';
import './review.css';

const TARGET_TEXT: Record<CommentTargetType, string> = {
  incident: 'Incident',
  cause: 'Cause',
  event: 'Timeline event',
  action: 'Action item',
  section: 'Document section',
};

const TARGET_TAB: Record<CommentTargetType, IncidentTab> = {
  incident: 'overview',
  cause: 'causes',
  event: 'timeline',
  action: 'actions',
  section: 'document',
};

/** The Review tab: status and round trip, conflicts, and every thread of the incident, filterable. */
export function ReviewPanel({ incidentId }: { incidentId: string }) {
  const incident = useLiveQuery(async () => (await getIncident(incidentId)) ?? null, [incidentId]);
  if (incident === undefined) return <p className="loading muted">Loading review…</p>;
  if (incident === null) return <p className="muted">This incident no longer exists.</p>;
  return <ReviewWorkspace incident={incident} />;
}

function ReviewWorkspace({ incident }: { incident: Incident }) {
  const comments = useIncidentComments(incident.id);
  const names = useTargetNames(incident.id);
  const ledger = useReviewLedger(incident.id);
  const [filter, setFilter] = useState<ThreadFilter>({
    unresolvedOnly: true,
    author: null,
    targetType: null,
  });
  const threads = useMemo(() => threadsOf(comments ?? []), [comments]);
  const shown = useMemo(() => filterThreads(threads, filter), [threads, filter]);
  const authors = useMemo(() => threadAuthors(threads), [threads]);
  // One block per target, in the order of its first matching thread.
  const targets = useMemo(() => {
    const out = new Map<string, { type: CommentTargetType; id: string; ids: Set<string> }>();
    for (const t of shown) {
      const key = `${t.root.targetType}:${t.root.targetId}`;
      const entry = out.get(key) ?? { type: t.root.targetType, id: t.root.targetId, ids: new Set<string>() };
      entry.ids.add(t.root.id);
      out.set(key, entry);
    }
    return [...out.values()];
  }, [shown]);
  const open = threads.filter((t) => !t.root.resolved).length;

  return (
    <div className="review">
      <ReviewActions incident={incident} />
      <SignOffPanel incident={incident} />
      <ConflictList incidentId={incident.id} conflicts={(ledger?.conflicts ?? []) as MergeConflict[]} />
      <section aria-labelledby="threads-h" className="review-threads">
        <h3 id="threads-h">
          Threads{' '}
          <span className="muted">
            ({open} unresolved of {threads.length})
          </span>
        </h3>
        <div className="review-filters" role="group" aria-label="Filter threads">
          <label className="check">
            <input
              type="checkbox"
              checked={filter.unresolvedOnly}
              onChange={(e) => setFilter({ ...filter, unresolvedOnly: e.target.checked })}
            />
            Unresolved only
          </label>
          <label>
            Author{' '}
            <select
              aria-label="Author"
              value={filter.author ?? ''}
              onChange={(e) => setFilter({ ...filter, author: e.target.value || null })}
            >
              <option value="">Anyone</option>
              {authors.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label>
            On{' '}
            <select
              aria-label="On"
              value={filter.targetType ?? ''}
              onChange={(e) =>
                setFilter({ ...filter, targetType: (e.target.value || null) as CommentTargetType | null })
              }
            >
              <option value="">Anything</option>
              {COMMENT_TARGET_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TARGET_TEXT[t]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {comments !== undefined && shown.length === 0 && (
          <p className="muted">
            {threads.length === 0
              ? 'No review comments yet. Comment on causes (Root causes tab) or on the incident below; reviewers’ comments arrive with their review copy.'
              : 'No thread matches these filters.'}
          </p>
        )}
        {targets.map((t) => {
          const name =
            t.type === 'incident'
              ? incident.title || 'This incident'
              : (names?.get(`${t.type}:${t.id}`) ?? '(deleted)');
          return (
            <div key={`${t.type}:${t.id}`} className="review-target">
              <div className="review-target-head">
                <span className="row-kind">{TARGET_TEXT[t.type]}</span>
                <a
                  href={routeHash({ name: 'incident', id: incident.id, tab: TARGET_TAB[t.type] })}
                  onClick={() => t.type === 'cause' && requestCauseFocus(t.id)}
                >
                  {name}
                </a>
              </div>
              <CommentThreads
                incidentId={incident.id}
                targetType={t.type}
                targetId={t.id}
                label={name}
                heading={null}
                readOnlyStart
                filter={(th: Thread) => t.ids.has(th.root.id)}
              />
            </div>
          );
        })}
      </section>
      <StartThread incident={incident} />
    </div>
  );
}
