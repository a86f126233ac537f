// Packed events (schema v7): a derived copy of an incident's events that opening reads instead
// of every row. It must never be read when it is not exactly the rows: every write to events,
// by any path, makes it stale in the same transaction; a build from rows read before a write is
// refused; a damaged pack falls back to the rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIncident, eventDefaults, type TimelineEvent } from '../../../shared/domain';
import { deleteIncident, putIncident } from '../../../renderer/db/repos/incidents';
import { applyTimelineEdit, deleteEvents, putEvents, readEventRows } from '../../../renderer/db/repos/events';
import {
  buildEventPacks,
  countIncidentEvents,
  readIncidentEvents,
  readPackedEvents,
} from '../../../renderer/db/repos/eventPacks';
import { META_PART } from '../../../renderer/db/eventPacks';
import type { RootlineDb } from '../../../renderer/db/schema';
import { freshDb } from './testDb';

function event(incidentId: string, id: string, at: number, title = id): TimelineEvent {
  return { ...eventDefaults(), id, incidentId, at, title, kind: 'log', createdAt: 1, updatedAt: 1 };
}

/** The reference: every row through the time index. */
const rowsOf = (db: RootlineDb, incidentId: string) =>
  db.events.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]).toArray();

/** Events per pack here: small, so a few dozen events make several packs. */
const SIZE = 16;

async function packed(incidentId: string): Promise<boolean> {
  return buildEventPacks(incidentId, await readEventRows(incidentId), SIZE);
}

async function seed(db: RootlineDb, n: number): Promise<void> {
  await putIncident(createIncident({ id: 'inc', now: 1, title: 'Packs' }));
  await putIncident(createIncident({ id: 'other', now: 1, title: 'Other' }));
  await putEvents([
    ...Array.from({ length: n }, (_, i) => event('inc', `e${(i * 7919) % n}`, (i % 37) * 1000)),
    event('other', 'o1', 5),
  ]);
  expect(await db.events.count()).toBe(n + 1);
}

