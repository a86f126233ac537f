import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mergeState, type SyncStore } from './store';

/** The database file `rootline serve` keeps in its data folder. */
export const SQLITE_FILE = 'sync.db';
/** Held (an exclusive SQLite lock) by the server using the folder, so a second one is refused. */
const LOCK_FILE = 'serve.lock';

/**
 * Claims the data folder for this process. Not a lock on sync.db itself, which must stay
 * readable for online backups (`sqlite3 sync.db ".backup …"`). Released when closed or when
 * the process ends, however it ends.
 */
function claimFolder(dataDir: string): Database.Database {
  const lock = new Database(join(dataDir, LOCK_FILE));
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.pragma('busy_timeout = 0');
    lock.exec('BEGIN EXCLUSIVE; COMMIT');
    return lock;
  } catch (e) {
    lock.close();
    if (e instanceof Error && 'code' in e && e.code === 'SQLITE_BUSY') {
      throw new Error(
        `another rootline serve is using ${resolve(dataDir)} (one server per data folder; to run several, use --postgres and --redis)`,
      );
    }
    throw e;
  }
}

interface UpdateRow {
  id: number;
  data: Buffer;
}

/**
 * Documents in SQLite (better-sqlite3) in `<dataDir>/sync.db`. WAL with synchronous=NORMAL: a
 * committed append survives the server process being killed (it is in the OS's hands);
 * synchronous=FULL would also survive power loss at the cost of an fsync per update.
 */
export function openSqliteStore(dataDir: string): SyncStore {
  mkdirSync(dataDir, { recursive: true });
  const lock = claimFolder(dataDir);
  const file = resolve(join(dataDir, SQLITE_FILE));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL);
    CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, id);
  `);
  const selectState = db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?');
  const selectUpdates = db.prepare<[string], UpdateRow>(
    'SELECT id, data FROM updates WHERE name = ? ORDER BY id',
  );
  const insertUpdate = db.prepare<[string, Uint8Array]>('INSERT INTO updates (name, data) VALUES (?, ?)');
  const upsertState = db.prepare<[string, Uint8Array, number]>(
    'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
  );
  const deleteUpTo = db.prepare<[string, number]>('DELETE FROM updates WHERE name = ? AND id <= ?');

  const readAll = (name: string): { parts: Uint8Array[]; lastId: number } => {
    const stored = selectState.get(name);
    const rows = selectUpdates.all(name);
    const parts: Uint8Array[] = stored === undefined ? [] : [stored.state];
    for (const row of rows) parts.push(row.data);
    return { parts, lastId: rows.at(-1)?.id ?? 0 };
  };

  // One process owns the file, and better-sqlite3 is synchronous: nothing can be appended
  // between reading and deleting inside this transaction.
  const compact = db.transaction((name: string, state: Uint8Array) => {
    const { parts, lastId } = readAll(name);
    upsertState.run(name, mergeState([...parts, state]), Date.now());
    if (lastId > 0) deleteUpTo.run(name, lastId);
  });

  return {
    description: `SQLite ${file}`,
    load: (name) => Promise.resolve(readAll(name).parts),
    append: (name, update) => {
      insertUpdate.run(name, update);
      return Promise.resolve();
    },
    compact: (name, state) => {
      compact(name, state);
      return Promise.resolve();
    },
    close: () => {
      if (db.open) db.close();
      if (lock.open) lock.close();
      return Promise.resolve();
    },
  };
}
