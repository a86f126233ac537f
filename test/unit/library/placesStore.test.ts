import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SEARCH_INDEX_KEY,
  SEARCH_INDEX_STORE,
  SEARCH_PLACES_FILE_KEY,
  SEARCH_PLACES_PREFIX,
  decodePlacesRecord,
  encodePlacesRecord,
  LibraryIndex,
  packPlaces,
  type ChangedPlaces,
  type PackedPlaces,
  type PlacesFileRow,
} from '../../../shared/library/search';
import { openExisting } from '../../../renderer/features/library/search/worker/source';
import {
  PlacesStore,
  type PlacesFileHandle,
} from '../../../renderer/features/library/search/worker/placesStore';
import { freshDb } from '../db/testDb';
import type { RootlineDb } from '../../../renderer/db/schema';
import { smallIncident } from './searchFixtures';

const RUNS = Number(process.env.FC_RUNS ?? 200);

/** Generations of the places file in memory, as the origin private file system keeps them. */
class MemoryFiles {
  readonly files = new Map<number, Uint8Array>();
  open = (gen: number): Promise<PlacesFileHandle | null> => {
    const files = this.files;
    if (!files.has(gen)) files.set(gen, new Uint8Array(0));
    const handle: PlacesFileHandle = {
      gen,
      read(at, length) {
        return files.get(gen)!.slice(at, at + length);
      },
      write(at, records) {
        const starts: number[] = [];
        for (const r of records) {
          const f = files.get(gen)!;
          const next = new Uint8Array(Math.max(f.length, at + r.length));
          next.set(f);
          next.set(r, at);
          files.set(gen, next);
          starts.push(at);
          at += r.length;
        }
        return starts;
      },
      clear() {
        files.set(gen, new Uint8Array(0));
      },
      close() {},
      removeOthers() {
        for (const g of [...files.keys()]) if (g !== gen) files.delete(g);
        return Promise.resolve();
      },
    };
    return Promise.resolve(handle);
  };
}

function indexed(ids: string[], words: Record<string, string> = {}) {
  const index = LibraryIndex.empty();
  for (const id of ids) index.update(smallIncident(id, {}, { event: words[id] ?? 'config push' }), [], 1);
  return index;
}

