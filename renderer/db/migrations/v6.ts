import type Dexie from 'dexie';
import { SEARCH_INDEX_STORE } from '../../../shared/library/search/store';

/**
 * Schema v6: the incident library's search index, one row (key `library`) holding the
 * serialized full-text index and each incident's facets. Derived data, written only by the
 * search worker; a missing or outdated row is rebuilt from the incidents' rows.
 */
export function v6(db: Dexie): void {
  db.version(6).stores({
    [SEARCH_INDEX_STORE]: 'key',
  });
}
