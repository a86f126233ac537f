// @ts-check
// The browser every Chromium run of Rootline uses — `rootline export --format pdf`, the
// benchmarks, the kill test, the Playwright configs, tests that render exports — found the same
// way and started with the same flags: no background traffic on a closed network.
import { existsSync } from 'node:fs';

/** The one environment variable that names the browser, for the CLI, tests and benchmarks. */
export const CHROMIUM_ENV = 'ROOTLINE_CHROMIUM';

/** Where Chromium-family browsers are usually installed, Debian's Chromium first. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The browser: `$ROOTLINE_CHROMIUM` when set (null when that file does not exist), else the
 * first installed candidate; null when there is none.
 */
export function findChromium(env = process.env, exists = existsSync) {
  const override = env[CHROMIUM_ENV];
  if (override !== undefined && override !== '') return exists(override) ? override : null;
  return CHROMIUM_CANDIDATES.find((p) => exists(p)) ?? null;
}

/** The browser for tools and tests (Playwright cannot download browsers here). */
export const CHROMIUM_PATH = findChromium() ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
