import { memo, useEffect, useMemo, useState } from 'react';
import {
  isEmptyFilter,
  isSearching,
  searchWords,
  type IncidentHits,
  type LibraryFilter,
  type LibraryQuery,
} from '../../../../shared/library/search';
import type { Incident, SignOff } from '../../../../shared/domain';
import { useReadyMarker } from '../../../ui/ready';
import { DamagedItem } from '../../../ui/DamagedItem';
import { ConfirmDialog } from '../../../ui/Dialog';
import { ErrorBoundary } from '../../../ui/ErrorBoundary';
import { useNow } from '../../../ui/useNow';
import { useStableHandlers } from '../../../ui/useStableHandlers';
import { useOpenActionCounts } from '../../actions';
import { useSignOffsByIncident } from '../../review';
import { useDamagedActions } from '../hooks/useDamagedActions';
import { useIncidentRows } from '../hooks/useIncidents';
import {
  LibraryFilters,
  librarySearch,
  SearchHits,
  useLibraryQuery,
  useLibrarySearch,
} from '../../library/search';
import { LibraryStatus } from './LibraryStatus';
import { IncidentRow, type RowHandlers } from './IncidentRow';
import { IncidentsEmpty } from './IncidentsEmpty';

const ROW_LAYOUT = { as: 'row', colSpan: 6 } as const;
// Skipped on a keystroke until the answer for it arrives (their props do not change before).
const MemoHits = memo(SearchHits);
const MemoFilters = memo(LibraryFilters);
const NO_SIGNOFFS: readonly SignOff[] = [];
/** Search results shown at first (and added by "Show more"): the best ones are on top. */
const PAGE = 25;
/**
 * Incidents listed at first without a search (and added by "Show more"), newest edit first: a
 * thousand rows took half a second of the main thread (row by row, each with its dates) at
 * every start, while the ones anyone looks at are on top.
 */
const LIST_PAGE = 100;
/** How many a query shows at first. */
const pageOf = (q: LibraryQuery) => (isSearching(q) ? PAGE : LIST_PAGE);

interface IncidentListProps extends Omit<RowHandlers, 'onDelete'> {
  onNew: () => void;
  onOpenBundle: () => void;
  onTrySample?: (() => void) | undefined;
  onDeleteConfirmed: (incident: Incident) => void;
  /** The search and filters, as the URL keeps them (`q=…&severity=…`). */
  search: string;
  onSearchChange: (search: string) => void;
}

/**
 * The home screen: every incident, newest edit first, with row actions; full-text search over
 * everything written in them (results by relevance, each with its matching places) and filters.
 */
