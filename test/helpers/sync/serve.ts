// `rootline serve` as a separate process, the way a team runs it, for the deployment tests and
// bench:sync: started on a given port (to come back on the same one after a crash), crashed
// (SIGKILL), stopped gracefully (SIGTERM), its peak memory read; tokens from `serve invite`.
// Built on process.ts (which starts the command and reads where it listens).
import { readFileSync } from 'node:fs';
import { freePort } from '../services/ports';
import { rootline, startServeProcess } from './process';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream build). */
const CLOCK_TICKS = 100;

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

export interface ServeInstance {
  readonly port: number;
  /** `ws://127.0.0.1:<port>` */
  readonly url: string;
  /** False once the process exited (stopped, killed or crashed). */
  readonly running: boolean;
  /** Everything it printed so far (stdout, then stderr). */
  output(): string;
  /** Peak resident memory so far in bytes (Linux VmHWM), or null where /proc has none. */
  peakRssBytes(): number | null;
  /** CPU time used so far (user + system), in seconds, or null where /proc has none. */
  cpuSeconds(): number | null;
  /** Crash: SIGKILL, nothing flushed; resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful stop); resolves with the exit code, or null when it had to be killed. */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** Starts `rootline serve` and resolves once it listens. */
export async function spawnServe(options: ServeOptions): Promise<ServeInstance> {
  const port = options.port ?? (await freePort());
  // process.ts passes --port 0 first; a later --port wins.
  const args = ['--port', String(port), '--data', options.dataDir];
  if (options.postgres !== undefined) args.push('--postgres', options.postgres);
  if (options.redis !== undefined) args.push('--redis', options.redis);
  args.push(...(options.args ?? []));
  const serve = await startServeProcess(args, 60_000);
  const { child } = serve;
  let exit: number | string | undefined;
  void serve.exited.then((code) => (exit = code));
  const pid = child.pid;

  return {
    port,
    url: serve.url,
    get running() {
      return exit === undefined;
    },
    output: () => `${serve.stdout()}${serve.stderr()}`,
    peakRssBytes() {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return match?.[1] === undefined ? null : Number(match[1]) * 1024;
      } catch {
        return null;
      }
    },
    cpuSeconds() {
      try {
        // Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      } catch {
        return null;
      }
    },
    async kill() {
      if (exit === undefined) child.kill('SIGKILL');
      await serve.exited;
    },
    async stop(timeoutMs = 15_000) {
      if (exit === undefined) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await serve.exited;
      clearTimeout(timer);
      return typeof code === 'number' ? code : null;
    },
  };
}

export interface InviteOptions {
  dataDir: string;
  /** One incident id, or every incident. */
  incident: string | '*';
  role: 'author' | 'reviewer';
  name: string;
}

/** Mints a token with `rootline serve invite --json` and returns it. */
export function inviteToken(options: InviteOptions): string {
  const which = options.incident === '*' ? ['--all'] : ['--incident', options.incident];
  const result = rootline(
    'serve',
    'invite',
    '--data',
    options.dataDir,
    '--role',
    options.role,
    ...which,
    '--name',
    options.name,
    '--json',
  );
  if (result.code !== 0) throw new Error(`rootline serve invite failed (${result.code}): ${result.stderr}`);
  const { token } = JSON.parse(result.stdout) as { token: unknown };
  if (typeof token !== 'string') throw new Error(`rootline serve invite printed no token: ${result.stdout}`);
  return token;
}
