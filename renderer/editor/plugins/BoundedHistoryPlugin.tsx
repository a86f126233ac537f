import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

/** Most undo steps one section editor keeps in memory. */
export const SECTION_HISTORY_DEPTH = 100;

/** Undo/redo inside one section editor, with a bounded stack (Lexical's plugin has no bound). */
export function BoundedHistoryPlugin({ maxDepth = SECTION_HISTORY_DEPTH }: { maxDepth?: number }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () => registerHistory(editor, createEmptyHistoryState(), 300, Date.now, undefined, maxDepth),
    [editor, maxDepth],
  );
  return null;
}
