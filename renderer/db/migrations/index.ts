import type Dexie from 'dexie';
import { v1 } from './v1';
import { v2 } from './v2';

/**
 * Every schema version ever released, oldest first. Versions are additive: never edit or
 * remove one; add `vN.ts` with its `stores()` (and an `upgrade()` when data moves).
 * test/unit/db/schema.test.ts snapshots the resulting tables and indexes.
 */
export const MIGRATIONS: readonly ((db: Dexie) => void)[] = [v1, v2];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function applyMigrations(db: Dexie): void {
  for (const migrate of MIGRATIONS) migrate(db);
}
