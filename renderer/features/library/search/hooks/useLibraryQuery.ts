import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  libraryQueryString,
  parseLibraryQuery,
  type LibraryQuery,
} from '../../../../../shared/library/search';

/** Quiet time after the last keystroke before the typed text is written to the URL. */
export const URL_WRITE_DELAY_MS = 300;

/** Where typed text not yet in the URL is kept for this tab (a reload reads it back). */
export const PENDING_SEARCH_KEY = 'rootline.list.pendingSearch';

export interface LibraryQueryState {
  query: LibraryQuery;
  /** The query as its URL text (changes with every keystroke, before the URL does). */
  queryString: string;
  setQuery: (next: LibraryQuery) => void;
  /** Writes a pending text to the URL now (the search box lost focus: a click may navigate next). */
  flush: () => void;
}

/** Typed text and the URL text it was typed over. */
interface Typed {
  from: string;
  value: string;
}

/** The query text shown: what was typed, while the URL is still the one it was typed over. */
const shownText = (search: string, own: Typed | null): string =>
  own !== null && own.from === search ? own.value : search;

function readPending(search: string): Typed | null {
  try {
    const raw = sessionStorage.getItem(PENDING_SEARCH_KEY);
    const kept = raw === null ? null : (JSON.parse(raw) as Partial<Typed>);
    return typeof kept?.from === 'string' && typeof kept.value === 'string' && kept.from === search
      ? { from: kept.from, value: kept.value }
      : null;
  } catch {
    return null;
  }
}

function keepPending(typed: Typed | null): void {
  try {
    if (typed === null) sessionStorage.removeItem(PENDING_SEARCH_KEY);
    else sessionStorage.setItem(PENDING_SEARCH_KEY, JSON.stringify(typed));
  } catch {
    // No session storage (disabled, full): a reload within the delay loses the last keystrokes.
  }
}

/**
 * The list's search and filters, kept in the URL (`#/?q=…&severity=…`): `search` is the URL's
 * query text, `onSearchChange` writes a new one (the caller replaces the history entry, so
 * typing does not fill Back). The query answers each keystroke at once; the URL takes typed
 * text once typing pauses or the box loses focus — writing it per keystroke re-rendered the
 * whole app each time. Meanwhile the text is kept in session storage, so a reload keeps the last
 * keystroke. A filter is written at once. A URL changed from outside (Back, a link) replaces
 * what was typed.
 */
export function useLibraryQuery(search: string, onSearchChange: (search: string) => void): LibraryQueryState {
  const [own, setOwn] = useState<Typed | null>(() => readPending(search));
  const current = shownText(search, own);
  const parsed = useMemo(() => parseLibraryQuery(current), [current]);
  // The same filter object while only the text changes: the filter bar (a menu of every
  // service, region and tag) and the facet counts are then skipped at each keystroke.
  const filterKey = libraryQueryString({ text: '', filter: parsed.filter });
  const filter = useMemo(() => parseLibraryQuery(filterKey).filter, [filterKey]);
  const query = useMemo(() => ({ text: parsed.text, filter }), [parsed.text, filter]);
  const latest = useRef({ search, own, onSearchChange });
  useLayoutEffect(() => {
    latest.current = { search, own, onSearchChange };
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const { search, own, onSearchChange } = latest.current;
    keepPending(null);
    const text = shownText(search, own);
    if (text !== search) onSearchChange(text);
  }, []);

  useEffect(() => {
    // Text typed before a reload: into the URL now.
    if (latest.current.own !== null) flush();
    return () => {
      // Leaving the list (the route changed already): writing now would navigate back to it.
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      keepPending(null);
    };
  }, [flush]);

  const setQuery = useCallback(
    (next: LibraryQuery) => {
      const { search, own } = latest.current;
      const before = shownText(search, own);
      const typed: Typed = { from: search, value: libraryQueryString(next) };
      const textOnly = libraryQueryString({ ...next, text: parseLibraryQuery(before).text }) === before;
      latest.current.own = typed;
      setOwn(typed);
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      if (!textOnly) return flush();
      keepPending(typed);
      timer.current = setTimeout(flush, URL_WRITE_DELAY_MS);
    },
    [flush],
  );
  return { query, queryString: current, setQuery, flush };
}
