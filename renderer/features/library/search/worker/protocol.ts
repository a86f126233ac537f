import type { IndexedTable, LibraryQuery, LibraryResult } from '../../../../../shared/library/search';

/** Messages to the search worker. */
export type SearchRequest =
  /** Load the stored index (or build it) and bring it up to date with the change log's times. */
  | { type: 'start'; dbName: string; changes: Record<string, number> }
  /**
   * Rows of an incident changed (`table` null: any of them, or the incident itself went away;
   * `keys`: the written rows, when known; `rows`: those rows as written, one per key, when the
   * write put them, so the worker need not read them back).
   */
  | {
      type: 'changed';
      incidentId: string;
      table: IndexedTable | null;
      keys?: readonly string[];
      rows?: readonly unknown[];
    }
  | { type: 'query'; seq: number; query: LibraryQuery; limit: number };

/** Where the index is: reading the stored copy, indexing incidents, or ready. */
export type IndexState =
  | { state: 'loading' }
  | { state: 'indexing'; done: number; total: number }
  | { state: 'ready'; incidents: number; skipped: number }
  | { state: 'failed'; message: string };

/** Messages from the search worker. */
export type SearchReply =
  | { type: 'status'; status: IndexState }
  /**
   * A query's answer; `final` false: hits of some incidents are still being read
   * (`result.pendingHits`) and another answer to the same `seq` follows.
   */
  | { type: 'result'; seq: number; result: LibraryResult; ms: number; final: boolean }
  /**
   * An incident's change is in the index (`ms`: reading its rows and updating; `at`: when, in
   * epoch milliseconds at the worker's clock resolution, so the page can tell the index's delay
   * from its own).
   */
  | { type: 'updated'; incidentId: string; ms: number; at: number }
  | { type: 'saved'; ms: number };
