// `rootline … | head`: the reader closes the pipe before the output is written; the command
// must end quietly (no EPIPE stack), as other tools do.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from './rootline';

const LOG = new URL('../../fixtures/logs/lnav_shop_access_log.combined.log', import.meta.url).pathname;

/** Runs the CLI with its output pipe closed before it writes (as `| head -c 0` would). */
function runClosingEarly(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.destroy();
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('output into a pipe closed early', () => {
  it('ends the command quietly with status 0', async () => {
    const r = await runClosingEarly(['patterns', '--json', '--with-lines', LOG]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
