import { useLiveQuery } from 'dexie-react-hooks';
import { kindLabel } from '../../../../shared/causes';
import { listCausesCiting } from '../../../db/repos/causes';
import { causeLinkHash, requestCauseFocus } from '../focus';

/** "Cited by": the causes that use a timeline event as evidence, each a link to it. */
export function CitedBy({ incidentId, eventId }: { incidentId: string; eventId: string }) {
  const causes = useLiveQuery(() => listCausesCiting(incidentId, eventId), [incidentId, eventId]);
  if (!causes || causes.length === 0) return <p className="muted cited-by">No cause cites this event yet.</p>;
  return (
    <div className="cited-by">
      <span className="field-label">Cited by</span>
      <ul>
        {causes.map((c) => (
          <li key={c.id}>
            <a href={causeLinkHash(incidentId)} onClick={() => requestCauseFocus(c.id)}>
              {c.title || '(untitled)'}
            </a>{' '}
            <span className="row-kind">{kindLabel(c.kind)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
