#!/usr/bin/env node
/* global location -- page.evaluate bodies run in the browser */
// Where opening a big incident spends main-thread time: starts Chromium on a profile that the
// timeline benchmark seeded (--profile DIR, kept by `bench:timeline --profile DIR`), records a
// CPU profile (Chrome DevTools Protocol) from the route change until the density strip is
// drawn, and prints the functions with the most self time and the heaviest call paths.
// With --tab causes|actions|document|review it profiles opening that tab instead (to its first
// content, as the benchmark measures it).
//   node scripts/bench/timeline-profile.mjs --profile DIR [--out DIR] [--port N] [--top N] [--cold]
//     [--tab NAME]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { serve } from '../dev/serve.mjs';
import { openTab, openTimeline, TAB_CONTENT } from './timeline-open.mjs';
import { findSeeded } from './timeline-seed.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    profile: { type: 'string' },
    out: { type: 'string' },
    port: { type: 'string', default: '0' },
    top: { type: 'string', default: '25' },
    cold: { type: 'boolean', default: false },
    tab: { type: 'string' },
  },
});
const PROFILE = args.profile ?? null;
const OUT = path.resolve(ROOT, args.out ?? path.join('.bench', 'timeline-renderer'));
const PORT = Number(args.port);
const TOP = Number(args.top);
const TAB = args.tab ?? null;
if (TAB !== null && !(TAB in TAB_CONTENT)) {
  console.error(`--tab must be one of ${Object.keys(TAB_CONTENT).join(', ')}`);
  process.exit(2);
}
if (!PROFILE) {
  console.error(
    'usage: scripts/bench/timeline-profile.mjs --profile DIR (seeded by bench:timeline --profile DIR)',
  );
  process.exit(2);
}

const server = await serve({ root: OUT, port: PORT });
const context = await chromium.launchPersistentContext(PROFILE, {
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_FLAGS,
  viewport: { width: 1440, height: 900 },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(new URL('#/', server.url).href);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  const incidentId = await findSeeded(page);
  if (!incidentId) throw new Error(`No benchmark incident in ${PROFILE} (origin ${server.url}).`);
  if (!args.cold) {
    // Warm: one open first, then a reload, as the benchmark's warm runs.
    await openTimeline(page, incidentId);
    await page.evaluate(() => (location.hash = '#/'));
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  if (TAB !== null) {
    const ms = await openTab(page, incidentId, TAB);
    const { profile } = await cdp.send('Profiler.stop');
    console.log(`${TAB} first content ${ms.toFixed(0)} ms`);
    summarise(profile);
  } else {
    const marks = await openTimeline(page, incidentId);
    const { profile } = await cdp.send('Profiler.stop');
    console.log(
      `first rows ${marks.firstRows.toFixed(0)} ms, all events ${marks.fullLoad.toFixed(0)} ms, density ${marks.density.toFixed(0)} ms, ${marks.longTasks} tasks > 50 ms, longest ${marks.longest.toFixed(0)} ms`,
    );
    summarise(profile);
  }
} finally {
  await context.close();
  await server.close();
}

/** Self time per function and the heaviest stacks of a CDP CPU profile. */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  }
  const label = (n) => {
    const f = n.callFrame;
    const file = f.url ? f.url.split('/').pop() : '';
    return `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
  };
  const fn = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const key = label(byId.get(id));
    fn.set(key, (fn.get(key) ?? 0) + ms);
    total += ms;
  }
  console.log(`\nsampled ${total.toFixed(0)} ms; top self time:`);
  for (const [k, ms] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${k}`);
  }
  const stacks = new Map();
  for (const [id, ms] of self) {
    const path = [];
    for (let n = id; n !== undefined && path.length < 6; n = parent.get(n)) {
      const node = byId.get(n);
      if (node.callFrame.functionName === '(root)') break;
      path.push(label(node));
    }
    const key = path.join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + ms);
  }
  longStretches(profile, byId, parent, label);
  console.log('\nheaviest stacks (innermost first):');
  for (const [k, ms] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${k}`);
  }
}

/**
 * The stretches of back-to-back busy samples over 50 ms (what a long task is made of), each with
 * the functions that used most of it (self time plus the innermost frame of the app's own code).
 */
function longStretches(profile, byId, parent, label) {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const stretches = [];
  let cur = null;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const id = profile.samples[i];
    if (idle.has(id)) {
      if (cur !== null && cur.ms > 50) stretches.push(cur);
      cur = null;
      continue;
    }
    cur ??= { ms: 0, fns: new Map() };
    cur.ms += ms;
    // The innermost frame of our own bundle (not a built-in) names what the time was for.
    let n = id;
    while (n !== undefined && !byId.get(n).callFrame.url) n = parent.get(n);
    const key = n === undefined ? label(byId.get(id)) : label(byId.get(n));
    cur.fns.set(key, (cur.fns.get(key) ?? 0) + ms);
  }
  if (cur !== null && cur.ms > 50) stretches.push(cur);
  console.log(`\nbusy stretches over 50 ms: ${stretches.length}`);
  for (const st of stretches) {
    const top = [...st.fns]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([k, ms]) => `${k} ${ms.toFixed(0)}`)
      .join('; ');
    console.log(`  ${st.ms.toFixed(0).padStart(5)} ms: ${top}`);
  }
}
