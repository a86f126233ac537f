#!/usr/bin/env node
// `npm test`: every check CI runs, in order, with one summary line at the end.
// Steps run even after a failure so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hasDisplay, locateElectron, planElectronE2e } from './electron-binary.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist', 'test-results');
mkdirSync(out, { recursive: true });

const steps = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '-b', 'tsconfig.json'] },
  { name: 'lint', cmd: ['npx', 'eslint', '--max-warnings', '0', '.'] },
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.', '--log-level', 'warn'] },
  // The CLI tests run the built command (dist/cli), as a user does.
  { name: 'build-cli', cmd: ['node', 'scripts/build-cli.mjs'] },
  {
    name: 'unit',
    cmd: [
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${join(out, 'vitest.json')}`,
    ],
    report: join(out, 'vitest.json'),
    kind: 'vitest',
    // Property tests run 1,000 cases per property in CI (fewer locally, for speed).
    env: { FC_RUNS: process.env.FC_RUNS ?? (process.env.CI ? '1000' : '200') },
  },
  { name: 'build', cmd: ['npm', 'run', '--silent', 'build'] },
  // After the build: Electronegativity also scans the bundled main process in dist/electron.
  { name: 'audit-electron', cmd: ['npm', 'run', '--silent', 'audit:electron'] },
  // Acknowledged edits survive SIGKILL of the browser (a few cycles here; `npm run test:kill` runs 50).
  { name: 'kill-test', cmd: ['node', 'scripts/kill-test.mjs', '--cycles', '3'] },
  {
    name: 'e2e',
    cmd: ['npx', 'playwright', 'test', '--config', 'test/e2e/playwright.config.ts'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(out, 'e2e.json') },
    report: join(out, 'e2e.json'),
    kind: 'playwright',
  },
  electronStep(),
];

/**
 * The Electron e2e: run where Electron's binary exists (under xvfb-run when there is no display),
 * and in CI a skipped spec there is a failure. Where the binary cannot be had, one line says so.
 */
function electronStep() {
  const step = {
    name: 'electron-e2e',
    cmd: ['npx', 'playwright', 'test', '--config', 'test/electron/playwright.config.ts'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(out, 'electron.json') },
    report: join(out, 'electron.json'),
    kind: 'playwright',
    failOnSkip: Boolean(process.env.CI),
  };
  const plan = planElectronE2e({
    location: locateElectron({ root }),
    display: hasDisplay(),
    xvfbRun: spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0,
    ci: Boolean(process.env.CI),
  });
  return 'notRun' in plan
    ? { ...step, notRun: plan.notRun }
    : { ...step, cmd: [...plan.prefix, ...step.cmd] };
}

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
// Steps without a test report (typecheck, lint, build…) are counted as steps, never as tests.
const stepTotals = { passed: 0, failed: 0, notRun: 0 };
const failedSteps = [];

function countReport(step) {
  if (!step.report || !existsSync(step.report)) return null;
  const data = JSON.parse(readFileSync(step.report, 'utf8'));
  if (step.kind === 'vitest') {
    return {
      passed: data.numPassedTests ?? 0,
      failed: data.numFailedTests ?? 0,
      skipped: (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0),
    };
  }
  const s = data.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
}

for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  if (step.notRun) {
    console.log(`\n– ${step.name} not run: ${step.notRun}`);
    stepTotals.notRun += 1;
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  const started = Date.now();
  // A report left by an earlier run must not be counted as this run's.
  if (step.report) rmSync(step.report, { force: true });
  const [bin, ...args] = step.cmd;
  const res = spawnSync(bin, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const counts = countReport(step);
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }
  // In CI a skipped spec is a failure where the step is told so (the Electron e2e).
  const skippedInCi = step.failOnSkip && counts !== null && counts.skipped > 0;
  if (skippedInCi) console.log(`✘ ${step.name}: ${counts.skipped} skipped, which CI counts as failed`);
  const ok = res.status === 0 && !skippedInCi;
  if (ok) stepTotals.passed += 1;
  else {
    stepTotals.failed += 1;
    failedSteps.push(step.name);
  }
  console.log(`${ok ? '✔' : '✘'} ${step.name} (${secs}s)`);
}

if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
const notRun = stepTotals.notRun > 0 ? `, ${stepTotals.notRun} not run` : '';
console.log(`\nsteps: ${stepTotals.passed} passed, ${stepTotals.failed} failed${notRun}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
