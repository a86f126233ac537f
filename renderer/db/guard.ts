import Dexie from 'dexie';
import { SCHEMA_VERSION } from './migrations';
import type { RootlineDb } from './schema';
import { DERIVED_TABLES } from './derived';
import { nullProto } from '../../shared/domain/lookup';

/** Dexie stores version n as IndexedDB version n × 10. */
const DEXIE_VERSION_FACTOR = 10;

/** The outcome of opening the database at start-up. */
export type DbOpenResult =
  | { kind: 'ready'; upgradedFrom: number | null }
  | { kind: 'newer'; stored: number; supported: number; message: string }
  | { kind: 'failed'; message: string };

/** Every row of every table of a database as it was before an upgrade. */
export interface PreUpgradeSnapshot {
  format: 'rootline-pre-upgrade-snapshot';
  database: string;
  version: number;
  takenAt: string;
  tables: Record<string, unknown[]>;
}

/**
 * The schema version stored on disk for `name` (Dexie numbering), or 0 when there is no such
 * database. Uses `indexedDB.databases()`, which reads the version without opening (and so
 * without creating or upgrading) anything.
 */
export async function peekStoredVersion(factory: IDBFactory, name: string): Promise<number> {
  const list = await factory.databases();
  const found = list.find((d) => d.name === name);
  return found?.version ? found.version / DEXIE_VERSION_FACTOR : 0;
}

/** Reads an existing database as it is, without a schema, so nothing is upgraded. */
async function snapshot(
  factory: IDBFactory,
  keyRange: typeof IDBKeyRange,
  name: string,
): Promise<PreUpgradeSnapshot> {
  const raw = new Dexie(name, { indexedDB: factory, IDBKeyRange: keyRange });
  try {
    await raw.open();
    const tables: Record<string, unknown[]> = nullProto({});
    // Derived tables (packed events, the search index) are rebuilt, not backed up.
    for (const table of raw.tables) {
      if (!DERIVED_TABLES.includes(table.name)) tables[table.name] = await table.toArray();
    }
    return {
      format: 'rootline-pre-upgrade-snapshot',
      database: name,
      version: raw.verno,
      takenAt: new Date().toISOString(),
      tables,
    };
  } finally {
    raw.close();
  }
}

export function newerVersionMessage(stored: number, supported: number): string {
  return (
    `This database was written by a newer Rootline (schema version ${stored}); this copy of ` +
    `Rootline understands up to version ${supported}. Nothing was changed or deleted. Install the ` +
    `newer Rootline to open it, or keep using that one.`
  );
}

/**
 * Opens the app database safely at start-up:
 * - a database from a newer schema is refused with a message naming both versions and left
 *   untouched (Dexie 4 would otherwise open it with our older schema; we check the stored
 *   version first, and still catch VersionError from older Dexie behaviour);
 * - before an older database is upgraded, every row is handed to `saveBackup` as JSON text,
 *   and the upgrade only runs once that resolved.
 */
export async function openDatabaseSafely(
  db: RootlineDb,
  deps: {
    indexedDB: IDBFactory;
    IDBKeyRange: typeof IDBKeyRange;
    saveBackup(text: string, fileName: string): Promise<void>;
  },
): Promise<DbOpenResult> {
  try {
    const stored = await peekStoredVersion(deps.indexedDB, db.name);
    if (stored > SCHEMA_VERSION) {
      return {
        kind: 'newer',
        stored,
        supported: SCHEMA_VERSION,
        message: newerVersionMessage(stored, SCHEMA_VERSION),
      };
    }
    let upgradedFrom: number | null = null;
    if (stored > 0 && stored < SCHEMA_VERSION) {
      const snap = await snapshot(deps.indexedDB, deps.IDBKeyRange, db.name);
      await deps.saveBackup(
        JSON.stringify(snap),
        `rootline-before-upgrade-v${stored}-to-v${SCHEMA_VERSION}.json`,
      );
      upgradedFrom = stored;
    }
    await db.open();
    return { kind: 'ready', upgradedFrom };
  } catch (e) {
    if (e instanceof Error && (e.name === 'VersionError' || e.name === Dexie.errnames.Version)) {
      const stored = await peekStoredVersion(deps.indexedDB, db.name).catch(() => Number.NaN);
      return {
        kind: 'newer',
        stored,
        supported: SCHEMA_VERSION,
        message: newerVersionMessage(stored, SCHEMA_VERSION),
      };
    }
    const reason = e instanceof Error ? e.message : String(e);
    return { kind: 'failed', message: `Rootline could not open its database: ${reason}` };
  }
}
