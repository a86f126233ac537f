import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { sectionDocIsEmpty } from './sectionDoc';

/** Whether a section document still has no text (false for no document), kept current. */
export function useDocIsEmpty(doc: Y.Doc | null): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (doc === null) return () => undefined;
      doc.on('update', changed);
      return () => doc.off('update', changed);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => doc !== null && sectionDocIsEmpty(doc));
}
