import { readdirSync, readFileSync } from 'node:fs';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { serializeBundle } from '../../../shared/bundle/serialize';
import { setDb } from '../../../renderer/db/db';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../renderer/db/migrations';
import { listIncidents } from '../../../renderer/db/repos/incidents';
import { loadIncidentSnapshot } from '../../../renderer/db/repos/snapshot';
import { RootlineDb } from '../../../renderer/db/schema';
import { parseStoreSpec, tableDigest, type DbDump } from './dumpFormat';

const DIR = new URL('../../fixtures/db/', import.meta.url);
const DUMPS = readdirSync(DIR)
  .filter((f) => /^v\d+-dump\.json$/.test(f))
  .sort();

/** Recreates a database exactly as an old release left it, with raw IndexedDB (no Dexie, no current code). */
async function restoreRaw(name: string, dump: DbDump): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, dump.dexieVersion * 10);
    request.onupgradeneeded = () => {
      for (const [store, spec] of Object.entries(dump.stores)) {
        const { primKey, indexes } = parseStoreSpec(spec);
        const os = request.result.createObjectStore(store, {
          keyPath: primKey.keyPath,
          autoIncrement: primKey.autoIncrement,
        });
        for (const i of indexes)
          os.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(Object.keys(dump.tables), 'readwrite');
    for (const [store, rows] of Object.entries(dump.tables))
      for (const row of rows) tx.objectStore(store).add(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('write failed'));
  });
  db.close();
}

describe('databases of every released version open with the current code and lose nothing', () => {
  it('has a dump for every schema version', () => {
    expect(DUMPS).toEqual(MIGRATIONS.map((m) => `v${m.version}-dump.json`).sort());
  });

  for (const file of DUMPS) {
    it(file, async () => {
      const dump = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as DbDump;
      // The fixture itself is intact (a hand edit would make the check below meaningless).
      for (const [table, rows] of Object.entries(dump.tables))
        expect(tableDigest(rows), table).toEqual(dump.expected[table]);

      const name = `upgrade-${file}-${Math.random()}`;
      await restoreRaw(name, dump);
      const db = new RootlineDb(name, { indexedDB, IDBKeyRange });
      setDb(db);
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      for (const [table, expected] of Object.entries(dump.expected)) {
        expect(tableDigest(await db.table(table).toArray()), table).toEqual(expected);
      }

      // And the repositories can read it all and export it as a valid bundle.
      const incidents = await listIncidents();
      expect(incidents.length).toBe(dump.expected.incidents?.count);
      for (const incident of incidents) {
        const snapshot = await loadIncidentSnapshot(incident.id);
        if (!snapshot) throw new Error(`${incident.id} missing`);
        expect(() => serializeBundle(snapshot, { exportedAt: 0, appVersion: 'test' })).not.toThrow();
      }
      db.close();
    });
  }
});
