import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RateLimiter, type SyncLimits } from '../../../../cli/sync/limits';
import { modelDocName } from '../../../../shared/sync/names';
import { acknowledged, connectClient, type TestClient } from '../../../helpers/sync/clients';
import { startTestServer, tempDataDir, tokenFor } from '../../../helpers/sync/server';
import { waitUntil } from '../../../helpers/services/ports';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(limits: Partial<SyncLimits>) {
  const data = tempDataDir();
  cleanups.push(data.remove);
  const server = await startTestServer(data.dir, { limits });
  cleanups.push(() => server.close());
  const token = await tokenFor(data.dir, 'Ana', 'author', ['I1']);
  const connect = (): TestClient => {
    const client = connectClient(server.url, modelDocName('I1'), token);
    cleanups.push(() => client.destroy());
    return client;
  };
  return { server, connect };
}

describe('RateLimiter', () => {
  it('lets a burst through, then spaces messages out, then refuses a flood', () => {
    let now = 0;
    const limiter = new RateLimiter({ updatesPerSecond: 10, burst: 3, maxDelayMs: 250 }, () => now);
    expect([limiter.reserve(), limiter.reserve(), limiter.reserve()]).toEqual([0, 0, 0]);
    expect(limiter.reserve()).toBeCloseTo(100);
    expect(limiter.reserve()).toBeCloseTo(200);
    expect(limiter.reserve()).toBe(-1);
    now = 1000;
    expect(limiter.reserve()).toBe(0);
  });
});

describe('rootline serve: limits', () => {
  it('closes a socket that sends a message over the size limit, storing nothing of it', async () => {
    const { connect } = await setup({ maxMessageBytes: 16 * 1024 });
    const writer = connect();
    await acknowledged(writer);
    writer.doc.getText('t').insert(0, 'x'.repeat(64 * 1024));
    await waitUntil(() => writer.closes.some((c) => c.code === 1009), 'the socket to be closed as too big');
    const reader = connect();
    await waitUntil(() => reader.provider.isSynced, 'a second client to sync');
    expect(reader.doc.getText('t').length).toBe(0);
  });

  it('refuses an update that would grow a document past its limit', async () => {
    const { connect, server } = await setup({ maxDocumentBytes: 10_000 });
    const writer = connect();
    await acknowledged(writer);
    writer.doc.getText('t').insert(0, 'a'.repeat(4000));
    await acknowledged(writer);
    writer.doc.getText('t').insert(0, 'b'.repeat(8000));
    await waitUntil(() => writer.closes.length > 0, 'the server to refuse');
    expect(writer.closes[0]?.reason).toBe(
      `${modelDocName('I1')} would grow past the server's limit of 10000 bytes`,
    );
    expect(server.log.join('\n')).toMatch(/refused a change to incident\/I1\/model by Ana \(author\)/);
    const reader = connect();
    await waitUntil(() => reader.provider.isSynced, 'a second client to sync');
    expect(reader.doc.getText('t').toString()).toBe('a'.repeat(4000));
  });

  it('slows a burst of updates down without losing any', async () => {
    const { connect } = await setup({ updatesPerSecond: 100, burst: 5, maxDelayMs: 2000 });
    const writer = connect();
    await acknowledged(writer);
    const start = performance.now();
    for (let n = 0; n < 40; n++) writer.doc.getMap('events').set(`E${n}`, n);
    await acknowledged(writer);
    expect(performance.now() - start).toBeGreaterThanOrEqual(300);
    expect(writer.closes).toEqual([]);
    const reader = connect();
    await acknowledged(reader);
    expect(Object.keys(reader.doc.getMap('events').toJSON())).toHaveLength(40);
  });

  it('closes a connection that floods the server', async () => {
    const { connect, server } = await setup({ updatesPerSecond: 10, burst: 5, maxDelayMs: 200 });
    const writer = connect();
    await acknowledged(writer);
    for (let n = 0; n < 50; n++) writer.doc.getMap('events').set(`E${n}`, n);
    await waitUntil(() => writer.closes.length > 0, 'the server to close the flood');
    expect(writer.closes[0]?.reason).toBe('too many messages: more than 10 per second');
    expect(server.log.join('\n')).toMatch(
      /closed incident\/I1\/model for Ana \(author\): over 10 messages per second/,
    );
  });
});

describe('rootline serve: before and beside documents', () => {
  it('closes a socket flooding messages before any document is authenticated', async () => {
    const { server } = await setup({});
    const socket = new WebSocket(server.url);
    cleanups.push(() => socket.terminate());
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    // An awareness message for a document never authenticated: Hocuspocus would queue it.
    const name = new TextEncoder().encode('incident/I1/model');
    const message = Uint8Array.from([name.length, ...name, 1, 1, 0]);
    for (let n = 0; n < 6000; n++) socket.send(message);
    expect(await closed).toBe(1008);
    expect(server.log.join('\n')).toMatch(/closed a socket sending over 1000 messages per second/);
  });

  it('answers GET /health with its document and connection counts', async () => {
    const { server, connect } = await setup({});
    const client = connect();
    await acknowledged(client);
    const health = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, documents: 1, connections: 1 });
    const other = await fetch(`http://127.0.0.1:${server.port}/nothing`);
    expect(other.status).toBe(404);
    expect(await other.text()).toMatch(/^Rootline sync server/);
  });
});
