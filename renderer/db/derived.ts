import { SEARCH_INDEX_STORE } from '../../shared/library/search/store';
import { EVENT_PACKS } from './eventPacks';
import { LIBRARY_SUMMARIES } from './repos/librarySummaries';

/**
 * Tables that only hold what other tables' rows already say (the packed copy of events, the
 * library's search index): rebuilt on use, never backed up, and left out of "nothing changed"
 * comparisons.
 */
export const DERIVED_TABLES: readonly string[] = [EVENT_PACKS, SEARCH_INDEX_STORE, LIBRARY_SUMMARIES];
