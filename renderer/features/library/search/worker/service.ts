import {
  INDEXED_TABLES,
  isRowTable,
  LibraryIndex,
  type ChangedPlaces,
  type IncidentRows,
  type IndexedTable,
  type IndexSnapshot,
  type KeyedRow,
  type LibraryQuery,
  type PackedPlaces,
  type RowTable,
} from '../../../../../shared/library/search';
import type { Incident } from '../../../../../shared/domain';
import type { IndexState, SearchReply, SearchRequest } from './protocol';

/** Where the service reads rows and keeps its index (raw IndexedDB in the worker; fakes in tests). */
export interface SearchSource {
  incidentIds(): Promise<string[]>;
  read(incidentId: string, tables: readonly IndexedTable[]): Promise<IncidentRows | null>;
  /** Those of these rows that exist and belong to the incident; null when the incident is gone. */
  readRows(incidentId: string, table: RowTable, keys: readonly string[]): Promise<KeyedRow[] | null>;
  load(): Promise<IndexSnapshot | null>;
  /** Stored places of these incidents (those missing or damaged left out). */
  readPlaces(ids: readonly string[]): Promise<Map<string, PackedPlaces>>;
  /** Stores the index and the changed places; `fresh`: drop every stored places row first. */
  save(snap: IndexSnapshot, places: ChangedPlaces, fresh: boolean): Promise<void>;
}

/** Incidents whose hits the first answer to a query always has (more than a screen holds). */
export const FIRST_SCREEN_HITS = 10;

/** Goes on in a new task, so that a message already queued (a query, a change) is handled first. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * An incident's queued changes: tables to read whole; rows written, by key, with the row as
 * written when the page sent it (null: read it); its own row as written, when the page sent it.
 */
interface Job {
  tables: Set<IndexedTable>;
  rows: Map<RowTable, Map<string, KeyedRow | null>>;
  incident: Incident | null;
}

/** A row the page sent that belongs to the incident and has the key it was written under. */
const sentRow = (row: unknown, incidentId: string, key: string): boolean => {
  const r = row as { id?: unknown; incidentId?: unknown } | null;
  return typeof r === 'object' && r !== null && r.id === key && r.incidentId === incidentId;
};

