// The connection layer against a real Hocuspocus server on a random loopback port: two machines'
// documents converge, edits made offline are stored locally and merged when the server returns.
import 'fake-indexeddb/auto';
import { Server } from '@hocuspocus/server';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeWebSocket } from '../../../helpers/sync/nodeWebSocket';
import type * as Y from 'yjs';
import { SyncConnections, type OpenDoc } from '../../../../renderer/sync/connection';

const servers: Server[] = [];
const opened: OpenDoc[] = [];

async function startServer(
  port = 0,
  extra: Partial<ConstructorParameters<typeof Server>[0]> = {},
): Promise<{ server: Server; url: string }> {
  const server = new Server({ port, address: '127.0.0.1', quiet: true, ...extra });
  await server.listen();
  servers.push(server);
  return { server, url: `ws://127.0.0.1:${server.address.port}` };
}

function open(conns: SyncConnections, url: string, name: string, doc?: Y.Doc): OpenDoc {
  const d = conns.open(url, name, 'token', doc);
  opened.push(d);
  return d;
}

async function until(ok: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.close(true)));
  await Promise.all(servers.splice(0).map((s) => s.destroy()));
});

const conns = () => new SyncConnections({ WebSocketPolyfill: NodeWebSocket });

describe('SyncConnections', () => {
  it('two machines converge, and the state says connected with nothing waiting', async () => {
    const { url } = await startServer();
    const a = open(conns(), url, 'incident/i1/model');
    const b = open(conns(), url, 'incident/i1/model');
    a.doc.getMap('incident').set('title', 'from a');
    await until(() => b.doc.getMap('incident').get('title') === 'from a', 'b to see a');
    b.doc.getMap('incident').set('severity', 'SEV2');
    await until(() => a.doc.getMap('incident').get('severity') === 'SEV2', 'a to see b');
    await until(() => a.state().unsynced === 0 && a.state().synced, 'a to be acknowledged');
    expect(a.state()).toEqual({ connection: 'connected', unsynced: 0, synced: true, refused: null });
  });

  it('keeps offline edits in IndexedDB across a restart and sends them when the server is back', async () => {
    const { server, url } = await startServer();
    const port = server.address.port;
    const a1 = open(conns(), url, 'incident/i2/review');
    await until(() => a1.state().synced, 'first sync');
    // The server goes away: its sockets are cut (a crash, or the network), then it stops.
    for (const client of server.webSocketServer.clients) client.terminate();
    await server.destroy();
    servers.splice(servers.indexOf(server), 1);
    await until(() => a1.state().connection !== 'connected', 'the connection to drop');
    a1.doc.getMap('comments').set('k1', 'written offline');
    await until(() => a1.state().unsynced > 0, 'the edit to wait');
    expect(a1.state().connection).not.toBe('connected');
    // The app closes and opens again, still offline: the edit comes back from IndexedDB.
    await a1.close();
    opened.splice(opened.indexOf(a1), 1);
    const machineA = conns();
    const a2 = open(machineA, url, 'incident/i2/review');
    await a2.loaded;
    expect(a2.doc.getMap('comments').get('k1')).toBe('written offline');
    // The server returns on the same port; another machine sees the edit.
    await startServer(port);
    const b = open(conns(), url, 'incident/i2/review');
    await until(
      () => b.doc.getMap('comments').get('k1') === 'written offline',
      'b to receive the offline edit',
      20_000,
    );
  }, 40_000);

  it('says why the server refused the token', async () => {
    const { url } = await startServer(0, {
      // Hocuspocus sends an error's `reason` with the refusal.
      onAuthenticate: () =>
        Promise.reject(Object.assign(new Error('refused'), { reason: 'the token expired on 2026-01-01' })),
    });
    const a = open(conns(), url, 'incident/i3/model');
    await until(() => a.state().refused !== null, 'the refusal');
    expect(a.state().refused).toBe('the token expired on 2026-01-01');
  });
});
