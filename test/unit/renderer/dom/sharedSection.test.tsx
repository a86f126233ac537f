// @vitest-environment happy-dom
// Two people on two machines edit one document section: two section editors, each bound to its
// own Y.Doc, the docs joined by an in-memory "server" that can be cut (offline) and restored.
import type { LexicalEditor } from 'lexical';
import { $createTextNode, $getRoot, $isElementNode, FOCUS_COMMAND, UNDO_COMMAND } from 'lexical';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { markdownToLexicalState } from '../../../../shared/document/headless';
import type { DocumentSection } from '../../../../shared/domain';
import { sectionDocIsEmpty, seedSectionDoc } from '../../../../renderer/editor/collab/sectionDoc';
import { SectionSharingContext } from '../../../../renderer/editor/collab/sharing';
import type { SharedSection } from '../../../../renderer/editor/collab/sharing';
import { SectionEditor } from '../../../../renderer/features/document/components/SectionEditor';
import { freshDb } from '../../db/testDb';
import { act, render, until } from './render';

// happy-dom has no offsetParent at all (undefined, where a browser says null or the positioned
// ancestor); Lexical reads it to place others' cursors.
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    return this.parentElement;
  },
});

const SECTION: DocumentSection = {
  id: 'sec-1',
  incidentId: 'inc-1',
  key: 'summary',
  title: 'Summary',
  order: 0,
  internalOnly: false,
  lexicalState: markdownToLexicalState('The database failed over.'),
  updatedAt: 1,
};

/** Two replicas of one document, linked while online; offline, each side's updates wait. */
function link(a: Y.Doc, b: Y.Doc) {
  let online = true;
  const waiting: [Y.Doc, Uint8Array][] = [];
  const send = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin === 'net') return;
    if (online) Y.applyUpdate(to, update, 'net');
    else waiting.push([to, update]);
  };
  a.on('update', send(b));
  b.on('update', send(a));
  return {
    offline: () => {
      online = false;
    },
    online: () => {
      online = true;
      for (const [to, update] of waiting.splice(0)) Y.applyUpdate(to, update, 'net');
    },
  };
}

function linkAwareness(a: Awareness, b: Awareness): void {
  const relay =
    (to: Awareness) =>
    (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === 'net') return;
      const ids = [...changes.added, ...changes.updated, ...changes.removed];
      const from = to === a ? b : a;
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, ids), 'net');
    };
  a.on('update', relay(b));
  b.on('update', relay(a));
}

function sharing(shared: SharedSection) {
  return { section: (id: string) => (id === SECTION.id ? shared : null) };
}

function mount(shared: SharedSection) {
  return render(
    <SectionSharingContext.Provider value={sharing(shared)}>
      <SectionEditor section={SECTION} guidance="" onSave={() => Promise.resolve()} />
    </SectionSharingContext.Provider>,
  );
}

function editorOf(container: HTMLElement): { el: HTMLElement; editor: LexicalEditor } {
  const el = container.querySelector<HTMLElement>('[contenteditable]');
  const editor = (el as (HTMLElement & { __lexicalEditor?: LexicalEditor }) | null)?.__lexicalEditor;
  if (!el || !editor) throw new Error('no editor');
  return { el, editor };
}

function typeAtEnd(editor: LexicalEditor, text: string): void {
  act(() => {
    editor.update(
      () => {
        const last = $getRoot().getLastChild();
        if ($isElementNode(last)) last.append($createTextNode(text));
      },
      { discrete: true },
    );
  });
}

const textOf = (container: HTMLElement): string =>
  container.querySelector('[contenteditable]')?.textContent ?? '';

let a: Y.Doc;
let b: Y.Doc;
let net: ReturnType<typeof link>;
const user = (name: string) => ({ name, color: '#0072B2' });

beforeEach(() => {
  freshDb('shared-section');
  a = new Y.Doc();
  b = new Y.Doc();
  net = link(a, b);
  seedSectionDoc(a, SECTION.id, SECTION.lexicalState);
});

