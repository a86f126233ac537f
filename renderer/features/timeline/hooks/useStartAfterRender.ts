import { useEffect } from 'react';
import type { TimelineStore } from '../model/store';

/**
 * Starts the store's first read after the render that asked for it (when `when` is true), so the
 * views being drawn issue their own small reads first (the Document's text, a tab's rows):
 * IndexedDB serves one request after another, and the ~40 MB read of packed events, issued
 * first, held the Document up. Never starts IndexedDB work during render.
 */
export function useStartAfterRender(store: TimelineStore, when: boolean): void {
  useEffect(() => {
    if (!when) return;
    const timer = setTimeout(() => store.start(), 0);
    return () => clearTimeout(timer);
  }, [store, when]);
}
