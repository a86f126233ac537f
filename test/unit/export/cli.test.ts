import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../../cli/commands/export';
import { newCommand } from '../../../cli/commands/new';
import { templatesCommand } from '../../../cli/commands/templates';
import type { Command } from '../../../cli/commands/registry';
import { parseBundle } from '../../../shared/bundle';
import { TEMPLATES_DIR } from './helpers';
import { CHROMIUM_ENV } from '../../../scripts/test/chromium.mjs';

async function run(command: Command, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await command.run(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'rootline-cli-'));

describe('rootline templates / new / export', () => {
  it('lists the template ids', async () => {
    const { code, out } = await run(templatesCommand, []);
    expect(code).toBe(0);
    expect(out.split('\n').map((l) => l.split(' ')[0])).toEqual([
      'azure-rca-2014',
      'azure-pir',
      'google-sre',
      'aws-coe',
      'atlassian',
      '',
    ]);
  });

  it('checks a template file and names line and reason', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{\n  "format": "rootline-template",\n  "version": 2\n}');
    const { code, err } = await run(templatesCommand, ['--check', file]);
    expect(code).toBe(1);
    expect(err).toContain(`${file}: line 3: version: expected "version": 1`);
  });

  it('creates a bundle from logs and exports it as Markdown to stdout and as customer HTML to a file', async () => {
    const bundle = join(dir, 'outage.rootline.json');
    const log = `${TEMPLATES_DIR}sample/azure-2014-orchestrator.jsonl`;
    const made = await run(newCommand, [
      '--title',
      'Storage | <outage>',
      '--template',
      'atlassian',
      '--tz',
      'America/Los_Angeles',
      '--logs',
      log,
      '--out',
      bundle,
    ]);
    expect(made.code).toBe(0);
    const parsed = parseBundle(readFileSync(bundle, 'utf8'), 'outage.rootline.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.snapshot.incident.templateId).toBe('atlassian');
    expect(parsed.snapshot.events.length).toBeGreaterThan(20);
    expect(parsed.snapshot.incident.keyTimes.impactStartAt).not.toBeNull();
    expect(parsed.snapshot.logBlocks.length).toBeGreaterThan(0);

    const md = await run(exportCommand, [bundle, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.out.startsWith('# Storage \\| \\<outage\\>\n')).toBe(true);
    expect(md.out).toContain('## Five whys');
    expect(md.out).toContain('| Time (PST) | Kind | Event |');

    const html = join(dir, 'out.html');
    const h = await run(exportCommand, [bundle, '--format', 'html', '--audience', 'customer', '--out', html]);
    expect(h.code).toBe(0);
    expect(h.out).toBe('');
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('Storage | &lt;outage&gt;');
    expect(text).not.toContain('Lessons learned');
  });

  it('rejects bad usage with a clear message', async () => {
    await expect(run(exportCommand, ['x.rootline.json'])).rejects.toThrow('--format is required');
    await expect(run(exportCommand, ['x.rootline.json', '--format', 'docx'])).rejects.toThrow(
      'unknown format "docx"',
    );
    await expect(run(newCommand, ['--out', 'x.rootline.json'])).rejects.toThrow('--title is required');
    await expect(
      run(newCommand, ['--title', 'x', '--template', 'nope', '--out', join(dir, 'n.rootline.json')]),
    ).rejects.toThrow(/unknown template "nope" \(known: azure-rca-2014, /);
  });

  it('says clearly when no Chromium is installed for PDF', async () => {
    const bundle = join(dir, 'plain.rootline.json');
    await run(newCommand, ['--title', 'Plain', '--out', bundle]);
    const before = process.env[CHROMIUM_ENV];
    process.env[CHROMIUM_ENV] = join(dir, 'no-such-browser');
    try {
      const r = await run(exportCommand, [bundle, '--format', 'pdf']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/PDF export needs Chromium or Google Chrome, and none was found/);
    } finally {
      if (before === undefined) delete process.env[CHROMIUM_ENV];
      else process.env[CHROMIUM_ENV] = before;
    }
  });
});
