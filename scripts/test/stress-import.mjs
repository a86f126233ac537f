#!/usr/bin/env node
// Runs hostile-size inputs through the CLI, through the app's import worker (the worker's own
// code in a Node process, scripts/test/stress-import-worker.ts) and through the web app in Chromium,
// and reports each one's peak resident
// memory side by side (the goal: 512 MiB for any input up to 2 GiB in both). Inputs are generated on the fly (gzip, or a zip
// streamed out), never committed, so gigabytes never touch the disk. Cases:
//   - timeline on JSON lines (--size-mb, default 2048): every line read, none lost;
//   - timeline on error lines that never fold (--errors-mb, default 300): the event cap folds them;
//   - timeline on a zip bomb (--bomb-mb unpacked, default 4096): refused with exit 2;
// The CLI and the worker's harness run built (bundled), as users run them: a TypeScript loader
// would add ~60 MiB of its own to each figure.
//   - new --logs (--new-mb, default 200): the bundle is written as a stream; its size against
//     the logs' (raw records stored by column) and, for the worker, the bytes it stores.
// Each case also runs through the web app in Chromium (scripts/test/stress-import-chromium.mjs:
// the real Web Worker, IndexedDB and page) and prints the peak RSS of its renderer process (the
// page and its import worker) and of its browser process (IndexedDB's backend).
// --no-worker runs the CLI alone; --no-chromium skips the browser; --no-build reuses the last
// web build in .bench/stress-renderer.
// Not part of `npm test` (it takes minutes).
//
// Usage: node scripts/test/stress-import.mjs [--case TEXT] [--size-mb N] [--errors-mb N] [--new-mb N]
//          [--bomb-mb N] [--max-rss-mb 512] [--keep] [--no-worker] [--no-chromium] [--no-build]
// (npm run bench:stress-import -- …)
// Exit 1 when a case failed or its peak RSS exceeded --max-rss-mb.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { build } from 'esbuild';
import { chromiumImporter } from './stress-import-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { values: args } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '2048' },
    'errors-mb': { type: 'string', default: '300' },
    'new-mb': { type: 'string', default: '200' },
    'bomb-mb': { type: 'string', default: '4096' },
    'max-rss-mb': { type: 'string', default: '512' },
    case: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-worker': { type: 'boolean', default: false },
    'no-chromium': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const sizeBytes = Number(args['size-mb']) * 1024 * 1024;
const errorsBytes = Number(args['errors-mb']) * 1024 * 1024;
const newBytes = Number(args['new-mb']) * 1024 * 1024;
const bombBytes = Number(args['bomb-mb']) * 1024 * 1024;
const maxRssMb = Number(args['max-rss-mb']);

const SERVICES = ['api', 'db', 'cache', 'auth', 'queue', 'web'];
const LEVELS = ['info', 'info', 'info', 'warn', 'error', 'debug'];

/** Yields chunks of ~1 MiB of `lineAt(0)`, `lineAt(1)`, … until `total` bytes were produced. */
function* chunksOf(total, lineAt) {
  let produced = 0;
  let n = 0;
  while (produced < total) {
    const lines = [];
    let size = 0;
    while (size < 1 << 20 && produced + size < total) {
      const line = lineAt(n);
      lines.push(line);
      size += line.length;
      n++;
    }
    produced += size;
    yield lines.join('');
  }
  return n;
}

/** JSON lines, 37 ms apart, that fold well. */
function logChunks(total) {
  const start = Date.UTC(2024, 0, 1);
  return chunksOf(
    total,
    (n) =>
      `{"time":"${new Date(start + n * 37).toISOString()}","level":"${LEVELS[n % 6]}","service":"${SERVICES[n % 6]}","msg":"request ${n % 1000} finished in ${n % 997} ms","trace":"${(n * 2654435761) % 4294967296}"}\n`,
  );
}

/** Streams `chunks` (strings) into a gzip file; returns how many lines they held. */
async function writeGzip(file, chunks) {
  let lines = 0;
  const source = Readable.from(
    (function* () {
      for (const chunk of chunks) {
        lines += chunk.split('\n').length - 1;
        yield chunk;
      }
    })(),
  );
  await pipeline(source, createGzip({ level: 1 }), createWriteStream(file));
  return lines;
}

/** Error lines that never fold: three hours apart (past the widest window), each its own id. */
function errorChunks(total) {
  const start = Date.UTC(2000, 0, 1);
  return chunksOf(
    total,
    (n) =>
      `${new Date(start + n * 3 * 3_600_000).toISOString()} ERROR api: request ${n} failed for user u${(n * 7919) % 100_003} after retry\n`,
  );
}

/** A zip whose one entry unpacks to `total` bytes of one repeated line (a few MB on disk). */
async function writeZipBomb(file, total, entryName = 'app.log') {
  const { Zip, ZipDeflate, strToU8 } = await import('fflate');
  const out = createWriteStream(file);
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.write(chunk);
  });
  const entry = new ZipDeflate(entryName, { level: 9 });
  zip.add(entry);
  const line = '2024-01-01 00:00:00 ERROR api: the same failure again\n';
  const block = strToU8(line.repeat(Math.floor((1 << 20) / line.length)));
  for (let done = 0; done < total; done += block.length) entry.push(block, done + block.length >= total);
  zip.end();
  out.end();
  await new Promise((resolve) => out.on('close', resolve));
}

