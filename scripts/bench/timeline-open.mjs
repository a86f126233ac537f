/* global document, location, MutationObserver, requestAnimationFrame -- page.evaluate bodies run in the browser */
// Opening an incident, as the timeline benchmark measures it: from the moment the route changes
// (the app already started and showed its list) to first rows, every event in memory, the
// density strip drawn, and the main-thread tasks over 50 ms in between; and time to first
// content of the other tabs.

/**
 * Opens the incident's timeline and measures it.
 * @param {import('@playwright/test').Page} page
 * @param {string} incidentId
 * @returns {Promise<{ firstRows: number, fullLoad: number, density: number, longTasks: number, longest: number }>}
 */
export async function openTimeline(page, incidentId) {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const t0 = performance.now();
        const tasks = [];
        // A mark that never comes is reported, not waited on for ever.
        const limit = setTimeout(() => {
          obs.disconnect();
          po?.disconnect();
          const missing = Object.keys(marks).filter((k) => marks[k] === null || marks[k] < 0);
          reject(
            new Error(`opening the timeline: no ${missing.join(', ')} after 60 s (${JSON.stringify(marks)})`),
          );
        }, 60_000);
        let po = null;
        try {
          po = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (e.startTime + e.duration >= t0) tasks.push(e.duration);
          });
          po.observe({ type: 'longtask', buffered: false });
        } catch {
          /* no Long Tasks API: longest task reads 0 */
        }
        const marks = { firstRows: null, fullLoad: null, density: null };
        const at = (name) => {
          if (marks[name] !== null) return;
          marks[name] = -1;
          requestAnimationFrame(() => {
            marks[name] = performance.now() - t0;
            if (Object.values(marks).every((v) => v !== null && v >= 0)) finish();
          });
        };
        const check = () => {
          if (document.querySelector('.tl-event') !== null) at('firstRows');
          if (document.querySelector('[role="grid"][aria-busy="false"]') !== null) at('fullLoad');
          if (document.querySelector('.tl-chart[data-density="drawn"]') !== null) at('density');
        };
        const obs = new MutationObserver(check);
        const finish = () => {
          clearTimeout(limit);
          obs.disconnect();
          // Tasks that ended before the last mark was painted are reported by now.
          setTimeout(() => {
            po?.disconnect();
            resolve({
              ...marks,
              longTasks: tasks.filter((d) => d > 50).length,
              longest: tasks.reduce((m, d) => Math.max(m, d), 0),
            });
          }, 50);
        };
        obs.observe(document.body, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['aria-busy', 'data-density'],
        });
        location.hash = `#/incident/${id}/timeline`;
      }),
    incidentId,
  );
}

/** What shows that a tab has its content (not its loading line). */
export const TAB_CONTENT = {
  causes: '.causes-view',
  actions: '.actions-panel tbody tr',
  document: '.live-block-frame',
  review: '.review-threads',
};

/**
 * Time from the route change to a tab's first content (painted).
 * @param {import('@playwright/test').Page} page
 * @param {string} incidentId
 * @param {keyof typeof TAB_CONTENT} tab
 * @returns {Promise<number>}
 */
export async function openTab(page, incidentId, tab) {
  return page.evaluate(
    ({ id, tab, selector }) =>
      new Promise((resolve, reject) => {
        const t0 = performance.now();
        const limit = setTimeout(() => {
          obs.disconnect();
          reject(new Error(`opening the ${tab} tab: no ${selector} after 60 s`));
        }, 60_000);
        const done = () => {
          clearTimeout(limit);
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        };
        const obs = new MutationObserver(() => {
          if (document.querySelector(selector) !== null) done();
        });
        obs.observe(document.body, { childList: true, subtree: true });
        location.hash = `#/incident/${id}/${tab}`;
      }),
    { id: incidentId, tab, selector: TAB_CONTENT[tab] },
  );
}

/** `median (min–max)` of a list of milliseconds. */
export function spread(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median: mid, min: s[0], max: s[s.length - 1] };
}
