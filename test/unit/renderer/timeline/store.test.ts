// The timeline's in-memory store reloads on the incident's change signal: an edit made elsewhere
// that keeps the number of events (a review merge, a title fixed in another view) must show up.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIncident, eventDefaults } from '../../../../shared/domain';
import type { TimelineEvent } from '../../../../shared/domain';
import { putEvents } from '../../../../renderer/db/repos/events';
import { putIncident } from '../../../../renderer/db/repos/incidents';
import { TimelineStore } from '../../../../renderer/features/timeline/model/store';
import { TimelineEdits } from '../../../../renderer/features/timeline/model/edits';
import { UndoManager } from '../../../../renderer/features/undo';
import { freshDb } from '../../db/testDb';

function event(incidentId: string, id: string, at: number, title: string): TimelineEvent {
  return { ...eventDefaults(), id, incidentId, at, title, kind: 'log', createdAt: 1, updatedAt: 1 };
}

async function seed(): Promise<string> {
  freshDb('timeline-store');
  const incident = createIncident({ id: 'inc-store', now: 1, title: 'Store' });
  await putIncident(incident);
  await putEvents([event(incident.id, 'e1', 1_000, 'first'), event(incident.id, 'e2', 2_000, 'second')]);
  return incident.id;
}

const stores: TimelineStore[] = [];
// The store's reload debounce runs on fake timers; IndexedDB keeps its real tasks.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  stores.splice(0).forEach((s) => s.dispose());
  vi.useRealTimers();
});

/** Lets every pending timer (the reload debounce) run, then waits for the read it started. */
async function settle(store: TimelineStore): Promise<void> {
  await vi.runAllTimersAsync();
  await store.whenLoaded();
}

describe('timeline store invalidation', () => {
  it('shows an in-place edit made elsewhere (same number of events)', async () => {
    const id = await seed();
    const store = new TimelineStore(id);
    stores.push(store);
    await store.load();
    expect(store.byId.get('e1')?.title).toBe('first');

    await putEvents([{ ...store.byId.get('e1')!, title: 'renamed by a review merge', updatedAt: 2 }]);
    await settle(store);
    expect(store.byId.get('e1')?.title).toBe('renamed by a review merge');
    expect(store.total).toBe(2);
  });

  it('does not read again after its own edits, which it applied in memory', async () => {
    const id = await seed();
    const store = new TimelineStore(id);
    stores.push(store);
    await store.load();
    const load = vi.spyOn(store, 'load');
    const edits = new TimelineEdits(store, new UndoManager());
    await edits.update(['e2'], { title: 'edited here' }, 'Rename');
    await settle(store);
    expect(load).not.toHaveBeenCalled();
    expect(store.byId.get('e2')?.title).toBe('edited here');

    // …but a write from elsewhere right after still reloads.
    await putEvents([{ ...store.byId.get('e1')!, title: 'elsewhere' }]);
    await settle(store);
    expect(load).toHaveBeenCalledTimes(1);
    expect(store.byId.get('e1')?.title).toBe('elsewhere');
  });

  it('ignores other incidents and stops listening once disposed', async () => {
    const id = await seed();
    const store = new TimelineStore(id);
    await store.load();
    const load = vi.spyOn(store, 'load');
    const other = createIncident({ id: 'inc-other', now: 1, title: 'Other' });
    await putIncident(other);
    await putEvents([event(other.id, 'o1', 1, 'other')]);
    store.dispose();
    await putEvents([{ ...store.byId.get('e1')!, title: 'after dispose' }]);
    await settle(store);
    expect(load).not.toHaveBeenCalled();
  });
});

describe('timeline store order', () => {
  it('holds every event in index order (time, then id) after the first screen and the slices', async () => {
    const db = freshDb('timeline-store-order');
    const incident = createIncident({ id: 'inc-order', now: 1, title: 'Order' });
    await putIncident(incident);
    // More than a first screen and a slice, many events sharing an instant, written out of order.
    const rows = Array.from({ length: 2_300 }, (_, i) =>
      event(incident.id, `e${String((i * 7_919) % 2_300).padStart(4, '0')}`, (i % 37) * 1_000, 't'),
    );
    await putEvents(rows);
    const store = new TimelineStore(incident.id);
    stores.push(store);
    await store.load();
    const expected = await db.events
      .where('[incidentId+at]')
      .between([incident.id, -Infinity], [incident.id, Infinity])
      .primaryKeys();
    expect(store.complete).toBe(true);
    expect(store.total).toBe(2_300);
    expect(store.events.map((e) => e.id)).toEqual(expected);
  });

  it('shows a prefetched first screen before the view starts it, and reads it once', async () => {
    const id = await seed();
    const store = new TimelineStore(id);
    stores.push(store);
    const readFirst = vi.spyOn(store as unknown as { readFirst(): Promise<TimelineEvent[]> }, 'readFirst');
    store.prefetch();
    store.prefetch();
    await vi.waitFor(() => expect(store.ready).toBe(true));
    expect(store.complete).toBe(false);
    expect(store.events.map((e) => e.title)).toEqual(['first', 'second']);
    store.start();
    await store.whenLoaded();
    expect(store.complete).toBe(true);
    expect(readFirst).toHaveBeenCalledTimes(1);
  });

  it('reads a change made before the view starts, and the view starting then reads nothing more', async () => {
    const id = await seed();
    const store = new TimelineStore(id);
    stores.push(store);
    store.prefetch();
    await putEvents([event(id, 'e3', 500, 'zero')]);
    await settle(store);
    expect(store.events.map((e) => e.title)).toEqual(['zero', 'first', 'second']);
    // The view starting later reads nothing more: the change already read everything.
    const load = vi.spyOn(store, 'load');
    store.start();
    expect(load).not.toHaveBeenCalled();
  });
});
