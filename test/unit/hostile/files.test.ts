import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sniffEncoding } from '../../../shared/import/encoding';
import { importTexts } from '../../../shared/import/pipeline';
import { createFileDecoder } from '../../../renderer/workers/decode';
import { rootline } from '../cli/rootline';

const LOG = [
  '2024-01-01 00:00:00 INFO api: deploy started',
  '2024-01-01 00:01:00 ERROR api: 500s rising',
  '2024-01-01 00:05:00 INFO api: rollback done',
].join('\n');

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff], (o += 2) - 2);
  for (let i = 0; i < text.length; i++, o += 2) {
    const c = text.charCodeAt(i);
    out[order === 'le' ? o : o + 1] = c & 0xff;
    out[order === 'le' ? o + 1 : o] = c >> 8;
  }
  return out;
}

const VARIANTS: [string, Uint8Array][] = [
  ['utf-8', new TextEncoder().encode(LOG)],
  ['utf-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(LOG)])],
  ['CRLF', new TextEncoder().encode(LOG.replaceAll('\n', '\r\n'))],
  ['utf-16le BOM', utf16(LOG, 'le', true)],
  ['utf-16le no BOM', utf16(LOG, 'le', false)],
  ['utf-16be BOM', utf16(LOG, 'be', true)],
  ['utf-16be no BOM', utf16(LOG, 'be', false)],
];
const BINARY = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 7, 0, 0,
]);

function appDecode(name: string, bytes: Uint8Array, chunk = 7): string | { problem: string } {
  const d = createFileDecoder(name);
  let text = '';
  for (let i = 0; i < bytes.length; i += chunk) {
    const part = d.push(bytes.subarray(i, i + chunk));
    if (typeof part !== 'string') return part;
    text += part;
  }
  return text + d.end();
}

describe('awkward encodings and line endings', () => {
  it('sniffs UTF-16 with and without a BOM, and refuses binary', () => {
    expect(sniffEncoding(utf16(LOG, 'le', false))).toBe('utf-16le');
    expect(sniffEncoding(utf16(LOG, 'be', false))).toBe('utf-16be');
    expect(sniffEncoding(BINARY)).toBe('binary');
    expect(sniffEncoding(new TextEncoder().encode(LOG))).toBe('utf-8');
  });

  for (const [label, bytes] of VARIANTS) {
    it(`app decode path: ${label} imports the same three events`, () => {
      const text = appDecode('x.log', bytes);
      expect(typeof text).toBe('string');
      const r = importTexts([{ name: 'x.log', text: text as string }], { zone: 'UTC', format: 'text' });
      expect(r.stats.records).toBe(3);
      expect(r.stats.errorCount).toBe(0);
      expect(r.events.every((e) => !e.title.includes('\r') && !e.title.includes('\ufeff'))).toBe(true);
    });
  }

  it('CLI: every variant gives the same timeline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rootline-hostile-'));
    const outputs = VARIANTS.map(([label, bytes]) => {
      const file = join(dir, `${label.replaceAll(' ', '_')}.log`);
      writeFileSync(file, bytes);
      const r = rootline('timeline', file, '--json', '--format', 'text');
      expect(r.code, `${label}: ${r.stderr}`).toBe(0);
      const doc = JSON.parse(r.stdout) as {
        events: { title: string; at: string }[];
        stats: { records: number };
      };
      expect(doc.stats.records, label).toBe(3);
      return doc.events.map((e) => `${e.at} ${e.title}`);
    });
    for (const o of outputs) expect(o).toEqual(outputs[0]);
  });

  it('binary files: a clear message naming the file, in the app and the CLI', () => {
    // The worker decides on the first chunk it gets (the reader hands over large chunks).
    const problem = appDecode('image.png', BINARY, 65536);
    expect(problem).toEqual({ problem: expect.stringMatching(/^image\.png: .*binary file/) as unknown });
    const dir = mkdtempSync(join(tmpdir(), 'rootline-hostile-'));
    const file = join(dir, 'image.png');
    writeFileSync(file, BINARY);
    const r = rootline('timeline', file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/image\.png.*binary file/);
  });

  it('a single 50 MB line is one clear error, not a crash, in the app path and the CLI', () => {
    const big = `2024-01-01 00:00:00 INFO ${'x'.repeat(50 * 1024 * 1024)}\n2024-01-01 00:00:01 INFO after`;
    const r = importTexts([{ name: 'big.log', text: big }], { zone: 'UTC', format: 'text' });
    expect(r.stats.lines).toBe(2);
    expect(r.stats.records).toBe(1);
    expect(r.stats.errors[0]).toMatchObject({
      file: 'big.log',
      line: 1,
      reason: expect.stringMatching(/line too long/) as unknown,
    });
    const dir = mkdtempSync(join(tmpdir(), 'rootline-hostile-'));
    const file = join(dir, 'big.log');
    writeFileSync(file, big);
    const cli = rootline('timeline', file, '--json', '--format', 'text');
    expect(cli.code).toBe(0);
    const doc = JSON.parse(cli.stdout) as { stats: { records: number; errors: { reason: string }[] } };
    expect(doc.stats.records).toBe(1);
    expect(doc.stats.errors[0]?.reason).toMatch(/line too long/);
  }, 60_000);

  it('a truncated gzip fails the stream the app reads (runImport turns it into a message)', async () => {
    const gz = gzipSync(
      Buffer.from(
        readFileSync(new URL('../../fixtures/scenarios/azure-2014-orchestrator.jsonl', import.meta.url)),
      ),
    );
    const cut = new Uint8Array(gz.subarray(0, gz.length >> 1));
    const stream = new Blob([cut]).stream().pipeThrough(new DecompressionStream('gzip'));
    await expect(new Response(stream).arrayBuffer()).rejects.toThrow();
  });
});
