import { useLiveQuery } from 'dexie-react-hooks';
import type { Incident } from '../../../../shared/domain';
import { getIncident, readIncident, readIncidents, type DamagedRow } from '../../../db/repos';

/** Every incident, newest edit first, with the damaged rows apart; undefined while loading. */
export function useIncidentRows(): { good: Incident[]; damaged: DamagedRow[] } | undefined {
  return useLiveQuery(() => readIncidents(), []);
}

/** Every valid incident, newest edit first; undefined while loading. */
export function useIncidents(): Incident[] | undefined {
  return useIncidentRows()?.good;
}

/** One incident; null when it does not exist or is damaged, undefined while loading. */
export function useIncident(id: string): Incident | null | undefined {
  return useLiveQuery(async () => (await getIncident(id)) ?? null, [id]);
}

/** One incident, checked: the row or why it is damaged; null when absent, undefined while loading. */
export function useCheckedIncident(id: string) {
  return useLiveQuery(() => readIncident(id), [id]);
}
