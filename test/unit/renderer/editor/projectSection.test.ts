// A shared section's document keeps the section's stored text (Dexie's lexicalState) current:
// what another machine typed reaches exports, search and the CLI, tagged so it is not echoed.
import { $createTextNode, $getRoot, $isElementNode, createEditor } from 'lexical';
import type { LexicalEditor } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markdownToLexicalState, DOCUMENT_NODES } from '../../../../shared/document/headless';
import { lexicalPlainText } from '../../../../shared/document/text';
import type { DocumentSection } from '../../../../shared/domain';
import { subscribeIncidentChanges } from '../../../../renderer/db/changeLog';
import type { IncidentChange } from '../../../../renderer/db/changeLog';
import { getDb } from '../../../../renderer/db/db';
import { putSections, storeSharedSectionState } from '../../../../renderer/db/repos/sections';
import { projectSectionDoc } from '../../../../renderer/editor/collab/projectSection';
import type { SectionProjection } from '../../../../renderer/editor/collab/projectSection';
import { registerSectionCollab } from '../../../../renderer/editor/collab/registerSectionCollab';
import { seedSectionDoc } from '../../../../renderer/editor/collab/sectionDoc';
import { freshDb } from '../../db/testDb';

const SECTION: DocumentSection = {
  id: 'sec-1',
  incidentId: 'inc-1',
  key: 'summary',
  title: 'Summary',
  order: 0,
  internalOnly: false,
  lexicalState: markdownToLexicalState('Stored before sharing.'),
  updatedAt: 1,
};

/** Another machine's editor on its own replica of the document. */
function remoteEditor(doc: Y.Doc): LexicalEditor {
  const editor = createEditor({
    namespace: 't',
    nodes: DOCUMENT_NODES,
    onError: (e) => {
      throw e;
    },
  });
  registerSectionCollab(editor, {
    doc,
    awareness: null,
    user: { name: 'Bo', color: '#0072B2' },
    cursorsContainer: null,
  });
  return editor;
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

const storedText = async (): Promise<string> =>
  lexicalPlainText((await getDb().sections.get(SECTION.id))?.lexicalState ?? null);

const turns = async (until: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 200; i++) {
    if (await until()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('timed out');
};

let projection: SectionProjection | null = null;
const changes: IncidentChange[] = [];
let unsubscribe = (): void => undefined;

beforeEach(async () => {
  freshDb('project-section');
  await putSections([SECTION]);
  changes.length = 0;
  unsubscribe = subscribeIncidentChanges((c) => changes.push(c));
});
afterEach(async () => {
  await projection?.stop();
  projection = null;
  unsubscribe();
});

const store = (state: string) => storeSharedSectionState(SECTION.id, state, 'sync');

describe('projecting a shared section into the stored text', () => {
  it("stores another machine's typing once the document is quiet, tagged as from sync", async () => {
    const local = new Y.Doc();
    const remote = new Y.Doc();
    local.on('update', (u: Uint8Array, o: unknown) => o !== 'net' && Y.applyUpdate(remote, u, 'net'));
    remote.on('update', (u: Uint8Array, o: unknown) => o !== 'net' && Y.applyUpdate(local, u, 'net'));
    seedSectionDoc(local, SECTION.id, SECTION.lexicalState);
    projection = projectSectionDoc(local, store, 10);
    const bo = remoteEditor(remote);
    // Bo types once his editor shows the text (it arrives in an update of its own).
    await new Promise((r) => setTimeout(r, 0));
    typeAtEnd(bo, ' Bo added this.');
    await turns(async () => (await storedText()) === 'Stored before sharing. Bo added this.');
    const written = changes.filter((c) => c.table === 'sections');
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((c) => c.origin === 'sync')).toBe(true);
  });

  it('stores the text the document already holds at once (offline edits kept in IndexedDB)', async () => {
    const doc = new Y.Doc();
    seedSectionDoc(doc, SECTION.id, markdownToLexicalState('Edited offline, kept by IndexedDB.'));
    projection = projectSectionDoc(doc, store, 60_000);
    await turns(async () => (await storedText()) === 'Edited offline, kept by IndexedDB.');
  });

  it('writes nothing while the document is empty or its text is already stored', async () => {
    const calls: string[] = [];
    const empty = new Y.Doc();
    projection = projectSectionDoc(empty, async (s) => calls.push(s), 1);
    await projection.flush();
    expect(calls).toEqual([]);
    expect(await storedText()).toBe('Stored before sharing.');
    await projection.stop();

    const doc = new Y.Doc();
    seedSectionDoc(doc, SECTION.id, SECTION.lexicalState);
    projection = projectSectionDoc(doc, store, 1);
    await projection.flush();
    expect(changes.filter((c) => c.table === 'sections')).toEqual([]);
  });

  it('a section that is gone is skipped without an error', async () => {
    await getDb().sections.delete(SECTION.id);
    expect(await storeSharedSectionState(SECTION.id, SECTION.lexicalState ?? '', 'sync')).toBe(false);
    expect(await getDb().sections.get(SECTION.id)).toBeUndefined();
  });
});

describe('a failing store', () => {
  it('is retried with the next change instead of stopping the projection', async () => {
    const doc = new Y.Doc();
    seedSectionDoc(doc, SECTION.id, SECTION.lexicalState);
    let fail = true;
    const stored: string[] = [];
    const quiet = console.error;
    console.error = () => undefined;
    try {
      projection = projectSectionDoc(
        doc,
        (s) => (fail ? Promise.reject(new Error('disk full')) : Promise.resolve(void stored.push(s))),
        1,
      );
      await projection.flush();
      expect(stored).toEqual([]);
      fail = false;
      await projection.flush();
      expect(stored.map(lexicalPlainText)).toEqual(['Stored before sharing.']);
    } finally {
      console.error = quiet;
    }
  });
});
