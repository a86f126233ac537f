#!/usr/bin/env node
// Import benchmark: a bare stream + split + JSON.parse loop versus the full import pipeline
// (parse, normalise, classify, fold, phases, findings) on the same 1,000,000-line orchestrator
// log. Each mode runs in its own child process so peak RSS is measured per mode.
//   node scripts/bench/import.mjs [--lines N] [--file PATH]
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    child: { type: 'boolean', default: false },
    lines: { type: 'string', default: '1000000' },
    file: { type: 'string' },
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
  const out = mode === 'bare' ? await bare(file) : await full(file, createImport);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const mb = statSync(file).size / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ mode, seconds, mbPerSec: mb / seconds, maxRssMb, ...out }));
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
  console.log(`file: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB)`);
  const results = {};
  for (const mode of ['bare', 'full']) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, file], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (run.status !== 0) {
      console.error(run.stderr);
      process.exit(1);
    }
    const r = JSON.parse(run.stdout);
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
