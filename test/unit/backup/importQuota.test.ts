import { IDBKeyRange, IDBObjectStore, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { packLogBlock, type LogBlock } from '../../../shared/domain';
import { logBlockId } from '../../../shared/import/blockStore';
import { storageProblem } from '../../../renderer/features/import/runImport';
import { BlockWriter } from '../../../renderer/workers/blockWriter';
import { freshDb } from '../db/testDb';

// BlockWriter runs in the import worker and uses the global IndexedDB.
Object.assign(globalThis, { indexedDB, IDBKeyRange });

const realPut = IDBObjectStore.prototype.put;
afterEach(() => {
  IDBObjectStore.prototype.put = realPut;
});

function block(importId: string, seq: number): LogBlock {
  return packLogBlock({ id: logBlockId(importId, seq), importId, incidentId: 'INC', seq }, []);
}

/** Makes the store refuse every put after the first `allowed`, as a full disk does. */
function quotaAfter(allowed: number): void {
  let puts = 0;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (++puts > allowed) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return realPut.apply(this, args);
  } as IDBObjectStore['put'];
}

describe('QuotaExceededError during an import', () => {
  it('records the error, and discard leaves no block of that import (others untouched)', async () => {
    const db = freshDb('quota');
    await db.open();
    await db.logBlocks.put(block('other', 0));
    const writer = new BlockWriter(db.name);
    quotaAfter(5);
    for (let batch = 0; batch < 4; batch++) {
      writer.write(
        [0, 1, 2].map((k) => block('imp', batch * 3 + k)),
        () => undefined,
      );
    }
    await writer.settled();
    expect(writer.error?.name).toBe('QuotaExceededError');
    IDBObjectStore.prototype.put = realPut;
    await writer.discard(['imp']);
    expect(await db.logBlocks.where('importId').equals('imp').count()).toBe(0);
    expect(await db.logBlocks.count()).toBe(1);
    db.close();
  });

  it('the user is told the disk is full and that nothing was imported', () => {
    const quota = storageProblem(new DOMException('QuotaExceededError', 'QuotaExceededError'));
    expect(quota.message).toMatch(/ran out of storage space.*nothing was imported/);
    expect(storageProblem(new Error('boom')).message).toBe(
      'Storing the imported records failed, so nothing was imported: boom',
    );
  });
});
