import type Dexie from 'dexie';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v5 } from './v5';
import { v6 } from './v6';
import { v7 } from './v7';
import { v9 } from './v9';
import { v10 } from './v10';

/** One schema version: its Dexie version number and what it declares. */
export interface Migration {
  version: number;
  migrate: (db: Dexie) => void;
}

/**
 * Every schema version ever released, oldest first. Versions are additive: never edit or
 * remove one; add `vN.ts` with its `stores()` (and an `upgrade()` when data moves). Numbers
 * increase but may skip (branches reserve theirs). test/unit/db/schema.test.ts snapshots the
 * resulting tables and indexes.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, migrate: v1 },
  { version: 2, migrate: v2 },
  { version: 3, migrate: v3 },
  { version: 5, migrate: v5 },
  { version: 6, migrate: v6 },
  { version: 7, migrate: v7 },
  { version: 9, migrate: v9 },
  { version: 10, migrate: v10 },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function applyMigrations(db: Dexie): void {
  for (const { migrate } of MIGRATIONS) migrate(db);
}
