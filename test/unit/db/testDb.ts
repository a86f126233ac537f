import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { setDb } from '../../../renderer/db/db';
import { RootlineDb } from '../../../renderer/db/schema';
import { DERIVED_TABLES } from '../../../renderer/db/derived';

let counter = 0;

/** A new, empty database with its own name, installed as the app's database. */
export function freshDb(label: string): RootlineDb {
  counter += 1;
  // Live queries run only where Dexie sees an IndexedDB (Node has none of its own).
  Dexie.dependencies.indexedDB = indexedDB;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const db = new RootlineDb(`test-${label}-${counter}-${Math.random().toString(36).slice(2)}`, {
    indexedDB,
    IDBKeyRange,
  });
  setDb(db);
  return db;
}

/**
 * Every row of every table but the derived ones (packed copies, rebuilt on use), sorted by
 * primary key: a whole-database picture for "nothing changed".
 */
export async function dumpAll(db: RootlineDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    if (!DERIVED_TABLES.includes(table.name)) out[table.name] = await table.toArray();
  }
  return out;
}
