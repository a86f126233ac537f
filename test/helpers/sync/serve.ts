// `rootline serve` as a separate process, the way a team runs it: integration tests and
// bench:sync start it on a random loopback port, crash it (SIGKILL), stop it gracefully
// (SIGTERM), read its peak memory, and mint tokens with `rootline serve invite`.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { LOOPBACK, freePort, waitUntil } from '../services/ports';

/** The command a user runs (rebuilds dist/cli first when a source changed). */
export const ROOTLINE_BIN = new URL('../../../cli/bin/rootline.mjs', import.meta.url).pathname;

export interface ServeOptions {
  /** `--data`: the secret key (and the SQLite database unless `postgres` is given). */
  dataDir: string;
  postgres?: string;
  redis?: string;
  /** A fixed port (to restart on the same one); a free one otherwise. */
  port?: number;
  /** More arguments, e.g. limits. */
  args?: readonly string[];
}

export interface ServeProcess {
  readonly port: number;
  /** `ws://127.0.0.1:<port>` */
  readonly url: string;
  readonly pid: number;
  /** False once the process exited (stopped, killed or crashed). */
  readonly running: boolean;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Peak resident memory so far in bytes (Linux VmHWM), or null where /proc has none. */
  peakRssBytes(): number | null;
  /** Crash: SIGKILL, nothing flushed; resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful shutdown); resolves with the exit code, or null when it had to be killed. */
  stop(timeoutMs?: number): Promise<number | null>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function accepts(port: number): Promise<boolean> {
  // An HTTP GET: Hocuspocus answers plain HTTP once it is listening.
  try {
    const response = await fetch(`http://${LOOPBACK}:${port}/`, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

/** Starts `rootline serve` and resolves once it answers on its port. */
export async function spawnServe(options: ServeOptions): Promise<ServeProcess> {
  const port = options.port ?? (await freePort());
  const args = [ROOTLINE_BIN, 'serve', '--port', String(port), '--data', options.dataDir];
  if (options.postgres !== undefined) args.push('--postgres', options.postgres);
  if (options.redis !== undefined) args.push('--redis', options.redis);
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      running.delete(child);
      resolve(code);
    }),
  );
  try {
    await waitUntil(
      async () => exitCode !== undefined || (await accepts(port)),
      `rootline serve on port ${port}`,
      {
        timeoutMs: 60_000,
        everyMs: 100,
      },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : String(error)}; it printed:\n${text}`);
  }
  if (exitCode !== undefined) throw new Error(`rootline serve exited (${exitCode}) while starting:\n${text}`);
  const pid = child.pid;
  if (pid === undefined) throw new Error('rootline serve has no pid');

  return {
    port,
    url: `ws://${LOOPBACK}:${port}`,
    pid,
    get running() {
      return exitCode === undefined;
    },
    output: () => text,
    peakRssBytes() {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return match?.[1] === undefined ? null : Number(match[1]) * 1024;
      } catch {
        return null;
      }
    },
    async kill() {
      if (exitCode === undefined) child.kill('SIGKILL');
      await exited;
    },
    async stop(timeoutMs = 15_000) {
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export interface InviteOptions {
  dataDir: string;
  /** One incident id, or every incident. */
  incident: string | '*';
  role: 'author' | 'reviewer';
  name: string;
  days?: number;
}

/** Mints a token with `rootline serve invite` and returns it (the JWT it printed). */
export async function inviteToken(options: InviteOptions): Promise<string> {
  const args = [ROOTLINE_BIN, 'serve', 'invite', '--data', options.dataDir, '--role', options.role];
  args.push(...(options.incident === '*' ? ['--all'] : ['--incident', options.incident]));
  args.push('--name', options.name);
  if (options.days !== undefined) args.push('--days', String(options.days));
  const { stdout } = await promisify(execFile)(process.execPath, args, { encoding: 'utf8' });
  const token = /eyJ[\w-]+\.[\w-]+\.[\w-]+/.exec(stdout)?.[0];
  if (token === undefined) throw new Error(`rootline serve invite printed no token:\n${stdout}`);
  return token;
}
