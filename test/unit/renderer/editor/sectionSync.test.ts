// The section documents of a shared incident through the app's own connection layer (a socket
// per server, a provider and an IndexedDB copy per document) and a real Hocuspocus server on a
// random loopback port: the sharing author's stored text reaches the server by name
// `incident/<id>/section/<sid>`; a joiner receives it, stores it, and its typing comes back.
import 'fake-indexeddb/auto';
import { Server } from '@hocuspocus/server';
import { $createTextNode, $getRoot, $isElementNode, createEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeWebSocket } from '../../../helpers/sync/nodeWebSocket';
import * as Y from 'yjs';
import { DOCUMENT_NODES, markdownToLexicalState } from '../../../../shared/document/headless';
import { lexicalPlainText } from '../../../../shared/document/text';
import type { DocumentSection } from '../../../../shared/domain';
import { tableMap } from '../../../../shared/sync';
import { sectionDocName } from '../../../../shared/sync/names';
import { getDb } from '../../../../renderer/db/db';
import { getSectionText, putSections, storeSharedSectionState } from '../../../../renderer/db/repos/sections';
import { SYNC_ORIGIN } from '../../../../renderer/sync/dexieMirror';
import { registerSectionCollab } from '../../../../renderer/editor/collab/registerSectionCollab';
import { sectionDocState } from '../../../../renderer/editor/collab/sectionDoc';
import { SectionSessions } from '../../../../renderer/editor/collab/sectionSessions';
import { SyncConnections } from '../../../../renderer/sync/connection';
import { freshDb } from '../../db/testDb';

const SECTION: DocumentSection = {
  id: 'sec-1',
  incidentId: 'inc-1',
  key: 'summary',
  title: 'Summary',
  order: 0,
  internalOnly: false,
  lexicalState: markdownToLexicalState('Written before sharing.'),
  updatedAt: 1,
};

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function until(ok: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function startServer(): Promise<{ url: string; server: Server }> {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
  await server.listen();
  cleanups.push(() => server.destroy());
  return { url: `ws://127.0.0.1:${server.address.port}`, server };
}

function machine(url: string) {
  const connections = new SyncConnections({ WebSocketPolyfill: NodeWebSocket });
  const model = connections.open(url, 'incident/inc-1/model', 'token');
  cleanups.push(() => model.close(true));
  const docs = { model: model.doc, review: new Y.Doc() };
  const open = (name: string) => {
    const d = connections.open(url, name, 'token');
    return { ...d, close: (forget?: boolean) => d.close(forget ?? true) };
  };
  return { connections, model, docs, open };
}

describe('section documents over the app connection layer', () => {
  it("the author's stored text reaches a joiner, and the joiner's typing reaches the author's Dexie", async () => {
    freshDb('section-sync');
    await putSections([SECTION]);
    const { url, server } = await startServer();

    const ana = machine(url);
    await ana.model.loaded;
    // As renderer/sync/session.ts starts them, with the stored texts in Dexie.
    const sync = new SectionSessions({
      incidentId: 'inc-1',
      name: 'Ana',
      role: 'author',
      sections: tableMap(ana.docs, 'sections'),
      open: (sid) => ana.open(sectionDocName('inc-1', sid)),
      storedText: getSectionText,
      store: (sid, state) => storeSharedSectionState(sid, state, SYNC_ORIGIN),
      onProblem: (m) => {
        throw new Error(m);
      },
    });
    cleanups.push(() => sync.close(true));
    // The session seeds the model with the incident's rows: the section appears by Ana's own write.
    ana.docs.model.transact(() => tableMap(ana.docs, 'sections').set(SECTION.id, new Y.Map()));
    await until(
      () => server.hocuspocus.documents.has(sectionDocName('inc-1', SECTION.id)),
      'the section document to reach the server under its name',
    );

    const bo = machine(url);
    const texts = new Map<string, string | null>([[SECTION.id, null]]);
    const boSections = new SectionSessions({
      incidentId: 'inc-1',
      name: 'Bo',
      role: 'author',
      sections: tableMap(bo.docs, 'sections'),
      open: (sid) => bo.open(sectionDocName('inc-1', sid)),
      storedText: (sid) => Promise.resolve(texts.get(sid)),
      store: (sid, s) => Promise.resolve(texts.set(sid, s)),
      onProblem: (m) => {
        throw new Error(m);
      },
    });
    cleanups.push(() => boSections.close(true));
    await until(() => boSections.section(SECTION.id) !== null, 'Bo to open the section');
    const boDoc = boSections.section(SECTION.id)!.doc;
    await until(() => sectionDocState(boDoc) !== null, 'the text to reach Bo');
    await boSections.flush();
    expect(lexicalPlainText(texts.get(SECTION.id) ?? null)).toBe('Written before sharing.');

    // Bo types into the section in his editor; Ana's Dexie gets it.
    const editor = createEditor({
      namespace: 'bo',
      nodes: DOCUMENT_NODES,
      onError: (e) => {
        throw e;
      },
    });
    const unbind = registerSectionCollab(editor, {
      doc: boDoc,
      awareness: null,
      user: { name: 'Bo', color: '#0072B2' },
      cursorsContainer: null,
    });
    cleanups.push(() => Promise.resolve(unbind()));
    await new Promise((r) => setTimeout(r, 0));
    editor.update(
      () => {
        const last = $getRoot().getLastChild();
        if ($isElementNode(last)) last.append($createTextNode(' Bo wrote this.'));
      },
      { discrete: true },
    );
    await until(async () => {
      await sync.flush();
      const row = await getDb().sections.get(SECTION.id);
      return lexicalPlainText(row?.lexicalState ?? null) === 'Written before sharing. Bo wrote this.';
    }, "Bo's text to reach Ana's stored copy");
  }, 30_000);
});
