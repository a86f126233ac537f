#!/usr/bin/env node
/* global location */
// Timeline benchmark: builds the renderer, serves it, opens Chromium with Playwright on an
// on-disk profile, seeds an incident with 100,000 events and 1,000,000 raw log records (1,000
// blocks) plus causes, action items, review threads and a document, then measures opening it:
//   warm  - the page reloaded (browser and its caches still up), then the incident opened;
//   cold  - the browser closed and started again on the same profile, then the incident opened;
// each as median (min–max) of --runs runs: time to first rows, every event in memory, density
// strip drawn, main-thread tasks over 50 ms; then time to first content of the other tabs, and
// DOM size, p95 frame time while scrolling, text-filter time and chart time.
//   node scripts/bench/timeline.mjs [--events N] [--records N] [--runs N] [--no-build]
//     [--out DIR (a renderer build to use, e.g. an older one)] [--screenshot FILE] [--frames]
//     [--profile DIR --port N (keep the seeded profile there, reuse it when it holds the incident;
//      the origin, and so the port, must be the same each time)] [--seed-only]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { buildPrivateRenderer } from './build.mjs';
import { serve } from '../dev/serve.mjs';
import { findSeeded, seedIncident } from './timeline-seed.mjs';
import { seedContent } from './timeline-content.mjs';
import { openTab, openTimeline, spread, TAB_CONTENT } from './timeline-open.mjs';
import { measureInteraction } from './timeline-interact.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    records: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    screenshot: { type: 'string' },
    out: { type: 'string' },
    port: { type: 'string', default: '0' },
    profile: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'seed-only': { type: 'boolean', default: false },
    frames: { type: 'boolean', default: false },
  },
});
const EVENTS = Number(args.events);
const RECORDS = Number(args.records);
const RUNS = Number(args.runs);
const SHOT = args.screenshot ?? null;
const OUT = path.resolve(ROOT, args.out ?? path.join('.bench', 'timeline-renderer'));

if (!args['no-build'] && args.out === undefined) buildPrivateRenderer(ROOT, OUT);
// One server for the whole run: the origin (and so the IndexedDB database) stays the same
// across browser restarts.
const server = await serve({ root: OUT, port: Number(args.port) });
const KEEP = args.profile ?? null;
const profile = KEEP ? path.resolve(KEEP) : mkdtempSync(path.join(os.tmpdir(), 'rootline-bench-profile-'));
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const goal = (v, g) => (v <= g ? `ok (goal ≤ ${g} ms)` : `OVER goal ≤ ${g} ms`);
const show = (values, g) => {
  const s = spread(values);
  const text = `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
  return g === undefined ? text : `${text}  ${goal(s.median, g)}`;
};

let context = null;
/** Starts the browser on the profile and shows the app's list (the app is up and ready). */
async function start() {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1440, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(new URL('#/', server.url).href);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  return page;
}
/** A fresh page load on the list (no store cached in the page). */
async function reload(page) {
  await page.evaluate(() => (location.hash = '#/'));
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
}

try {
  let page = await start();
  const seedStart = Date.now();
  let incidentId = KEEP ? await findSeeded(page) : null;
  if (incidentId === null) {
    incidentId = await seedIncident(page, { events: EVENTS, records: RECORDS });
    await seedContent(page, incidentId);
  }
  console.log(
    `seeded ${EVENTS.toLocaleString('en-US')} events and ${RECORDS.toLocaleString('en-US')} records in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  await reload(page);
  const first = await openTimeline(page, incidentId);
  console.log(
    `first open after seeding:   first rows ${fmt(first.firstRows)}, all events ${fmt(first.fullLoad)}, density ${fmt(first.density)} (data written outside the app)`,
  );

  if (!args['seed-only']) await measure(page, incidentId);
} finally {
  await context?.close();
  await server.close();
  if (!KEEP) rmSync(profile, { recursive: true, force: true });
}

/** The warm and cold runs, the tabs and the interaction figures, printed. */
async function measure(page, incidentId) {
  const runs = { warm: [], cold: [] };
  for (let i = 0; i < RUNS; i++) {
    await reload(page);
    runs.warm.push(await openTimeline(page, incidentId));
    await context.close();
    page = await start();
    runs.cold.push(await openTimeline(page, incidentId));
  }
  const tabs = Object.fromEntries(Object.keys(TAB_CONTENT).map((t) => [t, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const tab of Object.keys(TAB_CONTENT)) {
      await reload(page);
      tabs[tab].push(await openTab(page, incidentId, tab));
    }
  }
  await reload(page);
  await openTimeline(page, incidentId);
  const m = await measureInteraction(page, { frames: args.frames });
  if (SHOT) await page.screenshot({ path: SHOT });

  console.log(
    `median (min–max) of ${RUNS} runs; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const [name, list] of Object.entries(runs)) {
    console.log(`${name}:`);
    console.log(
      `  time to first rows:         ${show(
        list.map((r) => r.firstRows),
        200,
      )}`,
    );
    console.log(
      `  all events in memory after: ${show(
        list.map((r) => r.fullLoad),
        1500,
      )}`,
    );
    console.log(
      `  density strip drawn after:  ${show(
        list.map((r) => r.density),
        1500,
      )}`,
    );
    const longest = Math.max(...list.map((r) => r.longest));
    console.log(
      `  tasks over 50 ms:           ${list.map((r) => r.longTasks).join(', ')} per run; longest ${fmt(longest)} (goal 0)`,
    );
  }
  for (const [tab, list] of Object.entries(tabs)) {
    console.log(`tab ${tab.padEnd(9)} first content: ${show(list, 300)}`);
  }
  console.log(`DOM elements:              ${m.domNodes} (max while scrolling ${m.maxNodes}; goal < 1,400)`);
  console.log(
    `scroll p95 frame time:     ${fmt(m.p95)} over ${m.frameCount} frames  ${goal(m.p95, 20)} (idle frames p95 on this machine: ${fmt(m.idleP95)})`,
  );
  console.log(
    `text filter "timeout":     ${fmt(m.filterMs)}  ${goal(m.filterMs, 100)} → ${m.shownAfterFilter}`,
  );
  console.log(
    `chart re-render (lanes):    ${fmt(m.chartMs.total)} (layout + SVG text ${fmt(m.chartMs.layout)})`,
  );
}
