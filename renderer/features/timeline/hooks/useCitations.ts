import { useLiveQuery } from 'dexie-react-hooks';
import { listCauses } from '../../../db/repos';

const EMPTY = new Map<string, number>();

/** How many causes cite each event as evidence (the "cited by N causes" badge). */
export function useCitations(incidentId: string): ReadonlyMap<string, number> {
  return (
    useLiveQuery(async () => {
      const counts = new Map<string, number>();
      for (const c of await listCauses(incidentId)) {
        for (const id of c.evidenceEventIds) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    }, [incidentId]) ?? EMPTY
  );
}
