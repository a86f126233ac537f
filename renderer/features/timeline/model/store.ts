import type { TimelineEvent } from '../../../../shared/domain';
import { searchText } from '../../../../shared/timeline-edit';
import { subscribeIncidentChanges } from '../../../db/changeLog';
import type { IncidentChange } from '../../../db/changeLog';
import { getDb } from '../../../db/db';
import type { RootlineDb } from '../../../db/schema';
import type { DamagedRow } from '../../../db/repos';
import {
  buildEventPacks,
  countIncidentEvents,
  listEventsFrom,
  readEventRows,
  readIncidentEvents,
} from '../../../db/repos';

const FIRST = 80;
/** Quiet time after the last own edit before the packed copy of the events is rebuilt. */
const REPACK_AFTER_MS = 3_000;

const byTime = (a: TimelineEvent, b: TimelineEvent) =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * An incident's events in memory, sorted by time. The first screen comes from one small
 * indexed read; the rest from the incident's packed events (a few large rows, parsed one per
 * task), or when those are missing or stale from parallel slices of the rows — without blocking
 * the page either way. Filters, gap rows and the chart then work on memory, which is what keeps a text
 * filter over 100,000 events well under 100 ms. Edits update it in place after they are stored.
 */
export class TimelineStore {
  events: TimelineEvent[] = [];
  private idMap: Map<string, TimelineEvent> | null = new Map();
  /** Rows that fail the event schema, by name (shown apart with Export raw and Delete). */
  damaged: DamagedRow[] = [];
  /** Events in the database (known from the index count before they are all read). */
  total = 0;
  complete = false;
  /** True once the first screen of events has been read. */
  ready = false;
  /** Bumped on every change; components read it to know when to recompute. */
  version = 0;
  error: string | null = null;
  private readonly hay = new WeakMap<TimelineEvent, string>();
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | null = null;
  /** The first screen's read, asked for before the view started the store (see prefetch). */
  private firstRead: Promise<TimelineEvent[]> | null = null;
  private disposed = false;
  private generation = 0;
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;
  private repackTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: () => void;
  /** Tags this store's own writes, which it has already applied in memory. */
  readonly origin = `timeline:${Math.random().toString(36).slice(2)}`;

  constructor(readonly incidentId: string) {
    this.unsubscribe = subscribeIncidentChanges((change) => this.onChange(change));
  }

