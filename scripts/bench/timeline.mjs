#!/usr/bin/env node
/* global document, location, MutationObserver, requestAnimationFrame, HTMLInputElement, HTMLSelectElement -- page.evaluate bodies run in the browser */
// Timeline benchmark: builds the renderer, serves it, opens Chromium with Playwright, seeds an
// incident with 100,000 events and 1,000,000 raw log records (1,000 blocks), then measures
// time to first rows, DOM size, p95 frame time while scrolling, text-filter time and chart time.
//   node scripts/bench/timeline.mjs [--events N] [--records N] [--no-build] [--screenshot FILE]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { buildPrivateRenderer } from './build.mjs';
import { serve } from '../dev/serve.mjs';
import { seedIncident } from './timeline-seed.mjs';
import { parseArgs } from 'node:util';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    records: { type: 'string', default: '1000000' },
    screenshot: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    frames: { type: 'boolean', default: false },
  },
});
const EVENTS = Number(args.events);
const RECORDS = Number(args.records);
const SHOT = args.screenshot ?? null;
const OUT = path.join(ROOT, '.bench', 'timeline-renderer');

if (!args['no-build']) buildPrivateRenderer(ROOT, OUT);
const server = await serve({ root: OUT, port: 0 });
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_FLAGS,
});
const fmt = (ms) => `${ms.toFixed(1)} ms`;
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(new URL('#/', server.url).href);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  const seedStart = Date.now();
  const incidentId = await seedIncident(page, { events: EVENTS, records: RECORDS });
  console.log(
    `seeded ${EVENTS.toLocaleString('en-US')} events and ${RECORDS.toLocaleString('en-US')} records in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  // A fresh page load, so no store is cached; then open the incident's timeline.
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  const { firstRows, fullLoad } = await page.evaluate(
    (id) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        let firstRows = null;
        const obs = new MutationObserver(() => {
          if (firstRows === null && document.querySelector('.tl-event') !== null) {
            requestAnimationFrame(() => (firstRows = performance.now() - t0));
          }
          if (document.querySelector('[role="grid"][aria-busy="false"]') !== null) {
            obs.disconnect();
            requestAnimationFrame(() =>
              resolve({ firstRows: firstRows ?? performance.now() - t0, fullLoad: performance.now() - t0 }),
            );
          }
        });
        obs.observe(document.body, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['aria-busy'],
        });
        location.hash = `#/incident/${id}/timeline`;
      }),
    incidentId,
  );
  const loadStart = Date.now() - fullLoad;
  await page.waitForSelector('.tl-chart[data-density="drawn"]', { state: 'attached', timeout: 300_000 });
  const densityMs = Date.now() - loadStart;
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);

  // The machine's floor: frame times with nothing changing (a busy or slow machine shows it here).
  const idleP95 = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const d = [];
        let last = performance.now();
        const f = () => {
          const now = performance.now();
          d.push(now - last);
          last = now;
          if (d.length > 120)
            return resolve(d.slice(1).sort((a, b) => a - b)[Math.floor((d.length - 1) * 0.95)]);
          requestAnimationFrame(f);
        };
        requestAnimationFrame(f);
      }),
  );
  const frames = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.querySelector('.tl-scroll');
        const deltas = [];
        const loaf = [];
        const po = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            const scripts = e.scripts.reduce((n, sc) => n + sc.duration, 0);
            loaf.push({
              d: e.duration,
              script: scripts,
              layout: e.startTime + e.duration - e.styleAndLayoutStart,
              render: e.startTime + e.duration - e.renderStart,
              block: e.blockingDuration,
            });
          }
        });
        try {
          po.observe({ type: 'long-animation-frame', buffered: false });
        } catch {
          /* older Chromium: no frame breakdown */
        }
        let last = performance.now();
        let maxNodes = 0;
        const step = () => {
          const now = performance.now();
          deltas.push(now - last);
          last = now;
          maxNodes = Math.max(maxNodes, document.getElementsByTagName('*').length);
          if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) {
            po.disconnect();
            return resolve({ deltas, maxNodes, loaf });
          }
          el.scrollTop += el.clientHeight * 0.9;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  const sorted = frames.deltas.slice(1).sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  if (args.frames) {
    const avg = (k) =>
      (frames.loaf.reduce((n, f) => n + f[k], 0) / Math.max(1, frames.loaf.length)).toFixed(1);
    console.log(
      `long frames: ${frames.loaf.length}; mean duration ${avg('d')} ms, script ${avg('script')} ms, render ${avg('render')} ms, style+layout ${avg('layout')} ms`,
    );
  }

  const filterMs = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const input = document.querySelector('input.tl-search');
        const status = document.querySelector('.tl-filters [aria-live]');
        const before = status.textContent;
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (status.textContent !== before) {
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          }
        });
        obs.observe(status, { childList: true, subtree: true, characterData: true });
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        setter.call(input, 'timeout');
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
  );
  const shownAfterFilter = await page.locator('.tl-filters [aria-live] .muted').first().textContent();
  await page.waitForTimeout(500);
  const chartMs = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const select = document.querySelector('.tl-chart-bar select');
        const chart = document.querySelector('.tl-chart');
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          obs.disconnect();
          requestAnimationFrame(() =>
            resolve({ total: performance.now() - t0, layout: Number(chart.dataset.chartMs) }),
          );
        });
        obs.observe(chart, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
        const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
        setter.call(select, 'kind');
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
  );
  if (SHOT) await page.screenshot({ path: SHOT });
  const goal = (v, g) => (v <= g ? `ok (goal ≤ ${g} ms)` : `OVER goal ≤ ${g} ms`);
  console.log(`time to first rows:        ${fmt(firstRows)}  ${goal(firstRows, 200)}`);
  console.log(`all events in memory after: ${fmt(fullLoad)} (read in chunks after the first screen)`);
  console.log(`density strip drawn after:  ${fmt(densityMs)} (1,000 blocks read in a worker)`);
  console.log(
    `DOM elements:              ${domNodes} (max while scrolling ${frames.maxNodes}; goal < 1,400)`,
  );
  console.log(
    `scroll p95 frame time:     ${fmt(p95)} over ${sorted.length} frames  ${goal(p95, 20)} (idle frames p95 on this machine: ${fmt(idleP95)})`,
  );
  console.log(`text filter "timeout":     ${fmt(filterMs)}  ${goal(filterMs, 100)} → ${shownAfterFilter}`);
  console.log(`chart re-render (by kind): ${fmt(chartMs.total)} (layout + SVG text ${fmt(chartMs.layout)})`);
} finally {
  await browser.close();
  await server.close();
}
