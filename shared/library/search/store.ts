import type { IncidentFacets } from './facets';

/*
 * Where the search index is kept: rows of one IndexedDB store, written only by the search
 * worker (renderer/features/library/search/worker) and declared by the database schema
 * (renderer/db): the index row, and one row of searchable places per incident. Name and keys
 * live here so both use the same ones.
 */

/** The object store of the persisted index (primary key `key`). */
export const SEARCH_INDEX_STORE = 'searchIndex';

/** The key of the library's row in that store. */
export const SEARCH_INDEX_KEY = 'library';

/** Keys of the incidents' places rows: this prefix and the incident id. */
export const SEARCH_PLACES_PREFIX = 'places:';

/**
 * The layout of what is indexed (which text, how it is split into documents and words) and of
 * how places are stored (4: packed, see places.ts; 5: in a file where there is one). A stored
 * index of another version is rebuilt once, from the rows.
 */
export const SEARCH_INDEX_VERSION = 5;

/** The key of the row that says where each incident's places are in the places file. */
export const SEARCH_PLACES_FILE_KEY = 'library-places-file';

/**
 * Where each incident's places record is in the places file (an incident not named here has
 * its places in a row of its own, or none stored): written in the transaction that stores the
 * index, so the two always agree.
 */
export interface PlacesFileRow {
  key: typeof SEARCH_PLACES_FILE_KEY;
  version: number;
  /** The file's generation (compaction writes the next one). */
  gen: number;
  /** Where the next record goes. */
  end: number;
  /** Per incident: where its record starts, and its length in bytes. */
  locs: Record<string, [at: number, length: number]>;
}

/**
 * The persisted form of a LibraryIndex (engine.ts): the word index and each incident's facets.
 * Places are stored apart, per incident (LibraryIndex.takeChangedPlaces): the text of a
 * thousand incidents' places is ~140 MB, and reading it whole made loading the index take 10 s.
 */
export interface IndexSnapshot {
  version: number;
  index: string;
  incidents: Record<string, { indexedAt: number; facets: IncidentFacets }>;
}
