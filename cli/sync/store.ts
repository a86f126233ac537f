import * as Y from 'yjs';

/**
 * Where `rootline serve` keeps documents. Every update is appended before the server
 * acknowledges it (so a killed server loses nothing it acknowledged); `compact` folds the
 * appended updates into one stored state now and then.
 */
export interface SyncStore {
  /** What the backend is, for the start-up line (`SQLite /data/sync.db`, `PostgreSQL host/db`). */
  readonly description: string;
  /** Every stored piece of a document (its state and the updates since), or [] when new. */
  load(name: string): Promise<Uint8Array[]>;
  /** Appends one update; resolves once it is durable. */
  append(name: string, update: Uint8Array): Promise<void>;
  /**
   * Folds the stored state, the appended updates and `state` (the server's copy) into one
   * stored state and drops the folded updates. Updates appended meanwhile by another instance
   * are left for the next compaction.
   */
  compact(name: string, state: Uint8Array): Promise<void>;
  /** Closes the database. */
  close(): Promise<void>;
}

/** One Yjs state from several updates, garbage-collected (deleted content dropped). */
export function mergeState(parts: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const part of parts) Y.applyUpdate(doc, part);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
