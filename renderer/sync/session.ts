import type * as Y from 'yjs';
import type { RootlineDb } from '../db/schema';
import type { OpenDoc, SyncConnections } from './connection';
import { getSectionText, storeSharedSectionState } from '../db/repos/sections';
import { publishSectionSessions } from '../editor/collab/registry';
import { SectionSessions } from '../editor/collab/sectionSessions';
import { SYNC_ORIGIN, type MirrorChange } from './dexieMirror';
import { localTabOf, publishPeers, readPeers, subscribeLocalTabs } from './presence';
import { writePatch, writeProjection, type ProjectedPatch, type ProjectedRows } from './projectToDexie';
import type { Share } from './shares';
import { combineDocStates, publishSyncStatus } from './status';

/** An incident's two row documents. */
export interface SharedDocs {
  model: Y.Doc;
  review: Y.Doc;
}

/** A local write as the model applies it (shared/sync/mirror.ts's `RowChange`). */
export type RowChange =
  | {
      table: string;
      type: 'put';
      row: Record<string, unknown> & { id: string };
      /** The row as it was here before the write (null: new): only changed fields are shared. */
      before?: Record<string, unknown> | null;
    }
  | { table: string; type: 'delete'; id: string };

/** Who writes: the token's name and role, and the origin that marks the write as local. */
export interface WriteContext {
  incidentId: string;
  now: number;
  name: string;
  role: 'author' | 'reviewer';
  origin: unknown;
}

/** The document model the session drives (shared/sync), injected so the session stays small. */
export interface SyncModel {
  docName(incidentId: string, kind: 'model' | 'review'): string;
  /** The name of a section's text document. */
  sectionDocName(incidentId: string, sectionId: string): string;
  /** The model document's `sections` table (section text documents follow its keys). */
  sectionsMap(docs: SharedDocs): Y.Map<unknown>;
  hasIncident(docs: SharedDocs): boolean;
  /** Seeds empty documents from the incident's rows; false when they already hold one. */
  seed(docs: SharedDocs, incidentId: string, ctx: WriteContext): Promise<boolean>;
  apply(
    docs: SharedDocs,
    changes: readonly RowChange[],
    ctx: WriteContext,
  ): { refused: { reason: string }[] };
  /** The rows the documents say, or null when they hold no (valid) incident yet. */
  project(docs: SharedDocs, incidentId: string): ProjectedRows | null;
  /** Collects what transactions touch, to project only those rows (a full projection checks every row). */
  tracker(docs: SharedDocs): ChangeTracker;
}

/** Touched rows of an incident's documents since the last `take`. */
export interface ChangeTracker {
  add(transaction: Y.Transaction): void;
  /** The touched rows projected (and forgotten), or null when nothing was touched. */
  take(incidentId: string): ProjectedPatch | null;
}

/** Origin of Yjs transactions that carry this profile's Dexie writes into the documents. */
export const LOCAL_ORIGIN = Symbol('rootline local write');

/**
 * One shared incident on this machine: its model and review documents (stored in IndexedDB,
 * synced with the server), the projection of remote changes into Dexie, local writes into the
 * documents, status and presence. The author's rows seed the documents once, after the first
 * exchange with the server shows they are empty.
 */
export class IncidentSession {
  readonly docs: SharedDocs;
  private readonly open: OpenDoc[];
  /**
   * `loading` the stored copies, then for an author whose documents are empty `waiting` for the
   * server's answer (are they empty there too?) and `seeding` them from Dexie, then `live`.
   * Local writes wait in `early` while loading or seeding; while waiting they are dropped, as
   * the seed reads them from Dexie.
   */
  private phase: 'loading' | 'waiting' | 'seeding' | 'live' = 'loading';
  private early: MirrorChange[] = [];
  private closed = false;
  private projecting: Promise<void> = Promise.resolve();
  private projectQueued = false;
  /** The next projection writes every row (first load, after a refused local write). */
  private fullNext = true;
  private readonly tracker: ChangeTracker;
  private readonly stops: (() => void)[] = [];
  /** The section text documents (renderer/editor/collab), opened as the model's sections come. */
  private readonly sections: SectionSessions<OpenDoc>;

