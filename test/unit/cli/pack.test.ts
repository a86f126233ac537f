// The CLI as a user gets it: `npm pack`, installed with --omit=dev into an empty folder, then run.
// Proves the runtime dependencies are honest (nothing the CLI loads is only a devDependency) and
// that the built files, templates and bin are in the package.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const FIXTURE = new URL('../../fixtures/scenarios/azure-2014-orchestrator.jsonl', import.meta.url).pathname;

describe('the packed CLI (npm pack, npm install --omit=dev)', () => {
  it('runs help, timeline, new and export from a clean install', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rootline-pack-'));
    const npm = (args: string[], cwd: string): string =>
      execFileSync('npm', args, {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
      });
    npm(['pack', '--silent', '--pack-destination', dir], ROOT);
    const tarball = readdirSync(dir).find((n) => n.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{"name":"pack-check","private":true}\n');
    npm(['install', '--omit=dev', '--no-package-lock', join(dir, tarball!)], app);

    // No source and no TypeScript runner in the installed package: the built file runs.
    const installed = join(app, 'node_modules', 'rootline');
    expect(readdirSync(installed)).toEqual(
      expect.arrayContaining(['cli', 'dist', 'package.json', 'templates']),
    );
    expect(readdirSync(installed)).not.toContain('shared');
    expect(readdirSync(join(installed, 'cli'))).toEqual(['bin']);
    expect(readdirSync(join(app, 'node_modules'))).not.toContain('tsx');

    const bin = join(app, 'node_modules', '.bin', 'rootline');
    const run = (...args: string[]) => spawnSync(bin, args, { cwd: dir, encoding: 'utf8' });
    const help = run('--help');
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('timeline');

    const timeline = run('timeline', FIXTURE, '--json');
    expect(timeline.status, timeline.stderr).toBe(0);
    expect((JSON.parse(timeline.stdout) as { events: unknown[] }).events.length).toBeGreaterThan(0);

    // The import worker is in the package: a file over the split size read by two workers.
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, readFileSync(FIXTURE, 'utf8').repeat(Math.ceil(200_000 / statSync(FIXTURE).size)));
    const single = run('timeline', big, '--json', '--jobs', '1');
    const pooled = run('timeline', big, '--json', '--jobs', '2');
    expect(pooled.status, pooled.stderr).toBe(0);
    expect(pooled.stdout).toBe(single.stdout);

    const bundle = join(dir, 'check.rootline.json');
    const created = run('new', '--title', 'Pack check', '--logs', FIXTURE, '--out', bundle);
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(readFileSync(bundle, 'utf8'))).toHaveProperty('incident');

    const md = run('export', bundle, '--format', 'md');
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# Pack check/m);
  }, 240_000);
});
