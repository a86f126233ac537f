// @ts-check
// `npm run web`: builds the renderer when needed, then serves it on http://127.0.0.1:5217/.
// Flags: --port N (or ROOTLINE_PORT), --build (always rebuild), --open (open a browser).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, serve } from './serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_DIRS = ['renderer', 'shared', 'templates'];
const SOURCE_FILES = ['package.json'];

export const WEB_USAGE = `Usage: npm run web -- [--port N] [--build] [--open]
  --port N   port to listen on (default ${DEFAULT_PORT}, or ROOTLINE_PORT)
  --build    rebuild the renderer even if dist/renderer looks up to date
  --open     open the default browser once the server is up`;

/**
 * Reads --port N / --port=N, ROOTLINE_PORT, --build, --open and --help (node:util parseArgs).
 * Unknown switches are an error (a typo should not silently start a server); `extraFlags` lets
 * npm start add its own boolean switches. Other arguments (files to open) are left to the caller.
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} [env]
 * @param {string[]} [extraFlags] switches such as `--web`
 * @returns {{ port: number, build: boolean, open: boolean, help: boolean }}
 */
export function parseWebArgs(argv, env = process.env, extraFlags = []) {
  /** @type {import('node:util').ParseArgsConfig['options']} */
  const options = {
    port: { type: 'string' },
    build: { type: 'boolean' },
    open: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const flag of extraFlags) options[flag.replace(/^--/, '')] = { type: 'boolean' };
  // Not strict: its own errors would not say what to type instead, these do.
  const { values, tokens } = parseArgs({
    args: argv,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let portText = env.ROOTLINE_PORT;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!(token.name in options)) throw new Error(`Unknown option "${token.rawName}".`);
    if (token.name === 'port') portText = token.value ?? '';
  }
  let port = DEFAULT_PORT;
  if (portText !== undefined && portText !== '') {
    port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`Invalid port "${portText}": expected a whole number from 0 to 65535.`);
    }
  } else if (portText === '') {
    throw new Error('--port needs a number, e.g. --port 5217.');
  }
  return { port, build: values.build === true, open: values.open === true, help: values.help === true };
}

/** @param {string} target @returns {number} */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** Whether dist/renderer must be (re)built: missing, or older than any renderer/shared/templates source. */
export function rendererBuildState(root = ROOT) {
  const index = path.join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(index)) return { stale: true, reason: 'dist/renderer/index.html does not exist' };
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    ...SOURCE_DIRS.map((dir) => newestMtime(path.join(root, dir))),
    ...SOURCE_FILES.map((file) => newestMtime(path.join(root, file))),
  );
  return sources > built
    ? { stale: true, reason: 'sources changed since the last build' }
    : { stale: false, reason: 'up to date' };
}

/** @param {string} root @returns {Promise<void>} */
function runVite(root) {
  return new Promise((/** @type {(value?: void) => void} */ resolve, reject) => {
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const child = spawn(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts'], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `Building the renderer failed (vite build exited with code ${code}); see the errors above.`,
            ),
          ),
    );
  });
}

/**
 * Builds the renderer if it is missing or stale (or always with `force`). Without a vite config
 * an existing build is served as is; with neither, it fails with a message saying what to do.
 */
export async function ensureRendererBuilt({ root = ROOT, force = false, log = console.log } = {}) {
  const state = force ? { stale: true, reason: '--build was given' } : rendererBuildState(root);
  if (!state.stale) return;
  const hasIndex = existsSync(path.join(root, 'dist', 'renderer', 'index.html'));
  if (!existsSync(path.join(root, 'renderer', 'vite.config.ts'))) {
    if (hasIndex) {
      log('renderer/vite.config.ts is missing, so the existing dist/renderer build is used as is.');
      return;
    }
    throw new Error(
      'The renderer cannot be built: renderer/vite.config.ts is missing and dist/renderer does not exist.',
    );
  }
  log(`Building the renderer (${state.reason})…`);
  await runVite(root);
}

/**
 * Opens `url` in the default browser; failures are ignored (the URL is printed anyway).
 * @param {string} url
 */
export function openBrowser(url) {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher; the printed URL is enough.
  }
}

/** Builds if needed, serves dist/renderer, prints the URL; resolves with the running server. */
export async function runWeb({ root = ROOT, port = DEFAULT_PORT, forceBuild = false, open = false } = {}) {
  await ensureRendererBuilt({ root, force: forceBuild });
  const running = await serve({ root: path.join(root, 'dist', 'renderer'), port });
  console.log(`Rootline is running at ${running.url}`);
  console.log('Press Ctrl+C to stop.');
  if (open) openBrowser(running.url);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return running;
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const options = parseWebArgs(process.argv.slice(2));
    if (options.help) {
      console.log(WEB_USAGE);
      process.exit(0);
    }
    await runWeb({ port: options.port, forceBuild: options.build, open: options.open });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(WEB_USAGE);
    process.exit(1);
  }
}
