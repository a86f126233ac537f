import { useLiveQuery } from 'dexie-react-hooks';
import type { LogPattern } from '../../../../shared/domain';
import { listPatterns } from '../../../db/repos';

/** The incident's stored patterns (undefined while loading), re-read when they change. */
export function usePatterns(incidentId: string): LogPattern[] | undefined {
  return useLiveQuery(() => listPatterns(incidentId), [incidentId]);
}
