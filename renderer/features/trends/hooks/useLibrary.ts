import { useSyncExternalStore } from 'react';
import type { LibraryIncident } from '../../../../shared/library';
import { libraryStore } from '../model/libraryStore';

/** Every incident as a library summary; undefined while the first read runs. */
export function useLibrary(): LibraryIncident[] | undefined {
  const store = libraryStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
