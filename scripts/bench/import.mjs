#!/usr/bin/env node
// Import benchmark: a bare stream + split + JSON.parse loop versus the full import pipeline
// (parse, normalise, classify, fold, phases, findings) on the same 1,000,000-line orchestrator
// log. Each mode runs in its own child process so peak RSS is measured per mode.
// With --e2e: what a user runs instead, the built CLI as a whole process (`rootline timeline
// --json`, start-up included) with --jobs 1, 2 and 4 and the default pool, beside the bare parse
// in the same run; prints each ratio to the bare parse and each peak RSS (goals: ≤ 1.0× with the
// default pool, ≤ 1.3× with --jobs 1, ≤ 512 MB). With --gzip GB as well: the same command on
// about GB gigabytes of that log gzip-compressed (the file's compressed form repeated as gzip
// members), read as one stream, and its peak RSS (goal: ≤ 512 MB too).
//   node scripts/bench/import.mjs [--lines N] [--file PATH] [--e2e [--gzip GB]] [--jobs 1,2,4,default]
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCli } from '../build/cli.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    child: { type: 'boolean', default: false },
    e2e: { type: 'boolean', default: false },
    lines: { type: 'string', default: '1000000' },
    file: { type: 'string' },
    jobs: { type: 'string', default: '1,2,4,default' },
    gzip: { type: 'string' },
  },
});

async function bare(file) {
  let lines = 0;
  let carry = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = carry + chunk;
    let start = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      const line = text.slice(start, i);
      start = i + 1;
      lines++;
      try {
        JSON.parse(line);
      } catch {
        // malformed lines count too
      }
    }
    carry = text.slice(start);
  }
  if (carry.length > 0) lines++;
  return { lines };
}

async function full(file, createImport) {
  const imp = createImport({ zone: 'UTC', format: null });
  const input = imp.addFile(file.split('/').pop());
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }))
    input.push(chunk);
  input.end();
  const result = imp.finish();
  return {
    lines: result.stats.lines,
    records: result.stats.records,
    errors: result.stats.errorCount,
    events: result.events.length,
    findings: result.findings.map((f) => f.code),
  };
}

async function child(mode, file) {
  // The app ships the pipeline bundled (worker), so measure a bundle rather than tsx's on-the-fly
  // transform. Loading it happens once per app start, not per file: it is outside the timing.
  const { createImport } =
    mode === 'full' ? await import(join(root, '.bench', 'pipeline.bundle.mjs')) : { createImport: null };
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const out = mode === 'bare' ? await bare(file) : await full(file, createImport);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mb = statSync(file).size / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ mode, seconds, cpuSeconds, mbPerSec: mb / seconds, maxRssMb, ...out }),
  );
}

if (args.child) {
  await child(positionals[0], positionals[1]);
} else {
  const lines = Number(args.lines);
  const file = resolve(args.file ?? join(root, '.bench', `orchestrator-${lines}.jsonl`));
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    console.log(`generating ${lines} lines into ${file} …`);
    const gen = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'scripts/generators/orchestrator-log.ts'),
        '--lines',
        String(lines),
        '--malformed',
        '0.001',
        '--out-of-order',
        '0.01',
        '--mixed-offsets',
        '--out',
        file,
      ],
      { stdio: 'inherit', cwd: root },
    );
    if (gen.status !== 0) process.exit(gen.status ?? 1);
  }
  console.log(`file: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB)`);
  if (args.e2e) await endToEnd(file);
  else await pipelineOnly(file);
}

/** Runs one mode of this script in a child process; returns its JSON report. */
function childRun(mode, file) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, file], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  return JSON.parse(run.stdout);
}

async function pipelineOnly(file) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(root, 'shared/import/pipeline.ts')],
    outfile: join(root, '.bench', 'pipeline.bundle.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const results = {};
  for (const mode of ['bare', 'full']) {
    const r = childRun(mode, file);
    results[mode] = r;
    const extra =
      mode === 'full'
        ? `, ${r.records} records, ${r.errors} errors, ${r.events} events, findings: ${r.findings.join(', ')}`
        : '';
    console.log(
      `${mode.padEnd(4)}  ${r.seconds.toFixed(2)} s  ${r.mbPerSec.toFixed(1)} MB/s  peak RSS ${r.maxRssMb.toFixed(0)} MB  (${r.lines} lines${extra})`,
    );
  }
  const ratio = results.full.seconds / results.bare.seconds;
  const okRatio = ratio <= 1.5;
  const okRss = results.full.maxRssMb <= 512;
  console.log(
    `ratio full/bare: ${ratio.toFixed(2)} (goal ≤ 1.5: ${okRatio ? 'met' : 'NOT met'}); full peak RSS goal ≤ 512 MB: ${okRss ? 'met' : 'NOT met'}`,
  );
}

