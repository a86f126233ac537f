// Finds the Electron executable the way node_modules/electron/index.js does, but WITHOUT its
// side effect: requiring that module downloads the binary when it is missing.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Executable path inside Electron's dist folder, per platform (mirrors electron/install.js). */
export function defaultExecutableFor(platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/**
 * Where the Electron binary is, or why it is not usable.
 * @returns {{ path: string } | { path: null, reason: 'not-installed' | 'missing-binary', detail: string }}
 */
export function locateElectron({
  root,
  env = process.env,
  platform = process.platform,
  exists = existsSync,
} = {}) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(pkgDir, 'path.txt');
  let relative = null;
  if (exists(pathTxt)) relative = readFileSync(pathTxt, 'utf8').trim();
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || defaultExecutableFor(platform));
    return exists(candidate)
      ? { path: candidate }
      : { path: null, reason: 'missing-binary', detail: `ELECTRON_OVERRIDE_DIST_PATH has no ${candidate}` };
  }
  if (!relative) {
    return { path: null, reason: 'not-installed', detail: 'node_modules/electron/path.txt is missing' };
  }
  const candidate = path.join(pkgDir, 'dist', relative);
  return exists(candidate)
    ? { path: candidate }
    : { path: null, reason: 'missing-binary', detail: `${path.relative(root, candidate)} is missing` };
}

/** Linux needs an X11 or Wayland display for a window; macOS and Windows always have one. */
export function hasDisplay(env = process.env, platform = process.platform) {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Runs electron's own installer (what `npx install-electron` does) with a time limit.
 * Resolves `{ ok: true }` or `{ ok: false, detail }`; never rejects.
 */
export function installElectron({ root, timeoutMs = 120_000, env = process.env }) {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer))
    return Promise.resolve({ ok: false, detail: 'node_modules/electron/install.js is missing' });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + String(chunk)).slice(-4000);
    });
    const timer = setTimeout(() => {
      child.kill();
      resolve({ ok: false, detail: `the download did not finish within ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, detail: error.message });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const firstLine = stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${code}`;
      resolve(code === 0 ? { ok: true } : { ok: false, detail: firstLine.trim() });
    });
  });
}

/**
 * The one sentence `npm start` prints when it falls back to the browser.
 * @param {{ binaryMissing: boolean, downloadFailed: boolean, noDisplay: boolean, opensBrowser: boolean, launchError?: string }} why
 */
export function describeFallback(why) {
  const web = why.opensBrowser
    ? 'so Rootline is opening in your browser instead.'
    : 'so Rootline is running as a web app instead; open the address below in a browser.';
  if (why.launchError) return `Electron could not be started (${why.launchError}), ${web}`;
  if (why.binaryMissing && why.noDisplay) {
    return `Electron's binary is not installed (node_modules/electron/dist is missing) and there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset), ${web}`;
  }
  if (why.binaryMissing) {
    const download = why.downloadFailed ? ' and could not be downloaded' : '';
    return `Electron's binary is not installed (node_modules/electron/dist is missing${download}), ${web}`;
  }
  if (why.noDisplay) {
    return `There is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset), ${web}`;
  }
  throw new Error('describeFallback called without a reason');
}

/**
 * How `npm test` runs the Electron e2e on this machine: directly with a display, under xvfb-run
 * without one, or not at all where the binary cannot be had (with the one line that says so).
 * In CI, with the binary but no way to show a window, it runs anyway so the skips fail the step.
 * @param {{ location: ReturnType<typeof locateElectron>, display: boolean, xvfbRun: boolean, ci: boolean }} at
 * @returns {{ prefix: string[] } | { notRun: string }}
 */
export function planElectronE2e({ location, display, xvfbRun, ci }) {
  if (location.path === null) {
    return {
      notRun: `Electron's binary is not installed here (${location.detail}), so the desktop e2e cannot run on this machine.`,
    };
  }
  if (display) return { prefix: [] };
  if (xvfbRun) return { prefix: ['xvfb-run', '--auto-servernum'] };
  if (ci) return { prefix: [] };
  return { notRun: 'There is no display and no xvfb-run, so the desktop e2e cannot run here.' };
}
