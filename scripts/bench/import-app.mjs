#!/usr/bin/env node
/* global window, document, requestAnimationFrame -- page.evaluate bodies run in the browser */
// In-app import benchmark: the built renderer in Chromium imports a large orchestrator log as a
// user would (Import logs… → choose file → Import), once per pool size, side by side in one run:
// with one core reported (the import worker alone) and with the app's default pool (a segment worker
// per core besides the import worker's, capped). For each it prints the time from "Import" to the summary, the throughput,
// and the main thread's longest task and tasks over 50 ms while importing (goal: none), then the
// time to store the accepted import. The load average is printed before and after: the machine
// may be shared, so only figures from the same run compare.
// Runs with 1 core reported, the machine's own count and 4 (a pool of three segment workers),
// then a small log whose summary lists 500 events and 300 patterns: the tasks over 50 ms until
// the summary shows, and while its events are scrolled through to the last.
//   node scripts/bench/import-app.mjs [--lines N] [--cores 1,default,4] [--no-build]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { buildPrivateRenderer } from './build.mjs';
import { serve } from '../dev/serve.mjs';
import { parseArgs } from 'node:util';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    lines: { type: 'string', default: '330000' },
    cores: { type: 'string', default: '1,default,4' },
    'no-build': { type: 'boolean', default: false },
  },
});
const LINES = Number(args.lines);
const OUT = path.join(ROOT, '.bench', 'import-renderer');
const FILE = path.join(ROOT, '.bench', `orchestrator-${LINES}.jsonl`);

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(FILE)) {
  mkdirSync(path.dirname(FILE), { recursive: true });
  console.log(`generating ${LINES} lines into ${FILE} …`);
  run(process.execPath, [
    '--import',
    'tsx',
    'scripts/generators/orchestrator-log.ts',
    '--lines',
    String(LINES),
    '--out',
    FILE,
  ]);
}
if (!args['no-build']) buildPrivateRenderer(ROOT, OUT);

const mb = statSync(FILE).size / 1e6;

// A small log whose summary is long: 500 failures 90 s apart, each its own event and pattern, as
// many as the summary lists. Its import is quick; what is measured is the summary coming on screen.
const MANY = path.join(ROOT, '.bench', 'summary-500-events.log');
const WORDS = (
  'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike ' +
  'november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'
).split(' ');
const manyLines = Array.from({ length: 500 }, (_, i) => {
  const at = new Date(Date.parse('2014-11-19T00:00:00Z') + i * 90_000).toISOString().replace('.000', '');
  const a = WORDS[i % 26];
  const b = WORDS[Math.floor(i / 26) % 26];
  return `${at} ERROR ${a}-${b} ${'x'.repeat(1 + (i % 5))} ${b}${a} failed`;
});
writeFileSync(MANY, `${manyLines.join('\n')}\n`);
const load = () => (spawnSync('uptime', { encoding: 'utf8' }).stdout ?? '').trim();

/** One import in a fresh profile with `workers` cores reported ('default': the machine's). */
async function importOnce(browser, url, workers, file = FILE, rows = 0) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(new URL('#/', url).href);
  await page.locator('html[data-ready="true"]').waitFor();
  if (workers !== 'default') {
    await page.evaluate((n) => {
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { configurable: true, get: () => n });
    }, Number(workers));
  }
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.getByRole('button', { name: 'New incident' }).first().click();
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  await page.getByRole('button', { name: 'Import logs…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import logs' });
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByRole('button', { name: 'Choose files…' }).click(),
  ]);
  await chooser.setFiles(file);
  await dialog.getByRole('listitem').filter({ hasText: 'detected:' }).waitFor();

  await page.evaluate(() => {
    const w = window;
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const t0 = Date.now();
  await dialog.getByRole('button', { name: /^Import 1 file/ }).click();
  const accept = dialog.getByRole('button', { name: /^Accept \d+ events?/ });
  await accept.waitFor({ timeout: 600_000 });
  const toSummary = Date.now() - t0;
  const during = await page.evaluate(() => window.__longTasks.slice());
  const label = await accept.textContent();
  if (rows > 0) {
    // Read to the end, as a user scrolling the box: its last row into view, a frame, again.
    await page.evaluate(async (n) => {
      const body = () => document.querySelector('table[aria-label="Proposed events"] tbody');
      const shown = () => body().querySelectorAll('tr:not(.rows-more)').length;
      for (let i = 0; i < 10_000 && shown() < n; i++) {
        body().lastElementChild.scrollIntoView({ block: 'end' });
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
    }, rows);
  }
  const shown = await page.evaluate(() => window.__longTasks.slice());

  const t1 = Date.now();
  await accept.click();
  await dialog.waitFor({ state: 'hidden', timeout: 600_000 });
  const toStored = Date.now() - t1;
  const all = await page.evaluate(() => window.__longTasks.slice());
  await context.close();
  return { workers, cores, toSummary, during, shown, all, label, toStored };
}

const over = (list) => list.filter((d) => d > 50);
const longest = (list) => (list.length > 0 ? `${Math.max(...list).toFixed(0)} ms` : 'none over 50 ms');
const server = await serve({ root: OUT, port: 0 });
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_FLAGS,
});
try {
  console.log(`file: ${path.relative(ROOT, FILE)} (${mb.toFixed(1)} MB, ${LINES} lines)`);
  console.log(`load before: ${load()}`);
  const runs = [];
  for (const workers of args.cores.split(',')) {
    const r = await importOnce(browser, server.url, workers);
    runs.push(r);
    const pool = r.workers === 'default' ? `${r.cores} cores (default)` : `${r.workers} core(s)`;
    console.log(
      `${pool.padEnd(18)} time to summary ${(r.toSummary / 1000).toFixed(2)} s (${(mb / (r.toSummary / 1000)).toFixed(1)} MB/s) — ${r.label}`,
    );
    console.log(
      `${''.padEnd(18)} main-thread tasks over 50 ms while importing: ${over(r.during).length} (longest: ${longest(r.during)}) — goal 0`,
    );
    console.log(
      `${''.padEnd(18)} accept (events + import rows committed): ${(r.toStored / 1000).toFixed(2)} s; tasks over 50 ms in all (incl. accept and re-render): ${over(r.all).length}`,
    );
  }
  const many = await importOnce(browser, server.url, 'default', MANY, manyLines.length);
  console.log(
    `${'long summary'.padEnd(18)} ${path.relative(ROOT, MANY)}: ${many.label}; main-thread tasks over 50 ms from Import to the summary: ${over(many.during).length} (longest: ${longest(many.during)}) — goal 0`,
  );
  // The rows come a part at a time as the box is scrolled: count those frames too.
  console.log(
    `${''.padEnd(18)} scrolling through all 500 events: ${over(many.shown).length} (longest: ${longest(many.shown)}); with accepting the 500 events too: ${over(many.all).length} (longest: ${longest(many.all)})`,
  );
  for (const r of runs.slice(1)) {
    console.log(
      `time to summary, ${r.workers} / ${runs[0].workers}: ${(r.toSummary / runs[0].toSummary).toFixed(2)}×`,
    );
  }
  console.log(`load after: ${load()}`);
} finally {
  await browser.close();
  await server.close();
}