/** Peak RSS of a process (threads included) in MB, polled from /proc while it runs. */
function pollPeakRss(pid) {
  let peak = 0;
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      // gone, or no /proc here
    }
  };
  const timer = setInterval(read, 20);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** `rootline timeline --json` as a whole process (output discarded): wall seconds and peak RSS. */
function runCli(file, jobs) {
  const bin = join(root, 'cli', 'bin', 'rootline.mjs');
  const cliArgs = [bin, 'timeline', '--json', file, ...(jobs === 'default' ? [] : ['--jobs', String(jobs)])];
  // GNU time reports the child's true peak RSS; without it, /proc is polled.
  const gnuTime = existsSync('/usr/bin/time');
  const [cmd, cmdArgs] = gnuTime
    ? ['/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...cliArgs]]
    : [process.execPath, cliArgs];
  return new Promise((resolveRun, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const stopPolling = pollPeakRss(child.pid);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const polled = stopPolling();
      if (code !== 0) return reject(new Error(`rootline exited ${code}: ${stderr}`));
      const last = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(stderr.trim().split('\n').pop() ?? '');
      const maxRssMb = last ? Number(last[1]) / 1024 : polled;
      // CPU seconds (all threads): on a shared machine the wall time depends on the others' load.
      const cpuSeconds = last ? Number(last[2]) + Number(last[3]) : null;
      resolveRun({ seconds, maxRssMb, cpuSeconds });
    });
  });
}

async function endToEnd(file) {
  await buildCli();
  const jobsList = args.jobs.split(',');
  const { stdout: load } = spawnSync('uptime', { encoding: 'utf8' });
  console.log(`load: ${(load ?? '').trim()}  (cores: ${availableParallelism()})`);
  const bare = childRun('bare', file);
  console.log(
    `bare parse (stream + split + JSON.parse, one thread): ${bare.seconds.toFixed(2)} s (CPU ${bare.cpuSeconds.toFixed(2)} s), peak RSS ${bare.maxRssMb.toFixed(0)} MB`,
  );
  for (const jobs of jobsList) {
    const r = await runCli(file, jobs);
    const ratio = r.seconds / bare.seconds;
    const goal = jobs === 'default' ? 1.0 : jobs === '1' ? 1.3 : null;
    const goalText =
      goal === null ? '' : ` (goal ≤ ${goal.toFixed(1)}×: ${ratio <= goal ? 'met' : 'NOT met'})`;
    console.log(
      `rootline timeline --json ${jobs === 'default' ? '(default pool)' : `--jobs ${jobs}`}: ${r.seconds.toFixed(2)} s = ${ratio.toFixed(2)}× bare${goalText}${r.cpuSeconds === null ? '' : ` (CPU ${r.cpuSeconds.toFixed(2)} s, all threads)`}; peak RSS ${r.maxRssMb.toFixed(0)} MB (goal ≤ 512: ${r.maxRssMb <= 512 ? 'met' : 'NOT met'})`,
    );
  }
  if (args.gzip !== undefined) await gzipRun(file, Number(args.gzip));
  const after = spawnSync('uptime', { encoding: 'utf8' }).stdout ?? '';
  console.log(`load after: ${after.trim()}`);
}

/** `rootline timeline --json` on about `gb` GB of the log, gzip-compressed: time and peak RSS. */
async function gzipRun(file, gb) {
  const size = statSync(file).size;
  const copies = Math.max(1, Math.ceil((gb * 1e9) / size));
  const member = `${file}.gz`;
  if (!existsSync(member)) {
    console.log(`compressing ${file} …`);
    await pipeline(createReadStream(file), createGzip({ level: 1 }), createWriteStream(member));
  }
  const big = `${file}.x${copies}.gz`;
  if (!existsSync(big)) {
    // A gzip file may hold several members, read one after the other as one stream.
    const out = createWriteStream(big);
    for (let i = 0; i < copies; i++) {
      for await (const chunk of createReadStream(member)) if (!out.write(chunk)) await once(out, 'drain');
    }
    await new Promise((done) => out.end(done));
  }
  const gzMb = statSync(big).size / 1e6;
  const r = await runCli(big, 'default');
  const logGb = (size * copies) / 1e9;
  console.log(
    `rootline timeline --json on ${logGb.toFixed(2)} GB of log gzip-compressed (${gzMb.toFixed(0)} MB, ${copies} members, one stream): ${r.seconds.toFixed(1)} s, ${((size * copies) / 1e6 / r.seconds).toFixed(0)} MB/s of log; peak RSS ${r.maxRssMb.toFixed(0)} MB (goal ≤ 512: ${r.maxRssMb <= 512 ? 'met' : 'NOT met'})`,
  );
}
