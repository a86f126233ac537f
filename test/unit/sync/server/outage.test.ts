import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStore } from '../../../../cli/sync/store';
import { modelDocName } from '../../../../shared/sync/names';
import { acknowledged, connectClient, type TestClient } from '../../../helpers/sync/clients';
import { startTestServer, tempDataDir, tokenFor } from '../../../helpers/sync/server';
import { waitUntil } from '../../../helpers/services/ports';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A store that fails (like a database restarting) while `down` says so. */
function flaky(which: { down: boolean; compactFails?: boolean }) {
  return (store: SyncStore): SyncStore => {
    const gate = () => (which.down ? Promise.reject(new Error('connection refused')) : Promise.resolve());
    return {
      description: store.description,
      load: (name) => gate().then(() => store.load(name)),
      append: (name, update) => gate().then(() => store.append(name, update)),
      compact: (name, state) =>
        which.compactFails === true ? Promise.reject(new Error('disk full')) : store.compact(name, state),
      close: () => store.close(),
    };
  };
}

async function setup(which: { down: boolean; compactFails?: boolean }, storeRetryMs: number) {
  const data = tempDataDir();
  cleanups.push(data.remove);
  const server = await startTestServer(data.dir, { wrapStore: flaky(which), storeRetryMs });
  cleanups.push(() => server.close());
  const token = await tokenFor(data.dir, 'Ana', 'author', ['I1']);
  const connect = (): TestClient => {
    const client = connectClient(server.url, modelDocName('I1'), token);
    cleanups.push(() => client.destroy());
    return client;
  };
  return { server, connect };
}

describe('rootline serve: the database goes away', () => {
  it('holds the acknowledgement while a short outage lasts, then stores and acknowledges', async () => {
    const which = { down: false };
    const { server, connect } = await setup(which, 5000);
    const writer = connect();
    await acknowledged(writer);
    which.down = true;
    writer.doc.getMap('events').set('E1', 'during the outage');
    await waitUntil(() => server.log.some((line) => /retrying for up to 5000 ms/.test(line)), 'a retry');
    expect(writer.provider.hasUnsyncedChanges).toBe(true);
    which.down = false;
    await acknowledged(writer);
    expect(writer.closes).toEqual([]);
    const reader = connect();
    await acknowledged(reader);
    expect(reader.doc.getMap('events').get('E1')).toBe('during the outage');
  });

  it('after a long outage closes the socket; the client reconnects and its change is stored', async () => {
    const which = { down: false };
    const { server, connect } = await setup(which, 200);
    const writer = connect();
    await acknowledged(writer);
    which.down = true;
    writer.doc.getMap('events').set('E1', 'kept on the client');
    await waitUntil(() => writer.closes.some((c) => c.code === 1011), 'the socket to be closed');
    expect(server.log.join('\n')).toMatch(/storing an update of incident\/I1\/model failed, giving up/);
    expect(writer.provider.hasUnsyncedChanges).toBe(true);
    which.down = false;
    await acknowledged(writer, 20_000);
    const reader = connect();
    await acknowledged(reader);
    expect(reader.doc.getMap('events').get('E1')).toBe('kept on the client');
  });

  it('keeps running when compaction fails: every change was stored already', async () => {
    const which = { down: false, compactFails: true };
    const { server, connect } = await setup(which, 200);
    const writer = connect();
    await acknowledged(writer);
    writer.doc.getMap('events').set('E1', 'stored');
    await acknowledged(writer);
    writer.destroy();
    await waitUntil(
      () =>
        server.log.some((line) =>
          /compacting incident\/I1\/model failed \(nothing is lost\): disk full/.test(line),
        ),
      'a failed compaction',
    );
    const reader = connect();
    await acknowledged(reader);
    expect(reader.doc.getMap('events').get('E1')).toBe('stored');
  });
});