describe('packed events', () => {
  it('read back exactly the rows, in the same order, from a few rows', async () => {
    const db = freshDb('packs-read');
    await seed(db, SIZE * 2 + 5);
    expect(await readPackedEvents('inc')).toBeNull();
    expect(await packed('inc')).toBe(true);
    expect(await readPackedEvents('inc')).not.toBeNull();
    expect((await db.eventPacks.get(['inc', META_PART]))?.parts).toBe(3);
    // The same values and the same keys in the same order (exports write them as they are).
    expect(JSON.stringify((await readIncidentEvents('inc')).events)).toBe(
      JSON.stringify(await rowsOf(db, 'inc')),
    );
    // The count comes from the meta row while the packs are current, from the index after a write.
    expect((await db.eventPacks.get(['inc', META_PART]))?.events).toBe(SIZE * 2 + 5);
    expect(await countIncidentEvents('inc')).toBe(SIZE * 2 + 5);
    await db.eventPacks.update(['inc', META_PART], { events: 7 });
    expect(await countIncidentEvents('inc')).toBe(7);
    await putEvents([event('inc', 'later', 1)]);
    expect(await countIncidentEvents('inc')).toBe(SIZE * 2 + 6);
    await db.events.delete('later');
    // The other incident has none of its own yet, and none of these.
    expect(await readPackedEvents('other')).toBeNull();
    expect((await readIncidentEvents('other')).events).toEqual([event('other', 'o1', 5)]);
  });

  it('read back whole when they take several reads (more packs than one read asks for)', async () => {
    const db = freshDb('packs-many');
    // 21 packs: three reads of up to eight.
    await seed(db, SIZE * 20 + 3);
    expect(await packed('inc')).toBe(true);
    expect(await readPackedEvents('inc')).not.toBeNull();
    expect((await db.eventPacks.get(['inc', META_PART]))?.parts).toBe(21);
    expect((await readIncidentEvents('inc')).events).toEqual(await rowsOf(db, 'inc'));
    // A pack missing from the middle (a later read) is noticed: the rows are read instead.
    await db.eventPacks.delete(['inc', 17]);
    expect(await readPackedEvents('inc')).toBeNull();
    expect((await readIncidentEvents('inc')).events).toEqual(await rowsOf(db, 'inc'));
  });

  it('go stale in the writing transaction, whatever path writes events', async () => {
    let freshDbRef: RootlineDb | null = null;
    const writes: Record<string, () => Promise<unknown>> = {
      put: () => putEvents([event('inc', 'new', 1)]),
      update: async () => {
        const db = freshDbRef!;
        await db.events.update('e1', { title: 'renamed' });
      },
      delete: () => deleteEvents(['e2']),
      edit: () =>
        applyTimelineEdit({ incidentId: 'inc', put: [event('inc', 'e3', 9, 'moved')], remove: ['e4'] }),
      'where-delete': async () => {
        await freshDbRef!.events.where('incidentId').equals('inc').delete();
      },
      clear: () => freshDbRef!.events.clear(),
    };
    for (const [name, write] of Object.entries(writes)) {
      const db = freshDb(`packs-${name}`);
      freshDbRef = db;
      await seed(db, 50);
      expect(await packed('inc'), name).toBe(true);
      expect(await packed('other'), name).toBe(true);
      await write();
      expect(await readPackedEvents('inc'), name).toBeNull();
      // Whatever is read is the rows as they are now.
      expect((await readIncidentEvents('inc')).events, name).toEqual(await rowsOf(db, 'inc'));
      if (name !== 'clear') expect(await readPackedEvents('other'), `${name}: other incident`).not.toBeNull();
    }
  });

  it('built from rows read before a write are refused', async () => {
    const db = freshDb('packs-race');
    await seed(db, 30);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 29 }), async (i) => {
        const before = await readEventRows('inc');
        await putEvents([event('inc', `e${i}`, 123_456, `changed ${i}`)]);
        expect(await buildEventPacks('inc', before, SIZE)).toBe(false);
        expect(await readPackedEvents('inc')).toBeNull();
        expect((await readIncidentEvents('inc')).events).toEqual(await rowsOf(db, 'inc'));
      }),
      { numRuns: 10 },
    );
  });

  it('that are damaged on disk fall back to the rows', async () => {
    const db = freshDb('packs-damaged');
    await seed(db, 40);
    const damage: Array<(json: string) => string> = [
      (json) => json.slice(0, -3),
      (json) => json.replace(/"at":\[\d+/, '"at":[8640000000000001'),
      (json) => json.replace(/"title":\["[^"]*",/, '"title":['),
      (json) => json.replace(/"kind":"log"/, '"kind":"exploit"'),
      () => '{"not":"an array"}',
    ];
    for (const hurt of damage) {
      expect(await packed('inc')).toBe(true);
      const row = await db.eventPacks.get(['inc', 0]);
      expect(hurt(row!.json!)).not.toBe(row!.json);
      await db.eventPacks.put({ ...row!, json: hurt(row!.json!) });
      expect((await readIncidentEvents('inc')).events).toEqual(await rowsOf(db, 'inc'));
    }
  });

  it('written as arrays of objects by an earlier build still read back', async () => {
    const db = freshDb('packs-old-text');
    await seed(db, SIZE * 2 + 5);
    expect(await packed('inc')).toBe(true);
    const rows = await rowsOf(db, 'inc');
    const meta = await db.eventPacks.get(['inc', META_PART]);
    await db.eventPacks.bulkPut(
      [0, 1, 2].map((part) => ({
        incidentId: 'inc',
        part,
        rev: meta!.rev,
        json: JSON.stringify(rows.slice(part * SIZE, (part + 1) * SIZE)),
      })),
    );
    const read = await readPackedEvents('inc');
    expect(read).not.toBeNull();
    expect(JSON.stringify(read!.events)).toBe(JSON.stringify(rows));
    // Opening writes them again by columns, at the same revision.
    expect(JSON.stringify((await readIncidentEvents('inc')).events)).toBe(JSON.stringify(rows));
    await expect.poll(async () => (await db.eventPacks.get(['inc', 0]))?.json?.startsWith('{')).toBe(true);
    expect((await db.eventPacks.get(['inc', META_PART]))?.rev).toBe(meta!.rev);
    expect(JSON.stringify((await readPackedEvents('inc'))!.events)).toBe(JSON.stringify(rows));
  });

  it('go with their incident', async () => {
    const db = freshDb('packs-delete');
    await seed(db, 20);
    expect(await packed('inc')).toBe(true);
    await deleteIncident('inc');
    const left = await db.eventPacks.toArray();
    expect(left.filter((r) => r.incidentId === 'inc')).toEqual([]);
    expect(left.some((r) => r.incidentId === 'other' && r.part === META_PART)).toBe(true);
  });

  it('name the damaged rows, those outside the time index too, the same from rows and packs', async () => {
    const db = freshDb('packs-damaged-rows');
    await seed(db, 20);
    // Written around the schema, as an older build or DevTools might have.
    await db.events.bulkPut([
      { ...event('inc', 'BAD-FAR', 1), at: 9e15 },
      { ...event('inc', 'BAD-TEXT', 1), at: 'soon' as unknown as number },
    ]);
    const fromRows = await readIncidentEvents('inc');
    expect(fromRows.damaged.map((d) => d.id).sort()).toEqual(['BAD-FAR', 'BAD-TEXT']);
    expect(fromRows.events.map((e) => e.id)).not.toContain('BAD-FAR');
    expect(await packed('inc')).toBe(true);
    expect(await readPackedEvents('inc')).not.toBeNull();
    expect(await readIncidentEvents('inc')).toEqual(fromRows);
  });
});
