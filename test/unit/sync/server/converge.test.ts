import Database from 'better-sqlite3';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SQLITE_FILE } from '../../../../cli/sync/sqliteStore';
import { modelDocName, sectionDocName } from '../../../../shared/sync/names';
import { acknowledged, connectClient, type TestClient } from '../../../helpers/sync/clients';
import { startTestServer, tempDataDir, tokenFor } from '../../../helpers/sync/server';
import { waitUntil } from '../../../helpers/services/ports';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track(client: TestClient): TestClient {
  cleanups.push(() => client.destroy());
  return client;
}

const eventsOf = (client: TestClient) => client.doc.getMap('events').toJSON();

describe('rootline serve: clients converge', () => {
  it('two clients editing one model converge, field by field', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const token = await tokenFor(data.dir, 'Ana', 'author', ['I1']);
    const [a, b] = [0, 1].map(() => track(connectClient(server.url, modelDocName('I1'), token)));
    if (a === undefined || b === undefined) throw new Error('two clients');
    await Promise.all([acknowledged(a), acknowledged(b)]);

    const rowA = new Y.Map<unknown>();
    a.doc.getMap<Y.Map<unknown>>('events').set('E1', rowA);
    rowA.set('title', 'db failover');
    await waitUntil(() => b.doc.getMap<Y.Map<unknown>>('events').get('E1') !== undefined, 'E1 on b');
    // Concurrent edits of different fields of one row both survive.
    a.doc.getMap<Y.Map<unknown>>('events').get('E1')?.set('title', 'primary db failover');
    b.doc.getMap<Y.Map<unknown>>('events').get('E1')?.set('kind', 'action');
    await Promise.all([acknowledged(a), acknowledged(b)]);
    await waitUntil(() => isDeepStrictEqual(eventsOf(a), eventsOf(b)), 'a and b to agree');
    expect(eventsOf(a)).toEqual({ E1: { title: 'primary db failover', kind: 'action' } });
  });

  it('three clients on a model and a section document converge', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const token = await tokenFor(data.dir, 'Ana', 'author', '*');
    const names = [modelDocName('I1'), sectionDocName('I1', 'S1')];
    const clients = [0, 1, 2].map(() => names.map((name) => track(connectClient(server.url, name, token))));
    await Promise.all(clients.flat().map((c) => acknowledged(c)));

    clients.forEach(([model, section], i) => {
      for (let n = 0; n < 20; n++) model?.doc.getMap('causes').set(`C${i}-${n}`, n);
      section?.doc.getText('root').insert(0, `client ${i} writes. `);
    });
    await Promise.all(clients.flat().map((c) => acknowledged(c)));
    const agree = (pick: (pair: TestClient[]) => unknown) => () =>
      clients.every((pair) => isDeepStrictEqual(pick(pair), pick(clients[0] ?? [])));
    await waitUntil(
      agree((pair) => pair[0]?.doc.getMap('causes').toJSON()),
      'the models to agree',
    );
    await waitUntil(
      agree((pair) => pair[1]?.doc.getText('root').toString()),
      'the sections to agree',
    );
    expect(Object.keys(clients[0]?.[0]?.doc.getMap('causes').toJSON() ?? {})).toHaveLength(60);
    const text = clients[0]?.[1]?.doc.getText('root').toString() ?? '';
    for (const i of [0, 1, 2]) expect(text).toContain(`client ${i} writes. `);
  });
});

describe('rootline serve: restart on the same SQLite data', () => {
  it('keeps every acknowledged update when the server dies without storing', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const token = await tokenFor(data.dir, 'Ana', 'author', ['I1']);
    const first = await startTestServer(data.dir, { compactAfterMs: 60_000 });
    const writer = track(connectClient(first.url, modelDocName('I1'), token));
    await acknowledged(writer);
    for (let n = 0; n < 200; n++) writer.doc.getMap('events').set(`E${n}`, { n });
    await acknowledged(writer);
    writer.destroy();

    // Everything acknowledged is already in the file: read it as a crash would leave it,
    // without the server's compaction (which is minutes away) having run.
    const db = new Database(join(data.dir, SQLITE_FILE), { readonly: true });
    const rows = db.prepare('SELECT data FROM updates WHERE name = ?').all(modelDocName('I1')) as {
      data: Buffer;
    }[];
    db.close();
    const copy = new Y.Doc();
    for (const row of rows) Y.applyUpdate(copy, row.data);
    expect(Object.keys(copy.getMap('events').toJSON())).toHaveLength(200);
    await first.close();

    const second = await startTestServer(data.dir);
    cleanups.push(() => second.close());
    const reader = track(connectClient(second.url, modelDocName('I1'), token));
    await acknowledged(reader);
    expect(reader.doc.getMap('events').toJSON()).toEqual(writer.doc.getMap('events').toJSON());
  });

  it('compacts stored updates into one state on a graceful close and reloads it', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const token = await tokenFor(data.dir, 'Ana', 'author', ['I1']);
    const first = await startTestServer(data.dir, { compactAfterMs: 60_000 });
    const writer = track(connectClient(first.url, modelDocName('I1'), token));
    await acknowledged(writer);
    writer.doc.getText('t').insert(0, 'hello');
    writer.doc.getText('t').insert(5, ' world');
    await acknowledged(writer);
    await first.close();

    const db = new Database(join(data.dir, SQLITE_FILE), { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM updates')).toBe(0);
    expect(count('SELECT count(*) AS n FROM documents')).toBe(1);
    db.close();

    const second = await startTestServer(data.dir);
    cleanups.push(() => second.close());
    const reader = track(connectClient(second.url, modelDocName('I1'), token));
    await acknowledged(reader);
    expect(reader.doc.getText('t').toString()).toBe('hello world');
  });
});
