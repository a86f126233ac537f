import { useLiveQuery } from 'dexie-react-hooks';
import type { DocumentSection } from '../../../../shared/domain';
import { listSections } from '../../../db/repos';

/** The document's sections in order; undefined while loading. */
export function useSections(incidentId: string): DocumentSection[] | undefined {
  return useLiveQuery(() => listSections(incidentId), [incidentId]);
}
