import type { LibraryIncident } from '../../../../shared/library';
import { incidentChangeTimes, subscribeIncidentChanges, type IncidentChange } from '../../../db/changeLog';
import { getDb } from '../../../db/db';
import {
  LIBRARY_SUMMARY_VERSION,
  readLibrary,
  readStoredSummaries,
  storeSummaries,
  type LibrarySummaryRow,
} from '../../../db/repos';

/** Tables whose rows the library summary reads (shared/library/summary.ts). */
const SUMMARY_TABLES = new Set(['incidents', 'actions', 'causes', 'imports', 'patterns']);

/** How long changes are gathered before the changed incidents are read again. */
const REFRESH_DELAY_MS = 50;

/**
 * Every incident as a library summary, kept up to date from the change log (the app's one
 * invalidation signal). Summaries are stored (a derived table): the first read takes the stored
 * ones whose incident has not changed since and reads only the others, and after that a write
 * re-reads only the incident it touched. Reading every cause and action item of a thousand
 * incidents took ~400 ms before Trends could draw, and ~200 ms of IndexedDB on every edit of an
 * incident page (Similar incidents), holding up the search worker's reads.
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
  private disposedFlag = false;

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
    this.loading ??= this.readAll().then(
      (all) => {
        if (this.disposedFlag) return;
        this.byId = all;
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

  /** Stored summaries still current, and the others read and stored again. */
  private async readAll(): Promise<Map<string, LibraryIncident>> {
    const { ids, rows } = await readStoredSummaries();
    const changedAt = incidentChangeTimes();
    const byId = new Map<string, LibraryIncident>();
    const stale: string[] = [];
    for (const id of ids) {
      const row = rows.get(id);
      // No change recorded counts as unchanged, as for the search index (db/changeLog.ts).
      if (row !== undefined && row.at > (changedAt[id] ?? 0)) byId.set(id, row.summary);
      else stale.push(id);
    }
    const present = new Set(ids);
    const gone = [...rows.keys()].filter((id) => !present.has(id));
    let put: LibrarySummaryRow[] = [];
    if (stale.length > 0) {
      const at = Date.now();
      // Most of them stale (a first start): one pass over the tables beats a lookup per id.
      const fresh = await readLibrary(stale.length * 2 > ids.length ? undefined : stale);
      const wanted = new Set(stale);
      put = fresh.filter((i) => wanted.has(i.id)).map((summary) => summaryRow(summary, at));
      for (const row of put) byId.set(row.id, row.summary);
    }
    // Derived rows: a failed write costs a re-read next time, never the view.
    storeSummaries(put, gone).catch(() => undefined);
    return byId;
  }

  get disposed(): boolean {
    return this.disposedFlag;
  }

  dispose(): void {
    this.disposedFlag = true;
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
    if (this.timer !== null || this.disposedFlag) return;
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
    const at = Date.now();
    const fresh = await readLibrary(ids);
    if (this.disposedFlag) return;
    const found = new Map(fresh.map((i) => [i.id, i]));
    const gone: string[] = [];
    for (const id of ids) {
      const row = found.get(id);
      if (row === undefined) {
        this.byId.delete(id);
        gone.push(id);
      } else this.byId.set(id, row);
    }
    this.publish();
    storeSummaries(
      fresh.map((summary) => summaryRow(summary, at)),
      gone,
    ).catch(() => undefined);
  }

  private publish(): void {
    this.list = [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const fn of [...this.listeners]) fn();
  }
}

const summaryRow = (summary: LibraryIncident, at: number): LibrarySummaryRow => ({
  id: summary.id,
  version: LIBRARY_SUMMARY_VERSION,
  at,
  summary,
});

let current: { store: LibraryStore; db: object } | null = null;

/** The library store of the open database (a new one when tests switch databases or dispose it). */
export function libraryStore(): LibraryStore {
  const db = getDb();
  if (current?.db !== db || current.store.disposed) {
    current?.store.dispose();
    current = { store: new LibraryStore(), db };
  }
  return current.store;
}
