import {
  createUndoManager,
  createYjsBinding,
  initLocalState,
  setLocalStateFocus,
  syncCursorPositions,
  syncYjsChangesToLexical,
} from '@lexical/yjs';
import type { Provider, UserState } from '@lexical/yjs';
import { mergeRegister } from '@lexical/utils';
import {
  BLUR_COMMAND,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_EDITOR,
  FOCUS_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import type { LexicalEditor } from 'lexical';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { detachedProvider, mirrorEditorToDoc, SECTION_ROOT } from './sectionDoc';

/** Who is typing: their name (from the share's token) and the colour of their cursor. */
export interface CollabUser {
  name: string;
  color: string;
}

export interface SectionCollabOptions {
  /** The shared section document (kept, persisted and synced by renderer/sync). */
  doc: Y.Doc;
  /** The awareness of the document's connection, for cursors; null draws none and sends none. */
  awareness: Awareness | null;
  user: CollabUser;
  /** Where remote cursors are drawn: an element positioned over the editor. */
  cursorsContainer: HTMLElement | null;
  /** A reviewer: nothing the editor does reaches the document (their cursor still does). */
  readOnly?: boolean;
}

/**
 * Wraps the connection's awareness for @lexical/yjs, which takes a whole provider. Connecting is
 * renderer/sync's business (one connection per server, documents come and go with the share), so
 * the editor never connects or disconnects anything, and it hears no provider events.
 */
function awarenessProvider(awareness: Awareness): Provider {
  return {
    awareness: awareness as unknown as Provider['awareness'],
    connect: () => undefined,
    disconnect: () => undefined,
    on: () => undefined,
    off: () => undefined,
  };
}

/**
 * Binds a section's editor to its shared document (Lexical's collaboration binding): local edits
 * go into the document, everyone else's come into the editor, undo and redo undo only this
 * person's own edits, and with an awareness, others' cursors are drawn with their names.
 *
 * The binding works on a private copy of the document linked to it both ways: @lexical/yjs reads
 * a document only through its changes, so a document that already holds text (from IndexedDB, or
 * synced before the editor opened) reaches the editor as the copy's first change.
 */
export function registerSectionCollab(editor: LexicalEditor, options: SectionCollabOptions): () => void {
  const { doc, awareness, user } = options;
  const local = new Y.Doc();
  const binding = createYjsBinding({
    editor,
    id: SECTION_ROOT,
    doc: local,
    docMap: new Map([[SECTION_ROOT, local]]),
    rootName: SECTION_ROOT,
  });
  binding.cursorsContainer = options.cursorsContainer;
  const provider = awareness === null ? detachedProvider(local) : awarenessProvider(awareness);
  // This editor's own entry in the awareness is never drawn as someone else's cursor.
  const selfId = awareness?.clientID ?? local.clientID;
  const othersOnly = (): Map<number, UserState> => {
    const states = new Map(provider.awareness.getStates());
    states.delete(selfId);
    return states;
  };
  // Selections as CSS highlights where the browser has them (Chromium, so Electron), else boxes.
  const drawCursors = (): void =>
    syncCursorPositions(binding, provider, { getAwarenessStates: othersOnly, selectionHighlight: true });

  const relay = {};
  const toShared = (update: Uint8Array, origin: unknown): void => {
    if (origin !== relay && options.readOnly !== true) Y.applyUpdate(doc, update, relay);
  };
  const toLocal = (update: Uint8Array, origin: unknown): void => {
    if (origin !== relay) Y.applyUpdate(local, update, relay);
  };

  const root = binding.root.getSharedType();
  const onYjs = (events: Y.YEvent<Y.XmlText>[], transaction: Y.Transaction): void => {
    if (transaction.origin === binding) return;
    syncYjsChangesToLexical(
      binding,
      provider,
      events as Parameters<typeof syncYjsChangesToLexical>[2],
      transaction.origin instanceof Y.UndoManager,
      () => drawCursors(),
    );
  };
  root.observeDeep(onYjs);
  const undo = createUndoManager(binding, root);
  const canUndoRedo = (): void => {
    editor.dispatchCommand(CAN_UNDO_COMMAND, undo.undoStack.length > 0);
    editor.dispatchCommand(CAN_REDO_COMMAND, undo.redoStack.length > 0);
  };
  undo.on('stack-item-added', canUndoRedo);
  undo.on('stack-item-popped', canUndoRedo);
  undo.on('stack-cleared', canUndoRedo);

  local.on('update', toShared);
  doc.on('update', toLocal);
  // The document's text so far arrives as the copy's first change (not undoable: not this edit).
  Y.applyUpdate(local, Y.encodeStateAsUpdate(doc), relay);

  const focused = (): boolean => {
    const el = editor.getRootElement();
    return el !== null && el.ownerDocument.activeElement === el;
  };
  if (awareness !== null) {
    initLocalState(provider, user.name, user.color, focused(), {});
    awareness.on('update', drawCursors);
  }

  const unregister = mergeRegister(
    mirrorEditorToDoc(editor, binding, provider),
    editor.registerCommand(
      UNDO_COMMAND,
      () => {
        undo.undo();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      REDO_COMMAND,
      () => {
        undo.redo();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      FOCUS_COMMAND,
      () => {
        if (awareness !== null) setLocalStateFocus(provider, user.name, user.color, true, {});
        return false;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      BLUR_COMMAND,
      () => {
        if (awareness !== null) setLocalStateFocus(provider, user.name, user.color, false, {});
        return false;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
  );

  return () => {
    unregister();
    if (awareness !== null) {
      awareness.off('update', drawCursors);
      // Others stop drawing this cursor at once rather than after the awareness timeout.
      awareness.setLocalState(null);
    }
    // With nobody left to draw, Lexical removes every cursor (its DOM and its CSS highlight).
    syncCursorPositions(binding, provider, { getAwarenessStates: () => new Map(), selectionHighlight: true });
    root.unobserveDeep(onYjs);
    doc.off('update', toLocal);
    local.off('update', toShared);
    undo.destroy();
    binding.root.destroy(binding);
    local.destroy();
  };
}