describe('places records', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', '\n', 'é', '🚀', '\u001f', '\ud800') });

  it('read back what was written, for any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text), { maxLength: 30 }),
        text.map((t) => t.replaceAll('\ud800', '')),
        (pairs, id) => {
          const docs = pairs.map(([t, part], i) => ({
            id: `${id}\u001fevent\u001fe${i}\u001f${part.replaceAll('\u001f', '')}`,
            incidentId: id,
            kind: 'event' as const,
            targetId: `e${i}`,
            field: 'event' as const,
            text: t,
          }));
          const packed = packPlaces(docs);
          const back = decodePlacesRecord(encodePlacesRecord(id, packed), id);
          // A lone surrogate is not UTF-8: it reads back as U+FFFD, one unit as it was.
          expect(back).toEqual({
            ...packed,
            text: packed.text.replace(/[\ud800-\udfff]/gu, (c) => (c.length === 1 ? '\ufffd' : c)),
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('refuse bytes that are not a whole record of that incident', () => {
    const packed = packPlaces([
      {
        id: 'A\u001fevent\u001fe1\u001f',
        incidentId: 'A',
        kind: 'event',
        targetId: 'e1',
        field: 'event',
        text: 'disk full',
      },
    ]);
    const good = encodePlacesRecord('A', packed);
    expect(decodePlacesRecord(good, 'A')).toEqual(packed);
    const flip = (at: number, value: number) => {
      const b = good.slice();
      b[at] = value;
      return b;
    };
    const bad = [
      good.subarray(0, good.length - 1),
      new Uint8Array([...good, 0]),
      new Uint8Array(0),
      flip(0, 0),
      flip(good.length - 1, 0xff), // not UTF-8
      flip(28, 0xff), // an end past the text
    ];
    for (const b of bad) expect(decodePlacesRecord(b, 'A')).toBeNull();
    expect(decodePlacesRecord(good, 'B')).toBeNull();
  });
});

describe('the places store', () => {
  let db: RootlineDb | null = null;
  afterEach(() => db?.close());

  async function setUp(files: MemoryFiles | null, compactFrom?: number) {
    db = freshDb('placesStore');
    await db.open();
    const raw = await openExisting(db.name);
    const store = () =>
      new PlacesStore(raw, db!.name, {
        openFile: files?.open ?? null,
        ...(compactFrom === undefined ? {} : { compactFrom }),
      });
    const row = () =>
      db!.table(SEARCH_INDEX_STORE).get(SEARCH_PLACES_FILE_KEY) as Promise<PlacesFileRow | undefined>;
    const placeRows = () =>
      db!.table(SEARCH_INDEX_STORE).where('key').startsWith(SEARCH_PLACES_PREFIX).primaryKeys();
    return { raw, store, row, placeRows };
  }

  it('keeps places in the file, appends what changed, and reads each back', async () => {
    const files = new MemoryFiles();
    const { raw, store, row, placeRows } = await setUp(files);
    const index = indexed(['A', 'B', 'C']);
    const first = index.takeChangedPlaces();
    await store().save(index.snapshot(), first, true);

    expect(await placeRows()).toEqual([]);
    const r1 = (await row())!;
    expect(Object.keys(r1.locs).sort()).toEqual(['A', 'B', 'C']);
    expect(files.files.get(r1.gen)!.length).toBe(r1.end);
    expect(await db!.table(SEARCH_INDEX_STORE).get(SEARCH_INDEX_KEY)).toMatchObject({
      version: index.snapshot().version,
    });

    // A new worker (the app started again) reads them from the file.
    const read = await store().read(['A', 'B', 'C', 'D']);
    expect([...read.keys()].sort()).toEqual(['A', 'B', 'C']);
    expect(read.get('B')).toEqual(first.places.get('B'));

    // B changes, C goes: B's record is appended; the row names it and no longer C.
    const b = smallIncident('B', {}, { event: 'rollback of build 4412' });
    index.update(b, ['events'], 2);
    index.remove('C');
    const second = index.takeChangedPlaces();
    await store().save(index.snapshot(), second, false);
    const r2 = (await row())!;
    expect(Object.keys(r2.locs).sort()).toEqual(['A', 'B']);
    expect(r2.locs.A).toEqual(r1.locs.A);
    expect(r2.locs.B![0]).toBe(r1.end);
    const again = await store().read(['A', 'B', 'C']);
    expect(again.get('B')).toEqual(second.places.get('B'));
    expect(again.has('C')).toBe(false);
    raw.close();
  });

  it('leaves out a record that does not read back whole', async () => {
    const files = new MemoryFiles();
    const { raw, store, row } = await setUp(files);
    const index = indexed(['A', 'B']);
    await store().save(index.snapshot(), index.takeChangedPlaces(), true);
    const r = (await row())!;
    const bytes = files.files.get(r.gen)!;
    const at = r.locs.B![0] + 4; // B's record length
    bytes[at] = bytes[at]! ^ 0xff;
    const read = await store().read(['A', 'B']);
    expect([...read.keys()]).toEqual(['A']);
    raw.close();
  });

  it('compacts into the next generation once most of the file is dead, keeping every live record', async () => {
    const files = new MemoryFiles();
    const { raw, store, row } = await setUp(files, 1);
    const index = indexed(['A', 'B']);
    await store().save(index.snapshot(), index.takeChangedPlaces(), true);
    const gen = (await row())!.gen;
    const s = store();
    let last: ChangedPlaces | null = null;
    // B edited again and again: its old records pile up until they outweigh the live ones.
    for (let i = 0; i < 5 && (await row())!.gen === gen; i++) {
      index.update(smallIncident('B', {}, { event: `edit ${i}` }), ['events'], 3 + i);
      last = index.takeChangedPlaces();
      await s.save(index.snapshot(), last, false);
    }
    const r = (await row())!;
    expect(r.gen).toBeGreaterThan(gen);
    // Only the live records are in it, and the older generations are gone.
    expect(r.end).toBe(r.locs.A![1] + r.locs.B![1]);
    expect([...files.files.keys()]).toEqual([r.gen]);
    const read = await store().read(['A', 'B']);
    expect(read.get('B')).toEqual(last!.places.get('B'));
    expect(read.get('A')!.text).toContain('config push');
    raw.close();
  });

  it('without a file, keeps a row per incident, and the file no longer answers for those', async () => {
    const files = new MemoryFiles();
    const withFile = await setUp(files);
    const index = indexed(['A', 'B']);
    await withFile.store().save(index.snapshot(), index.takeChangedPlaces(), true);
    // The same library in a window that cannot open the file: B changes there.
    const rowsOnly = new PlacesStore(withFile.raw, db!.name, { openFile: null });
    index.update(smallIncident('B', {}, { event: 'pager fired' }), ['events'], 2);
    const changed = index.takeChangedPlaces();
    await rowsOnly.save(index.snapshot(), changed, false);
    expect(await withFile.placeRows()).toEqual([`${SEARCH_PLACES_PREFIX}B`]);
    expect(Object.keys((await withFile.row())!.locs)).toEqual(['A']);
    const read = await withFile.store().read(['A', 'B']);
    expect(read.get('B')).toEqual(changed.places.get('B') as PackedPlaces);
    expect(read.has('A')).toBe(true);
    withFile.raw.close();
  });
});