  /** Any committed write to this incident's events by someone else (another view, a merge, an
   * import, another tab) reloads: the change key is the only signal, never the event count. */
  private onChange(change: IncidentChange): void {
    if (change.incidentId !== this.incidentId || change.origin === this.origin) return;
    if (change.table !== null && change.table !== 'events') return;
    // Coalesce bursts (an import commits many transactions) into one read.
    if (this.reloadTimer !== null) return;
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      void this.load();
    }, 30);
  }

  /** Starts the first read unless one was asked for already (or the store was dropped). */
  start(): void {
    if (this.loading === null && !this.disposed) void this.load(this.firstRead);
  }

  /**
   * Reads the first screen of events now, while the view that shows them is still being drawn,
   * and shows it as soon as it is read; the rest waits for {@link start}. Opening an incident on
   * its timeline asks for it with the incident itself, so the first rows come with the page.
   */
  prefetch(): void {
    if (this.disposed || this.loading !== null || this.firstRead !== null) return;
    const gen = this.generation;
    const read = this.readFirst();
    this.firstRead = read;
    read.then(
      (first) => {
        if (gen === this.generation && this.loading === null && !this.ready) this.showFirst(first);
      },
      () => undefined,
    );
  }

  private readFirst(): Promise<TimelineEvent[]> {
    return listEventsFrom(this.incidentId, -Infinity, 0, FIRST).then((r) => r.events);
  }

  private showFirst(first: TimelineEvent[]): void {
    this.total = Math.max(first.length, this.total);
    this.setAll(first, false);
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    if (this.reloadTimer !== null) clearTimeout(this.reloadTimer);
    if (this.repackTimer !== null) clearTimeout(this.repackTimer);
    this.generation++;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  getVersion = (): number => this.version;

  /** The events by id, built on first use after a load (100,000 entries cost ~20 ms: not on
   * the task that shows the events). */
  get byId(): Map<string, TimelineEvent> {
    if (this.idMap === null) {
      const map = new Map<string, TimelineEvent>();
      for (const e of this.events) map.set(e.id, e);
      this.idMap = map;
    }
    return this.idMap;
  }

  /** The lower-cased search text of an event, computed once per event object. */
  haystack(e: TimelineEvent): string {
    let h = this.hay.get(e);
    if (h === undefined) {
      h = searchText(e);
      this.hay.set(e, h);
    }
    return h;
  }

  /**
   * (Re)reads every event: the first screen at once, the rest in chunks. `firstRead` is the
   * prefetched first screen (only the first load takes it: any later one reads again).
   */
  load(firstRead: Promise<TimelineEvent[]> | null = null): Promise<void> {
    const gen = ++this.generation;
    this.firstRead = null;
    this.loading = this.run(gen, firstRead).catch((err: unknown) => {
      if (gen !== this.generation) return;
      this.error = err instanceof Error ? err.message : String(err);
      this.emit();
    });
    return this.loading;
  }

  /** Resolves when the current load has finished. */
  whenLoaded(): Promise<void> {
    return this.loading ?? this.load();
  }

  private async run(gen: number, firstRead: Promise<TimelineEvent[]> | null): Promise<void> {
    // The first screen first: nothing else asks the database before it (without current packs a
    // count walks the whole index, and IndexedDB serves one request after another).
    const first = await (firstRead ?? this.readFirst());
    if (gen !== this.generation) return;
    // The count gives the scroll height until every event is read; a failed count only leaves
    // it short meanwhile.
    void countIncidentEvents(this.incidentId)
      .then((total) => {
        if (gen !== this.generation || this.complete) return;
        this.total = total;
        this.emit();
      })
      .catch(() => undefined);
    // A prefetched first screen may be on show already.
    if (this.events !== first) this.showFirst(first);
    // The rest at once, not per slice: recomputing filters, rows and chart as slices arrive
    // would cost more than the reading. Read even when the first screen held every event: the
    // full read also names the damaged rows (and a small incident reads fast).
    const all = await readIncidentEvents(this.incidentId);
    if (gen !== this.generation) return;
    this.damaged = all.damaged;
    this.setAll(all.events, true);
    this.warmSearch(gen, all.events, 0);
  }

  /** Builds search texts in small slices while the page is idle, so the first filter is fast. */
  private warmSearch(gen: number, events: TimelineEvent[], from: number): void {
    if (gen !== this.generation || from >= events.length) return;
    setTimeout(() => {
      // ~1,000 texts stay well under a 50 ms task on a slow machine.
      const end = Math.min(events.length, from + 1_000);
      for (let i = from; i < end; i++) this.haystack(events[i]!);
      this.warmSearch(gen, events, end);
    }, 0);
  }

  private setAll(events: TimelineEvent[], complete: boolean): void {
    // Index order is (at, primary key), the same order as byTime.
    this.events = events;
    this.idMap = null;
    this.complete = complete;
    this.ready = true;
    if (complete) this.total = events.length;
    this.error = null;
    this.emit();
  }

  /** Applies a stored edit: removes `remove`, then inserts or replaces `put`. */
  apply(put: readonly TimelineEvent[], remove: readonly string[]): void {
    const drop = new Set(remove);
    for (const e of put) drop.add(e.id);
    let next = drop.size ? this.events.filter((e) => !drop.has(e.id)) : this.events.slice();
    if (put.length > 64) next = next.concat(put).sort(byTime);
    else {
      for (const e of put) {
        let lo = 0;
        let hi = next.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (byTime(next[mid]!, e) < 0) lo = mid + 1;
          else hi = mid;
        }
        next.splice(lo, 0, e);
      }
    }
    for (const id of drop) this.byId.delete(id);
    for (const e of put) this.byId.set(e.id, e);
    this.total += next.length - this.events.length;
    this.events = next;
    this.emit();
    // A chunked read still under way holds rows from before this edit: read again.
    if (!this.complete) void this.load();
    this.scheduleRepack();
  }

  /**
   * The edit made the packed copy stale (db/eventPacks.ts); once edits pause, it is rebuilt from
   * the rows (read again, not taken from memory: only the rows and their revision read together
   * prove what the packs describe), so the next opening is fast again.
   */
  private scheduleRepack(): void {
    if (this.repackTimer !== null) clearTimeout(this.repackTimer);
    const gen = this.generation;
    this.repackTimer = setTimeout(() => {
      this.repackTimer = null;
      if (gen !== this.generation) return;
      void readEventRows(this.incidentId)
        .then((read) => buildEventPacks(this.incidentId, read))
        .catch(() => false);
    }, REPACK_AFTER_MS);
  }

  private emit(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}

let cached: { store: TimelineStore; db: RootlineDb } | null = null;

/**
 * The store of an incident; the last one opened is kept so switching tabs is instant. A store
 * belongs to the database it read: after the database is swapped (a restore), it is read again.
 * Asking for the store does not read anything: the view that needs the events calls `start()`
 * once it is ready for them (see `useIncidentEvents`).
 */
export function timelineStoreFor(incidentId: string): TimelineStore {
  const db = getDb();
  if (cached?.store.incidentId !== incidentId || cached.db !== db) {
    cached?.store.dispose();
    cached = { store: new TimelineStore(incidentId), db };
  }
  return cached.store;
}

/** Reads the first screen of an incident's timeline ahead of its view (see TimelineStore.prefetch). */
export function prefetchTimeline(incidentId: string): void {
  timelineStoreFor(incidentId).prefetch();
}
