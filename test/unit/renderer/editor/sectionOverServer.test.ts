// Two machines type into one section through a real Hocuspocus server on a random loopback port:
// Lexical's binding over the wire, with each one's awareness (name and cursor) reaching the other.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Server } from '@hocuspocus/server';
import { $createTextNode, $getRoot, $isElementNode, createEditor } from 'lexical';
import type { LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeWebSocket } from '../../../helpers/sync/nodeWebSocket';
import * as Y from 'yjs';
import { DOCUMENT_NODES, markdownToLexicalState } from '../../../../shared/document/headless';
import { lexicalPlainText } from '../../../../shared/document/text';
import { registerSectionCollab } from '../../../../renderer/editor/collab/registerSectionCollab';
import { sectionDocState, seedSectionDoc } from '../../../../renderer/editor/collab/sectionDoc';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function until(ok: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function startServer(): Promise<string> {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
  await server.listen();
  cleanups.push(() => server.destroy());
  return `ws://127.0.0.1:${server.address.port}`;
}

/** One machine with the section open: its document, provider, and an editor on it (no DOM here). */
function machine(url: string, name: string, seed: string | null) {
  const doc = new Y.Doc();
  if (seed !== null) seedSectionDoc(doc, 'sec-1', seed);
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: NodeWebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: 'incident/i1/section/sec-1',
    document: doc,
  });
  provider.attach();
  const editor = createEditor({
    namespace: name,
    nodes: DOCUMENT_NODES,
    onError: (e) => {
      throw e;
    },
  });
  const stop = registerSectionCollab(editor, {
    doc,
    awareness: provider.awareness,
    user: { name, color: '#0072B2' },
    cursorsContainer: null,
  });
  cleanups.push(() => {
    stop();
    provider.destroy();
    socket.destroy();
  });
  return { doc, provider, editor };
}

function typeAtEnd(editor: LexicalEditor, text: string): void {
  editor.update(
    () => {
      const last = $getRoot().getLastChild();
      if ($isElementNode(last)) last.append($createTextNode(text));
    },
    { discrete: true },
  );
}

const plain = (editor: LexicalEditor): string =>
  editor.getEditorState().read(() => $getRoot().getTextContent());

describe('a section shared through a Hocuspocus server', () => {
  it('two machines typing at once converge on one text, and see each other by name', async () => {
    const url = await startServer();
    const ana = machine(url, 'Ana', markdownToLexicalState('Summary.'));
    const bo = machine(url, 'Bo', null);
    await until(() => plain(bo.editor) === 'Summary.', 'Bo to receive the seeded text');
    typeAtEnd(ana.editor, ' [Ana]');
    typeAtEnd(bo.editor, ' [Bo]');
    await until(
      () =>
        plain(ana.editor) === plain(bo.editor) &&
        plain(ana.editor).includes('[Ana]') &&
        plain(ana.editor).includes('[Bo]'),
      'both texts to converge',
    );
    expect(lexicalPlainText(sectionDocState(ana.doc))).toBe(lexicalPlainText(sectionDocState(bo.doc)));
    await until(() => {
      const names = [...ana.provider.awareness!.getStates().values()].map(
        (s) => (s as { name?: string }).name,
      );
      return names.includes('Bo') && names.includes('Ana');
    }, 'Ana to see Bo in the section');
  });
});
