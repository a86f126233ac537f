/* global document, MutationObserver, requestAnimationFrame, HTMLInputElement, HTMLSelectElement -- page.evaluate bodies run in the browser */
// What the timeline benchmark measures once the incident is open: idle and scrolling frame times,
// DOM size, a text filter and a chart re-render.

/**
 * @param {import('@playwright/test').Page} page
 * @param {{ frames: boolean }} opts
 */
export async function measureInteraction(page, opts) {
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
        const SCROLL_FRAMES = 600;
        const step = () => {
          const now = performance.now();
          deltas.push(now - last);
          last = now;
          maxNodes = Math.max(maxNodes, document.getElementsByTagName('*').length);
          // The end of the table, or enough frames: 100,000 rows in a short viewport are thousands
          // of screens, minutes of scrolling that would say no more than the first few hundred.
          if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1 || deltas.length > SCROLL_FRAMES) {
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
  if (opts.frames) {
    const avg = (k) =>
      (frames.loaf.reduce((n, f) => n + f[k], 0) / Math.max(1, frames.loaf.length)).toFixed(1);
    console.log(
      `long frames: ${frames.loaf.length}; mean duration ${avg('d')} ms, script ${avg('script')} ms, render ${avg('render')} ms, style+layout ${avg('layout')} ms`,
    );
  }

  const filterMs = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error('the text filter changed nothing in 60 s')), 60_000);
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
      new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error('the chart did not redraw in 60 s')), 60_000);
        const select = document.querySelector('.tl-chart-bar select');
        const chart = document.querySelector('.tl-chart');
        const t0 = performance.now();
        // Until the new drawing is on screen: every layer of it loaded and shown (a build
        // drawing one <img> shows it once its src changed and it loaded).
        const layers = chart.querySelector('.tl-chart-layers');
        const before = layers?.dataset.drawings;
        const img = chart.querySelector('img');
        const done = () => {
          obs.disconnect();
          requestAnimationFrame(() =>
            resolve({ total: performance.now() - t0, layout: Number(chart.dataset.chartMs) }),
          );
        };
        const obs = new MutationObserver(() => {
          if (layers) {
            if (layers.dataset.drawings !== before) done();
          } else if (img.complete && img.naturalWidth > 0) done();
          else img.addEventListener('load', done, { once: true });
        });
        obs.observe(chart, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['src', 'data-drawings'],
        });
        const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
        // The lane choice is kept per incident: a kept profile may already show lanes by kind.
        setter.call(select, select.value === 'kind' ? 'service' : 'kind');
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
  );
  return {
    domNodes,
    idleP95,
    maxNodes: frames.maxNodes,
    p95,
    frameCount: sorted.length,
    filterMs,
    shownAfterFilter,
    chartMs,
  };
}
