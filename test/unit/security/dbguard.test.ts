import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { openDatabaseSafely, peekStoredVersion } from '../../../renderer/db/guard';
import { SCHEMA_VERSION } from '../../../renderer/db/migrations';
import { RootlineDb } from '../../../renderer/db/schema';

type Save = (text: string, fileName: string) => Promise<void>;
const deps = (saveBackup: Save = vi.fn<Save>(async () => undefined)) => ({
  indexedDB,
  IDBKeyRange,
  saveBackup,
});
const uniq = (label: string) => `guard-${label}-${Math.random().toString(36).slice(2)}`;

describe('opening the database', () => {
  it('refuses a database from a newer schema with both versions named, and keeps its data', async () => {
    const name = uniq('newer');
    const future = new Dexie(name, { indexedDB, IDBKeyRange });
    future.version(99).stores({ incidents: 'id', hologram: 'id' });
    await future.table('incidents').put({ id: 'inc-1', title: 'kept' });
    future.close();

    const db = new RootlineDb(name, { indexedDB, IDBKeyRange });
    const result = await openDatabaseSafely(db, deps());
    expect(result).toMatchObject({ kind: 'newer', stored: 99, supported: SCHEMA_VERSION });
    expect(result.kind === 'newer' && result.message).toMatch(
      new RegExp(`schema version 99.*up to version ${SCHEMA_VERSION}.*Nothing was changed`),
    );
    // Dexie 4 would open it silently with our older schema; the guard never lets it.
    expect(db.isOpen()).toBe(false);

    const again = new Dexie(name, { indexedDB, IDBKeyRange });
    await again.open();
    expect(again.verno).toBe(99);
    expect(await again.table('incidents').toArray()).toEqual([{ id: 'inc-1', title: 'kept' }]);
    expect(again.tables.map((t) => t.name).sort()).toEqual(['hologram', 'incidents']);
    again.close();
  });

  it('backs up every row before upgrading an older database, then upgrades', async () => {
    const name = uniq('older');
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(0.5).stores({ incidents: 'id' });
    await old.table('incidents').put({ id: 'inc-old', title: 'from v0.5' });
    old.close();
    expect(await peekStoredVersion(indexedDB, name)).toBe(0.5);

    const order: string[] = [];
    const saveBackup = vi.fn(async (text: string, fileName: string) => {
      order.push('backup');
      const snap = JSON.parse(text) as { version: number; tables: Record<string, unknown[]> };
      expect(snap.version).toBe(0.5);
      expect(snap.tables.incidents).toEqual([{ id: 'inc-old', title: 'from v0.5' }]);
      expect(fileName).toMatch(new RegExp(`before-upgrade-v0\\.5-to-v${SCHEMA_VERSION}\\.json$`));
      expect(await peekStoredVersion(indexedDB, name)).toBe(0.5);
    });
    const db = new RootlineDb(name, { indexedDB, IDBKeyRange });
    const result = await openDatabaseSafely(db, deps(saveBackup));
    order.push('opened');
    expect(result).toEqual({ kind: 'ready', upgradedFrom: 0.5 });
    expect(order).toEqual(['backup', 'opened']);
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('does not upgrade when the backup fails', async () => {
    const name = uniq('nobackup');
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(0.5).stores({ incidents: 'id' });
    await old.table('incidents').put({ id: 'a' });
    old.close();
    const db = new RootlineDb(name, { indexedDB, IDBKeyRange });
    const result = await openDatabaseSafely(
      db,
      deps(
        vi.fn(async () => {
          throw new Error('disk full');
        }),
      ),
    );
    expect(result).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('disk full') as unknown,
    });
    expect(await peekStoredVersion(indexedDB, name)).toBe(0.5);
  });

  it('opens a fresh or current database without a backup', async () => {
    const saveBackup = vi.fn(async () => undefined);
    const name = uniq('fresh');
    const db = new RootlineDb(name, { indexedDB, IDBKeyRange });
    expect(await openDatabaseSafely(db, deps(saveBackup))).toEqual({ kind: 'ready', upgradedFrom: null });
    db.close();
    const db2 = new RootlineDb(name, { indexedDB, IDBKeyRange });
    expect(await openDatabaseSafely(db2, deps(saveBackup))).toEqual({ kind: 'ready', upgradedFrom: null });
    expect(saveBackup).not.toHaveBeenCalled();
    db2.close();
  });
});

describe('storage warning', () => {
  it('warns from 80% of the quota, never on unknown figures', async () => {
    const { isNearlyFull } = await import('../../../renderer/app/useStorageStatus');
    expect(isNearlyFull(79, 100)).toBe(false);
    expect(isNearlyFull(80, 100)).toBe(true);
    expect(isNearlyFull(null, 100)).toBe(false);
    expect(isNearlyFull(10, 0)).toBe(false);
  });
});
