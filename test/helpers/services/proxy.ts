// A loopback TCP proxy for sync tests: clients connect to the proxy, which forwards bytes to a
// target (a `rootline serve` instance). `cut()` drops every connection and refuses new ones, as a
// network outage does; `restore()` lets clients back in; `retarget()` points new connections at
// another instance, as a load balancer does when one instance dies.
import { createServer, connect } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { LOOPBACK } from './ports';

export interface ProxyTarget {
  host?: string;
  port: number;
}

export interface TcpProxy {
  /** The port clients connect to (127.0.0.1). */
  readonly port: number;
  /** Connections currently open through the proxy (client side). */
  readonly openConnections: number;
  /** Connections accepted and forwarded since start (refused ones while cut are not counted). */
  readonly acceptedConnections: number;
  /** Drops every open connection (reset, as a lost link) and refuses new ones until `restore()`. */
  cut(): void;
  /**
   * Stops moving bytes on open connections without closing them, as a link that goes silent
   * (TCP keeps what was sent and delivers it once the link is back); new connections wait too.
   */
  stall(): void;
  /** Accepts and forwards connections again; a stalled link delivers what it held. */
  restore(): void;
  /** New connections go to `target`; open ones keep their old target. */
  retarget(target: ProxyTarget): void;
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
}

/** Starts a proxy on a random loopback port forwarding to `target`. */
export async function startTcpProxy(target: ProxyTarget): Promise<TcpProxy> {
  let current: Required<ProxyTarget> = { host: target.host ?? LOOPBACK, port: target.port };
  let isCut = false;
  let isStalled = false;
  let accepted = 0;
  const pairs = new Set<[Socket, Socket]>();

  const join = ([client, upstream]: [Socket, Socket]): void => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const drop = (pair: [Socket, Socket]): void => {
    pairs.delete(pair);
    // resetAndDestroy sends RST: the peer sees the link die, not an orderly close.
    for (const socket of pair) if (!socket.destroyed) socket.resetAndDestroy();
  };

  const server: Server = createServer((client) => {
    if (isCut) {
      client.resetAndDestroy();
      return;
    }
    accepted += 1;
    const upstream = connect({ host: current.host, port: current.port });
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    if (!isStalled) join(pair);
    // Either side failing or closing ends both: the client then reconnects, as it would in life.
    const end = (): void => drop(pair);
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    get openConnections() {
      return pairs.size;
    },
    get acceptedConnections() {
      return accepted;
    },
    cut() {
      isCut = true;
      for (const pair of [...pairs]) drop(pair);
    },
    stall() {
      if (isStalled) return;
      isStalled = true;
      // Unpiped and paused, a socket keeps what arrives in its buffers (a later pipe resumes it).
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    restore() {
      isCut = false;
      if (isStalled) {
        isStalled = false;
        for (const pair of pairs) join(pair);
      }
    },
    retarget(next) {
      current = { host: next.host ?? LOOPBACK, port: next.port };
    },
    async close() {
      isCut = true;
      for (const pair of [...pairs]) drop(pair);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
