// The app's import path in the browser, for scripts/test/stress-import.mjs: the built web app in
// Chromium imports files through its real Web Worker as a user would (Import logs… → choose
// files → Import → Accept), and the peak resident memory of every Chromium process is read from
// /proc (VmHWM, the kernel's own high-water mark, so no short spike is missed between polls).
// The renderer figure holds the page and its import worker (a dedicated worker runs in its
// page's process; its resident size with the dialog open, before the import, is given too); the browser figure holds IndexedDB's backend, which writes what the worker
// stores. Each run starts a fresh browser with a fresh profile (nothing carried between cases).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { buildPrivateRenderer } from '../bench/build.mjs';
import { serve } from '../dev/serve.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

/** `ppid` of every process, and its command line (empty when it has gone). */
function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      table.set(Number(name), ppid);
    } catch {
      // gone while we looked
    }
  }
  return table;
}

/** The process started with `marker` in its command line (the browser), or null. */
function findByMarker(marker) {
  for (const pid of processTable().keys()) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) return pid;
    } catch {
      // gone
    }
  }
  return null;
}

/** `root` and every process below it. */
function descendants(root) {
  const table = processTable();
  const out = [root];
  for (let i = 0; i < out.length; i++)
    for (const [pid, ppid] of table) if (ppid === out[i] && !out.includes(pid)) out.push(pid);
  return out;
}

/** A process's role (`browser`, `renderer`, `gpu-process`, `utility`, `zygote`) and VmHWM (MiB). */
function sample(pid) {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return hwm ? { type, mb: Number(hwm[1]) / 1024 } : null;
  } catch {
    return null;
  }
}

/** The largest current resident size (VmRSS, MiB) among the browser's renderer processes. */
function rendererRss(browserPid) {
  let most = 0;
  for (const pid of descendants(browserPid)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) most = Math.max(most, Number(rss[1]) / 1024);
    } catch {
      // gone
    }
  }
  return most;
}

/** Polls the browser's processes; `peaks()` gives the highest VmHWM seen per role. */
function watchPeaks(browserPid) {
  const peak = new Map();
  const poll = () => {
    for (const pid of descendants(browserPid)) {
      const s = sample(pid);
      if (s !== null && s.mb > (peak.get(s.type) ?? 0)) peak.set(s.type, s.mb);
    }
  };
  poll();
  const timer = setInterval(poll, 250);
  return {
    peaks() {
      poll();
      return Object.fromEntries(peak);
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/**
 * Builds the web app once (into .bench/stress-renderer) and serves it; `run(files)` imports the
 * files in a fresh Chromium and returns what the import summary said and the peak RSS per
 * process role. `close()` stops the server.
 */
export async function chromiumImporter(root, { build = true } = {}) {
  const out = path.join(root, '.bench', 'stress-renderer');
  if (build) buildPrivateRenderer(root, out);
  const server = await serve({ root: out, port: 0 });
  return {
    async run(files, { timeoutMs = 3_600_000 } = {}) {
      const profile = mkdtempSync(path.join(tmpdir(), 'rootline-stress-chromium-'));
      const started = Date.now();
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_FLAGS,
        viewport: { width: 1280, height: 800 },
      });
      const browserPid = findByMarker(profile);
      const watch = browserPid === null ? null : watchPeaks(browserPid);
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(new URL('#/', server.url).href);
        await page.locator('html[data-ready="true"]').waitFor();
        await page.getByRole('button', { name: 'New incident' }).first().click();
        await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
        await page.getByRole('button', { name: 'Import logs…' }).first().click();
        const dialog = page.getByRole('dialog', { name: 'Import logs' });
        const [chooser] = await Promise.all([
          page.waitForEvent('filechooser'),
          dialog.getByRole('button', { name: 'Choose files…' }).click(),
        ]);
        await chooser.setFiles(files);
        // The page with the dialog open, before the import starts: what the import adds is above it.
        const idleMb = browserPid === null ? NaN : rendererRss(browserPid);
        await dialog.getByRole('button', { name: /^Import \d+ files?/ }).click();
        const discard = dialog.getByRole('button', { name: 'Discard' });
        const failed = dialog.getByRole('button', { name: 'Close' });
        await discard.or(failed).first().waitFor({ timeout: timeoutMs });
        const toSummary = (Date.now() - started) / 1000;
        if (!(await discard.isVisible())) {
          const error = (await dialog.textContent()) ?? '';
          return { error: error.slice(0, 300), peaks: watch?.peaks() ?? {}, secs: toSummary, idleMb };
        }
        const counts = await dialog
          .locator('dl[aria-label="Import counts"]')
          .evaluate((dl) =>
            Object.fromEntries(
              [...dl.querySelectorAll('div')].map((d) => [
                d.querySelector('dt')?.textContent ?? '',
                Number((d.querySelector('dd')?.textContent ?? '').replace(/,/g, '')),
              ]),
            ),
          );
        const { Records: records, Events: events } = counts;
        const errorTable = dialog.getByRole('table', { name: 'Import errors' });
        const errorRows = (await errorTable.count())
          ? await errorTable.evaluate((t) =>
              [...t.querySelectorAll('tr')].map((tr) =>
                [...tr.children].map((c) => c.textContent?.trim() ?? '').join(' · '),
              ),
            )
          : [];
        const accept = dialog.getByRole('button', { name: /^Accept [\d,]+ events?/ });
        if (await accept.isVisible()) {
          await accept.click();
          await dialog.waitFor({ state: 'hidden', timeout: timeoutMs });
        }
        const stored = await page.evaluate(async () => {
          const { usage } = await navigator.storage.estimate();
          return usage ?? 0;
        });
        return {
          records,
          events,
          errors: errorRows.slice(1, 4),
          storedBytes: stored,
          peaks: watch?.peaks() ?? {},
          secs: (Date.now() - started) / 1000,
          toSummary,
          idleMb,
        };
      } finally {
        watch?.stop();
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
    close: () => server.close(),
  };
}