export function IncidentList({
  onNew,
  onOpenBundle,
  onTrySample,
  onDeleteConfirmed,
  search,
  onSearchChange,
  ...handlers
}: IncidentListProps) {
  // Stable, so that the memoised rows are skipped when a keystroke re-renders the list.
  const rowHandlers = useStableHandlers(handlers);
  const rows = useIncidentRows();
  const incidents = rows?.good;
  const damaged = rows?.damaged ?? [];
  const repair = useDamagedActions();
  const { query, queryString, setQuery, flush: writeSearch } = useLibraryQuery(search, onSearchChange);
  const { onFilter } = useStableHandlers({
    onFilter: (filter: LibraryFilter) => setQuery({ ...query, filter }),
  });
  const searching = isSearching(query);
  const page = pageOf(query);
  // How many to show; back to one page when the search changes.
  const [more, setMore] = useState({ search: queryString, limit: page });
  const limit = more.search === queryString ? more.limit : page;
  // The search service starts once the list has its rows (its reads would delay them).
  const { result, answered, partial } = useLibrarySearch(query, limit, rows !== undefined);
  const [confirming, setConfirming] = useState<Incident | null>(null);
  const now = useNow();
  const actionCounts = useOpenActionCounts();
  const signoffs = useSignOffsByIncident();
  const byId = useMemo(() => new Map((incidents ?? []).map((i) => [i.id, i])), [incidents]);
  const { shown, hits, drawn } = useMemo(() => {
    const all = incidents ?? [];
    const none = new Map<string, IncidentHits>();
    if (!searching) return { shown: all, hits: none, drawn: limit };
    if (result === undefined) return { shown: [], hits: none, drawn: 0 };
    const ids = result.incidentIds;
    const passing = new Set(ids);
    // With search words: by relevance; with filters only: the list's own order.
    const list =
      searchWords(answered.text).length === 0
        ? all.filter((i) => passing.has(i.id))
        : ids.flatMap((id) => byId.get(id) ?? []);
    // A first answer draws the rows up to the first whose hits are still coming (the first
    // screen, with every snippet); the rest are drawn with the complete answer just after.
    const waiting = new Set(partial ? (result.pendingHits ?? []) : []);
    const cut = waiting.size === 0 ? -1 : list.findIndex((i) => waiting.has(i.id));
    return {
      shown: list,
      hits: new Map(result.hits.map((h) => [h.incidentId, h])),
      drawn: cut === -1 ? limit : Math.min(cut, limit),
    };
  }, [incidents, byId, searching, result, answered, partial, limit]);
  useReadyMarker(incidents !== undefined);
  useEffect(() => {
    document.title = 'Rootline';
  }, []);

  if (incidents === undefined) return <p className="loading muted">Loading incidents…</p>;
  if (incidents.length === 0 && damaged.length === 0)
    return <IncidentsEmpty onNew={onNew} onOpenBundle={onOpenBundle} onTrySample={onTrySample} />;

  return (
    <section className="incident-list" aria-label="Incidents">
      <div className="list-toolbar">
        <h1 className="page-title">Incidents</h1>
        <input
          type="search"
          className="list-search"
          aria-label="Search incidents"
          placeholder="Search everything written in incidents…"
          value={query.text}
          onChange={(e) => {
            const next = { ...query, text: e.target.value };
            // The worker starts on it while the page draws the keystroke (a new text shows one page).
            librarySearch().prime(next, pageOf(next));
            setQuery(next);
          }}
          onBlur={writeSearch}
          data-search
        />
        <span className="spacer" />
        <button type="button" className="btn" onClick={onOpenBundle}>
          Open bundle…
        </button>
        <button type="button" className="btn btn-primary" onClick={onNew}>
          New incident
        </button>
      </div>
      <MemoFilters filter={query.filter} counts={result?.counts} onChange={onFilter} />
      <LibraryStatus
        shown={shown.length}
        total={incidents.length}
        searching={searching}
        answeredText={answered.text}
        hitsPending={(result?.pendingHits?.length ?? 0) > 0}
      />
      <table className="table incidents-table">
        {/* Set widths (a fixed table layout): columns do not jump as results change, and a
            keystroke's new rows are laid out without measuring every cell first. */}
        <colgroup>
          <col />
          <col className="col-w-severity" />
          <col className="col-w-status" />
          <col className="col-w-window" />
          <col className="col-w-edited" />
          <col className="col-w-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
            <th scope="col">Impact window</th>
            <th scope="col">Last edited</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {damaged.map((row) => (
            <DamagedItem
              key={`damaged-${row.id}`}
              kind="Incident"
              name={row.name}
              reason={row.reason}
              onExportRaw={() => repair.exportRaw(row.id, row.name)}
              onDelete={() => repair.remove(row.id, row.name)}
              layout={ROW_LAYOUT}
            />
          ))}
          {shown.slice(0, drawn).map((incident) => (
            // A row that throws (a value no check foresaw) is named in place, never blanks the list.
            <ErrorBoundary
              key={incident.id}
              what={`Incident “${incident.title}”`}
              fallback={(error) => (
                <DamagedItem
                  kind="Incident"
                  name={incident.title}
                  reason={error.message}
                  onExportRaw={() => repair.exportRaw(incident.id, incident.title)}
                  onDelete={() => repair.remove(incident.id, incident.title)}
                  layout={ROW_LAYOUT}
                />
              )}
            >
              <IncidentRow
                incident={incident}
                now={now}
                actionCounts={actionCounts?.get(incident.id)}
                signoffs={signoffs === undefined ? undefined : (signoffs.get(incident.id) ?? NO_SIGNOFFS)}
                {...rowHandlers}
                onDelete={setConfirming}
              />
              {hits.has(incident.id) && (
                <tr className="search-hits-row">
                  <td colSpan={ROW_LAYOUT.colSpan}>
                    <MemoHits group={hits.get(incident.id)!} title={incident.title} />
                  </td>
                </tr>
              )}
            </ErrorBoundary>
          ))}
        </tbody>
      </table>
      {shown.length > limit && (
        <p className="list-more">
          <button
            type="button"
            className="btn"
            onClick={() => setMore({ search: queryString, limit: limit + page })}
          >
            Show {Math.min(page, shown.length - limit).toLocaleString('en-US')} more of{' '}
            {(shown.length - limit).toLocaleString('en-US')}
          </button>
        </p>
      )}
      {searching && result !== undefined && shown.length === 0 && (
        <p className="muted no-matches">
          {searchWords(query.text).length === 0
            ? 'No incident matches these filters.'
            : `No incident matches “${query.text.trim()}”${isEmptyFilter(query.filter) ? '' : ' with these filters'}.`}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title="Delete incident?"
          message={`“${confirming.title}” and everything in it (timeline, causes, actions, document, comments) will be deleted. You can undo right after.`}
          confirmLabel="Delete"
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const target = confirming;
            setConfirming(null);
            onDeleteConfirmed(target);
          }}
        />
      )}
    </section>
  );
}
