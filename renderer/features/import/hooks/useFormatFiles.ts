import { useLiveQuery } from 'dexie-react-hooks';
import { listFormatFiles } from '../../../db/repos';
import type { FormatFileRow } from '../../../db/schema';

/** The user's format files (live), undefined while loading. */
export function useFormatFileRows(): FormatFileRow[] | undefined {
  return useLiveQuery(() => listFormatFiles(), []);
}
