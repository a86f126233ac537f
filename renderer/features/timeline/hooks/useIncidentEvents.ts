import { useCallback } from 'react';
import type { TimelineEvent } from '../../../../shared/domain';
import type { DamagedRow } from '../../../db/repos';
import { useTransitionVersion } from '../../../ui/transitions';
import { timelineStoreFor } from '../model/store';
import { useStartAfterRender } from './useStartAfterRender';

/**
 * Every event of an incident for views other than the timeline (the document's live blocks): the
 * timeline's own store, so the events are read once and held once, and a view opened after the
 * timeline has them at once. `events` is null until all are read (never a partial list);
 * `loaded` waits for them (an export started before they arrived). With `read` false the hook
 * only watches: the events are read when a view asks for them (`read` true) or `loaded` is called
 * — the Document asks once its own text has arrived, so that the big read does not delay it.
 */
export function useIncidentEvents(
  incidentId: string,
  read = true,
): {
  events: readonly TimelineEvent[] | null;
  /** Rows that fail the event schema, by name (empty until every row was read). */
  damaged: readonly DamagedRow[];
  loaded: () => Promise<readonly TimelineEvent[]>;
} {
  const store = timelineStoreFor(incidentId);
  useStartAfterRender(store, read);
  // As a transition: a subscription read synchronously turned every render of the page under way
  // while the events load into a synchronous one.
  useTransitionVersion(store);
  const loaded = useCallback(async () => {
    await store.whenLoaded();
    if (store.error !== null) throw new Error(store.error);
    return store.events;
  }, [store]);
  return { events: store.complete ? store.events : null, damaged: store.damaged, loaded };
}
