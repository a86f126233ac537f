#!/usr/bin/env node
// Kill test: edit, wait until the UI acknowledges the write ("Saved" / the item shown after its
// committed write), SIGKILL the browser 0–300 ms later, relaunch on the same profile and check
// that every acknowledged edit is there. Usage: node scripts/test/kill.mjs [--cycles N]
/* global document -- the waitForFunction body runs in the page */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serve } from '../dev/serve.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

const root = new URL('../..', import.meta.url).pathname;
const { values: args } = parseArgs({ options: { cycles: { type: 'string', default: '50' } } });
const cycles = Number(args.cycles);
if (!Number.isInteger(cycles) || cycles < 1) {
  console.error('kill-test: --cycles needs a positive whole number');
  process.exit(2);
}
const executable = CHROMIUM_PATH;
const dist = join(root, 'dist', 'renderer');
if (!existsSync(join(dist, 'index.html'))) {
  const built = spawn('npm', ['run', '--silent', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  const code = await new Promise((r) => built.on('exit', r));
  if (code !== 0) process.exit(1);
}

/** Starts Chromium ourselves (so we own the PID) and connects over CDP. */
async function launch(profile) {
  const child = spawn(
    executable,
    [
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      ...CHROMIUM_FLAGS,
      '--no-default-browser-check',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      'about:blank',
    ],
    // Its own process group, so a kill takes the renderer, GPU and zygote processes with it.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const ws = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 30_000);
    child.stderr.on('data', (d) => {
      text += d;
      const m = /DevTools listening on (ws:\S+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = context.pages()[0] ?? (await context.newPage());
  return { child, browser, page };
}

/** PIDs of processes whose command line names the profile (orphaned Chromium helpers). */
function profileProcesses(profile) {
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(profile)) pids.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** SIGKILLs the whole browser (every process of it), then waits until none touches the profile. */
async function kill({ child, browser }, profile) {
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    process.kill(child.pid, 'SIGKILL');
  }
  await exited;
  await browser.close().catch(() => undefined);
  if (process.platform !== 'linux') return;
  for (let i = 0; i < 50; i++) {
    const left = profileProcesses(profile);
    if (left.length === 0) return;
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openApp(page, url) {
  await page.goto(url);
  await page.locator('html[data-ready="true"]').waitFor({ timeout: 30_000 });
}

const server = await serve({ root: dist, port: 0 });
const profile = mkdtempSync(join(tmpdir(), 'rootline-kill-'));
const expected = { summary: null, actions: [] };
let verified = 0;
const losses = [];
let run = 0;
try {
  let session = await launch(profile);
  await openApp(session.page, server.url);
  await session.page.getByRole('button', { name: 'New incident' }).first().click();
  const title = session.page.getByLabel('Title', { exact: true });
  await title.fill('Kill test');
  await session.page
    .getByRole('status', { name: 'Save status' })
    .filter({ hasText: /^Saved$/ })
    .waitFor();

  for (run = 1; run <= cycles; run++) {
    const { page } = session;
    const token = `summary ${run} ${Math.random().toString(36).slice(2)}`;
    await page.getByRole('tab', { name: 'Overview', exact: true }).click();
    await page.getByLabel('Summary', { exact: true }).fill(token);
    await page
      .getByRole('status', { name: 'Save status' })
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    expected.summary = token;
    const action = `action ${run} ${Math.random().toString(36).slice(2)}`;
    await page.getByRole('tab', { name: 'Action items', exact: true }).click();
    const add = page.getByLabel('New action item', { exact: true });
    await add.fill(action);
    await add.press('Enter');
    // Titles are wrapping text areas (no value attribute to select on): wait for the value itself.
    await page.waitForFunction(
      (text) =>
        [...document.querySelectorAll('tr.action-row [aria-label="Title"]')].some(
          (el) => /** @type {HTMLInputElement} */ (el).value === text,
        ),
      action,
    );
    expected.actions.push(action);
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 300)));
    await kill(session, profile);

    session = await launch(profile);
    await openApp(session.page, server.url);
    await session.page.getByRole('link', { name: 'Kill test', exact: true }).click();
    const summary = await session.page.getByLabel('Summary', { exact: true }).inputValue();
    verified++;
    if (summary !== expected.summary)
      losses.push(`cycle ${run}: summary "${summary}" ≠ "${expected.summary}"`);
    await session.page.getByRole('tab', { name: 'Action items', exact: true }).click();
    await session.page.getByLabel('New action item', { exact: true }).waitFor();
    const titles = await session.page
      .locator('tr.action-row [aria-label="Title"]')
      .evaluateAll((els) => els.map((e) => e.value));
    for (const a of expected.actions) {
      verified++;
      if (!titles.includes(a)) losses.push(`cycle ${run}: action item "${a}" missing`);
    }
  }
  await kill(session, profile);
} catch (e) {
  console.error(`kill-test: cycle ${run} could not run: ${e instanceof Error ? e.message : String(e)}`);
  losses.push(`cycle ${run}: aborted`);
} finally {
  await server.close();
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (e) {
    // Leaving a temp folder behind is not a lost edit; say so rather than fail the test.
    console.warn(`kill-test: could not remove ${profile}: ${e instanceof Error ? e.message : e}`);
  }
}
console.log(
  `kill-test: ${Math.min(run, cycles)} cycles, ${verified} acknowledged edits verified, ${losses.length} lost`,
);
for (const l of losses) console.log(`  ${l}`);
process.exit(losses.length === 0 ? 0 : 1);
