// The CLI as a user runs it: this checkout's `rootline` bin in its own process, from a folder
// other than the checkout (the bin must resolve everything relative to itself).
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';

/** The `rootline` bin of this checkout. */
export const BIN = new URL('../../../cli/bin/rootline.mjs', import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `rootline …args` to its end in `cwd`: its exit status and what it printed. */
export function rootlineIn(cwd: string, ...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `rootline …args` to its end from the system's temp folder. */
export function rootline(...args: string[]): CliRun {
  return rootlineIn(tmpdir(), ...args);
}
