#!/usr/bin/env node
// Streams a huge log (2 GiB of JSON lines by default) through `rootline timeline` and reports the
// peak resident memory. The log is generated on the fly into a gzip file (a few MB on disk), so
// the CLI's whole streaming path — read, gunzip, decode, split, parse, fold — sees every byte
// without 2 GiB ever touching the disk. Not part of `npm test` (it takes minutes).
//
// Usage: node scripts/stress-import.mjs [--size-mb 2048] [--max-rss-mb 1024] [--keep]
// Exit 1 when the import failed, lost lines, or its peak RSS exceeded --max-rss-mb.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}
const sizeBytes = option('--size-mb', 2048) * 1024 * 1024;
const maxRssMb = option('--max-rss-mb', 1024);

const SERVICES = ['api', 'db', 'cache', 'auth', 'queue', 'web'];
const LEVELS = ['info', 'info', 'info', 'warn', 'error', 'debug'];

/** Yields JSON-lines chunks of ~1 MiB until `total` bytes were produced. */
function* logChunks(total) {
  const start = Date.UTC(2024, 0, 1);
  let produced = 0;
  let n = 0;
  while (produced < total) {
    const lines = [];
    let size = 0;
    while (size < 1 << 20 && produced + size < total) {
      const at = new Date(start + n * 37).toISOString();
      const line = `{"time":"${at}","level":"${LEVELS[n % 6]}","service":"${SERVICES[n % 6]}","msg":"request ${n % 1000} finished in ${n % 997} ms","trace":"${(n * 2654435761) % 4294967296}"}\n`;
      lines.push(line);
      size += line.length;
      n++;
    }
    produced += size;
    yield lines.join('');
  }
  return n;
}

async function generate(file) {
  let lines = 0;
  const source = Readable.from(
    (function* () {
      for (const chunk of logChunks(sizeBytes)) {
        lines += chunk.split('\n').length - 1;
        yield chunk;
      }
    })(),
  );
  await pipeline(source, createGzip({ level: 1 }), createWriteStream(file));
  return lines;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'rootline-stress-'));
  const file = path.join(dir, 'huge.jsonl.gz');
  try {
    console.log(`Generating ${(sizeBytes / 2 ** 20).toFixed(0)} MiB of JSON lines (gzip) …`);
    const lines = await generate(file);
    console.log(
      `  ${lines.toLocaleString('en')} lines, ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB on disk`,
    );

    const require = createRequire(import.meta.url);
    const tsx = require.resolve('tsx');
    const started = Date.now();
    // Run the CLI entry directly (not the bin's wrapper) so GNU time measures the importing process.
    const res = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        '%M',
        process.execPath,
        '--import',
        tsx,
        path.join(root, 'cli', 'main.ts'),
        'timeline',
        file,
        '--json',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 },
    );
    const secs = (Date.now() - started) / 1000;
    const peakKb = Number(res.stderr.trim().split('\n').at(-1));
    if (res.status !== 0) {
      console.error(`The CLI failed (exit ${res.status}):\n${res.stderr}`);
      return 1;
    }
    const doc = JSON.parse(res.stdout);
    const peakMb = peakKb / 1024;
    console.log(
      `Imported ${doc.stats.lines.toLocaleString('en')} lines → ${doc.stats.records.toLocaleString('en')} records, ` +
        `${doc.events.length} events in ${secs.toFixed(1)} s (${(sizeBytes / 2 ** 20 / secs).toFixed(0)} MiB/s); ` +
        `peak RSS ${peakMb.toFixed(0)} MiB (limit ${maxRssMb} MiB)`,
    );
    let ok = true;
    if (doc.stats.lines !== lines || doc.stats.records !== lines) {
      console.error(`Lost lines: generated ${lines}, read ${doc.stats.lines}, records ${doc.stats.records}`);
      ok = false;
    }
    if (!(peakMb <= maxRssMb)) {
      console.error(`Peak RSS ${peakMb.toFixed(0)} MiB is over the ${maxRssMb} MiB limit`);
      ok = false;
    }
    return ok ? 0 : 1;
  } finally {
    if (process.argv.includes('--keep')) console.log(`Kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
