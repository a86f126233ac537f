/**
 * The raw-record block store: its name and key layout, in one place. Two writers touch it —
 * the import worker (raw IndexedDB, so millions of records never cross to the main thread) and
 * the repositories (Dexie: commit, delete, export, sweep) — and both derive every key from here.
 */

/** The object store (Dexie table) that holds raw-record blocks. */
export const LOG_BLOCK_STORE = 'logBlocks';

/**
 * The store's Dexie schema: primary key `id`, then its indexes. Migration v1 declared exactly
 * this; changing it needs a new numbered migration (a test holds the two equal).
 */
export const LOG_BLOCK_INDEXES = 'id, [importId+seq], [incidentId+firstAt], incidentId';

/** Digits of the zero-padded position in a block id, so ids sort in position order. */
const SEQ_DIGITS = 6;

/**
 * The id of block `seq` of an import: `<importId>:<seq, zero-padded>`. Ids derive from the import
 * and position, so re-importing a file rewrites the same rows and every block of an import sits
 * in one key range ({@link blockIdRange}).
 */
export function logBlockId(importId: string, seq: number): string {
  return `${importId}:${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

/** The import a block id belongs to (everything before the last `:`). */
export function importIdOfBlock(blockId: string): string {
  const at = blockId.lastIndexOf(':');
  return at < 0 ? blockId : blockId.slice(0, at);
}

/**
 * Lower and upper primary keys of every block of an import (inclusive), for a key-range delete
 * that needs no index: `IDBKeyRange.bound(lower, upper)`.
 */
export function blockIdRange(importId: string): { lower: string; upper: string } {
  return { lower: `${importId}:`, upper: `${importId}:\uffff` };
}
