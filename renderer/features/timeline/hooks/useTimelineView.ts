import { useMemo } from 'react';
import type { TimelineEvent } from '../../../../shared/domain';
import {
  buildRowModel,
  compileFilter,
  isFilterEmpty,
  type RowModel,
  type TimelineFilter,
} from '../../../../shared/timeline-edit';
import type { TimelineStore } from '../model/store';

export interface TimelineView {
  /** Events that pass the filter, in time order. */
  shown: TimelineEvent[];
  /** Events that pass every part of the filter but the brushed range (what the chart draws). */
  chartEvents: TimelineEvent[];
  rows: RowModel;
  services: string[];
  regions: string[];
  /** Some event of the timeline is an injected fault. */
  hasInjected: boolean;
}

/** Filters the store's events and builds the table rows; recomputed only when inputs change. */
export function useTimelineView(
  store: TimelineStore,
  version: number,
  filter: TimelineFilter,
  zone: string,
  gapMs: number,
  /** The second zone the table shows, if any: its days start headings too. */
  second: string | null = null,
): TimelineView {
  const { shown, chartEvents } = useMemo(() => {
    void version;
    const all = store.events;
    const range = filter.range;
    const withoutRange = { ...filter, range: null };
    if (isFilterEmpty(withoutRange)) {
      // Nothing but (perhaps) a range: no per-event predicate over 100,000 events at load time.
      // A copy, since the store edits its array in place and views memoise on these arrays.
      const chartEvents = all.slice();
      const shown = range
        ? chartEvents.filter((e) => (e.endAt ?? e.at) >= range.from && e.at <= range.to)
        : chartEvents;
      return { shown, chartEvents };
    }
    const noRange = compileFilter(withoutRange);
    const chartEvents: TimelineEvent[] = [];
    const shown: TimelineEvent[] = [];
    for (const e of all) {
      if (!noRange(e, () => store.haystack(e))) continue;
      chartEvents.push(e);
      if (range && ((e.endAt ?? e.at) < range.from || e.at > range.to)) continue;
      shown.push(e);
    }
    return { shown, chartEvents };
  }, [store, version, filter]);
  const rows = useMemo(
    () =>
      buildRowModel(
        { count: shown.length, at: (i) => shown[i]!.at, endAt: (i) => shown[i]!.endAt },
        second === null ? [zone] : [zone, second],
        gapMs,
      ),
    [shown, zone, second, gapMs],
  );
  const { services, regions, hasInjected } = useMemo(() => {
    void version;
    const s = new Set<string>();
    const r = new Set<string>();
    let injected = false;
    for (const e of store.events) {
      s.add(e.service ?? '');
      r.add(e.region ?? '');
      injected ||= e.injected === true;
    }
    return { services: [...s].sort(), regions: [...r].sort(), hasInjected: injected };
  }, [store, version]);
  return { shown, chartEvents, rows, services, regions, hasInjected };
}
