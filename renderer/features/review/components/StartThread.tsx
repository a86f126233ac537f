import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { CommentTargetType, Incident } from '../../../../shared/domain';
import { formatZonedShort } from '../../../../shared/format';
import { listActions } from '../../../db/repos/actions';
import { listCauses, searchEvidenceEvents } from '../../../db/repos/causes';
import { listSections } from '../../../db/repos/sections';
import { CommentThreads } from '../../comments';

const TYPES: readonly { key: CommentTargetType; label: string }[] = [
  { key: 'incident', label: 'The incident' },
  { key: 'cause', label: 'A cause' },
  { key: 'event', label: 'A timeline event' },
  { key: 'action', label: 'An action item' },
  { key: 'section', label: 'A document section' },
];

interface Option {
  id: string;
  label: string;
}

/** Start a thread on anything of the incident, from one place (the same comment component). */
export function StartThread({ incident }: { incident: Incident }) {
  const [type, setType] = useState<CommentTargetType>('incident');
  const [targetId, setTargetId] = useState<string>(incident.id);
  const [query, setQuery] = useState('');
  const options = useLiveQuery(async (): Promise<Option[]> => {
    switch (type) {
      case 'incident':
        return [{ id: incident.id, label: incident.title || 'This incident' }];
      case 'cause':
        return (await listCauses(incident.id)).map((c) => ({
          id: c.id,
          label: c.title || '(untitled cause)',
        }));
      case 'event':
        return (await searchEvidenceEvents(incident.id, query, 50)).map((e) => ({
          id: e.id,
          label: `${formatZonedShort(e.at, incident.displayZone)} ${e.title || '(untitled event)'}`,
        }));
      case 'action':
        return (await listActions(incident.id)).map((a) => ({
          id: a.id,
          label: a.title || '(untitled action item)',
        }));
      case 'section':
        return (await listSections(incident.id)).map((s) => ({ id: s.id, label: s.title || s.key }));
    }
  }, [type, query, incident.id, incident.title, incident.displayZone]);
  const chosen = options?.find((o) => o.id === targetId) ?? (type === 'incident' ? options?.[0] : undefined);

  return (
    <section className="start-thread" aria-labelledby="start-thread-h">
      <h3 id="start-thread-h">Comment on…</h3>
      <div className="review-filters">
        <label>
          What{' '}
          <select
            aria-label="What"
            value={type}
            onChange={(e) => {
              const next = e.target.value as CommentTargetType;
              setType(next);
              setTargetId(next === 'incident' ? incident.id : '');
              setQuery('');
            }}
          >
            {TYPES.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        {type === 'event' && (
          <input
            type="search"
            aria-label="Search events"
            placeholder="Search events"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        )}
        {type !== 'incident' && (
          <label>
            Which{' '}
            <select aria-label="Which" value={chosen?.id ?? ''} onChange={(e) => setTargetId(e.target.value)}>
              <option value="">{options?.length === 0 ? 'None yet' : 'Choose…'}</option>
              {options?.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {chosen && (
        <CommentThreads
          key={`${type}:${chosen.id}`}
          incidentId={incident.id}
          targetType={type}
          targetId={chosen.id}
          label={chosen.label}
        />
      )}
    </section>
  );
}
