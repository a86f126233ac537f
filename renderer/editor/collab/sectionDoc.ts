import { createHeadlessEditor } from '@lexical/headless';
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical } from '@lexical/yjs';
import type { Binding, Provider } from '@lexical/yjs';
import { $createParagraphNode, $getRoot, SKIP_COLLAB_TAG } from 'lexical';
import type { LexicalEditor } from 'lexical';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { DOCUMENT_NODES } from '../../../shared/document/headless';
import { checkSectionState } from '../../../shared/document/state';

/** The root `XmlText` of a section document (docs/sync-design.md: `incident/<id>/section/<sid>`). */
export const SECTION_ROOT = 'root';

/** The origin of the transaction that seeds a section document. */
export const SEED_ORIGIN = 'rootline:seed';

/** The shared text of a section document. */
export function sectionRoot(doc: Y.Doc): Y.XmlText {
  return doc.get(SECTION_ROOT, Y.XmlText);
}

/** True while a section document holds no text at all (never seeded, nothing synced yet). */
export function sectionDocIsEmpty(doc: Y.Doc): boolean {
  return sectionRoot(doc).length === 0;
}

/** FNV-1a over the text, as a non-zero 32-bit Yjs client id. */
function hashClientId(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}

/**
 * A provider for an editor bound to a document outside any connection (seeding, projection, a
 * section shared without presence): the binding only reads its awareness, and nothing connects.
 */
export function detachedProvider(doc: Y.Doc): Provider {
  const awareness = new Awareness(doc);
  awareness.setLocalState(null);
  return {
    awareness: awareness as unknown as Provider['awareness'],
    connect: () => undefined,
    disconnect: () => undefined,
    on: () => undefined,
    off: () => undefined,
  };
}

function headlessEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'rootline-section-sync',
    nodes: DOCUMENT_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

function bind(editor: LexicalEditor, doc: Y.Doc): { binding: Binding; provider: Provider } {
  const binding = createYjsBinding({ editor, id: 'section', doc, docMap: new Map([['section', doc]]) });
  return { binding, provider: detachedProvider(doc) };
}

/**
 * Writes every change of `editor` into its bound document (changes tagged `SKIP_COLLAB_TAG`, the
 * ones that came from the document, stay out). Returns the unregister function.
 */
export function mirrorEditorToDoc(editor: LexicalEditor, binding: Binding, provider: Provider): () => void {
  return editor.registerUpdateListener((u) => {
    if (u.tags.has(SKIP_COLLAB_TAG)) return;
    syncLexicalUpdateToYjs(
      binding,
      provider,
      u.prevEditorState,
      u.editorState,
      u.dirtyElements,
      u.dirtyLeaves,
      u.normalizedNodes,
      u.tags,
    );
  });
}

export type SeedUpdate = { ok: true; update: Uint8Array } | { ok: false; reason: string };

/**
 * The Yjs update that puts a stored section text (`DocumentSection.lexicalState`, null when
 * empty) into an empty section document. It is deterministic: written by a client id derived from
 * the section id and the text, so two seeds of the same text (a retry, the author's second
 * window) are the same items and Yjs keeps them once. An empty section seeds one empty paragraph,
 * so that two people who start typing into it write into the same paragraph.
 */
export function sectionSeedUpdate(sectionId: string, lexicalState: string | null): SeedUpdate {
  const checked = checkSectionState(lexicalState);
  if (!checked.ok) return { ok: false, reason: checked.message };
  const doc = new Y.Doc();
  doc.clientID = hashClientId(`${sectionId}\u0000${checked.state ?? ''}`);
  const editor = headlessEditor();
  const { binding, provider } = bind(editor, doc);
  mirrorEditorToDoc(editor, binding, provider);
  try {
    editor.update(
      () => {
        const state = checked.state === null ? null : editor.parseEditorState(checked.state);
        if (state !== null && !state.isEmpty()) editor.setEditorState(state);
        else $getRoot().append($createParagraphNode());
      },
      { discrete: true },
    );
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      reason: `The section's stored text is not an editor state Rootline can read (${why}).`,
    };
  }
  return { ok: true, update: Y.encodeStateAsUpdate(doc) };
}

/**
 * Seeds an empty section document with the stored text; a document that already holds text is
 * left alone (its text is the shared one). Resolves what happened, with the reason when the
 * stored text cannot be seeded (it is then left out of the shared document, never half-written).
 */
export function seedSectionDoc(
  doc: Y.Doc,
  sectionId: string,
  lexicalState: string | null,
): { seeded: boolean; reason?: string } {
  if (!sectionDocIsEmpty(doc)) return { seeded: false };
  const seed = sectionSeedUpdate(sectionId, lexicalState);
  if (!seed.ok) return { seeded: false, reason: seed.reason };
  Y.applyUpdate(doc, seed.update, SEED_ORIGIN);
  return { seeded: true };
}

/**
 * The section text a document holds, serialized as Dexie stores it (`lexicalState`), or null
 * while the document is empty. Read through a Lexical editor bound to a copy of the document, so
 * it is exactly what an editor joining the document would show.
 */
export function sectionDocState(doc: Y.Doc): string | null {
  if (sectionDocIsEmpty(doc)) return null;
  const copy = new Y.Doc();
  const editor = headlessEditor();
  const { binding, provider } = bind(editor, copy);
  const onChanges = (events: Y.YEvent<Y.XmlText>[]): void =>
    syncYjsChangesToLexical(
      binding,
      provider,
      events as Parameters<typeof syncYjsChangesToLexical>[2],
      false,
      () => undefined,
    );
  binding.root.getSharedType().observeDeep(onChanges);
  // The binding's own update nests inside this discrete one, so the state is there on return.
  editor.update(() => Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc)), { discrete: true });
  binding.root.getSharedType().unobserveDeep(onChanges);
  const state = editor.getEditorState();
  return state.isEmpty() ? null : JSON.stringify(state.toJSON());
}