/** The incident's own row, when the page sent it as written. */
const sentIncident = (rows: readonly unknown[] | undefined, incidentId: string): Incident | null => {
  const row = rows?.length === 1 ? (rows[0] as { id?: unknown } | null) : null;
  return typeof row === 'object' && row !== null && row.id === incidentId ? (row as Incident) : null;
};

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
  private readonly pending = new Map<string, Job>();
  private lastStatusAt = 0;
  private waiting: (() => void)[] = [];
  private draining = false;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private skipped = 0;
  /** The index was built from scratch and not stored yet: stored places rows are of no use. */
  private fresh = false;
  /** When the last query came (storing the index holds the worker up: not while someone types). */
  private lastQueryAt = -Infinity;
  /** The newest query asked (an older one still reading places is not worth finishing). */
  private lastSeq = 0;

  constructor(
    private readonly source: SearchSource,
    private readonly post: (reply: SearchReply) => void,
    private readonly saveDelay = SAVE_DELAY_MS,
  ) {}

  handle(msg: SearchRequest): Promise<void> {
    switch (msg.type) {
      case 'start':
        return this.start(msg.changes);
      case 'changed': {
        const { incidentId, table, keys, rows } = msg;
        if (isRowTable(table) && keys !== undefined) this.enqueueRows(incidentId, table, keys, rows);
        else {
          this.enqueue(incidentId, table === null ? INDEXED_TABLES : [table]);
          if (table === 'incidents' || table === null)
            this.job(incidentId).incident = table === 'incidents' ? sentIncident(rows, incidentId) : null;
        }
        return this.drain();
      }
      case 'query':
        this.lastQueryAt = performance.now();
        this.lastSeq = msg.seq;
        return this.ready().then(() => this.query(msg.seq, msg.query, msg.limit));
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
    this.fresh = loaded === null;
    for (const fn of this.waiting.splice(0)) fn();
    if (stale || loaded === null) this.scheduleSave();
    await this.drain();
  }

  private job(incidentId: string): Job {
    let job = this.pending.get(incidentId);
    if (job === undefined)
      this.pending.set(incidentId, (job = { tables: new Set(), rows: new Map(), incident: null }));
    return job;
  }

  private enqueue(incidentId: string, tables: readonly IndexedTable[]): void {
    const job = this.job(incidentId);
    for (const t of tables) job.tables.add(t);
  }

  private enqueueRows(
    incidentId: string,
    table: RowTable,
    keys: readonly string[],
    rows: readonly unknown[] | undefined,
  ): void {
    const job = this.job(incidentId);
    const byKey = job.rows.get(table) ?? new Map<string, KeyedRow | null>();
    keys.forEach((k, i) => {
      const row = rows?.[i];
      byKey.set(k, sentRow(row, incidentId, k) ? (row as KeyedRow) : null);
    });
    job.rows.set(table, byKey);
  }

  /**
   * Applies one incident's queued changes: whole tables, then single rows. What the page sent as
   * written is taken as is; the rest is read.
   */
  private async apply(index: LibraryIndex, id: string, job: Job) {
    const at = Date.now();
    // Changing part of an incident read back from storage needs its places.
    if (index.has(id)) await this.loadPlaces(index, [id]);
    // An incident the index does not have yet is read whole.
    const whole = index.has(id) ? [...job.tables] : INDEXED_TABLES;
    if (whole.length === 1 && whole[0] === 'incidents' && job.incident !== null) {
      index.updateIncident(job.incident, at);
    } else if (whole.length > 0) {
      const rows = await this.source.read(id, whole);
      if (rows === null) return index.remove(id);
      index.update(rows, whole, at);
    }
    for (const [table, byKey] of job.rows) {
      if (whole.includes(table)) continue;
      const unknown = [...byKey].flatMap(([k, row]) => (row === null ? [k] : []));
      const rows = [...byKey.values()].filter((r): r is KeyedRow => r !== null);
      if (unknown.length > 0) {
        const read = await this.source.readRows(id, table, unknown);
        if (read === null) return index.remove(id);
        rows.push(...read);
      }
      index.updateRows(id, table, [...byKey.keys()], rows, at);
    }
  }

  /**
   * Answers a query. The first answer has the hits of the first screen's incidents (those read
   * back from storage need their places, their text, read first), so it shows every snippet in
   * view; the hits of the rest are left out of it (`pendingHits`: their places may need reading
   * too, and the page draws those rows with the complete answer that follows) — unless a newer query came meanwhile (it reads what it shows): a keystroke
   * typed while the first answer was being drawn is let in before the rest is read, and the
   * answer is then final with those hits still pending.
   */
  private async query(seq: number, q: LibraryQuery, limit: number): Promise<void> {
    const index = this.index!;
    const t0 = performance.now();
    let result = index.tryQuery(q, limit, FIRST_SCREEN_HITS);
    const firstScreen = new Set(result.incidentIds.slice(0, FIRST_SCREEN_HITS));
    const early = result.pendingHits.filter((id) => firstScreen.has(id));
    if (early.length > 0) {
      await this.loadPlaces(index, early);
      result = index.tryQuery(q, limit, FIRST_SCREEN_HITS);
    }
    if (result.pendingHits.length > 0) {
      const superseded = seq !== this.lastSeq;
      this.post({ type: 'result', seq, result, ms: performance.now() - t0, final: superseded });
      if (superseded) return;
      // Loading places can re-index an incident whose row was gone, which may change the answer.
      for (let attempt = 0; attempt < 3 && result.pendingHits.length > 0; attempt++) {
        await nextTask();
        if (seq !== this.lastSeq) break;
        await this.loadPlaces(index, result.pendingHits);
        result = index.tryQuery(q, limit);
      }
    }
    this.post({ type: 'result', seq, result, ms: performance.now() - t0, final: true });
  }

  /**
   * Gives incidents read back from storage their stored places; one whose places row is missing
   * or damaged is indexed again from its rows (or leaves the index when it is gone).
   */
  private async loadPlaces(index: LibraryIndex, ids: readonly string[]): Promise<void> {
    const wanted = index.withoutPlaces(ids);
    if (wanted.length === 0) return;
    const found = await this.source.readPlaces(wanted);
    for (const id of wanted) {
      const docs = found.get(id);
      if (docs !== undefined) {
        index.setPlaces(id, docs);
        continue;
      }
      const rows = await this.source.read(id, INDEXED_TABLES);
      if (rows === null) index.remove(id);
      else index.update(rows, INDEXED_TABLES, Date.now());
      this.scheduleSave();
    }
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
        const [id, job] = this.pending.entries().next().value as [string, Job];
        this.pending.delete(id);
        const t0 = performance.now();
        try {
          await this.apply(index, id, job);
        } catch {
          // A damaged row (one the app lists as damaged) is left out of search, not fatal.
          this.skipped++;
        }
        done++;
        this.post({
          type: 'updated',
          incidentId: id,
          ms: performance.now() - t0,
          at: performance.timeOrigin + performance.now(),
        });
        // Progress a few times a second, not per incident (each message costs the page a render).
        if (total > 1 && performance.now() - this.lastStatusAt > 250) {
          this.lastStatusAt = performance.now();
          this.status({ state: 'indexing', done, total });
        }
        this.scheduleSave();
        if (this.pending.size > 0) await nextTask();
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
      // Storing serialises the whole index (long for a big library): not while changes are
      // being applied, and not while someone is typing a search, who would wait for it.
      if (this.draining || performance.now() - this.lastQueryAt < this.saveDelay) return this.scheduleSave();
      void this.save();
    }, this.saveDelay);
  }

  /** Stores the index now (also used by tests). */
  async save(): Promise<void> {
    const index = this.index;
    if (index === null) return;
    const t0 = performance.now();
    const places = index.takeChangedPlaces();
    try {
      await this.source.save(index.snapshot(), places, this.fresh);
      this.fresh = false;
    } catch (e) {
      index.putBack(places);
      throw e;
    }
    this.post({ type: 'saved', ms: performance.now() - t0 });
  }
}
