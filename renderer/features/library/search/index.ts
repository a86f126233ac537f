export { LibraryFilters } from './components/LibraryFilters';
export { SearchHits } from './components/SearchHits';
export { useLibraryQuery } from './hooks/useLibraryQuery';
export { useIndexState, useLibrarySearch, QUERY_MEASURE } from './hooks/useLibrarySearch';
export { openSearchHit } from './open';
export { librarySearch, setSearchChannelFactory, UPDATE_MEASURE, type SearchChannel } from './client';
export type { IndexState } from './worker/protocol';
