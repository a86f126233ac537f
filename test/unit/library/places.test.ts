import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SEARCH_FIELDS,
  SEARCH_INDEX_KEY,
  SEARCH_INDEX_STORE,
  SEARCH_INDEX_VERSION,
  SEARCH_PLACES_PREFIX,
  SEARCH_TARGET_KINDS,
  docId,
  incidentDocs,
  LibraryIndex,
  isPackedPlaces,
  packPlaces,
  unpackPlaces,
  type PackedPlaces,
  type SearchDoc,
} from '../../../shared/library/search';
import {
  openExisting,
  readPlaces,
  writeSnapshot,
} from '../../../renderer/features/library/search/worker/source';
import { freshDb } from '../db/testDb';
import type { RootlineDb } from '../../../renderer/db/schema';
import { smallIncident } from './searchFixtures';

const RUNS = Number(process.env.FC_RUNS ?? 200);
// Ids and texts with separators, astral characters and empty parts.
const piece = fc.string({
  unit: fc.constantFrom('a', 'Z', '7', '-', ' ', '\u001f', '\u001e', 'é', '🚀', '\n'),
});
const placesArb = (incidentId: string) =>
  fc.array(
    fc
      .record({
        kind: fc.constantFrom(...SEARCH_TARGET_KINDS),
        field: fc.constantFrom(...SEARCH_FIELDS),
        targetId: piece,
        part: piece.filter((p) => !p.includes('\u001f')),
        text: piece,
      })
      .map(({ kind, field, targetId, part, text }): SearchDoc => ({
        id: docId(incidentId, kind, targetId, part),
        incidentId,
        kind,
        field,
        targetId,
        text,
      })),
    { maxLength: 40 },
  );

describe('packed places', () => {
  it('unpack what was packed, place for place', () => {
    fc.assert(
      fc.property(placesArb('INC-1'), (docs) => {
        // Through a structured copy, as IndexedDB stores and reads them.
        const packed: unknown = structuredClone(packPlaces(docs));
        expect(isPackedPlaces(packed)).toBe(true);
        expect(unpackPlaces('INC-1', packed as PackedPlaces)).toEqual(docs);
      }),
      { numRuns: RUNS },
    );
  });

  it('are told from a row that is not a packed one, or is damaged', () => {
    const good = packPlaces(incidentDocs(smallIncident('A')));
    expect(isPackedPlaces(good)).toBe(true);
    const damaged: unknown[] = [
      null,
      [],
      { ...good, text: 42 },
      { ...good, ends: Array.from(good.ends) },
      { ...good, kinds: good.kinds.subarray(1) },
      { ...good, ends: good.ends.subarray(1) },
      { ...good, kinds: good.kinds.map(() => SEARCH_TARGET_KINDS.length) },
      { ...good, fields: good.fields.map(() => 200) },
      { ...good, text: good.text.slice(0, -1) },
      { ...good, ends: good.ends.map((e, i) => (i === 1 ? 0 : e)) },
    ];
    for (const row of damaged) expect(isPackedPlaces(row)).toBe(false);
  });
});

describe('places rows in IndexedDB', () => {
  let db: RootlineDb | null = null;
  afterEach(() => db?.close());

  it('read back what was written; a row of an older version or a damaged one is left out', async () => {
    db = freshDb('places');
    await db.open();
    const raw = await openExisting(db.name);
    const index = LibraryIndex.empty();
    for (const id of ['A', 'B', 'C']) index.update(smallIncident(id), [], 1);
    const changed = index.takeChangedPlaces();
    await writeSnapshot(raw, index.snapshot(), changed, true);

    const stored = await db.table(SEARCH_INDEX_STORE).get(`${SEARCH_PLACES_PREFIX}A`);
    expect(stored.packed.text).toEqual(expect.any(String));
    expect(stored).not.toHaveProperty('docs');
    const docsB = unpackPlaces('B', changed.places.get('B')!);
    // As version 3 stored places: a list of them.
    await db.table(SEARCH_INDEX_STORE).put({
      key: `${SEARCH_PLACES_PREFIX}B`,
      version: 3,
      docs: docsB,
    });
    await db.table(SEARCH_INDEX_STORE).put({
      key: `${SEARCH_PLACES_PREFIX}C`,
      version: SEARCH_INDEX_VERSION,
      packed: { ...stored.packed, kinds: 'not packed' },
    });

    const read = await readPlaces(raw, ['A', 'B', 'C', 'D']);
    expect([...read.keys()]).toEqual(['A']);
    expect(read.get('A')).toEqual(changed.places.get('A'));
    expect(await db.table(SEARCH_INDEX_STORE).get(SEARCH_INDEX_KEY)).toMatchObject({
      version: SEARCH_INDEX_VERSION,
    });
    raw.close();
  });
});
