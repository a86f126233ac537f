import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../renderer/db/migrations';
import { INCIDENT_TABLES } from '../../../renderer/db/schema';
import { freshDb } from './testDb';

interface TableShape {
  name: string;
  primKey: string;
  indexes: string[];
}

/**
 * The committed picture of the schema. Adding a table or index means adding a migration and
 * updating this file by hand (with a new schema-vN.json when the version changes); losing one
 * fails here.
 */
const EXPECTED = JSON.parse(
  readFileSync(new URL(`../../fixtures/db/schema-v${SCHEMA_VERSION}.json`, import.meta.url), 'utf8'),
) as TableShape[];

describe('database schema', () => {
  it('has every committed table and index, and nothing unrecorded', async () => {
    const db = freshDb('schema');
    await db.open();
    const actual: TableShape[] = db.tables.map((t) => ({
      name: t.name,
      primKey: t.schema.primKey.src,
      indexes: t.schema.indexes.map((i) => i.src).sort(),
    }));
    const byName = new Map(actual.map((t) => [t.name, t]));
    const missing: string[] = [];
    for (const table of EXPECTED) {
      const found = byName.get(table.name);
      if (!found) {
        missing.push(`table ${table.name}`);
        continue;
      }
      if (found.primKey !== table.primKey) missing.push(`${table.name} primary key ${table.primKey}`);
      for (const index of table.indexes) {
        if (!found.indexes.includes(index)) missing.push(`${table.name} index ${index}`);
      }
    }
    expect(missing, 'tables or indexes disappeared').toEqual([]);
    const sortByName = (t: TableShape[]) => [...t].sort((a, b) => a.name.localeCompare(b.name));
    expect(sortByName(actual), 'new tables or indexes need schema-vN.json updated').toEqual(
      sortByName(EXPECTED),
    );
    db.close();
  });

  it('every incident table has an incidentId index (export and delete depend on it)', async () => {
    const db = freshDb('incident-index');
    await db.open();
    for (const name of INCIDENT_TABLES.filter((t) => t !== 'incidents')) {
      expect(db.table(name).schema.idxByName.incidentId, name).toBeDefined();
    }
    db.close();
  });

  it('numbers migrations in increasing order, and SCHEMA_VERSION is the Dexie version', async () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    for (let count = 1; count <= MIGRATIONS.length; count++) {
      const probe = new Dexie(`probe-${count}`, { indexedDB, IDBKeyRange });
      for (const { migrate } of MIGRATIONS.slice(0, count)) migrate(probe);
      const declared = MIGRATIONS[count - 1]!.version;
      expect(probe.verno, `migration #${count} declares version ${declared}`).toBe(declared);
      if (count > 1) expect(declared).toBeGreaterThan(MIGRATIONS[count - 2]!.version);
    }
    expect(SCHEMA_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    const db = freshDb('verno');
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    // Dexie stores version N as IndexedDB version N * 10.
    expect(db.backendDB().version).toBe(SCHEMA_VERSION * 10);
    db.close();
  });
});
