// The PostgreSQL store as two `rootline serve` instances use it (--postgres with --redis):
// appends never wait for each other, and a compaction by one keeps what the other appended
// meanwhile. Needs PostgreSQL (test/helpers/services): skipped locally without it, fails in CI.
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openPostgresStore } from '../../../../cli/sync/postgresStore';
import type { SyncStore } from '../../../../cli/sync/store';
import { locatePostgres } from '../../../helpers/services/binaries';
import { describeWithService } from '../../../helpers/services/gate';
import { startPostgres, type PostgresService } from '../../../helpers/services/postgres';

const need = { service: 'PostgreSQL', located: locatePostgres(), install: 'apt-get install postgresql' };

/** A writer whose every key is one update, as a client's edits are. */
function writer(clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => void updates.push(u));
  return {
    doc,
    set(key: string): Uint8Array {
      doc.getMap('m').set(key, key);
      const update = updates.at(-1);
      if (update === undefined) throw new Error('no update');
      return update;
    },
  };
}

function keysOf(parts: Uint8Array[]): string[] {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return [...doc.getMap('m').keys()].sort();
}

describeWithService('PostgreSQL store', need, () => {
  let postgres: PostgresService;
  const stores: SyncStore[] = [];

  beforeAll(async () => {
    postgres = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    for (const store of stores) await store.close();
    await postgres.stop();
  });

  it('keeps updates another instance appends while one compacts', async () => {
    const url = await postgres.createDatabase('rootline_store');
    const [one, two] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    stores.push(one, two);
    const name = 'incident/I1/model';
    const a = writer(1);
    const b = writer(2);
    for (let n = 0; n < 20; n++) await one.append(name, a.set(`a${n}`));

    // Instance two keeps appending while instance one compacts, again and again.
    const appends = (async () => {
      for (let n = 0; n < 60; n++) await two.append(name, b.set(`b${n}`));
    })();
    for (let round = 0; round < 5; round++) await one.compact(name, Y.encodeStateAsUpdate(a.doc));
    await appends;
    await one.compact(name, Y.encodeStateAsUpdate(a.doc));

    const expected = [
      ...Array.from({ length: 20 }, (_, n) => `a${n}`),
      ...Array.from({ length: 60 }, (_, n) => `b${n}`),
    ].sort();
    const parts = await two.load(name);
    expect(keysOf(parts)).toEqual(expected);
    expect(parts).toHaveLength(1);
  });

  it('names the database it cannot use, without its password', async () => {
    await expect(openPostgresStore('postgres://ana:s3cret@127.0.0.1:1/nowhere')).rejects.toThrow(
      /^cannot use PostgreSQL at 127\.0\.0\.1:1\/nowhere: /,
    );
  });
});
