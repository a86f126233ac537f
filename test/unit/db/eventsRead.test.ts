// Reading an incident's events in parallel slices must give exactly the rows, in exactly the
// order, of one read over the [incidentId+at] index — ties on `at` included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIncident, eventDefaults } from '../../../shared/domain';
import { putIncident } from '../../../renderer/db/repos/incidents';
import { loadDocumentSnapshot } from '../../../renderer/db/repos/sections';
import type { TimelineEvent } from '../../../shared/domain';
import {
  eventSliceBounds,
  listAllEvents,
  listEventsFrom,
  putEvents,
} from '../../../renderer/db/repos/events';
import type { RootlineDb } from '../../../renderer/db/schema';
import { freshDb } from './testDb';

function event(incidentId: string, id: string, at: number): TimelineEvent {
  return { ...eventDefaults(), id, incidentId, at, title: id, kind: 'log', createdAt: 1, updatedAt: 1 };
}

/** The reference: one read over the index, which orders by `at`, then id. */
async function oneRead(db: RootlineDb, incidentId: string): Promise<string[]> {
  const rows = await db.events
    .where('[incidentId+at]')
    .between([incidentId, -Infinity], [incidentId, Infinity])
    .toArray();
  return rows.map((e) => e.id);
}

describe('listAllEvents', () => {
  it('equals one index read for any times, ties and slice size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1_000_000 })), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 12 }),
        async (rows, size) => {
          const db = freshDb('events-read');
          const ids = new Set<string>();
          const events = rows
            .map(([at, n]) => event('inc', `e${n}`, at * 1000))
            .filter((e) => !ids.has(e.id) && ids.add(e.id));
          await putEvents([...events, event('other', 'x1', 5_000), event('other', 'x2', -1)]);
          const all = await listAllEvents('inc', size);
          expect(all.map((e) => e.id)).toEqual(await oneRead(db, 'inc'));
          expect(all.every((e) => e.incidentId === 'inc')).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('cuts at every size-th event, never twice at one instant', async () => {
    freshDb('events-bounds');
    await putEvents(
      [1, 1, 1, 2, 3, 3, 4, 5, 6, 7].map((s, i) => event('inc', `e${String(i).padStart(2, '0')}`, s)),
    );
    // Positions 3, 6, 9 hold instants 2, 4, 7; with size 2: positions 2, 4, 6, 8 -> 1, 3, 4, 6.
    expect(await eventSliceBounds('inc', 3)).toEqual([2, 4, 7]);
    expect(await eventSliceBounds('inc', 2)).toEqual([1, 3, 4, 6]);
    expect(await eventSliceBounds('none', 2)).toEqual([]);
  });
});

describe('listEventsFrom', () => {
  it('skips the rows at `fromAt` the reader already holds', async () => {
    freshDb('events-from');
    await putEvents(['a', 'b', 'c', 'd'].map((id, i) => event('inc', id, i < 3 ? 10 : 20)));
    expect((await listEventsFrom('inc', 10, 2, 5)).events.map((e) => e.id)).toEqual(['c', 'd']);
    expect((await listEventsFrom('inc', 10, 0, 2)).events.map((e) => e.id)).toEqual(['a', 'b']);
  });
});

describe('loadDocumentSnapshot', () => {
  it('holds every event of the incident in time order (read in slices)', async () => {
    const db = freshDb('events-doc');
    const incident = createIncident({ id: 'inc', now: 1, title: 'Doc' });
    await putIncident(incident);
    const events = Array.from({ length: 2_500 }, (_, i) =>
      event('inc', `e${(i * 7919) % 2_500}`, (i % 40) * 1000),
    );
    await putEvents([...events, event('other', 'x', 1)]);
    const snap = await loadDocumentSnapshot('inc');
    expect(snap?.events.map((e) => e.id)).toEqual(await oneRead(db, 'inc'));
  });
});
