// A throwaway PostgreSQL for integration tests: initdb in a temp directory, the server on a
// random loopback port (socket in the same directory), trust auth for user `postgres`. As root
// (CI), it runs as an unprivileged user (see user.ts). `kill()` is a crash (SIGKILL of the whole
// server), `start()` brings it back on the same data and port with crash recovery.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { locatePostgres } from './binaries';
import { LOOPBACK, freePort, waitUntil } from './ports';
import { handOver, serviceUser } from './user';

export interface PostgresService {
  readonly port: number;
  /** URL of the `postgres` database as the superuser `postgres`. */
  readonly url: string;
  readonly running: boolean;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Crashes the server: SIGKILL to the postmaster and every backend; resolves once all exited. */
  kill(): Promise<void>;
  /** Starts the server again on the same data directory and port. */
  start(): Promise<void>;
  /** Shuts down (fast mode) and deletes the data directory. */
  stop(): Promise<void>;
}

// The tests model a crashed server process, not a machine losing power: page cache survives a
// process kill, so skipping fsync keeps them fast without weakening what they prove.
const SERVER_SETTINGS = ['fsync=off', 'full_page_writes=off', 'max_connections=50', 'shared_buffers=16MB'];

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs initdb and starts a PostgreSQL server; throws with the log's end when it cannot. */
export async function startPostgres(): Promise<PostgresService> {
  const bindir = locatePostgres();
  if (bindir === null) throw new Error('PostgreSQL not found (apt-get install postgresql)');
  const user = serviceUser();
  const dir = mkdtempSync(join(tmpdir(), 'rootline-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const ids = user === null ? {} : { uid: user.uid, gid: user.gid };
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  handOver(dir, user);

  const init = spawnSync(
    join(bindir, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8', '--locale=C'],
    { ...ids, env, encoding: 'utf8' },
  );
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status ?? init.signal}): ${init.stderr || init.stdout}`);
  }

  let port = await freePort();
  let child: ChildProcess | null = null;
  const url = (): string => `postgres://postgres@${LOOPBACK}:${port}/postgres`;

  const launch = async (): Promise<void> => {
    const out = openSync(log, 'a');
    const settings = SERVER_SETTINGS.flatMap((setting) => ['-c', setting]);
    const proc = spawn(
      join(bindir, 'postgres'),
      ['-D', data, '-p', String(port), '-k', dir, '-c', `listen_addresses=${LOOPBACK}`, ...settings],
      // Its own process group, so kill() takes the backends down with the postmaster.
      { ...ids, env, detached: true, stdio: ['ignore', out, out] },
    );
    closeSync(out);
    child = proc;
    let exited = false;
    proc.once('exit', () => {
      exited = true;
      if (child === proc) child = null;
    });
    await waitUntil(async () => exited || (await canConnect(url())), `PostgreSQL on port ${port}`, {
      timeoutMs: 30_000,
      everyMs: 100,
    });
    if (exited) throw new Error(`PostgreSQL exited while starting on port ${port}:\n${tail(log)}`);
  };

  const killGroup = (signal: NodeJS.Signals): Promise<void> => {
    const proc = child;
    if (proc === null || proc.pid === undefined) return Promise.resolve();
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    try {
      process.kill(-proc.pid, signal);
    } catch {
      // Already gone.
    }
    return exited;
  };
  const onExit = (): void => {
    if (child?.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  process.once('exit', onExit);

  // The port was free a moment ago; if someone took it since, try another.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await launch();
      break;
    } catch (error) {
      await killGroup('SIGKILL');
      if (attempt === 3 || !tail(log).includes('could not bind')) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
      port = await freePort();
    }
  }

  return {
    get port() {
      return port;
    },
    get url() {
      return url();
    },
    get running() {
      return child !== null;
    },
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@${LOOPBACK}:${port}/${name}`;
    },
    async kill() {
      const group = child?.pid;
      await killGroup('SIGKILL');
      // A restart refuses while a backend of the old server still holds its shared memory.
      if (group !== undefined)
        await waitUntil(() => !liveInGroup(group), 'the killed PostgreSQL backends to exit');
    },
    async start() {
      if (child !== null) throw new Error('PostgreSQL is already running');
      await launch();
    },
    async stop() {
      // SIGINT is PostgreSQL's "fast" shutdown: sessions end, everything committed is kept.
      await killGroup('SIGINT');
      process.removeListener('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether a live (not zombie) process is left in process group `group`. */
function liveInGroup(group: number): boolean {
  const ps = spawnSync('ps', ['-eo', 'pgid=,stat='], { encoding: 'utf8' });
  return ps.stdout.split('\n').some((line) => {
    const [pgid, stat] = line.trim().split(/\s+/);
    return Number(pgid) === group && stat !== undefined && !stat.startsWith('Z');
  });
}
