import { useLiveQuery } from 'dexie-react-hooks';
import type { Incident } from '../../../../shared/domain';
import { getIncident, listIncidents } from '../../../db/repos';

/** Every incident, newest edit first; undefined while loading. */
export function useIncidents(): Incident[] | undefined {
  return useLiveQuery(() => listIncidents(), []);
}

/** One incident; null when it does not exist, undefined while loading. */
export function useIncident(id: string): Incident | null | undefined {
  return useLiveQuery(async () => (await getIncident(id)) ?? null, [id]);
}
