import type { IncidentHits, SearchField } from '../../../../../shared/library/search';
import { openSearchHit } from '../open';

/** How a hit's place reads. */
const PLACE: Record<SearchField, string> = {
  title: 'Title',
  overview: 'Overview',
  labels: 'Services and tags',
  event: 'Timeline event',
  'event detail': 'Event detail',
  cause: 'Cause',
  'cause notes': 'Cause notes',
  action: 'Action item',
  'action description': 'Action item',
  document: 'Document',
  comment: 'Comment',
};

/** The matching places of one incident, each opening where it is; matched words are marked. */
export function SearchHits({ group, title }: { group: IncidentHits; title: string }) {
  const more = group.hitCount - group.hits.length;
  return (
    <ul className="search-hits" aria-label={`Matches in ${title}`}>
      {group.hits.map((hit) => (
        <li key={`${hit.kind}:${hit.targetId}:${hit.field}`}>
          <button
            type="button"
            className="search-hit"
            onClick={() => openSearchHit(group.incidentId, hit)}
            aria-label={`${PLACE[hit.field]}: ${hit.snippet.map((p) => p.text).join('')}`}
          >
            <span className="search-hit-place">{PLACE[hit.field]}</span>
            <span className="search-hit-snippet">
              {hit.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}
            </span>
          </button>
        </li>
      ))}
      {more > 0 && (
        <li className="muted search-hit-more">
          and {more.toLocaleString('en-US')} more place{more === 1 ? '' : 's'}
        </li>
      )}
    </ul>
  );
}
