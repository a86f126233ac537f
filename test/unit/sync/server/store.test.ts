import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../../../../cli/sync/sqliteStore';
import { mergeState, type SyncStore } from '../../../../cli/sync/store';
import { tempDataDir } from '../../../helpers/sync/server';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Updates of a doc that sets keys one by one (each a separate update). */
function updatesSetting(keys: string[], clientID = 1): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => void updates.push(u));
  for (const key of keys) doc.getMap('m').set(key, key);
  return updates;
}

function keysOf(parts: Uint8Array[]): string[] {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return [...doc.getMap('m').keys()].sort();
}

function open(dir: string): SyncStore {
  const store = openSqliteStore(dir);
  cleanups.push(() => store.close());
  return store;
}

describe('SQLite store', () => {
  it('appends, folds the appended updates into one state, and keeps it across reopening', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const store = open(data.dir);
    expect(await store.load('incident/A/model')).toEqual([]);
    const [u1, u2] = updatesSetting(['a', 'b']);
    const [u3] = updatesSetting(['c'], 3);
    if (u1 === undefined || u2 === undefined || u3 === undefined) throw new Error('three updates');
    await store.append('incident/A/model', u1);
    await store.append('incident/A/model', u2);
    await store.append('incident/B/model', u3);
    expect(await store.load('incident/A/model')).toHaveLength(2);

    // The server's copy may lack an update that was stored but not yet applied: it is kept.
    await store.compact('incident/A/model', u1);
    const folded = await store.load('incident/A/model');
    expect(folded).toHaveLength(1);
    expect(keysOf(folded)).toEqual(['a', 'b']);
    expect(keysOf(await store.load('incident/B/model'))).toEqual(['c']);
    await store.close();

    const again = open(data.dir);
    expect(keysOf(await again.load('incident/A/model'))).toEqual(['a', 'b']);
    const [later] = updatesSetting(['d'], 2);
    if (later === undefined) throw new Error('an update');
    await again.append('incident/A/model', later);
    expect(keysOf(await again.load('incident/A/model'))).toEqual(['a', 'b', 'd']);
  });

  it('folds into a garbage-collected state: deleted text does not stay stored', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => void updates.push(u));
    doc.getText('t').insert(0, 'x'.repeat(10_000));
    doc.getText('t').delete(0, 10_000);
    doc.getText('t').insert(0, 'kept');
    const merged = mergeState(updates);
    expect(merged.length).toBeLessThan(200);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, merged);
    expect(copy.getText('t').toString()).toBe('kept');
  });
});

describe('SQLite data folder', () => {
  it('is used by one server at a time, and free again once it closes', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const first = open(data.dir);
    expect(() => openSqliteStore(data.dir)).toThrow(
      `another rootline serve is using ${data.dir} (one server per data folder; to run several, use --postgres and --redis)`,
    );
    await first.close();
    const second = open(data.dir);
    expect(await second.load('incident/A/model')).toEqual([]);
  });
});