/** Runs the CLI entry under GNU time; returns exit code, output and peak RSS (MiB). */
function runCli(args) {
  const started = Date.now();
  // The built CLI directly (what `rootline` runs, without the bin's wrapper), so GNU time
  // measures the importing process and not a TypeScript loader.
  const res = spawnSync(
    '/usr/bin/time',
    ['-f', '%M', process.execPath, path.join(root, 'dist', 'cli', 'main.mjs'), ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 },
  );
  const errLines = res.stderr
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('Command exited with non-zero status'));
  return {
    status: res.status,
    stdout: res.stdout,
    stderr: errLines.slice(0, -1).join('\n'),
    peakMb: Number(errLines.at(-1)) / 1024,
    secs: (Date.now() - started) / 1000,
  };
}

/**
 * The worker's harness bundled into one file (as the app ships the worker), so the figure is the
 * import path's and not a TypeScript loader's: tsx alone adds ~60 MiB to the process.
 */
let harness = null;
async function workerHarness() {
  if (harness !== null) return harness;
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'rootline-stress-worker-')), 'worker.mjs');
  await build({
    entryPoints: [path.join(root, 'scripts', 'test', 'stress-import-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'warning',
  });
  harness = out;
  return out;
}

/** Runs the app's import worker on `files` under GNU time; its JSON summary and peak RSS (MiB). */
async function runWorker(files) {
  if (args['no-worker']) return null;
  const bundled = await workerHarness();
  const started = Date.now();
  const res = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bundled, ...files], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const errLines = res.stderr.trim().split('\n');
  let summary = null;
  try {
    summary = JSON.parse(res.stdout.trim().split('\n').at(-1) ?? '');
  } catch {
    summary = { error: `exit ${res.status}: ${errLines.slice(-6, -1).join(' ')}` };
  }
  return { summary, peakMb: Number(errLines.at(-1)) / 1024, secs: (Date.now() - started) / 1000 };
}

/** What the worker did, in a few words. */
function workerNote(w) {
  const s = w.summary;
  if (s.error) return `failed: ${s.error}`;
  const reason = s.errors.length > 0 ? `; ${s.errors[0]}` : '';
  return `${s.records.toLocaleString('en')} records, ${s.events.toLocaleString('en')} events, ${s.blocks} blocks, ${mib(s.storedBytes)} stored${reason}`;
}

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The web app in Chromium, started once for every case (null with --no-chromium). */
let browserApp = null;

/** Imports `files` through the web app in Chromium; null with --no-chromium. */
async function runChromium(files) {
  if (args['no-chromium']) return null;
  browserApp ??= await chromiumImporter(root, { build: !args['no-build'] });
  try {
    return await browserApp.run(files);
  } catch (e) {
    return { error: e instanceof Error ? e.message.split('\n')[0] : String(e), peaks: {}, secs: 0 };
  }
}

/** The peak of the process that holds the page and its import worker. */
const rendererPeak = (c) => c.peaks.renderer ?? NaN;

/** What the app in Chromium did, in a few words. */
function chromiumNote(c) {
  if (c.error) return `failed: ${c.error}`;
  const reason = c.errors.length > 0 ? `; ${c.errors[0]}` : '';
  const others = Object.entries(c.peaks)
    .filter(([type]) => type !== 'renderer')
    .map(([type, mb]) => `${type} ${mb.toFixed(0)} MiB`)
    .join(', ');
  return `${c.records.toLocaleString('en')} records, ${c.events.toLocaleString('en')} events, ${mib(c.storedBytes)} in IndexedDB, summary after ${c.toSummary.toFixed(1)} s${reason}; other processes: ${others}`;
}

