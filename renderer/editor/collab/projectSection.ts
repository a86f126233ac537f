import type * as Y from 'yjs';
import { sectionDocState } from './sectionDoc';

/** Quiet time after the last change of a section document before its text is stored. */
export const PROJECT_DELAY_MS = 400;

export interface SectionProjection {
  /** Stores the document's text now if it changed since it was last stored. */
  flush(): Promise<void>;
  /** Stores what is pending, then stops watching. */
  stop(): Promise<void>;
}

/**
 * Keeps a section's stored text (`lexicalState` in Dexie, which exports, search and the CLI
 * read) equal to its shared document, whoever typed: local and remote changes alike are stored
 * once the document has been quiet for `delay` ms. The text the document already holds is
 * stored at once (it may be newer than Dexie's: offline edits kept in IndexedDB). Writes run one
 * at a time, in order; an empty document stores nothing (it has not been seeded or synced yet).
 */
export function projectSectionDoc(
  doc: Y.Doc,
  store: (lexicalState: string) => Promise<unknown>,
  delay = PROJECT_DELAY_MS,
): SectionProjection {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last: string | null = null;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;

  const write = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    chain = chain.then(async () => {
      try {
        const state = sectionDocState(doc);
        if (state === null || state === last) return;
        await store(state);
        last = state;
      } catch (e) {
        // Kept in the document (and its IndexedDB copy): the next change or flush stores it.
        console.error('Could not store the shared text of a section', e);
      }
    });
    return chain;
  };
  const onUpdate = (): void => {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void write(), delay);
  };
  doc.on('update', onUpdate);
  void write();
  return {
    flush: write,
    stop: () => {
      stopped = true;
      doc.off('update', onUpdate);
      return write();
    },
  };
}
