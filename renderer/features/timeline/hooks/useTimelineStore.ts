import { useLiveQuery } from 'dexie-react-hooks';
import { useTransitionVersion } from '../../../ui/transitions';
import { useStartAfterRender } from './useStartAfterRender';
import { listImports } from '../../../db/repos';
import { timelineStoreFor, type TimelineStore } from '../model/store';

/**
 * The incident's event store, re-rendering on every change (as a transition: 100,000 events
 * arriving are drawn without one long task). The store itself reloads on the
 * incident's change signal (renderer/db/changeLog.ts) for writes made elsewhere. Returns the
 * import-set key (changes when imports are added or removed) for the density strip.
 */
export function useTimelineStore(incidentId: string): {
  store: TimelineStore;
  version: number;
  importsKey: string | null;
} {
  const store = timelineStoreFor(incidentId);
  useStartAfterRender(store, true);
  const version = useTransitionVersion(store);
  const importsKey = useLiveQuery(async () => {
    const imports = await listImports(incidentId);
    return imports.map((i) => `${i.id}:${i.importedAt}:${i.blockCount}`).join(',');
  }, [incidentId]);
  return { store, version, importsKey: importsKey ?? null };
}
