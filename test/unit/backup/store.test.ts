import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { promises as fsPromises } from 'node:fs';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupStore } from '../../../electron/backup/store';
import { IPC_CONTRACT } from '../../../shared/ipc/contract';
import { backupIdPart } from '../../../shared/backup';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 0, 31, 12, 0, 0);

let dir: string;
beforeEach(async () => {
  dir = nodePath.join(await mkdtemp(nodePath.join(tmpdir(), 'rootline-backup-')), 'backups');
});
afterEach(async () => {
  await rm(nodePath.dirname(dir), { recursive: true, force: true });
});

describe('createBackupStore', () => {
  it('writes, lists newest first and reads back; an absent folder lists as empty', async () => {
    let now = T0;
    const store = createBackupStore(dir, fsPromises, () => now);
    expect(await store.list()).toEqual([]);
    const a = await store.write('INC-1', '{"a":1}');
    now += 60_000;
    const b = await store.write('INC-2', '{"b":2}');
    const list = await store.list();
    expect(list.map((e) => e.fileName)).toEqual([b, a]);
    expect(list[0]).toMatchObject({ incidentId: backupIdPart('INC-2'), at: T0 + 60_000, size: 7 });
    expect(await store.read(a)).toBe('{"a":1}');
  });

  it('two backups in the same second get distinct names', async () => {
    const store = createBackupStore(dir, fsPromises, () => T0);
    const a = await store.write('INC', 'one');
    const b = await store.write('INC', 'two');
    expect(a).not.toBe(b);
    expect(await store.read(a)).toBe('one');
    expect(await store.read(b)).toBe('two');
  });

  it('applies retention after each write and never touches other files', async () => {
    let now = T0 - 20 * DAY;
    const store = createBackupStore(dir, fsPromises, () => now);
    await store.write('INC', 'first');
    await writeFile(nodePath.join(dir, 'notes.txt'), 'mine');
    // 20 days with 4 backups each, then 5 today.
    for (let d = 0; d < 20; d++) {
      for (let k = 0; k < 4; k++) {
        now = T0 - (20 - d) * DAY + k * 3_600_000;
        await store.write('INC', `day ${d} #${k}`);
      }
    }
    for (let k = 0; k < 5; k++) {
      now = T0 + k * 60_000;
      await store.write('INC', `today #${k}`);
    }
    const names = await readdir(dir);
    expect(names).toContain('notes.txt');
    const list = await store.list();
    // 3 of today + the newest of each of the 20 earlier days.
    expect(list).toHaveLength(3 + 20);
    expect(await store.read(list[0]!.fileName)).toBe('today #4');
    expect(names.some((n) => n.endsWith('.partial'))).toBe(false);
  });

  it('refuses names that are not backups (no path escapes)', async () => {
    const store = createBackupStore(dir, fsPromises, () => T0);
    await expect(store.read('../secrets.json')).rejects.toThrow(/not a Rootline backup/);
    expect(IPC_CONTRACT['backup:readFile'].input.safeParse({ fileName: '../x.rootline.json' }).success).toBe(
      false,
    );
  });

  it('a failed write leaves no backup behind', async () => {
    const failing = {
      ...fsPromises,
      rename: () => Promise.reject(new Error('disk full')),
    } as typeof fsPromises;
    const store = createBackupStore(dir, failing, () => T0);
    await expect(store.write('INC', 'text')).rejects.toThrow('disk full');
    expect(await store.list()).toEqual([]);
  });
});
