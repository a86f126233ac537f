/*
 * Where the search index is kept: one row of one IndexedDB store, written only by the search
 * worker (renderer/workers/search.worker.ts) and declared by the database schema (renderer/db).
 * Name and key live here so both use the same ones.
 */

/** The object store of the persisted index (primary key `key`). */
export const SEARCH_INDEX_STORE = 'searchIndex';

/** The key of the library's row in that store. */
export const SEARCH_INDEX_KEY = 'library';

/**
 * The layout of what is indexed (which text, how it is split into documents and words). A
 * stored index of another version is rebuilt once, from the rows.
 */
export const SEARCH_INDEX_VERSION = 1;
