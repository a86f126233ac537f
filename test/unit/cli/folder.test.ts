import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rootline } from './rootline';

const LINE = '{"time":"2024-05-01T10:00:00Z","level":"error","msg":"payment API 500s","service":"api"}\n';

// Files inside a folder are read as they would be on their own: .gz unzipped, binary refused.
describe('rootline timeline on a folder', () => {
  it('reads a .gz inside a folder as its text, not as UTF-8 bytes', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rootline-folder-')), 'logs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.log'), LINE);
    writeFileSync(join(dir, 'b.log.gz'), gzipSync(LINE));
    const r = rootline('timeline', dir, '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      events: { sources: { file: string }[] }[];
      stats: { files: number; records: number; errors: unknown[] };
    };
    expect(doc.stats).toMatchObject({ files: 2, records: 2, errors: [] });
    expect(doc.events.flatMap((e) => e.sources.map((s) => s.file)).sort()).toEqual([
      'logs/a.log',
      'logs/b.log.gz',
    ]);
  });

  it('refuses a binary file inside a folder with one message naming it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rootline-folder-')), 'logs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.log'), LINE);
    writeFileSync(join(dir, 'core.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0]));
    const r = rootline('timeline', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('core.bin');
    expect(r.stderr.split('\n').filter((l) => l.trim() !== '').length).toBe(1);
  });
});
