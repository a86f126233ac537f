// @vitest-environment happy-dom
// The timeline's cached store, seen through the hook and a component as the Timeline tab uses
// them: an edit made elsewhere that keeps the number of events must reach the screen.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIncident, eventDefaults, type TimelineEvent } from '../../../../shared/domain';
import { deleteEvents, putEvents } from '../../../../renderer/db/repos/events';
import { putIncident } from '../../../../renderer/db/repos/incidents';
import { useIncidentEvents } from '../../../../renderer/features/timeline/hooks/useIncidentEvents';
import { useTimelineStore } from '../../../../renderer/features/timeline/hooks/useTimelineStore';
import { timelineStoreFor } from '../../../../renderer/features/timeline/model/store';
import { freshDb } from '../../db/testDb';
import { render, until } from './render';

function event(incidentId: string, id: string, at: number, title: string): TimelineEvent {
  return { ...eventDefaults(), id, incidentId, at, title, kind: 'log', createdAt: 1, updatedAt: 1 };
}

function Titles({ incidentId }: { incidentId: string }) {
  const { store, version } = useTimelineStore(incidentId);
  return (
    <p data-testid="titles" data-version={version}>
      {store.events.map((e) => e.title).join('|')}
    </p>
  );
}

async function seed(id: string, titles: string[]): Promise<void> {
  await putIncident(createIncident({ id, now: 1, title: id }));
  await putEvents(titles.map((t, i) => event(id, `${id}-e${i}`, 1_000 * (i + 1), t)));
}

beforeEach(() => {
  // Only the store's own timers are faked (its reload debounce); IndexedDB keeps its real tasks.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  freshDb('timeline-hook');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useTimelineStore', () => {
  it('renders an in-place edit made elsewhere (same number of events)', async () => {
    await seed('inc-a', ['first', 'second']);
    const view = render(<Titles incidentId="inc-a" />);
    await until(() => expect(view.text('titles')).toBe('first|second'));

    await putEvents([event('inc-a', 'inc-a-e0', 1_000, 'renamed by a review merge')]);
    await until(() => expect(view.text('titles')).toBe('renamed by a review merge|second'));
  });

  it('renders events deleted and added elsewhere', async () => {
    await seed('inc-b', ['one', 'two', 'three']);
    const view = render(<Titles incidentId="inc-b" />);
    await until(() => expect(view.text('titles')).toBe('one|two|three'));
    await deleteEvents(['inc-b-e1']);
    await until(() => expect(view.text('titles')).toBe('one|three'));
    await putEvents([event('inc-b', 'late', 500, 'zero')]);
    await until(() => expect(view.text('titles')).toBe('zero|one|three'));
  });

  it('shows the other incident after a switch, and the first one stops listening', async () => {
    await seed('inc-c', ['c1']);
    await seed('inc-d', ['d1']);
    const view = render(<Titles incidentId="inc-c" />);
    await until(() => expect(view.text('titles')).toBe('c1'));
    const first = timelineStoreFor('inc-c');
    view.rerender(<Titles incidentId="inc-d" />);
    await until(() => expect(view.text('titles')).toBe('d1'));
    const load = vi.spyOn(first, 'load');
    await putEvents([event('inc-c', 'inc-c-e0', 1_000, 'c1 renamed')]);
    await vi.runAllTimersAsync();
    expect(load).not.toHaveBeenCalled();

    // Coming back reads the incident afresh, edits included.
    view.rerender(<Titles incidentId="inc-c" />);
    await until(() => expect(view.text('titles')).toBe('c1 renamed'));
  });

  it('coalesces a burst of writes into one read', async () => {
    await seed('inc-e', ['e']);
    const view = render(<Titles incidentId="inc-e" />);
    await until(() => expect(view.text('titles')).toBe('e'));
    const load = vi.spyOn(timelineStoreFor('inc-e'), 'load');
    for (let i = 0; i < 5; i++) await putEvents([event('inc-e', `burst-${i}`, 2_000 + i, `b${i}`)]);
    await until(() => expect(view.text('titles')).toBe('e|b0|b1|b2|b3|b4'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reads nothing for a view that only watches, and reads once a view asks', async () => {
    await seed('inc-f', ['f1', 'f2']);
    function Watcher({ read }: { read: boolean }) {
      const { events } = useIncidentEvents('inc-f', read);
      return <p data-testid="events">{events === null ? 'waiting' : events.map((e) => e.title).join('|')}</p>;
    }
    const view = render(<Watcher read={false} />);
    const load = vi.spyOn(timelineStoreFor('inc-f'), 'load');
    await vi.runAllTimersAsync();
    expect(load).not.toHaveBeenCalled();
    expect(view.text('events')).toBe('waiting');

    view.rerender(<Watcher read />);
    await until(() => expect(view.text('events')).toBe('f1|f2'));
    expect(load).toHaveBeenCalledTimes(1);
  });
});
