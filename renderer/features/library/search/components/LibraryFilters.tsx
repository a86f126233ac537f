import {
  INCIDENT_STATUSES,
  INCIDENT_STATUS_LABELS,
  SEVERITIES,
  type IncidentStatus,
} from '../../../../../shared/domain';
import {
  EMPTY_FILTER,
  isEmptyFilter,
  type FacetCounts,
  type LibraryFilter,
} from '../../../../../shared/library/search';
import './search.css';

type ListFacet = keyof FacetCounts;

const FACETS: readonly { key: ListFacet; label: string; plural: string }[] = [
  { key: 'severity', label: 'Severity', plural: 'severities' },
  { key: 'status', label: 'Status', plural: 'statuses' },
  { key: 'service', label: 'Service', plural: 'services' },
  { key: 'region', label: 'Region', plural: 'regions' },
  { key: 'category', label: 'Cause category', plural: 'cause categories' },
  { key: 'tag', label: 'Tag', plural: 'tags' },
];

/** The values a facet offers: fixed ones in their order, others as the incidents have them. */
function valuesOf(key: ListFacet, counts: FacetCounts | undefined): string[] {
  if (key === 'severity') return [...SEVERITIES];
  if (key === 'status') return [...INCIDENT_STATUSES];
  return Object.keys(counts?.[key] ?? {}).sort((a, b) => a.localeCompare(b));
}

const valueLabel = (key: ListFacet, value: string) =>
  key === 'status' ? (INCIDENT_STATUS_LABELS[value as IncidentStatus] ?? value) : value;

/**
 * Filters of the incident list: a menu per facet (each value with how many incidents it would
 * show), a date range, "has open action items", and the chosen values as removable chips.
 */
export function LibraryFilters({
  filter,
  counts,
  onChange,
}: {
  filter: LibraryFilter;
  counts: FacetCounts | undefined;
  onChange: (filter: LibraryFilter) => void;
}) {
  const chosen = FACETS.flatMap((f) => (filter[f.key] as string[]).map((value) => ({ facet: f, value })));
  return (
    <div className="library-filters" role="group" aria-label="Filter incidents">
      {FACETS.map((f) => {
        const values = valuesOf(f.key, counts).filter((v) => !(filter[f.key] as string[]).includes(v));
        return (
          <select
            key={f.key}
            className="library-facet"
            aria-label={`Filter by ${f.label.toLowerCase()}`}
            value=""
            disabled={values.length === 0}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v !== '') onChange({ ...filter, [f.key]: [...(filter[f.key] as string[]), v] });
            }}
          >
            <option value="">{values.length === 0 ? `No ${f.plural}` : f.label}</option>
            {values.map((v) => (
              <option key={v} value={v}>
                {valueLabel(f.key, v)} ({(counts?.[f.key][v] ?? 0).toLocaleString('en-US')})
              </option>
            ))}
          </select>
        );
      })}
      <label className="library-date">
        From
        <input
          type="date"
          className="input"
          value={filter.from ?? ''}
          max={filter.to ?? undefined}
          onChange={(e) => onChange({ ...filter, from: e.currentTarget.value || null })}
        />
      </label>
      <label className="library-date">
        To
        <input
          type="date"
          className="input"
          value={filter.to ?? ''}
          min={filter.from ?? undefined}
          onChange={(e) => onChange({ ...filter, to: e.currentTarget.value || null })}
        />
      </label>
      <label className="library-check">
        <input
          type="checkbox"
          checked={filter.openActions}
          onChange={(e) => onChange({ ...filter, openActions: e.currentTarget.checked })}
        />
        Has open action items
      </label>
      {chosen.length > 0 && (
        <ul className="filter-chips" aria-label="Chosen filters">
          {chosen.map(({ facet, value }) => (
            <li key={`${facet.key}:${value}`}>
              <button
                type="button"
                className="filter-chip"
                aria-label={`Remove filter ${facet.label}: ${valueLabel(facet.key, value)}`}
                onClick={() =>
                  onChange({
                    ...filter,
                    [facet.key]: (filter[facet.key] as string[]).filter((v) => v !== value),
                  })
                }
              >
                {facet.label}: {valueLabel(facet.key, value)} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!isEmptyFilter(filter) && (
        <button type="button" className="btn btn-small" onClick={() => onChange(EMPTY_FILTER)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
