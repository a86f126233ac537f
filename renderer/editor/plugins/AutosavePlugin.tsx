import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';

/** Idle time after the last keystroke before a section is written. */
export const AUTOSAVE_DELAY_MS = 600;

/**
 * Saves the editor state after typing pauses (and on unmount, and when the page is hidden or
 * closed), ignoring selection-only updates. `onPending` fires as soon as there are unsaved
 * changes; `save` resolves once the write committed; the caller shows "Saved" only then.
 */
export function AutosavePlugin({
  save,
  onPending,
  onHide,
  delay = AUTOSAVE_DELAY_MS,
}: {
  save: (json: string) => Promise<void>;
  onPending?: () => void;
  /** Called synchronously with unsaved text when the page goes away (to journal it). */
  onHide?: (json: string) => void;
  delay?: number;
}): null {
  const [editor] = useLexicalComposerContext();
  const saveRef = useRef(save);
  const pendingRef = useRef(onPending);
  const hideRef = useRef(onHide);
  useEffect(() => {
    saveRef.current = save;
    pendingRef.current = onPending;
    hideRef.current = onHide;
  }, [save, onPending, onHide]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pending: string | null = null;
    const flush = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (pending === null) return;
      const json = pending;
      pending = null;
      void saveRef.current(json);
    };
    const off = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
      if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || tags.has('history-merge')) return;
      if (pending === null) pendingRef.current?.();
      pending = JSON.stringify(editorState.toJSON());
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delay);
    });
    // Leaving the page (reload, close, switching away) must not drop the last keystrokes: the
    // text is handed over synchronously, then the write is started.
    const leave = (): void => {
      if (pending !== null) hideRef.current?.(pending);
      flush();
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      off();
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [editor, delay]);
  return null;
}
