import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';

/** Idle time after the last keystroke before a section is written. */
export const AUTOSAVE_DELAY_MS = 600;

/**
 * Saves the editor state after typing pauses (and on unmount, and when the page is hidden or
 * closed), ignoring selection-only updates. `onChange` gets every change synchronously (to
 * journal it); `onPending` fires as soon as there are unsaved changes; `save` resolves once the
 * write committed; the caller shows "Saved" only then.
 */
export function AutosavePlugin({
  save,
  onPending,
  onChange,
  delay = AUTOSAVE_DELAY_MS,
}: {
  save: (json: string) => Promise<void>;
  onPending?: (() => void) | undefined;
  /** Called synchronously with the new state on every content change, before the debounce. */
  onChange?: (json: string) => void;
  delay?: number;
}): null {
  const [editor] = useLexicalComposerContext();
  const saveRef = useRef(save);
  const pendingRef = useRef(onPending);
  const changeRef = useRef(onChange);
  useEffect(() => {
    saveRef.current = save;
    pendingRef.current = onPending;
    changeRef.current = onChange;
  }, [save, onPending, onChange]);
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
      changeRef.current?.(pending);
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delay);
    });
    // Leaving the page (reload, close, switching away) starts the write at once; the text is
    // already journaled should it not finish.
    const leave = (): void => flush();
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
