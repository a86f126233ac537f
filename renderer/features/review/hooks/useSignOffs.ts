import { useLiveQuery } from 'dexie-react-hooks';
import type { SignOff } from '../../../../shared/domain';
import { listSignOffs, listSignOffsByIncident } from '../../../db/repos/signoffs';

/** The incident's sign-off log, oldest first; undefined while loading. */
export function useSignOffs(incidentId: string): SignOff[] | undefined {
  return useLiveQuery(() => listSignOffs(incidentId), [incidentId]);
}

/** Every incident's sign-off rows by incident id (the incident list's sign-off column). */
export function useSignOffsByIncident(): Map<string, SignOff[]> | undefined {
  return useLiveQuery(() => listSignOffsByIncident(), []);
}
