import type { Extension } from '@hocuspocus/server';
import { Server } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import { rootlineExtension } from './extension';
import { httpExtension } from './http';
import { DEFAULT_LIMITS, RateLimiter, type SyncLimits } from './limits';
import type { ReviewCheck } from './review';
import type { SyncStore } from './store';

export interface SyncServerOptions {
  store: SyncStore;
  /** The key tokens are signed with (`loadOrCreateSecret`). */
  secret: Uint8Array;
  reviewCheck: ReviewCheck;
  /** Interface to listen on; 127.0.0.1 unless told (a reverse proxy gives TLS in production). */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  limits?: Partial<SyncLimits>;
  /** `redis://[user:password@]host[:port][/db]`: share clients with other instances. */
  redisUrl?: string;
  /** How long a failing database is retried before a change is refused, in ms (default 10 s). */
  storeRetryMs?: number;
  /** How long changes wait before being compacted into the stored state, in ms. */
  compactAfterMs?: number;
  log?: (line: string) => void;
  now?: () => number;
}

export interface SyncServer {
  readonly host: string;
  readonly port: number;
  /** `ws://host:port`, for clients. */
  readonly url: string;
  readonly limits: SyncLimits;
  /** Closes every connection, compacts what is loaded, then closes the store. */
  close(): Promise<void>;
}

/** What of ioredis's options a `redis://` URL can say. */
export interface RedisConnectOptions {
  maxRetriesPerRequest: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: Record<never, never>;
}

/** Options of the Redis extension from a `redis://` URL (no other client library needed). */
export function redisOptions(url: string): { host: string; port: number; options: RedisConnectOptions } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--redis "${url}" is not a URL (expected redis://host:port)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(`--redis "${url}" must start with redis:// or rediss://`);
  }
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new Error(`--redis "${url}": the database must be a number`);
  const options: RedisConnectOptions = { maxRetriesPerRequest: 3 };
  if (parsed.username !== '') options.username = decodeURIComponent(parsed.username);
  if (parsed.password !== '') options.password = decodeURIComponent(parsed.password);
  if (db !== '') options.db = Number(db);
  if (parsed.protocol === 'rediss:') options.tls = {};
  return { host: parsed.hostname, port: parsed.port === '' ? 6379 : Number(parsed.port), options };
}

async function connectRedis(url: string, log: (line: string) => void): Promise<Redis> {
  const { host, port, options } = redisOptions(url);
  const redis = new Redis({ host, port, options, prefix: 'rootline-sync' });
  // ioredis reports each failed attempt as an 'error' event (printed as "Unhandled error
  // event" without a listener): keep the last one for the message, log them once running.
  let lastError: Error | undefined;
  let running = false;
  const onError = (error: Error) => {
    lastError = error;
    if (running) log(`Redis: ${error.message}`);
  };
  redis.pub.on('error', onError);
  redis.sub.on('error', onError);
  try {
    await Promise.race([
      Promise.all([redis.pub.ping(), redis.sub.ping()]),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 5 s')), 5000)),
    ]);
  } catch (e) {
    redis.pub.disconnect();
    redis.sub.disconnect();
    const reason = lastError?.message ?? (e instanceof Error ? e.message : String(e));
    throw new Error(`cannot reach Redis at ${host}:${port}: ${reason}`);
  }
  running = true;
  return redis;
}

/**
 * Starts Rootline's sync server (Hocuspocus 3) on a loopback or given interface. Resolves once
 * it listens; {@link SyncServer.close} shuts it down gracefully.
 */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const limits: SyncLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const extensions: Extension[] = [
    rootlineExtension({
      store: options.store,
      storeRetryMs: options.storeRetryMs ?? 10_000,
      secret: options.secret,
      limits,
      reviewCheck: options.reviewCheck,
      now: options.now ?? Date.now,
      log,
    }),
  ];
  const redis = options.redisUrl === undefined ? undefined : await connectRedis(options.redisUrl, log);
  if (redis !== undefined) extensions.push(redis);
  extensions.push(httpExtension());
  const host = options.host ?? '127.0.0.1';
  const server = new Server(
    {
      name: 'rootline',
      port: options.port ?? 0,
      address: host,
      quiet: true,
      stopOnSignals: false,
      debounce: options.compactAfterMs ?? 2000,
      maxDebounce: 10_000,
      extensions,
    },
    { maxPayload: limits.maxMessageBytes },
  );
  // A socket is also counted before any document on it is authenticated: Hocuspocus keeps
  // such messages in memory until then. Without waiting, at four times the per-connection
  // allowance (at least 1,000 a second): the per-connection limit slows honest clients long
  // before this cuts anyone off.
  const socketRate = Math.max(limits.updatesPerSecond * 4, 1000);
  server.webSocketServer.on('connection', (socket) => {
    const guard = new RateLimiter({
      updatesPerSecond: socketRate,
      burst: Math.max(limits.burst * 4, 2000),
      maxDelayMs: 0,
    });
    socket.on('message', () => {
      if (guard.reserve() < 0 && socket.readyState === socket.OPEN) {
        log(`closed a socket sending over ${socketRate} messages per second`);
        socket.close(1008, 'too many messages');
      }
    });
  });
  // Hocuspocus passes `address` where Node reads `host`, so it would listen on every interface:
  // listen here with the interface asked for.
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen({ port: options.port ?? 0, host }, () => {
      server.httpServer.off('error', reject);
      resolve();
    });
  });
  const port = server.address.port;
  let closing: Promise<void> | undefined;
  return {
    host,
    port,
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}`,
    limits,
    close() {
      closing ??= (async () => {
        await server.destroy();
        // Hocuspocus closes each document's connection but leaves the sockets (and their ping
        // timers) open: close them, so clients reconnect elsewhere and the process can end.
        for (const socket of server.webSocketServer.clients) socket.close(1001, 'the server is stopping');
        server.httpServer.closeAllConnections();
        if (redis !== undefined) {
          redis.pub.disconnect();
          redis.sub.disconnect();
        }
        await options.store.close();
      })();
      return closing;
    },
  };
}
