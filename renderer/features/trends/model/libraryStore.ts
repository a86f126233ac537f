import type { LibraryIncident } from '../../../../shared/library';
import { subscribeIncidentChanges, type IncidentChange } from '../../../db/changeLog';
import { getDb } from '../../../db/db';
import { readLibrary } from '../../../db/repos';

/** Tables whose rows the library summary reads (shared/library/summary.ts). */
const SUMMARY_TABLES = new Set(['incidents', 'actions', 'causes', 'imports', 'patterns']);

/** How long changes are gathered before the changed incidents are read again. */
const REFRESH_DELAY_MS = 50;

/**
 * Every incident as a library summary, kept up to date from the change log (the app's one
 * invalidation signal): read whole once, then only the incidents that changed, so an edit on an
 * incident page no longer re-reads every cause and action item of the library (a thousand
 * incidents took ~200 ms of IndexedDB reads per edit, holding up the search worker's reads).
 */
export class LibraryStore {
  private byId = new Map<string, LibraryIncident>();
  private list: LibraryIncident[] | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly stale = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private loading: Promise<void> | null = null;
  /** Refreshes run one after another, so an older read never lands after a newer one. */
  private refreshing: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;
  private disposed = false;

  constructor() {
    this.unsubscribe = subscribeIncidentChanges((change) => this.onChange(change));
  }

  /** The summaries by incident id (the order they are read in); undefined until first read. */
  readonly getSnapshot = (): LibraryIncident[] | undefined => this.list;

  readonly subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    void this.load();
    return () => this.listeners.delete(fn);
  };

  /** Reads every incident once (later calls wait for the same read). */
  load(): Promise<void> {
    this.loading ??= readLibrary().then(
      (all) => {
        if (this.disposed) return;
        this.byId = new Map(all.map((i) => [i.id, i]));
        this.publish();
        if (this.stale.size > 0) this.schedule();
      },
      (e: unknown) => {
        // A failed read is tried again on the next subscriber or change, not cached.
        this.loading = null;
        throw e;
      },
    );
    return this.loading;
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    if (this.timer !== null) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private onChange(change: IncidentChange): void {
    // Another tab's write names no table: the incident is read again whatever it was.
    if (change.table !== null && !SUMMARY_TABLES.has(change.table)) return;
    this.stale.add(change.incidentId);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== null || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refreshing = this.refreshing.then(() => this.refresh()).catch(() => undefined);
    }, REFRESH_DELAY_MS);
  }

  /** Reads the changed incidents again (only once the whole read is in). */
  private async refresh(): Promise<void> {
    if (this.list === undefined) return;
    const ids = [...this.stale];
    this.stale.clear();
    const fresh = await readLibrary(ids);
    if (this.disposed) return;
    const found = new Map(fresh.map((i) => [i.id, i]));
    for (const id of ids) {
      const row = found.get(id);
      if (row === undefined) this.byId.delete(id);
      else this.byId.set(id, row);
    }
    this.publish();
  }

  private publish(): void {
    this.list = [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const fn of [...this.listeners]) fn();
  }
}

let current: { store: LibraryStore; db: object } | null = null;

/** The library store of the open database (a new one when tests switch databases). */
export function libraryStore(): LibraryStore {
  const db = getDb();
  if (current?.db !== db) {
    current?.store.dispose();
    current = { store: new LibraryStore(), db };
  }
  return current.store;
}
