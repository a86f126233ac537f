import { useMemo } from 'react';
import { reasonPhrases, similarIncidents } from '../../../../shared/library';
import { routeHash } from '../../../routing/route';
import { useLibrary } from '../hooks/useLibrary';
import './trends.css';

/**
 * "Looks like": other incidents that share services, error log patterns, change findings or
 * cause categories with this one, strongest first, each with the reasons and a link.
 */
export function SimilarIncidents({
  incidentId,
  onOpen,
}: {
  incidentId: string;
  onOpen: (id: string) => void;
}) {
  const library = useLibrary();
  const found = useMemo(() => {
    const target = library?.find((i) => i.id === incidentId);
    return target && library ? similarIncidents(target, library) : undefined;
  }, [library, incidentId]);
  if (!found) return null;
  return (
    <section className="similar-panel" aria-labelledby="similar-title" data-testid="similar-incidents">
      <h2 id="similar-title" className="section-title">
        Similar incidents
      </h2>
      {found.length === 0 ? (
        <p className="muted small">
          None yet. Incidents that share a service, an error log pattern, a change finding or a cause category
          with this one show up here.
        </p>
      ) : (
        <ul className="similar-list">
          {found.map((s) => (
            <li key={s.id}>
              <a
                href={routeHash({ name: 'incident', id: s.id, tab: 'overview' })}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(s.id);
                }}
              >
                {s.title || 'Untitled incident'}
              </a>
              <p className="similar-reasons">{reasonPhrases(s.reasons).join(' · ')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
