import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { BlockSpool } from '../../../cli/bundleWriter';
import { parseBundle } from '../../../shared/bundle/parse';
import { serializeBundle } from '../../../shared/bundle/serialize';
import { logRecordCount } from '../../../shared/domain';
import { importTexts } from '../../../shared/import/pipeline';
import { createZipStream, ZipError } from '../../../shared/import/zip';
import { richSnapshot } from '../bundle/richSnapshot';
import { rootlineIn } from '../cli/rootline';

/*
 * Memory bounded for any input: a zip bomb is refused while it unpacks, logs that never fold
 * are capped at a number of events (folded by pattern, and said so), bundles are written as a
 * stream. Peak RSS is measured by scripts/test/stress-import.mjs, not here.
 */

const SLACK_ZIP = new URL('../../fixtures/logs/slack-export-viewer_testarchive.zip', import.meta.url)
  .pathname;
const dir = mkdtempSync(join(tmpdir(), 'rootline-memory-'));
// The CLI runs as a child process; a busy machine makes that slow, not wrong.
vi.setConfig({ testTimeout: 120_000 });

const rootline = (...args: string[]) => rootlineIn(dir, ...args);

/** A zip whose one entry unpacks to `mb` MB of one repeated log line, built without holding it. */
function bombZip(mb: number): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  const entry = new ZipDeflate('app.log', { level: 9 });
  zip.add(entry);
  const line = '2024-01-01 00:00:00 ERROR api: the same failure again\n';
  const block = strToU8(line.repeat(Math.floor(2 ** 20 / line.length)));
  for (let i = 0; i < mb; i++) entry.push(block, i === mb - 1);
  zip.end();
  const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

describe('zip archives', () => {
  it('refuses a zip bomb while unpacking it, naming the file and the reason (exit 2)', () => {
    const bytes = bombZip(100);
    expect(bytes.length).toBeLessThan(2 * 2 ** 20);
    const file = join(dir, 'bomb.zip');
    writeFileSync(file, bytes);
    const r = rootline('timeline', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bomb.zip');
    expect(r.stderr).toMatch(/unpacks to more than 200× its size .*likely zip bomb/);
  });

  it('refuses an archive past the size cap', () => {
    const bytes = bombZip(3);
    const stream = createZipStream('big.zip', () => ({ data: () => undefined, end: () => undefined }), {
      maxBytes: 2 ** 20,
      maxRatio: 1e9,
      ratioFloor: 0,
    });
    expect(() => stream.push(bytes, true)).toThrow(ZipError);
    expect(() => stream.push(new Uint8Array(0), true)).toThrow(/big\.zip: it unpacks to more than 1 MB/);
  });

  it('streams every entry of a zip of logs into the import as a file of its own', () => {
    const file = join(dir, 'logs.zip');
    writeFileSync(
      file,
      zipSync({
        'a/app.log': strToU8('2024-01-01 00:00:00 ERROR api: down\n2024-01-01 00:01:00 INFO api: up\n'),
        'b.log': strToU8('2024-01-01 00:02:00 WARN db: slow\n'),
      }),
    );
    const r = rootline('timeline', file, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { stats: { files: number; lines: number; records: number } };
    expect(doc.stats).toMatchObject({ files: 2, lines: 3, records: 3 });
  });

  it('still reads a Slack export zip as one archive', () => {
    const r = rootline('timeline', SLACK_ZIP, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { stats: { files: number; records: number } };
    expect(doc.stats.files).toBe(1);
    expect(doc.stats.records).toBeGreaterThan(0);
  });
});

/** Error lines three hours apart (past the widest fold window) with ids that mask to one template. */
function neverFolding(n: number): string {
  const start = Date.UTC(2024, 0, 1);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const at = new Date(start + i * 3 * 3_600_000).toISOString();
    lines.push(`${at} ERROR api: request ${i} failed`);
  }
  return `${lines.join('\n')}\n`;
}

describe('the event cap', () => {
  it('folds the largest groups by mined pattern once an import passes maxEvents, every record counted', () => {
    const text = `${neverFolding(500)}${neverFolding(30).replaceAll('ERROR api: request', 'ERROR db: query')}`;
    const result = importTexts([{ name: 'app.log', text }], { zone: 'UTC', foldOptions: { maxEvents: 100 } });
    expect(result.cap).toEqual({ maxEvents: 100, eventsBefore: 530, groupsFolded: 1, foldedBy: 'pattern' });
    expect(result.events.length).toBeLessThanOrEqual(100);
    expect(result.events.reduce((n, e) => n + e.count, 0)).toBe(530);
    const folded = result.events.find((e) => e.count === 500);
    expect(folded?.title).toBe('request <*> failed');
    // The smaller group keeps its events.
    expect(result.events.filter((e) => e.service === 'db')).toHaveLength(30);
  });

  it('leaves imports under the cap alone', () => {
    const result = importTexts([{ name: 'app.log', text: neverFolding(50) }], { zone: 'UTC' });
    expect(result.cap).toBeNull();
    expect(result.events).toHaveLength(50);
  });

  it('keeps the number of groups bounded when every record names a new service', () => {
    const start = Date.UTC(2024, 0, 1);
    const text = Array.from(
      { length: 300 },
      (_, i) =>
        `${new Date(start + i * 1000).toISOString()} ERROR svc${i}x: failed with ${'ab'.repeat(i % 7)}`,
    ).join('\n');
    const result = importTexts([{ name: 'app.log', text }], { zone: 'UTC', foldOptions: { maxGroups: 10 } });
    expect(result.events.reduce((n, e) => n + e.count, 0)).toBe(300);
    expect(result.events.length).toBeLessThanOrEqual(25);
  });

  it('is said in the CLI text and JSON output', () => {
    const file = join(dir, 'errors.log');
    writeFileSync(file, neverFolding(50_500));
    const text = rootline('timeline', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'Note: 50,500 events is more than the 50,000 an import keeps: the 1 largest group(s) were folded by pattern',
    );
    const json = JSON.parse(rootline('timeline', file, '--json').stdout) as {
      events: unknown[];
      stats: { eventCap: { maxEvents: number; eventsBefore: number } | null };
    };
    expect(json.events).toHaveLength(1);
    expect(json.stats.eventCap).toMatchObject({ maxEvents: 50_000, eventsBefore: 50_500 });
  });
});

describe('bundles written as a stream', () => {
  it('give the same bytes as serializeBundle', async () => {
    const snapshot = richSnapshot();
    const options = { exportedAt: Date.UTC(2025, 0, 1), appVersion: '0.1.0' };
    const spool = new BlockSpool();
    const out = join(dir, 'streamed.rootline.json');
    try {
      // Blocks arrive in import order, not bundle order.
      for (const b of [...snapshot.logBlocks].sort((a, b) => a.seq - b.seq)) spool.add(b);
      await spool.writeBundle(out, snapshot, options);
    } finally {
      spool.dispose();
    }
    expect(readFileSync(out, 'utf8')).toBe(serializeBundle(snapshot, options));
  });

  it('rootline new --logs writes a bundle that opens, with its blocks', () => {
    const out = join(dir, 'new.rootline.json');
    const log = join(dir, 'errors-small.log');
    writeFileSync(log, neverFolding(2_500));
    const r = rootline('new', '--title', 'Streamed', '--logs', log, '--out', out);
    expect(r.code).toBe(0);
    const opened = parseBundle(readFileSync(out, 'utf8'), 'new.rootline.json');
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.snapshot.logBlocks.map(logRecordCount)).toEqual([1000, 1000, 500]);
  });
});