  constructor(
    readonly share: Share,
    connections: SyncConnections,
    private readonly model: SyncModel,
    private readonly db: () => RootlineDb,
    private readonly onProblem: (message: string) => void,
  ) {
    const id = share.incidentId;
    const m = connections.open(share.server, model.docName(id, 'model'), share.token);
    const r = connections.open(share.server, model.docName(id, 'review'), share.token);
    this.open = [m, r];
    this.docs = { model: m.doc, review: r.doc };
    this.tracker = model.tracker(this.docs);
    // Before the model is seeded, so the seeding transaction makes this machine seed the texts.
    this.sections = new SectionSessions({
      incidentId: id,
      name: share.name,
      role: share.role,
      sections: model.sectionsMap(this.docs),
      open: (sectionId) => connections.open(share.server, model.sectionDocName(id, sectionId), share.token),
      storedText: getSectionText,
      store: (sectionId, state) => storeSharedSectionState(sectionId, state, SYNC_ORIGIN),
      onProblem,
    });
    this.stops.push(publishSectionSessions(id, this.sections));
    // Section text waiting for the server counts in the incident's status (and the close warning).
    this.stops.push(this.sections.onDocState(() => this.publish()));
    for (const d of this.open) {
      this.stops.push(d.onState(() => this.stateChanged()));
      // Remote (and stored) changes go to Dexie; this profile's own writes came from there.
      const onTransaction = (tr: Y.Transaction) => {
        if (tr.origin === LOCAL_ORIGIN || tr.changed.size === 0) return;
        this.tracker.add(tr);
        this.scheduleProjection();
      };
      d.doc.on('afterTransaction', onTransaction);
      this.stops.push(() => d.doc.off('afterTransaction', onTransaction));
    }
    const awareness = m.provider.awareness;
    if (awareness) {
      awareness.setLocalStateField('user', { name: share.name, role: share.role });
      awareness.setLocalStateField('tab', localTabOf(id));
      this.stops.push(
        subscribeLocalTabs((changed) => {
          if (changed === id) awareness.setLocalStateField('tab', localTabOf(id));
        }),
      );
      const onChange = () => publishPeers(id, readPeers(awareness));
      awareness.on('change', onChange);
      this.stops.push(() => awareness.off('change', onChange));
      onChange();
    }
    this.publish();
    void Promise.all(this.open.map((d) => d.loaded)).then(() => {
      if (this.closed) return;
      this.phase = share.role === 'author' && !model.hasIncident(this.docs) ? 'waiting' : 'live';
      this.flushEarly();
      this.scheduleProjection();
      this.stateChanged();
    });
  }

  private ctx(): WriteContext {
    const { incidentId, name, role } = this.share;
    return { incidentId, name, role, now: Date.now(), origin: LOCAL_ORIGIN };
  }

  /** Writes committed local changes into the documents. */
  applyLocal(changes: readonly MirrorChange[]): void {
    if (this.closed || this.phase === 'waiting') return;
    if (this.phase !== 'live') {
      this.early.push(...changes);
      return;
    }
    const rows: RowChange[] = changes.map((c) =>
      c.type === 'put'
        ? { table: c.table, type: 'put', row: c.row, before: c.before }
        : { table: c.table, type: 'delete', id: c.id },
    );
    const { refused } = this.model.apply(this.docs, rows, this.ctx());
    // A refused part is put back as the documents have it (the local copy never keeps it).
    if (refused.length > 0) {
      this.fullNext = true;
      this.onProblem(
        `Not shared: ${refused[0]!.reason}${refused.length > 1 ? ` (and ${refused.length - 1} more)` : ''}.`,
      );
      this.scheduleProjection();
    }
  }

  private flushEarly(): void {
    const early = this.early;
    this.early = [];
    if (early.length > 0 && this.phase === 'live') this.applyLocal(early);
  }

  private stateChanged(): void {
    if (this.closed) return;
    const allSynced = this.open.every((d) => d.state().synced);
    if (this.phase === 'waiting' && allSynced) {
      this.phase = 'seeding';
      void this.model
        .seed(this.docs, this.share.incidentId, this.ctx())
        .catch((e: unknown) => this.onProblem(`Could not put this incident on the server: ${String(e)}`))
        .finally(() => {
          this.phase = 'live';
          this.flushEarly();
          this.publish();
          this.scheduleProjection();
        });
    }
    this.publish();
  }

  private publish(): void {
    if (this.closed) return;
    publishSyncStatus(
      this.share.incidentId,
      combineDocStates(
        [...this.open, ...this.sections.handles()].map((d) => d.state()),
        this.phase === 'waiting' || this.phase === 'seeding',
      ),
    );
  }

  /** Projects into Dexie once per burst of updates, one projection at a time. */
  private scheduleProjection(): void {
    if (this.projectQueued || this.closed) return;
    this.projectQueued = true;
    this.projecting = this.projecting.then(async () => {
      await Promise.resolve();
      this.projectQueued = false;
      // An author's documents are projected only once they hold the incident (seeded or synced).
      if (this.closed || !this.model.hasIncident(this.docs)) return;
      const id = this.share.incidentId;
      const full = this.fullNext;
      this.fullNext = false;
      const patch = this.tracker.take(id);
      const rows = full ? this.model.project(this.docs, id) : null;
      const write =
        rows !== null
          ? writeProjection(this.db(), id, rows)
          : patch !== null
            ? writePatch(this.db(), id, patch)
            : null;
      await write?.catch((e: unknown) =>
        this.onProblem(
          `Could not store changes from the server: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
    });
  }

  /** Waits until every projection queued so far is written (tests, un-share). */
  settled(): Promise<void> {
    return this.projecting;
  }

  /** Stops syncing. With `forget`, the stored copies of the documents are removed too. */
  async close(forget = false): Promise<void> {
    if (this.closed) return;
    await this.projecting;
    this.closed = true;
    for (const stop of this.stops) stop();
    publishSyncStatus(this.share.incidentId, null);
    publishPeers(this.share.incidentId, null);
    await this.sections.close(forget);
    await Promise.all(this.open.map((d) => d.close(forget)));
  }
}
