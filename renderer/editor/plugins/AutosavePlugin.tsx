import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';

/** Idle time after the last keystroke before a section is written. */
export const AUTOSAVE_DELAY_MS = 600;

/**
 * Saves the editor state after typing pauses (and on unmount), ignoring selection-only
 * updates. `save` resolves once the write committed; the caller shows "Saved" only then.
 */
export function AutosavePlugin({
  save,
  delay = AUTOSAVE_DELAY_MS,
}: {
  save: (json: string) => Promise<void>;
  delay?: number;
}): null {
  const [editor] = useLexicalComposerContext();
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
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
      pending = JSON.stringify(editorState.toJSON());
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delay);
    });
    return () => {
      off();
      flush();
    };
  }, [editor, delay]);
  return null;
}
