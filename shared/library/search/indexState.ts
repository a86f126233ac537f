import type MiniSearch from 'minisearch';
import { INDEXED_TABLES, type IndexedTable } from './documents';
import type { IncidentFacets } from './facets';
import type { PackedPlaces } from './places';
import { tokenize } from './query';

/*
 * What the library index's two sides share: the word index and each incident's entry, which its
 * writes (writes.ts) bring up to date and its queries (engine.ts) read, and how the word index
 * is laid out. Only the writes change it.
 */

/** What is kept about each indexed incident: its places' text (for hits) and its facets. */
export interface IndexedIncident {
  /** The change time the index reflects (from the app's change log). */
  indexedAt: number;
  /**
   * Its searchable places, one document each (see documents.ts), packed (places.ts); null
   * while not loaded (an index read back from storage loads an incident's places when its hits
   * are first needed).
   */
  places: PackedPlaces | null;
  facets: IncidentFacets;
}

/** A word-index document: all text of one table of one incident. */
export interface TableText {
  id: string;
  text: string;
}

/** The word index (one document per incident and table) and each indexed incident's entry. */
export interface IndexState {
  readonly words: MiniSearch<TableText>;
  readonly incidents: Map<string, IndexedIncident>;
}

/** Joins the parts of the ids and keys the index makes. */
export const SEP = '\u001f';

/** The id of an incident's table in the word index. */
export const tableTextId = (incidentId: string, table: IndexedTable) => `${incidentId}${SEP}${table}`;

/** The incident and table of a word-index document (see {@link tableTextId}). */
export function parseTableTextId(id: string): { incidentId: string; table: IndexedTable } {
  const at = id.lastIndexOf(SEP);
  return { incidentId: id.slice(0, at), table: id.slice(at + 1) as IndexedTable };
}

/** A table's bit in the sets of tables a match is in (see scoring.ts). */
export const tableBit = (table: IndexedTable): number => 1 << INDEXED_TABLES.indexOf(table);

/** How the word index is made and read back. */
export const WORD_INDEX_OPTIONS = {
  idField: 'id',
  fields: ['text'],
  storeFields: [],
  tokenize,
  // Long-lived index with edits: clean up replaced documents in the background, in batches.
  autoVacuum: { minDirtCount: 50, minDirtFactor: 0.1, batchSize: 500, batchWait: 5 },
};
