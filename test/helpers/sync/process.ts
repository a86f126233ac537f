import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';

const BIN = new URL('../../../cli/bin/rootline.mjs', import.meta.url).pathname;

/** Runs `rootline …` to completion. */
export function rootline(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: tmpdir() });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A `rootline serve` process and what it has printed so far. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Starts `rootline serve --port 0 <args>` and resolves once it prints where it listens. */
export function startServeProcess(args: string[], timeoutMs = 30_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: tmpdir() });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`rootline serve did not start within ${timeoutMs} ms: ${err}`));
    }, timeoutMs);
    const onData = () => {
      const url = /listening on (ws:\/\/\S+)/.exec(out)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({ child, url, stdout: () => out, stderr: () => err, exited });
    };
    child.stdout.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`rootline serve exited (${code}) before listening: ${err}`));
    });
  });
}
