// @vitest-environment happy-dom
// The timeline's filtered view: the shortcut taken when only a range (or nothing) is set must
// show exactly what the general predicate shows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventDefaults, type TimelineEvent } from '../../../../shared/domain';
import {
  compileFilter,
  EMPTY_FILTER,
  searchText,
  type TimelineFilter,
} from '../../../../shared/timeline-edit';
import { useTimelineView } from '../../../../renderer/features/timeline/hooks/useTimelineView';
import type { TimelineStore } from '../../../../renderer/features/timeline/model/store';
import { renderHook } from './render';

function storeOf(events: TimelineEvent[]): TimelineStore {
  return { events, haystack: (e: TimelineEvent) => searchText(e) } as unknown as TimelineStore;
}

const eventArb = fc.record({
  at: fc.integer({ min: 0, max: 1_000 }),
  span: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  title: fc.constantFrom('loop', 'alert', 'rollback'),
});

describe('useTimelineView', () => {
  it('shows, for a range alone or no filter, what the general predicate shows', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 40 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 1_200 }), fc.integer({ min: 0, max: 400 })), {
          nil: null,
        }),
        (specs, r) => {
          const events = specs
            .map((s, i): TimelineEvent => ({
              ...eventDefaults(),
              id: `e${String(i).padStart(3, '0')}`,
              incidentId: 'inc',
              at: s.at,
              endAt: s.span === null ? null : s.at + s.span,
              title: s.title,
              kind: 'log',
              createdAt: 1,
              updatedAt: 1,
            }))
            .sort((a, b) => a.at - b.at);
          const filter: TimelineFilter = { ...EMPTY_FILTER, range: r && { from: r[0], to: r[0] + r[1] } };
          const view = renderHook(() => useTimelineView(storeOf(events), 1, filter, 'UTC', 0));
          const matches = compileFilter(filter);
          const expected = events.filter((e) => matches(e, () => searchText(e)));
          expect(view.current().shown.map((e) => e.id)).toEqual(expected.map((e) => e.id));
          expect(view.current().chartEvents.map((e) => e.id)).toEqual(events.map((e) => e.id));
          // The view's arrays are its own: the store edits its array in place.
          expect(view.current().chartEvents).not.toBe(events);
          view.unmount();
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  });
});
