import {
  INDEXED_TABLES,
  LibraryIndex,
  type IncidentRows,
  type IndexedTable,
  type IndexSnapshot,
} from '../../../../../shared/library/search';
import type { IndexState, SearchReply, SearchRequest } from './protocol';

/** Where the service reads rows and keeps its index (raw IndexedDB in the worker; fakes in tests). */
export interface SearchSource {
  incidentIds(): Promise<string[]>;
  read(incidentId: string, tables: readonly IndexedTable[]): Promise<IncidentRows | null>;
  load(): Promise<IndexSnapshot | null>;
  save(snap: IndexSnapshot): Promise<void>;
}

/** How long after the last change the index is stored again. */
export const SAVE_DELAY_MS = 2_000;

/**
 * The search worker's logic: loads the stored index, indexes what the change log says changed
 * since (or everything, when there is no usable stored index), applies each change as it comes
 * and answers queries. Queries wait until the index is loaded; while incidents are indexed they
 * see what is indexed so far.
 */
export class SearchService {
  private index: LibraryIndex | null = null;
  private readonly pending = new Map<string, Set<IndexedTable>>();
  private waiting: (() => void)[] = [];
  private draining = false;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private skipped = 0;

  constructor(
    private readonly source: SearchSource,
    private readonly post: (reply: SearchReply) => void,
    private readonly saveDelay = SAVE_DELAY_MS,
  ) {}

  handle(msg: SearchRequest): Promise<void> {
    switch (msg.type) {
      case 'start':
        return this.start(msg.changes);
      case 'changed':
        this.enqueue(msg.incidentId, msg.table === null ? INDEXED_TABLES : [msg.table]);
        return this.drain();
      case 'query':
        return this.ready().then(() => {
          const t0 = performance.now();
          const result = this.index!.query(msg.query, msg.limit);
          this.post({ type: 'result', seq: msg.seq, result, ms: performance.now() - t0 });
        });
    }
  }

  private status(status: IndexState): void {
    this.post({ type: 'status', status });
  }

  private ready(): Promise<void> {
    return this.index !== null ? Promise.resolve() : new Promise((r) => this.waiting.push(r));
  }

  private async start(changes: Record<string, number>): Promise<void> {
    this.status({ state: 'loading' });
    const snap = await this.source.load().catch(() => null);
    const loaded = snap === null ? null : LibraryIndex.fromSnapshot(snap);
    const index = loaded ?? LibraryIndex.empty();
    const indexed = index.indexedTimes();
    const changedAt = new Map(Object.entries(changes));
    const ids = await this.source.incidentIds();
    const present = new Set(ids);
    let stale = false;
    for (const id of indexed.keys()) {
      if (!present.has(id)) {
        index.remove(id);
        stale = true;
      }
    }
    for (const id of ids) {
      const at = indexed.get(id);
      // Not indexed, or changed after it was indexed: read it whole.
      if (at === undefined || (changedAt.get(id) ?? 0) > at) this.enqueue(id, INDEXED_TABLES);
    }
    this.index = index;
    for (const fn of this.waiting.splice(0)) fn();
    if (stale || loaded === null) this.scheduleSave();
    await this.drain();
  }

  private enqueue(incidentId: string, tables: readonly IndexedTable[]): void {
    const set = this.pending.get(incidentId) ?? new Set<IndexedTable>();
    for (const t of tables) set.add(t);
    this.pending.set(incidentId, set);
  }

  /** Applies queued changes one incident at a time, yielding between them so queries get answered. */
  private async drain(): Promise<void> {
    if (this.draining || this.index === null) return;
    this.draining = true;
    const index = this.index;
    let done = 0;
    try {
      while (this.pending.size > 0) {
        const total = done + this.pending.size;
        const [id, tables] = this.pending.entries().next().value as [string, Set<IndexedTable>];
        this.pending.delete(id);
        const t0 = performance.now();
        const at = Date.now();
        try {
          // An incident the index does not have yet is read whole.
          const read = index.has(id) ? [...tables] : INDEXED_TABLES;
          const rows = await this.source.read(id, read);
          if (rows === null) index.remove(id);
          else index.update(rows, read, at);
        } catch {
          // A damaged row (one the app lists as damaged) is left out of search, not fatal.
          this.skipped++;
        }
        done++;
        this.post({ type: 'updated', incidentId: id, ms: performance.now() - t0 });
        if (total > 1) this.status({ state: 'indexing', done, total });
        this.scheduleSave();
        if (this.pending.size > 0) await new Promise((r) => setTimeout(r, 0));
      }
    } finally {
      this.draining = false;
    }
    this.status({ state: 'ready', incidents: index.size, skipped: this.skipped });
  }

  private scheduleSave(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      if (this.draining) return this.scheduleSave();
      void this.save();
    }, this.saveDelay);
  }

  /** Stores the index now (also used by tests). */
  async save(): Promise<void> {
    if (this.index === null) return;
    const t0 = performance.now();
    await this.source.save(this.index.snapshot());
    this.post({ type: 'saved', ms: performance.now() - t0 });
  }
}
