// The library store (Trends, Similar incidents) follows the change log: after the first whole
// read, a write reads again only the incident it touched, and the result equals a whole read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBundle } from '../../../../shared/bundle';
import {
  addIncident,
  deleteIncident,
  insertSnapshot,
  readLibrary,
  updateIncident,
} from '../../../../renderer/db/repos';
import * as repos from '../../../../renderer/db/repos';
import { libraryStore } from '../../../../renderer/features/trends/model/libraryStore';
import { libraryBundle } from '../../../fixtures/libraryBundles';
import { setDb } from '../../../../renderer/db/db';
import { freshDb } from '../../db/testDb';

function snapshotOf(id: string, services: string[]) {
  const r = parseBundle(libraryBundle(id, Date.UTC(2026, 0, 5), 10, services), `${id}.rootline.json`);
  if (!r.ok) throw new Error(r.error);
  return r.snapshot;
}

/** Resolves with the store's next published list. */
function nextList(store: ReturnType<typeof libraryStore>) {
  return new Promise<NonNullable<ReturnType<typeof store.getSnapshot>>>((resolve) => {
    const off = store.subscribe(() => {
      const list = store.getSnapshot();
      if (list) {
        off();
        resolve(list);
      }
    });
  });
}

afterEach(() => vi.restoreAllMocks());

describe('library store', () => {
  it('re-reads only the incident a write touched, and matches a whole read', async () => {
    const db = freshDb('library-store');
    for (const id of ['A', 'B', 'C']) await insertSnapshot(snapshotOf(id, ['api']));
    const store = libraryStore();
    const first = await nextList(store);
    expect(first.map((i) => i.id)).toEqual(['A', 'B', 'C']);

    const reads = vi.spyOn(repos, 'readLibrary');
    const changed = nextList(store);
    await updateIncident('B', { title: 'Renamed B' });
    const after = await changed;
    expect(after.find((i) => i.id === 'B')!.title).toBe('Renamed B');
    const byId = (list: typeof after) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(after).toEqual(byId(await readLibrary()));
    // Only B was read again (the store's own read, before the comparison's whole read).
    expect(reads.mock.calls[0]).toEqual([['B']]);

    const gone = nextList(store);
    await deleteIncident('A');
    expect((await gone).map((i) => i.id)).toEqual(['B', 'C']);
    store.dispose();
    db.close();
  });

  it('ignores writes to tables the summaries do not read', async () => {
    const db = freshDb('library-store-events');
    await insertSnapshot(snapshotOf('A', ['api']));
    const store = libraryStore();
    await nextList(store);
    const reads = vi.spyOn(repos, 'readLibrary');
    const [event] = await db.events.where('incidentId').equals('A').toArray();
    await db.events.put({ ...event!, title: 'edited' });
    await new Promise((r) => setTimeout(r, 120));
    expect(reads).not.toHaveBeenCalled();
    store.dispose();
    db.close();
  });
});

describe('stored library summaries', () => {
  it('serve the next start; only changed, new or damaged ones are read again', async () => {
    const db = freshDb('library-summaries');
    // Incidents of their own (the bundle fixture's rows share ids across copies).
    for (const id of ['A', 'B', 'C', 'E', 'F'])
      await addIncident({ id, title: `Incident ${id}`, services: ['api'] });
    // The summaries' read must start after the last recorded change, not in its millisecond (a
    // row is current only when read strictly after its incident's change).
    await new Promise((r) => setTimeout(r, 5));
    const first = libraryStore();
    const whole = await nextList(first);
    first.dispose();
    // Let the store's write of the summaries land.
    await new Promise((r) => setTimeout(r, 50));
    expect((await db.librarySummaries.toArray()).map((r) => r.id).sort()).toEqual(['A', 'B', 'C', 'E', 'F']);

    // A restart (a new store on the same database) draws from the stored rows alone.
    const reads = vi.spyOn(repos, 'readLibrary');
    const byId = (list: typeof whole) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    setDb(db);
    expect(await nextList(libraryStore())).toEqual(byId(whole));
    expect(reads).not.toHaveBeenCalled();
    libraryStore().dispose();

    // B changes (the change log says so), C's row is damaged, D is new: those three are read
    // (by id: a minority of the incidents).
    await new Promise((r) => setTimeout(r, 5));
    await updateIncident('B', { title: 'B again' });
    await db.librarySummaries.update('C', { summary: { id: 'C', title: 7 } as never });
    await addIncident({ id: 'D', title: 'Incident D', services: ['db'] });
    setDb(db);
    const list = await nextList(libraryStore());
    expect(reads.mock.calls).toEqual([[['B', 'C', 'D']]]);
    expect(list).toEqual(byId(await readLibrary()));
    libraryStore().dispose();
    db.close();
  });
});
