#!/usr/bin/env node
// CLI start-up benchmark: whole `rootline` processes, as a user runs them, side by side with a bare
// `node -e 0` (the floor on this machine) and the old way (TypeScript compiled by tsx per call).
// Goals (issue: a built CLI that starts at once): --help ≤ 150 ms, timeline on a small file ≤ 300 ms.
//   node scripts/bench/cli.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCli } from '../build/cli.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
await buildCli();

const dir = mkdtempSync(join(tmpdir(), 'rootline-bench-cli-'));
const small = join(dir, 'one.jsonl');
writeFileSync(
  small,
  '{"time":"2024-05-01T10:00:00Z","level":"error","msg":"payment API 500s","service":"api"}\n',
);

const bin = join(root, 'cli', 'bin', 'rootline.mjs');
const tsxMain = ['--import', 'tsx', join(root, 'cli', 'main.ts')];
const cases = [
  { name: 'node -e 0 (floor)', args: ['-e', '0'] },
  { name: 'rootline --help', args: [bin, '--help'], goal: 150 },
  { name: 'rootline timeline one-line file', args: [bin, 'timeline', small], goal: 300 },
  { name: 'old: tsx cli/main.ts --help', args: [...tsxMain, '--help'] },
  { name: 'old: tsx cli/main.ts timeline', args: [...tsxMain, 'timeline', small] },
];

function time(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

console.log(`Whole-process wall time over ${runs} runs (after one warm-up), ms:`);
console.log(`${'case'.padEnd(34)}${'median'.padStart(8)}${'min'.padStart(8)}${'p90'.padStart(8)}  goal`);
for (const c of cases) {
  time(c.args);
  const samples = Array.from({ length: runs }, () => time(c.args)).sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  const median = at(0.5);
  const goal = c.goal === undefined ? '' : `≤ ${c.goal} ${median <= c.goal ? 'met' : 'MISSED'}`;
  console.log(
    `${c.name.padEnd(34)}${median.toFixed(0).padStart(8)}${samples[0].toFixed(0).padStart(8)}${at(0.9).toFixed(0).padStart(8)}  ${goal}`,
  );
}
