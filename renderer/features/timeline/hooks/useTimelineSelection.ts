import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { TimelineEvent } from '../../../../shared/domain';
import type { TimelineTableHandle } from '../components/TimelineTable';
import { subscribeReveal, takeRevealRequest } from '../focus';
import type { TimelineStore } from '../model/store';

/** Selected rows, the focused row and the anchor of a Shift range. */
export interface TimelineSelection {
  ids: Set<string>;
  focus: string | null;
  anchor: string | null;
}

interface Options {
  incidentId: string;
  store: TimelineStore;
  shown: readonly TimelineEvent[];
  table: RefObject<TimelineTableHandle | null>;
  /** Called when the event to reveal is hidden by the filter. */
  clearFilter: () => void;
}

/**
 * The table's selection, and `reveal(id)`: select an event and scroll it into view, clearing the
 * filter when it hides the event. Also takes "show this event" requests from other features.
 */
export function useTimelineSelection({ incidentId, store, shown, table, clearFilter }: Options) {
  const [sel, setSel] = useState<TimelineSelection>({ ids: new Set(), focus: null, anchor: null });
  const setSelection = useCallback((ids: Set<string>, focus: string | null, anchor?: string | null) => {
    setSel((s) => ({ ids, focus, anchor: anchor === undefined ? s.anchor : anchor }));
  }, []);
  const scrollTo = useCallback((pos: number) => table.current?.scrollToEvent(pos), [table]);
  const reveal = useCallback(
    (id: string) => {
      let pos = shown.findIndex((e) => e.id === id);
      if (pos < 0 && store.byId.has(id)) {
        clearFilter();
        pos = store.events.findIndex((e) => e.id === id);
      }
      setSelection(new Set([id]), id, id);
      if (pos >= 0) requestAnimationFrame(() => scrollTo(pos));
    },
    [shown, store, setSelection, scrollTo, clearFilter],
  );
  useEffect(() => {
    const check = () => {
      const id = takeRevealRequest(incidentId);
      if (id) void store.whenLoaded().then(() => reveal(id));
    };
    check();
    return subscribeReveal(check);
  }, [incidentId, store, reveal]);
  return { sel, setSelection, scrollTo, reveal };
}