/** The cases; each returns { ok, note } and its peak RSS is checked against --max-rss-mb. */
const CASES = {
  async 'timeline: JSON lines (gzip)'(dir) {
    const file = path.join(dir, 'huge.jsonl.gz');
    const lines = await writeGzip(file, logChunks(sizeBytes));
    const r = runCli(['timeline', file, '--json']);
    const w = await runWorker([file]);
    const c = await runChromium([file]);
    if (r.status !== 0) return { r, w, c, ok: false, note: `exit ${r.status}: ${r.stderr}` };
    const doc = JSON.parse(r.stdout);
    const ok =
      doc.stats.lines === lines &&
      doc.stats.records === lines &&
      (w === null || w.summary.records === lines) &&
      (c === null || c.records === lines);
    return {
      r,
      w,
      c,
      ok,
      note: `${mib(sizeBytes)} in, ${lines.toLocaleString('en')} lines, ${doc.events.length} events${ok ? '' : ` — LOST LINES (read ${doc.stats.lines})`}`,
    };
  },
  async 'timeline: error lines that never fold (gzip)'(dir) {
    const file = path.join(dir, 'errors.log.gz');
    const lines = await writeGzip(file, errorChunks(errorsBytes));
    const r = runCli(['timeline', file, '--json']);
    const w = await runWorker([file]);
    const c = await runChromium([file]);
    if (r.status !== 0) return { r, w, c, ok: false, note: `exit ${r.status}: ${r.stderr}` };
    const doc = JSON.parse(r.stdout);
    const counted = doc.events.reduce((n, e) => n + e.count, 0);
    const ok =
      doc.stats.records === lines &&
      counted === lines &&
      doc.stats.eventCap !== null &&
      (w === null || w.summary.records === lines) &&
      (c === null || c.records === lines);
    return {
      r,
      w,
      c,
      ok,
      note: `${mib(errorsBytes)} in, ${lines.toLocaleString('en')} lines → ${doc.events.length.toLocaleString('en')} events (${doc.stats.eventCap?.message ?? 'no cap'})`,
    };
  },
  async 'timeline: zip bomb'(dir) {
    const file = path.join(dir, 'bomb.zip');
    await writeZipBomb(file, bombBytes);
    const size = statSync(file).size;
    const r = runCli(['timeline', file, '--json']);
    // The app reads a zip as a Slack export: a bomb there is a .json day file.
    const appFile = path.join(dir, 'bomb-export.zip');
    await writeZipBomb(appFile, bombBytes, 'general/2024-01-01.json');
    const w = await runWorker([appFile]);
    const c = await runChromium([appFile]);
    const refusedByWorker = w === null || (w.summary.records === 0 && w.summary.errors?.length > 0);
    const refusedInChromium = c === null || (c.records === 0 && /zip bomb/.test(c.errors?.join(' ') ?? ''));
    const ok = r.status === 2 && /zip bomb/.test(r.stderr) && refusedByWorker && refusedInChromium;
    return {
      r,
      w,
      c,
      ok,
      note: `${mib(size)} zip unpacking to ${mib(bombBytes)}: exit ${r.status}: ${r.stderr.trim()}`,
    };
  },
  async 'new --logs: bundle written as a stream'(dir) {
    const file = path.join(dir, 'app.jsonl.gz');
    const lines = await writeGzip(file, logChunks(newBytes));
    const out = path.join(dir, 'out.rootline.json');
    const r = runCli(['new', '--title', 'Stress', '--logs', file, '--out', out]);
    const w = await runWorker([file]);
    const c = await runChromium([file]);
    if (r.status !== 0) return { r, w, c, ok: false, note: `exit ${r.status}: ${r.stderr}` };
    const size = statSync(out).size;
    const stored = w?.summary.storedBytes;
    return {
      r,
      w,
      c,
      ok: (w === null || w.summary.records === lines) && (c === null || c.records === lines),
      note:
        `${mib(newBytes)} in, ${lines.toLocaleString('en')} lines → bundle of ${mib(size)} (${(size / newBytes).toFixed(2)}× the logs)` +
        `${stored === undefined ? '' : `; the app stores ${mib(stored)} of blocks (${(stored / newBytes).toFixed(2)}×)`}; ${r.stdout.trim()}`,
    };
  },
};

async function main() {
  // The CLI as `rootline` runs it: built first (scripts/build/cli.mjs), as `npm install` does.
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build', 'cli.mjs')], {
    stdio: 'inherit',
  });
  if (built.status !== 0) return 1;
  const only = args.case ?? null;
  const dir = mkdtempSync(path.join(tmpdir(), 'rootline-stress-'));
  let failed = 0;
  try {
    for (const [name, run] of Object.entries(CASES)) {
      if (only !== null && !name.includes(only)) continue;
      console.log(`${name} …`);
      const { r, w, c, ok, note } = await run(dir);
      const over =
        !(r.peakMb <= maxRssMb) ||
        (w !== null && !(w.peakMb <= maxRssMb)) ||
        (c != null && !(rendererPeak(c) <= maxRssMb));
      const peaks =
        `peak RSS CLI ${r.peakMb.toFixed(0)} MiB (${r.secs.toFixed(1)} s)` +
        (w === null ? '' : ` | worker in Node ${w.peakMb.toFixed(0)} MiB (${w.secs.toFixed(1)} s)`) +
        (c == null
          ? ''
          : ` | Chromium renderer (page + worker) ${rendererPeak(c).toFixed(0)} MiB (${c.idleMb.toFixed(0)} before the import), browser ${(c.peaks.browser ?? NaN).toFixed(0)} MiB (${c.secs.toFixed(1)} s)`);
      console.log(`  ${ok && !over ? 'ok  ' : 'FAIL'} ${peaks}, limit ${maxRssMb} — ${note}`);
      if (w !== null) console.log(`       worker in Node: ${workerNote(w)}`);
      if (c != null) console.log(`       Chromium: ${chromiumNote(c)}`);
      if (!ok || over) failed++;
      for (const f of readdirSync(dir)) rmSync(path.join(dir, f), { force: true });
    }
    return failed === 0 ? 0 : 1;
  } finally {
    await browserApp?.close();
    if (args.keep) console.log(`Kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
