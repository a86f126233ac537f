import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../shared/bundle';
import { readLibrary, insertSnapshot } from '../../../renderer/db/repos';
import { libraryBundle } from '../../fixtures/libraryBundles';
import { freshDb } from './testDb';

function snapshotOf(id: string, services: string[]) {
  const r = parseBundle(libraryBundle(id, Date.UTC(2026, 0, 5), 10, services), `${id}.rootline.json`);
  if (!r.ok) throw new Error(r.error);
  return r.snapshot;
}

describe('readLibrary', () => {
  it('summarises every incident from its rows; a damaged pattern row costs only itself', async () => {
    const db = freshDb('library');
    await insertSnapshot(snapshotOf('A', ['api']));
    await insertSnapshot(snapshotOf('B', ['api', 'db']));
    const pattern = {
      incidentId: 'A',
      importId: 'imp',
      template: 'timeout calling <*>',
      count: 3,
      level: 'error' as const,
      firstAt: 0,
      lastAt: 1,
      files: [],
      histogram: [],
      rangeFromAt: 0,
      rangeToAt: 1,
      eventIds: [],
    };
    await db.patterns.bulkPut([
      { ...pattern, id: 'p1', patternKey: 'pat-1' },
      // Damaged: no key. Skipped, the rest of A still counts.
      { ...pattern, id: 'p2', patternKey: undefined as unknown as string },
    ]);
    // A damaged action item (unknown status) is left out of the trends; the Actions view lists it.
    const [first] = await db.actions.where('incidentId').equals('B').toArray();
    await db.actions.put({ ...first!, id: 'B-broken', status: 'bogus' as never });
    const lib = await readLibrary();
    const a = lib.find((i) => i.id === 'A')!;
    const b = lib.find((i) => i.id === 'B')!;
    expect(lib).toHaveLength(2);
    expect(a.patterns).toEqual([{ key: 'pat-1', template: 'timeout calling <*>', level: 'error' }]);
    expect(b.services).toEqual(['api', 'db']);
    // The fixture's three technology causes (the top node does not count), actions and finding.
    expect(b.causeCategories).toEqual(['technology', 'technology', 'technology']);
    expect(b.actions).toHaveLength(2);
    expect(b.findings).toEqual([{ code: 'unstaged-rollout', component: 'checkout' }]);
    db.close();
  });
});
