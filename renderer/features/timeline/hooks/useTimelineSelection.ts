import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
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
  // The event to bring into view once the table shows it: the events arrive and are drawn in a
  // transition, so an event just read or added may not be in the rows on screen yet.
  const target = useRef<string | null>(null);
  const reveal = useCallback(
    (id: string) => {
      target.current = id;
      setSelection(new Set([id]), id, id);
    },
    [setSelection],
  );
  useEffect(() => {
    const id = target.current;
    if (id === null) return;
    const pos = shown.findIndex((e) => e.id === id);
    if (pos >= 0) {
      target.current = null;
      requestAnimationFrame(() => scrollTo(pos));
    } else if (store.byId.has(id)) {
      // Hidden by the filter (or read but not drawn yet): shown once the filter is cleared.
      clearFilter();
    } else if (store.complete) {
      // Not an event of this incident (any more).
      target.current = null;
    }
  }, [sel, shown, store, scrollTo, clearFilter]);
  useEffect(() => {
    const check = () => {
      const id = takeRevealRequest(incidentId);
      if (id) reveal(id);
    };
    check();
    return subscribeReveal(check);
  }, [incidentId, reveal]);
  return { sel, setSelection, scrollTo, reveal };
}