describe('a shared document section', () => {
  it("shows the shared text on both machines and each one's typing on the other", async () => {
    const author = mount({ doc: a, awareness: null, user: user('Ana'), readOnly: false });
    const other = mount({ doc: b, awareness: null, user: user('Bo'), readOnly: false });
    await until(() => expect(textOf(other.container)).toBe('The database failed over.'));
    typeAtEnd(editorOf(author.container).editor, ' Ana was paged.');
    await until(() => expect(textOf(other.container)).toBe('The database failed over. Ana was paged.'));
    typeAtEnd(editorOf(other.container).editor, ' Bo rolled back.');
    await until(() =>
      expect(textOf(author.container)).toBe('The database failed over. Ana was paged. Bo rolled back.'),
    );
  });

  it('edits made on both sides while cut off merge when the connection returns', async () => {
    const author = mount({ doc: a, awareness: null, user: user('Ana'), readOnly: false });
    const other = mount({ doc: b, awareness: null, user: user('Bo'), readOnly: false });
    await until(() => expect(textOf(other.container)).toBe('The database failed over.'));
    net.offline();
    typeAtEnd(editorOf(author.container).editor, ' [Ana]');
    typeAtEnd(editorOf(other.container).editor, ' [Bo]');
    await until(() => expect(textOf(author.container)).toBe('The database failed over. [Ana]'));
    net.online();
    await until(() => {
      const mine = textOf(author.container);
      expect(mine).toContain('[Ana]');
      expect(mine).toContain('[Bo]');
      expect(textOf(other.container)).toBe(mine);
    });
  });

  it('undo takes back only what this person typed', async () => {
    const author = mount({ doc: a, awareness: null, user: user('Ana'), readOnly: false });
    const other = mount({ doc: b, awareness: null, user: user('Bo'), readOnly: false });
    await until(() => expect(textOf(other.container)).toBe('The database failed over.'));
    const { editor } = editorOf(author.container);
    typeAtEnd(editor, ' mine');
    await until(() => expect(textOf(other.container)).toBe('The database failed over. mine'));
    typeAtEnd(editorOf(other.container).editor, ' theirs');
    await until(() => expect(textOf(author.container)).toBe('The database failed over. mine theirs'));
    act(() => {
      editor.dispatchCommand(UNDO_COMMAND, undefined);
    });
    await until(() => expect(textOf(other.container)).toBe('The database failed over. theirs'));
    expect(textOf(author.container)).toBe('The database failed over. theirs');
  });

  it('a reviewer reads the text live but cannot edit it', async () => {
    const author = mount({ doc: a, awareness: null, user: user('Ana'), readOnly: false });
    const reviewer = mount({ doc: b, awareness: null, user: user('Rev'), readOnly: true });
    await until(() => expect(textOf(reviewer.container)).toBe('The database failed over.'));
    const { el } = editorOf(reviewer.container);
    expect(el.getAttribute('contenteditable')).toBe('false');
    expect(el.getAttribute('aria-label')).toBe('Summary text (read-only)');
    expect(reviewer.container.textContent).toContain('Shared with you as a reviewer');
    expect(reviewer.container.querySelector('[role="toolbar"]')).toBeNull();
    typeAtEnd(editorOf(author.container).editor, ' More.');
    await until(() => expect(textOf(reviewer.container)).toBe('The database failed over. More.'));
    // Even a change made to the reviewer's editor by code never reaches the shared document.
    const before = Y.encodeStateVector(b);
    typeAtEnd(editorOf(reviewer.container).editor, ' not allowed');
    await until(() => expect(textOf(reviewer.container)).toContain('not allowed'));
    expect(Y.encodeStateVector(b)).toEqual(before);
    expect(textOf(author.container)).toBe('The database failed over. More.');
  });

  it('a joiner waits for the shared text before typing, then edits it', async () => {
    const c = new Y.Doc();
    const joiner = mount({ doc: c, awareness: null, user: user('Bo'), readOnly: false });
    const { el } = editorOf(joiner.container);
    expect(el.getAttribute('contenteditable')).toBe('false');
    expect(joiner.container.textContent).toContain('Waiting for the shared text of this section');
    // Whatever the editor does meanwhile (a transform adding a trailing paragraph to an empty
    // root) stays out of the document: its first text must be the shared one.
    act(() => {
      editorOf(joiner.container).editor.update(() => $getRoot().markDirty(), { discrete: true });
    });
    expect(sectionDocIsEmpty(c)).toBe(true);
    act(() => Y.applyUpdate(c, Y.encodeStateAsUpdate(a), 'net'));
    await until(() => expect(textOf(joiner.container)).toBe('The database failed over.'));
    expect(editorOf(joiner.container).el.getAttribute('contenteditable')).toBe('true');
  });

  it("tells others where this person's cursor is, by name and colour, until they leave", async () => {
    const wa = new Awareness(a);
    const wb = new Awareness(b);
    linkAwareness(wa, wb);
    const author = mount({ doc: a, awareness: wa, user: { name: 'Ana', color: '#D55E00' }, readOnly: false });
    mount({ doc: b, awareness: wb, user: user('Bo'), readOnly: false });
    await until(() => {
      const names = [...wb.getStates().values()].map((s) => (s as { name?: string }).name);
      expect(names.sort()).toEqual(['Ana', 'Bo']);
    });
    const { editor } = editorOf(author.container);
    act(() => {
      editor.dispatchCommand(FOCUS_COMMAND, new FocusEvent('focus'));
      editor.update(() => $getRoot().selectEnd(), { discrete: true });
    });
    // Where Ana's caret is, as Bo's machine reads it (happy-dom has no layout to draw it in: the
    // e2e spec looks at the drawn caret).
    await until(() => {
      const ana = [...wb.getStates().values()].find((s) => (s as { name?: string }).name === 'Ana') as
        { focusing: boolean; anchorPos: unknown; color: string } | undefined;
      expect(ana?.focusing).toBe(true);
      expect(ana?.color).toBe('#D55E00');
      expect(ana?.anchorPos).not.toBeNull();
    });
    author.unmount();
    await until(() =>
      expect([...wb.getStates().values()].map((s) => (s as { name?: string }).name)).toEqual(['Bo']),
    );
  });

  it('when sharing stops under the open editor, it keeps the shared text and edits it locally', async () => {
    const saved: string[] = [];
    const ui = (section: DocumentSection, shared: SharedSection | null) => (
      <SectionSharingContext.Provider value={shared === null ? null : sharing(shared)}>
        <SectionEditor
          section={section}
          guidance=""
          onSave={(json) => Promise.resolve(void saved.push(json))}
        />
      </SectionSharingContext.Provider>
    );
    const shared: SharedSection = { doc: a, awareness: null, user: user('Ana'), readOnly: false };
    const view = render(ui(SECTION, shared));
    typeAtEnd(editorOf(view.container).editor, ' Typed while shared.');
    // The projection stored the shared text; then the incident stops being shared.
    const projected = markdownToLexicalState('The database failed over. Typed while shared.');
    view.rerender(ui({ ...SECTION, lexicalState: projected, updatedAt: 2 }, shared));
    view.rerender(ui({ ...SECTION, lexicalState: projected, updatedAt: 2 }, null));
    await until(() => expect(textOf(view.container)).toBe('The database failed over. Typed while shared.'));
    expect(editorOf(view.container).el.getAttribute('contenteditable')).toBe('true');
  });

  it("a shared incident's section shows its stored text read-only until its document is open", async () => {
    const opening = { section: () => null };
    const ui = (value: { section: (id: string) => SharedSection | null }) => (
      <SectionSharingContext.Provider value={value}>
        <SectionEditor
          section={SECTION}
          guidance=""
          onSave={() => Promise.reject(new Error('not while shared'))}
        />
      </SectionSharingContext.Provider>
    );
    const view = render(ui(opening));
    await until(() => expect(textOf(view.container)).toBe('The database failed over.'));
    expect(editorOf(view.container).el.getAttribute('contenteditable')).toBe('false');
    expect(view.container.textContent).toContain('Connecting to the shared text');
    view.rerender(ui(sharing({ doc: b, awareness: null, user: user('Bo'), readOnly: false })));
    await until(() => expect(editorOf(view.container).el.getAttribute('contenteditable')).toBe('true'));
    expect(view.container.textContent).not.toContain('Connecting to the shared text');
  });
});
