// "Deterministic" means equal across two processes, not two calls: a Map filled in a different
// order, a random id, the clock, or the machine's time zone or locale leaking into an export
// gives the same answer twice in one process and a different one on the next machine.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { artifacts } from './artifacts';

const SCRIPT = fileURLToPath(new URL('./artifacts.ts', import.meta.url));

/** Builds the artifacts in a new Node process with its own zone and locale. */
function inAnotherProcess(env: Record<string, string>): Record<string, string> {
  const res = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`artifacts script failed: ${res.stderr}`);
  return JSON.parse(res.stdout) as Record<string, string>;
}

describe('exports are deterministic across processes', () => {
  it('builds byte-identical exports and bundles in another process, zone and locale', () => {
    const here = artifacts();
    // A zone far from UTC with a 45-minute offset, and a locale that writes numbers differently.
    const there = inAnotherProcess({ TZ: 'Pacific/Chatham', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    expect(Object.keys(there).sort()).toEqual(Object.keys(here).sort());
    expect(Object.keys(here)).toHaveLength(10);
    for (const [name, text] of Object.entries(here)) expect(there[name], name).toBe(text);
  }, 120_000);
});
