import { useCallback, useMemo } from 'react';
import {
  libraryQueryString,
  parseLibraryQuery,
  type LibraryQuery,
} from '../../../../../shared/library/search';

/**
 * The list's search and filters, kept in the URL (`#/?q=…&severity=…`): `search` is the URL's
 * query text, `onSearchChange` writes a new one (the caller replaces the history entry, so
 * typing does not fill Back).
 */
export function useLibraryQuery(
  search: string,
  onSearchChange: (search: string) => void,
): [LibraryQuery, (next: LibraryQuery) => void] {
  const query = useMemo(() => parseLibraryQuery(search), [search]);
  const setQuery = useCallback(
    (next: LibraryQuery) => onSearchChange(libraryQueryString(next)),
    [onSearchChange],
  );
  return [query, setQuery];
}
