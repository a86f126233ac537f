import { useCallback, useSyncExternalStore } from 'react';
import type { TimelineEvent } from '../../../../shared/domain';
import type { DamagedRow } from '../../../db/repos';
import { timelineStoreFor } from '../model/store';

/**
 * Every event of an incident for views other than the timeline (the document's live blocks): the
 * timeline's own store, so the events are read once and held once, and a view opened after the
 * timeline has them at once. `events` is null until all are read (never a partial list);
 * `loaded` waits for them (an export started before they arrived).
 */
export function useIncidentEvents(incidentId: string): {
  events: readonly TimelineEvent[] | null;
  /** Rows that fail the event schema, by name (empty until every row was read). */
  damaged: readonly DamagedRow[];
  loaded: () => Promise<readonly TimelineEvent[]>;
} {
  const store = timelineStoreFor(incidentId);
  useSyncExternalStore(
    (fn) => store.subscribe(fn),
    () => store.version,
  );
  const loaded = useCallback(async () => {
    await store.whenLoaded();
    if (store.error !== null) throw new Error(store.error);
    return store.events;
  }, [store]);
  return { events: store.complete ? store.events : null, damaged: store.damaged, loaded };
}
