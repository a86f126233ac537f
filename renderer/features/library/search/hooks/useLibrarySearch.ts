import { useEffect, useState, useSyncExternalStore } from 'react';
import { EMPTY_QUERY, type LibraryQuery, type LibraryResult } from '../../../../../shared/library/search';
import { librarySearch } from '../client';
import type { IndexState } from '../worker/protocol';

/** Name of the User Timing measures the search leaves (read by `npm run bench:library`). */
export const QUERY_MEASURE = 'rootline:search-query';

/**
 * The library's answer to a query, refreshed when the index takes in a change; undefined until
 * the first answer. `answered` is the query the result is for (the newest one lags while the
 * worker answers); `status` says whether the index is loading, indexing or ready.
 */
export function useLibrarySearch(query: LibraryQuery): {
  result: LibraryResult | undefined;
  answered: LibraryQuery;
  status: IndexState;
} {
  const client = librarySearch();
  const status = useSyncExternalStore(
    (fn) => client.onStatus(fn),
    () => client.status,
  );
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<{ result: LibraryResult | undefined; query: LibraryQuery }>({
    result: undefined,
    query: EMPTY_QUERY,
  });

  // An edit anywhere shows in the list as soon as the index has it (a burst of edits: once per frame).
  useEffect(() => {
    let frame: number | null = null;
    const off = client.onUpdated(() => {
      frame ??= requestAnimationFrame(() => {
        frame = null;
        setVersion((v) => v + 1);
      });
    });
    return () => {
      off();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [client]);

  useEffect(() => {
    let live = true;
    const start = performance.now();
    void client.query(query).then((r) => {
      if (!live) return;
      performance.measure(QUERY_MEASURE, { start, end: performance.now(), detail: query.text });
      setAnswer({ result: r, query });
    });
    return () => {
      live = false;
    };
  }, [client, query, version]);

  return { result: answer.result, answered: answer.query, status };
}
