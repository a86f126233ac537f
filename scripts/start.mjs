// `npm start`: builds the renderer and the Electron bundles, then opens the desktop app. When
// Electron cannot run here (binary not installed and not downloadable, or no display), it says
// why in one sentence and serves the same app for the browser, as `npm run web` does.
// Flags: --web (skip Electron), --build (force a renderer rebuild), --port N, --no-download.
import { spawn } from 'node:child_process';
import { buildElectron } from './build-electron.mjs';
import { describeFallback, hasDisplay, installElectron, locateElectron } from './electron-binary.mjs';
import { ensureRendererBuilt, parseWebArgs, ROOT, runWeb } from './web.mjs';

const USAGE = `Usage: npm start -- [--web] [--build] [--port N] [--no-download] [file.rootline.json]
  --web          skip Electron and serve the app for the browser
  --build        rebuild the renderer even if dist/renderer looks up to date
  --port N       port for the browser fallback (default 5217, or ROOTLINE_PORT)
  --no-download  do not try to download Electron's binary when it is missing`;

const DOWNLOAD_TIMEOUT_MS = Number(process.env.ROOTLINE_ELECTRON_DOWNLOAD_TIMEOUT_MS) || 120_000;

/** Spawns Electron on the project; resolves with its exit code, rejects if it cannot start. */
function launchElectron(binary, extraArgs) {
  const env = { ...process.env };
  // Set in some shells/CI; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [ROOT, ...extraArgs], { cwd: ROOT, env, stdio: 'inherit' });
    let started = false;
    child.once('spawn', () => {
      started = true;
      for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    });
    child.once('error', (error) => (started ? console.error(error.message) : reject(error)));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const args = process.argv.slice(2);
  const options = parseWebArgs(args, process.env, ['--web', '--no-download']);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  // Files go to Electron as they are; its main process knows which name is a bundle.
  const passThrough = args.filter((arg, i) => !arg.startsWith('-') && args[i - 1] !== '--port');

  await ensureRendererBuilt({ force: options.build });
  await buildElectron();

  if (args.includes('--web')) {
    await runWeb({ port: options.port, open: hasDisplay() });
    return;
  }

  const display = hasDisplay();
  let location = locateElectron({ root: ROOT });
  let downloadFailed = false;
  // Only worth downloading ~100 MB if there is a screen to show the window on.
  if (location.path === null && display && !args.includes('--no-download')) {
    console.log('Electron is not installed yet; downloading it (first run only)…');
    const installed = await installElectron({ root: ROOT, timeoutMs: DOWNLOAD_TIMEOUT_MS });
    if (!installed.ok) console.log(`Download failed: ${installed.detail}`);
    downloadFailed = !installed.ok;
    location = locateElectron({ root: ROOT });
  }

  if (location.path !== null && display) {
    try {
      process.exitCode = await launchElectron(location.path, passThrough);
      return;
    } catch (error) {
      const launchError = error instanceof Error ? error.message : String(error);
      console.log(
        describeFallback({
          binaryMissing: false,
          downloadFailed: false,
          noDisplay: false,
          opensBrowser: true,
          launchError,
        }),
      );
      await runWeb({ port: options.port, open: true });
      return;
    }
  }

  console.log(
    describeFallback({
      binaryMissing: location.path === null,
      downloadFailed,
      noDisplay: !display,
      opensBrowser: display,
    }),
  );
  await runWeb({ port: options.port, open: display });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
