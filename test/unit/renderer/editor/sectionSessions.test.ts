// The section documents of a shared incident on several machines: who seeds a section's text
// (only the machine whose own write put the section into the model), what each machine stores.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markdownToLexicalState } from '../../../../shared/document/headless';
import { lexicalPlainText } from '../../../../shared/document/text';
import { sectionDocState } from '../../../../renderer/editor/collab/sectionDoc';
import { SectionSessions } from '../../../../renderer/editor/collab/sectionSessions';
import type { SectionDocHandle } from '../../../../renderer/editor/collab/sectionSessions';

/** An in-memory sync server: one document per name; clients linked to it while online. */
class Server {
  readonly docs = new Map<string, Y.Doc>();
  doc(name: string): Y.Doc {
    let d = this.docs.get(name);
    if (!d) this.docs.set(name, (d = new Y.Doc()));
    return d;
  }
}

/** One machine: its stored section texts, its open section documents, and its link to the server. */
class Machine {
  readonly texts = new Map<string, string | null>();
  readonly closed: string[] = [];
  readonly problems: string[] = [];
  readonly model = new Y.Doc();
  sessions: SectionSessions | null = null;
  private readonly stateListeners = new Set<(s: { synced: boolean }) => void>();
  private synced = false;

  constructor(
    private readonly server: Server,
    readonly role: 'author' | 'reviewer' = 'author',
  ) {}

  start(): SectionSessions {
    this.sessions = new SectionSessions({
      incidentId: 'inc-1',
      name: this.role === 'author' ? 'Ana' : 'Rev',
      role: this.role,
      sections: this.model.getMap('sections'),
      open: (id) => this.open(id),
      storedText: (id) => Promise.resolve(this.texts.has(id) ? this.texts.get(id) : undefined),
      store: (id, state) => Promise.resolve(this.texts.set(id, state)),
      onProblem: (m) => this.problems.push(m),
    });
    return this.sessions;
  }

  /** Section documents connect to the server later, when `connect()` is called. */
  private readonly pending: (() => void)[] = [];

  private open(id: string): SectionDocHandle {
    const doc = new Y.Doc();
    const link = (): void => {
      const remote = this.server.doc(id);
      // Each link is its own origin, so the server passes one client's updates on to the others.
      const origin = {};
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), origin);
      Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc), origin);
      doc.on('update', (u: Uint8Array, o: unknown) => o !== origin && Y.applyUpdate(remote, u, origin));
      remote.on('update', (u: Uint8Array, o: unknown) => o !== origin && Y.applyUpdate(doc, u, origin));
    };
    if (this.synced) link();
    else this.pending.push(link);
    return {
      doc,
      provider: { awareness: null },
      loaded: Promise.resolve(),
      state: () => ({ synced: this.synced }),
      onState: (fn) => {
        this.stateListeners.add(fn);
        return () => this.stateListeners.delete(fn);
      },
      close: (forget) => {
        this.closed.push(`${id}${forget === true ? ' (forgotten)' : ''}`);
        return Promise.resolve();
      },
    };
  }

  connect(): void {
    this.synced = true;
    for (const link of this.pending.splice(0)) link();
    for (const fn of [...this.stateListeners]) fn({ synced: true });
  }
}

const TEXT = markdownToLexicalState('Stored on the machine that shared.');
const settle = () => new Promise((r) => setTimeout(r, 20));
const serverText = (server: Server, id: string) => lexicalPlainText(sectionDocState(server.doc(id)));

function addSectionLocally(m: Machine, id: string): void {
  m.model.transact(() => m.model.getMap('sections').set(id, new Y.Map()));
}

function receiveModel(to: Machine, from: Machine): void {
  Y.applyUpdate(to.model, Y.encodeStateAsUpdate(from.model), 'net');
}

let machines: Machine[] = [];
afterEach(async () => {
  await Promise.all(machines.map((m) => m.sessions?.close()));
  machines = [];
});

function machine(server: Server, role: 'author' | 'reviewer' = 'author'): Machine {
  const m = new Machine(server, role);
  machines.push(m);
  return m;
}

