import { useLiveQuery } from 'dexie-react-hooks';
import type { TimelineEvent } from '../../../../shared/domain';
import { countEvents, listEventsWindow } from '../../../db/repos';

export const TIMELINE_WINDOW = 200;

/** The number of events and the first window of them, in time order; undefined while loading. */
export function useTimelineWindow(
  incidentId: string,
  offset = 0,
  limit = TIMELINE_WINDOW,
): { total: number; events: TimelineEvent[] } | undefined {
  return useLiveQuery(async () => {
    const [total, events] = await Promise.all([
      countEvents(incidentId),
      listEventsWindow(incidentId, offset, limit),
    ]);
    return { total, events };
  }, [incidentId, offset, limit]);
}
