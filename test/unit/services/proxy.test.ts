import { connect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTcpProxy } from '../../helpers/services/proxy';
import type { TcpProxy } from '../../helpers/services/proxy';

/** An echo server that prefixes replies with its tag, so tests can tell two targets apart. */
async function echoServer(tag: string): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk) => socket.write(`${tag}:${chunk.toString('utf8')}`));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, port: (server.address() as AddressInfo).port, sockets };
}

interface Client {
  socket: Socket;
  send(text: string): Promise<string>;
  closed: Promise<string>;
}

async function dial(port: number): Promise<Client> {
  const socket = connect({ host: '127.0.0.1', port });
  const closed = new Promise<string>((resolve) => {
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    socket.on('close', () => resolve('closed'));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    closed,
    send: (text) =>
      new Promise((resolve, reject) => {
        socket.once('data', (chunk) => resolve(chunk.toString('utf8')));
        socket.once('close', () => reject(new Error('closed before a reply')));
        socket.write(text);
      }),
  };
}

/** Whether a new connection gets a reply (true) or is dropped (false). */
async function answers(port: number): Promise<boolean> {
  try {
    const client = await dial(port);
    const reply = await Promise.race([client.send('ping'), client.closed.then(() => null)]);
    client.socket.destroy();
    return reply !== null;
  } catch {
    return false;
  }
}

describe('loopback TCP proxy', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function setup(): Promise<{ proxy: TcpProxy; a: number; b: number }> {
    const a = await echoServer('a');
    const b = await echoServer('b');
    const proxy = await startTcpProxy({ port: a.port });
    cleanup.push(() => new Promise<void>((resolve) => a.server.close(() => resolve())));
    cleanup.push(() => new Promise<void>((resolve) => b.server.close(() => resolve())));
    cleanup.push(() => proxy.close());
    return { proxy, a: a.port, b: b.port };
  }

  it('forwards bytes both ways and counts connections', async () => {
    const { proxy } = await setup();
    const client = await dial(proxy.port);
    expect(await client.send('hello')).toBe('a:hello');
    expect(proxy.openConnections).toBe(1);
    expect(proxy.acceptedConnections).toBe(1);
    client.socket.destroy();
    await client.closed;
  });

  it('cut() drops open connections and refuses new ones until restore()', async () => {
    const { proxy } = await setup();
    const client = await dial(proxy.port);
    expect(await client.send('before')).toBe('a:before');
    proxy.cut();
    // The client sees its link die (a reset), as when the network goes away.
    expect(await client.closed).toMatch(/ECONNRESET|closed/);
    expect(proxy.openConnections).toBe(0);
    expect(await answers(proxy.port)).toBe(false);
    proxy.restore();
    expect(await answers(proxy.port)).toBe(true);
    expect(proxy.acceptedConnections).toBe(2);
  });

  it('stall() holds bytes on open connections without closing them until restore()', async () => {
    const { proxy } = await setup();
    const client = await dial(proxy.port);
    expect(await client.send('one')).toBe('a:one');
    proxy.stall();
    const reply = client.send('two');
    const early = await Promise.race([
      reply,
      new Promise((resolve) => setTimeout(() => resolve('nothing yet'), 300)),
    ]);
    expect(early).toBe('nothing yet');
    expect(proxy.openConnections).toBe(1);
    proxy.restore();
    expect(await reply).toBe('a:two');
    expect(await client.send('three')).toBe('a:three');
    client.socket.destroy();
  });

  it('retarget() sends new connections to another server; open ones keep theirs', async () => {
    const { proxy, b } = await setup();
    const first = await dial(proxy.port);
    expect(await first.send('x')).toBe('a:x');
    proxy.retarget({ port: b });
    const second = await dial(proxy.port);
    expect(await second.send('y')).toBe('b:y');
    expect(await first.send('z')).toBe('a:z');
    first.socket.destroy();
    second.socket.destroy();
  });

  it('a target that goes away closes the client side too', async () => {
    const dead = await echoServer('dead');
    const proxy = await startTcpProxy({ port: dead.port });
    cleanup.push(() => proxy.close());
    const client = await dial(proxy.port);
    expect(await client.send('1')).toBe('dead:1');
    // The target process dies: its sockets go and it stops listening.
    for (const socket of dead.sockets) socket.destroy();
    await new Promise<void>((resolve) => dead.server.close(() => resolve()));
    expect(await client.closed).toMatch(/ECONNRESET|closed/);
  });
});
