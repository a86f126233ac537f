import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useSyncExternalStore } from 'react';
import { countEvents, listImports } from '../../../db/repos';
import { timelineStoreFor, type TimelineStore } from '../model/store';

/**
 * The incident's event store, re-rendering on every change. A live count of the events and the
 * list of imports catch writes made elsewhere (an import finishing, a bundle restored): when
 * the count no longer matches what the store holds, it reads again. Returns the import-set key
 * (changes when imports are added or removed) for the density strip.
 */
export function useTimelineStore(incidentId: string): {
  store: TimelineStore;
  version: number;
  importsKey: string | null;
} {
  const store = timelineStoreFor(incidentId);
  const version = useSyncExternalStore(
    (fn) => store.subscribe(fn),
    () => store.version,
  );
  const outside = useLiveQuery(async () => {
    const [count, imports] = await Promise.all([countEvents(incidentId), listImports(incidentId)]);
    return { count, importsKey: imports.map((i) => `${i.id}:${i.blockCount}`).join(',') };
  }, [incidentId]);
  useEffect(() => {
    if (outside && store.complete && outside.count !== store.total) void store.load();
  }, [outside, store]);
  return { store, version, importsKey: outside?.importsKey ?? null };
}