describe('section documents of a shared incident', () => {
  it('the machine that put a section into the model seeds its text; a joiner receives it', async () => {
    const server = new Server();
    const ana = machine(server);
    ana.texts.set('sec-1', TEXT);
    ana.start();
    ana.connect();
    addSectionLocally(ana, 'sec-1');
    await settle();
    expect(serverText(server, 'sec-1')).toBe('Stored on the machine that shared.');

    const bo = machine(server);
    bo.texts.set('sec-1', null);
    bo.start();
    receiveModel(bo, ana);
    bo.connect();
    await settle();
    expect(lexicalPlainText(bo.texts.get('sec-1') ?? null)).toBe('Stored on the machine that shared.');
    expect(serverText(server, 'sec-1')).toBe('Stored on the machine that shared.');
  });

  it('a joiner whose section documents reach the server first never seeds them', async () => {
    const server = new Server();
    const ana = machine(server);
    ana.texts.set('sec-1', TEXT);
    ana.start();
    addSectionLocally(ana, 'sec-1'); // seeded locally, offline: not on the server yet
    await settle();

    const bo = machine(server);
    bo.texts.set('sec-1', null);
    bo.start();
    receiveModel(bo, ana);
    bo.connect();
    await settle();
    expect(sectionDocState(server.doc('sec-1'))).toBeNull();
    expect(bo.sessions?.section('sec-1')).not.toBeNull();

    ana.connect();
    await settle();
    // One copy of the text: Bo added no empty paragraph of his own while he waited.
    const state = JSON.parse(sectionDocState(server.doc('sec-1')) ?? '{}') as {
      root: { children: unknown[] };
    };
    expect(state.root.children).toHaveLength(1);
    await bo.sessions?.flush(); // instead of waiting out the quiet time
    expect(lexicalPlainText(bo.texts.get('sec-1') ?? null)).toBe('Stored on the machine that shared.');
  });

  it('an author whose machine stopped before seeding a section seeds it once the server has none', async () => {
    const server = new Server();
    const ana = machine(server);
    ana.texts.set('sec-1', TEXT);
    // The model already holds the section (stored before the crash), the section doc is empty.
    addSectionLocally(ana, 'sec-1');
    ana.start();
    await settle();
    expect(sectionDocState(server.doc('sec-1'))).toBeNull();
    ana.connect();
    await settle();
    expect(serverText(server, 'sec-1')).toBe('Stored on the machine that shared.');
  });

  it('a reviewer reads sections read-only and never seeds', async () => {
    const server = new Server();
    const rev = machine(server, 'reviewer');
    rev.texts.set('sec-1', TEXT);
    rev.start();
    rev.connect();
    addSectionLocally(rev, 'sec-1');
    await settle();
    expect(sectionDocState(server.doc('sec-1'))).toBeNull();
    expect(rev.sessions?.section('sec-1')?.readOnly).toBe(true);
    expect(rev.sessions?.section('sec-1')?.user.name).toBe('Rev');
  });

  it('a section removed from the model closes its document and keeps its stored copy', async () => {
    const server = new Server();
    const ana = machine(server);
    ana.texts.set('sec-1', TEXT);
    const sessions = ana.start();
    ana.connect();
    addSectionLocally(ana, 'sec-1');
    await settle();
    let notified = 0;
    sessions.subscribe(() => notified++);
    ana.model.transact(() => ana.model.getMap('sections').delete('sec-1'));
    await settle();
    expect(sessions.section('sec-1')).toBeNull();
    expect(ana.closed).toEqual(['sec-1']);
    expect(notified).toBe(1);
  });

  it("tells when a section document's connection state changes, and lists the open documents", async () => {
    const server = new Server();
    const ana = machine(server);
    ana.texts.set('sec-1', TEXT);
    const sessions = ana.start();
    addSectionLocally(ana, 'sec-1');
    await settle();
    expect(sessions.handles().map((h) => h.state())).toEqual([{ synced: false }]);
    let changes = 0;
    const stop = sessions.onDocState(() => changes++);
    ana.connect();
    expect(changes).toBe(1);
    expect(sessions.handles().map((h) => h.state())).toEqual([{ synced: true }]);
    stop();
  });
});
