import { useLiveQuery } from 'dexie-react-hooks';
import { readLibrary } from '../../../db/repos';
import type { LibraryIncident } from '../../../../shared/library';

/** Every incident as a library summary, kept current; undefined while loading. */
export function useLibrary(): LibraryIncident[] | undefined {
  return useLiveQuery(() => readLibrary(), []);
}
