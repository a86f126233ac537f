import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  EMPTY_QUERY,
  isSearching,
  type LibraryQuery,
  type LibraryResult,
} from '../../../../../shared/library/search';
import { librarySearch } from '../client';
import type { IndexState } from '../worker/protocol';

/** Name of the User Timing measures the search leaves (read by `npm run bench:library`). */
export const QUERY_MEASURE = 'rootline:search-query';

/** How often, at most, a shown search is run again while the index takes in changes. */
const REFRESH_MS = 300;

/** Whether the search index is loading, indexing or ready (re-renders only its caller). */
export function useIndexState(): IndexState {
  const client = librarySearch();
  return useSyncExternalStore(
    (fn) => client.onStatus(fn),
    () => client.status,
  );
}

/**
 * The library's answer to a query (hits and snippets for its first `limit` incidents), refreshed when the index takes in a change (while a search
 * or filter is shown); undefined until the first answer. `answered` is the query the result is
 * for (the newest one lags while the worker answers). Nothing is asked (and the search service
 * is not started) until `enabled`: the list starts it once its own rows are drawn, so the
 * service's reads never queue ahead of the first screen's.
 */
export function useLibrarySearch(
  query: LibraryQuery,
  limit: number,
  enabled = true,
): {
  result: LibraryResult | undefined;
  answered: LibraryQuery;
  /** The answer is a first one: the hits named in its `pendingHits` follow. */
  partial: boolean;
} {
  const client = librarySearch();
  const [version, setVersion] = useState(0);
  const active = isSearching(query);
  const [answer, setAnswer] = useState<{
    result: LibraryResult | undefined;
    query: LibraryQuery;
    partial: boolean;
  }>({ result: undefined, query: EMPTY_QUERY, partial: false });

  // An edit shows in the results once the index has it; a burst of changes (indexing many
  // incidents) refreshes them a few times a second, not per incident.
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = client.onUpdated(() => {
      timer ??= setTimeout(() => {
        timer = null;
        setVersion((v) => v + 1);
      }, REFRESH_MS);
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [client, active]);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const start = performance.now();
    let first = true;
    const show = (r: LibraryResult, partial: boolean) => {
      if (!live) return;
      if (first) performance.measure(QUERY_MEASURE, { start, end: performance.now(), detail: query.text });
      first = false;
      // The facet counts depend on the filters, not on the text: while typing they arrive equal
      // (a new copy each time); keeping the old object lets the filter bar skip its render.
      setAnswer((before) => ({ result: withCountsOf(before.result, r), query, partial }));
    };
    // An answer whose hits below the first screen are still coming is shown at once.
    void client.query(query, limit, (r) => show(r, true)).then((r) => show(r, false));
    return () => {
      live = false;
    };
  }, [client, query, limit, version, enabled]);

  return { result: answer.result, answered: answer.query, partial: answer.partial };
}

/** `next`, holding the counts object of `before` when the counts are the same. */
export function withCountsOf(before: LibraryResult | undefined, next: LibraryResult): LibraryResult {
  if (before === undefined || before.counts === next.counts) return next;
  return JSON.stringify(before.counts) === JSON.stringify(next.counts)
    ? { ...next, counts: before.counts }
    : next;
}
