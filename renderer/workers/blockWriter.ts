import type { LogBlock } from '../../shared/domain';
import { blockIdRange, LOG_BLOCK_STORE } from '../../shared/import/blockStore';

/**
 * Writes raw-record blocks from the import worker straight into the app's raw-block store (name and keys: shared/import/blockStore.ts), so
 * millions of records never cross to the main thread (cloning them there would freeze the UI).
 * It opens the database at whatever version the app created and never upgrades it; everything
 * else about the schema stays in renderer/db. Blocks are staged: they belong to no incident view
 * until the main thread commits the import row.
 */
export class BlockWriter {
  private readonly db: Promise<IDBDatabase>;
  private inFlight = 0;
  private failure: Error | null = null;
  private readonly idle: (() => void)[] = [];

  constructor(dbName: string) {
    this.db = openExisting(dbName);
    this.db.catch(() => undefined);
  }

  /** Batches waiting to be written: the worker slows down its reading while this is high. */
  get pending(): number {
    return this.inFlight;
  }

  /** The first write error, if any (e.g. QuotaExceededError). */
  get error(): Error | null {
    return this.failure;
  }

  write(blocks: LogBlock[], onDone: () => void): void {
    this.inFlight++;
    void this.put(blocks)
      .catch((e: unknown) => {
        this.failure ??= e instanceof Error ? e : new Error(String(e));
      })
      .finally(() => {
        this.inFlight--;
        onDone();
        if (this.inFlight === 0) for (const fn of this.idle.splice(0)) fn();
      });
  }

  /** Resolves when every write issued so far has finished. */
  settled(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((r) => this.idle.push(r));
  }

  /** Deletes every staged block of these imports (cancel or failure). */
  async discard(importIds: string[]): Promise<void> {
    await this.settled();
    const db = await this.db;
    await transact(db, (store) => {
      for (const id of importIds) {
        const { lower, upper } = blockIdRange(id);
        store.delete(IDBKeyRange.bound(lower, upper));
      }
    });
  }

  private async put(blocks: LogBlock[]): Promise<void> {
    const db = await this.db;
    await transact(db, (store) => {
      for (const b of blocks) store.put(b);
    });
  }
}

function transact(db: IDBDatabase, work: (store: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    // Raw blocks can be re-read from the file: they need not wait for a disk flush.
    const tx = db.transaction(LOG_BLOCK_STORE, 'readwrite', { durability: 'relaxed' });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('The block write failed.'));
    tx.onabort = () => reject(tx.error ?? new Error('The block write was aborted.'));
    work(tx.objectStore(LOG_BLOCK_STORE));
  });
}

function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    // The app creates the database before any import; never create or upgrade it from here.
    req.onupgradeneeded = () => {
      req.transaction?.abort();
      reject(new Error('The database is not ready for imports yet; reload Rootline and try again.'));
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('Could not open the database.'));
    req.onblocked = () => reject(new Error('The database is blocked by another Rootline window.'));
  });
}
