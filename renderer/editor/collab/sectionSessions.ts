import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { projectSectionDoc } from './projectSection';
import type { SectionProjection } from './projectSection';
import { sectionDocIsEmpty, seedSectionDoc } from './sectionDoc';
import type { SectionSharing, SharedSection } from './sharing';
import { cursorColor } from './sharing';

/** One section document as renderer/sync opens it (its `OpenDoc`): stored in IndexedDB, synced. */
export interface SectionDocHandle {
  doc: Y.Doc;
  provider: { awareness: Awareness | null };
  /** Resolves once the stored copy is loaded into `doc`. */
  loaded: Promise<void>;
  state(): { synced: boolean };
  onState(fn: (state: { synced: boolean }) => void): () => void;
  close(forget?: boolean): Promise<void>;
}

/** What a key change of a `Y.Map` says (a `Y.YMapEvent` of any value type has it). */
interface KeyChanges {
  changes: { keys: Map<string, { action: 'add' | 'update' | 'delete' }> };
}

/** The model document's `sections` table, as far as the section documents follow it. */
export interface SectionsTable {
  keys(): IterableIterator<string>;
  observe(fn: (event: KeyChanges, transaction: Y.Transaction) => void): void;
  unobserve(fn: (event: KeyChanges, transaction: Y.Transaction) => void): void;
}

export interface SectionSessionsOptions<H extends SectionDocHandle = SectionDocHandle> {
  incidentId: string;
  /** The token's name and role on this incident. */
  name: string;
  role: 'author' | 'reviewer';
  /** The model document's `sections` table (a `Y.Map` keyed by section id). */
  sections: SectionsTable;
  /** Opens the document of a section (`incident/<id>/section/<sid>`). */
  open(sectionId: string): H;
  /** The section's stored text (Dexie's `lexicalState`), read when this machine seeds it. */
  storedText(sectionId: string): Promise<string | null | undefined>;
  /** Stores a section's text as its document has it (a write marked as from sync). */
  store(sectionId: string, lexicalState: string): Promise<unknown>;
  onProblem(message: string): void;
}

interface Open<H extends SectionDocHandle> {
  handle: H;
  stopState: () => void;
  shared: SharedSection;
  projection: Promise<SectionProjection | null>;
}

/**
 * The section documents of one shared incident: one per section of the model document, opened
 * as sections appear and closed as they go (the stored copy stays: an undone template switch
 * brings the section back with its text), each projected into Dexie's `lexicalState`.
 *
 * Seeding: a section's text is put into its document by the machine whose own write put the
 * section into the model document — the author who shared the incident (their rows seed the
 * model) or who added the section later (a template switch) — and by no one else: a joiner
 * receives sections from the server and never seeds. It seeds only a document that is still
 * empty once its stored copy is loaded, and a seed is deterministic (sectionDoc.ts), so even a
 * repeated seed of one text leaves one copy.
 */
export class SectionSessions<H extends SectionDocHandle = SectionDocHandle> implements SectionSharing {
  private readonly docs = new Map<string, Open<H>>();
  private readonly listeners = new Set<() => void>();
  private readonly stateListeners = new Set<() => void>();
  private closed = false;

  constructor(private readonly options: SectionSessionsOptions<H>) {
    const { sections } = options;
    sections.observe(this.onSections);
    for (const id of sections.keys()) this.openSection(id, false);
  }

  private readonly onSections = (event: KeyChanges, transaction: Y.Transaction): void => {
    if (this.closed) return;
    event.changes.keys.forEach((change, id) => {
      if (change.action === 'add') this.openSection(id, transaction.local && this.options.role === 'author');
      else if (change.action === 'delete') void this.closeSection(id);
    });
    this.notify();
  };

  private openSection(sectionId: string, seed: boolean): void {
    if (this.docs.has(sectionId)) return;
    const { name, role } = this.options;
    const handle = this.options.open(sectionId);
    const shared: SharedSection = {
      doc: handle.doc,
      awareness: handle.provider.awareness,
      user: { name, color: cursorColor(name) },
      readOnly: role === 'reviewer',
    };
    const projection = handle.loaded.then(async () => {
      if (this.closed || this.docs.get(sectionId)?.handle !== handle) return null;
      if (seed && sectionDocIsEmpty(handle.doc)) await this.seed(sectionId, handle.doc);
      else if (role === 'author') this.seedIfLeftEmpty(sectionId, handle);
      return projectSectionDoc(handle.doc, (state) => this.options.store(sectionId, state));
    });
    projection.catch((e: unknown) => this.options.onProblem(`Could not open a shared section: ${String(e)}`));
    // Their connection state counts in the incident's (changes waiting, offline, refused).
    const stopState = handle.onState(() => {
      for (const fn of [...this.stateListeners]) fn();
    });
    this.docs.set(sectionId, { handle, stopState, shared, projection: projection.catch(() => null) });
  }

  private async seed(sectionId: string, doc: Y.Doc): Promise<void> {
    const text = await this.options.storedText(sectionId);
    if (text === undefined) return;
    const result = seedSectionDoc(doc, sectionId, text);
    if (result.reason !== undefined) {
      this.options.onProblem(`A section's text was not shared: ${result.reason}`);
    }
  }

  /**
   * The machine that shared may have stopped between seeding the model and seeding a section
   * (closed, crashed): once the server, too, has no text for the section, an author whose
   * stored text is not empty seeds it. A joiner's stored text comes only from the document, so
   * it is empty (null) while the document is, and a joiner never seeds.
   */
  private seedIfLeftEmpty(sectionId: string, handle: SectionDocHandle): void {
    const check = (state: { synced: boolean }): void => {
      if (!state.synced) return;
      stop();
      if (this.closed || !sectionDocIsEmpty(handle.doc)) return;
      void this.options.storedText(sectionId).then((text) => {
        if (typeof text === 'string' && !this.closed && sectionDocIsEmpty(handle.doc)) {
          void this.seed(sectionId, handle.doc);
        }
      });
    };
    const stop = handle.onState(check);
    check(handle.state());
  }

  private async closeSection(sectionId: string): Promise<void> {
    const open = this.docs.get(sectionId);
    if (!open) return;
    this.docs.delete(sectionId);
    open.stopState();
    await (await open.projection)?.stop();
    await open.handle.close();
  }

  /** The shared document of a section, or null when the model has no such section. */
  section(sectionId: string): SharedSection | null {
    return this.docs.get(sectionId)?.shared ?? null;
  }

  /** The open section documents (their states count in the incident's sync status). */
  handles(): H[] {
    return [...this.docs.values()].map((o) => o.handle);
  }

  /** Called when a section document's state changes (connection, changes waiting, refused). */
  onDocState(fn: () => void): () => void {
    this.stateListeners.add(fn);
    return () => this.stateListeners.delete(fn);
  }

  /** Called when sections come or go. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(): void {
    for (const fn of [...this.listeners]) fn();
  }

  /** Stores every pending text (tests, closing with unsaved work). */
  async flush(): Promise<void> {
    await Promise.all([...this.docs.values()].map(async (o) => (await o.projection)?.flush()));
  }

  /** Stores what is pending and closes every section document (`forget`: remove stored copies). */
  async close(forget = false): Promise<void> {
    if (this.closed) return;
    this.options.sections.unobserve(this.onSections);
    const all = [...this.docs.values()];
    for (const o of all) o.stopState();
    await Promise.all(all.map(async (o) => (await o.projection)?.stop()));
    this.closed = true;
    this.docs.clear();
    this.notify();
    this.listeners.clear();
    this.stateListeners.clear();
    await Promise.all(all.map((o) => o.handle.close(forget)));
  }
}
