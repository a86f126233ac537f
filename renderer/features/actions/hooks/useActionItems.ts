import { useLiveQuery } from 'dexie-react-hooks';
import type { ActionItem } from '../../../../shared/domain';
import { listActions } from '../../../db/repos';

/** The incident's action items; undefined while loading. */
export function useActionItems(incidentId: string): ActionItem[] | undefined {
  return useLiveQuery(() => listActions(incidentId), [incidentId]);
}
