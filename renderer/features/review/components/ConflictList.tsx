import type { MergeConflict } from '../../../../shared/review';
import { resolveReviewConflict } from '../../../db/repos/review';
import { useAlert } from '../../../ui/Alerts';

const COLLECTION_NAMES: Record<MergeConflict['collection'], string> = {
  incident: 'Incident',
  causes: 'Cause',
  comments: 'Comment',
  actions: 'Action item',
  sections: 'Document section',
  events: 'Timeline event',
};

function show(values: Record<string, unknown> | null): string {
  if (values === null) return '(deleted here)';
  const entries = Object.entries(values).filter(
    ([k]) => !['updatedAt', 'createdAt', 'incidentId', 'id'].includes(k),
  );
  if (entries.length === 1) {
    const v = entries[0]![1];
    return typeof v === 'string' ? v || '(empty)' : JSON.stringify(v);
  }
  return entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n');
}

/** Edits both sides made to the same thing, each with "keep mine" / "take theirs". */
export function ConflictList({
  incidentId,
  conflicts,
}: {
  incidentId: string;
  conflicts: readonly MergeConflict[];
}) {
  const alert = useAlert();
  if (conflicts.length === 0) return null;
  const resolve = (c: MergeConflict, choice: 'ours' | 'theirs') =>
    void resolveReviewConflict(incidentId, c.key, choice).catch((e: unknown) =>
      alert('Could not resolve the conflict', e instanceof Error ? e.message : String(e)),
    );
  return (
    <section className="conflicts" aria-labelledby="conflicts-h">
      <h3 id="conflicts-h">
        Conflicts to resolve <span className="count-badge">{conflicts.length}</span>
      </h3>
      <p className="field-hint">Both you and the reviewer changed these. Yours is kept until you choose.</p>
      <ul>
        {conflicts.map((c) => (
          <li key={c.key} className="conflict" aria-label={`Conflict on ${c.label}`}>
            <div className="conflict-what">
              <strong>{COLLECTION_NAMES[c.collection]}</strong> “{c.label}” —{' '}
              {c.kind === 'deleted-here'
                ? 'you deleted it, the reviewer changed it'
                : `${c.group} changed on both sides`}
            </div>
            <div className="conflict-sides">
              <div>
                <span className="field-label">Mine</span>
                <pre className="conflict-value">{show(c.ours)}</pre>
              </div>
              <div>
                <span className="field-label">Theirs</span>
                <pre className="conflict-value">
                  {show(c.kind === 'deleted-here' ? { title: c.label } : c.theirs)}
                </pre>
              </div>
            </div>
            <div className="conflict-actions">
              <button type="button" className="btn btn-small" onClick={() => resolve(c, 'ours')}>
                Keep mine
              </button>
              <button
                type="button"
                className="btn btn-small btn-primary"
                onClick={() => resolve(c, 'theirs')}
              >
                {c.kind === 'deleted-here' ? 'Restore theirs' : 'Take theirs'}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
