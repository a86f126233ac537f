// A throwaway redis-server for integration tests: random loopback port, no persistence, in a temp
// directory. As root (CI) it runs as the same unprivileged user as PostgreSQL.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateRedis } from './binaries';
import { LOOPBACK, freePort, waitUntil } from './ports';
import { handOver, serviceUser } from './user';

export interface RedisService {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Crashes the server (SIGKILL); resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing). */
  start(): Promise<void>;
  /** Stops the server and deletes its directory. */
  stop(): Promise<void>;
}

/** Sends one inline command and resolves with the first reply line ("+PONG"), or null on failure. */
export async function redisCommand(port: number, command: string): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: LOOPBACK, port });
    let reply = '';
    const done = (value: string | null): void => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(1_000, () => done(null));
    socket.on('error', () => done(null));
    socket.on('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      const end = reply.indexOf('\r\n');
      if (end >= 0) done(reply.slice(0, end));
    });
  });
}

/** Starts redis-server; throws with the log's end when it cannot. */
export async function startRedis(): Promise<RedisService> {
  const binary = locateRedis();
  if (binary === null) throw new Error('redis-server not found (apt-get install redis-server)');
  const user = serviceUser();
  const dir = mkdtempSync(join(tmpdir(), 'rootline-redis-'));
  const log = join(dir, 'server.log');
  handOver(dir, user);
  const ids = user === null ? {} : { uid: user.uid, gid: user.gid };
  let child: ChildProcess | null = null;
  let port = 0;

  const launch = async (): Promise<void> => {
    const out = openSync(log, 'a');
    const args = [
      '--port',
      String(port),
      '--bind',
      LOOPBACK,
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ];
    const proc = spawn(binary, args, { ...ids, stdio: ['ignore', out, out] });
    closeSync(out);
    child = proc;
    let exited = false;
    proc.once('exit', () => {
      exited = true;
      if (child === proc) child = null;
    });
    await waitUntil(
      async () => exited || (await redisCommand(port, 'PING')) === '+PONG',
      `Redis on port ${port}`,
    );
    if (exited) {
      throw new Error(`redis-server exited while starting on port ${port}:\n${tail(log)}`);
    }
  };
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    const proc = child;
    if (proc === null) return;
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(name);
    await gone;
  };
  const onExit = (): void => void child?.kill('SIGKILL');
  process.once('exit', onExit);

  // The port was free a moment ago; if someone took it since, try another.
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      if (attempt === 3 || !/in use|bind/i.test(tail(log))) {
        process.removeListener('exit', onExit);
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }

  return {
    port,
    url: `redis://${LOOPBACK}:${port}`,
    kill: () => signal('SIGKILL'),
    async start() {
      if (child !== null) throw new Error('redis-server is already running');
      await launch();
    },
    async stop() {
      await signal('SIGTERM');
      process.removeListener('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}
