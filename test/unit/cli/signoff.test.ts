// The CLI exports what the app exports: a bundle's sign-offs appear in the internal document.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeBundle } from '../../../shared/bundle';
import { richSnapshot } from '../bundle/richSnapshot';
import { BIN } from './rootline';

describe('rootline export of a signed-off incident', () => {
  it('says "Approved by … on …" and the override in the internal Markdown, nothing for customers', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rootline-signoff-')), 'signed.rootline.json');
    writeFileSync(file, serializeBundle(richSnapshot('A'), { exportedAt: 0, appVersion: 'test' }));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, 'export', file, '--format', 'md', ...args], { encoding: 'utf8' });
    const internal = run();
    expect(internal.status).toBe(0);
    expect(internal.stdout).toContain('| Sign-off | Approved by Grace Hopper on 2025-11-18 17:10:00 PST |');
    expect(internal.stdout).toContain('| Sign-off | Not signed off yet by Edsger Dijkstra |');
    expect(internal.stdout).toContain(
      '| Sign-off override | Published without full sign-off by Ada Lovelace',
    );
    const customer = run('--audience', 'customer');
    expect(customer.status).toBe(0);
    expect(customer.stdout).not.toContain('Sign-off');
  });
});
