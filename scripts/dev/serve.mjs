// @ts-check
// A tiny static server for dist/renderer (no dependencies): GET/HEAD only, no path traversal,
// correct MIME types, the desktop app's CSP on every response, SPA fallback to index.html.
import { createReadStream, promises as fs, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_PORT = 5217;
export const DEFAULT_HOST = '127.0.0.1';

const electronDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..', 'electron');
/** @param {string} file */
const readJson = (file) => JSON.parse(readFileSync(path.join(electronDir, file), 'utf8'));

// The same data files the Electron shell compiles in, so desktop and web send identical headers.
const CSP_DIRECTIVES = readJson('security/csp.json');
const MIME_TYPES = readJson('protocol/mime.json');

/**
 * Where the web build may connect besides itself: any sync server (ws:, wss:) the person
 * configures in the app, since this page cannot know them in advance. The desktop app instead
 * allows exactly the configured servers (electron/security/csp.ts).
 */
export const WEB_CONNECT_SOURCES = ['ws:', 'wss:'];

/** The Content-Security-Policy header value (the desktop app's, with `WEB_CONNECT_SOURCES`). */
export const CONTENT_SECURITY_POLICY = Object.entries(
  /** @type {Record<string, string[]>} */ ({
    ...CSP_DIRECTIVES,
    'connect-src': [...CSP_DIRECTIVES['connect-src'], ...WEB_CONNECT_SOURCES],
  }),
)
  .map(([name, sources]) => [name, ...sources].join(' '))
  .join('; ');

/** @param {string} filePath */
export function mimeTypeFor(filePath) {
  return (
    /** @type {Record<string, string>} */ (MIME_TYPES)[path.extname(filePath).toLowerCase()] ??
    'application/octet-stream'
  );
}

/**
 * Maps a request path (`/assets/app.js?x`) to a file under root, or says why not.
 * @param {string} root
 * @param {string} requestPath
 * @returns {{ kind: 'file', path: string } | { kind: 'bad-request' | 'forbidden', reason: string }}
 */
export function resolveStaticPath(root, requestPath) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(requestPath, 'http://localhost').pathname);
  } catch {
    return { kind: 'bad-request', reason: `Malformed path: ${requestPath}` };
  }
  if (pathname.includes('\0')) return { kind: 'bad-request', reason: 'Path contains a NUL byte' };
  let relative = pathname.replace(/^[/\\]+/, '');
  if (relative === '' || /[/\\]$/.test(relative)) relative += 'index.html';
  const base = path.resolve(root);
  const full = path.resolve(base, relative);
  if (!full.startsWith(base + path.sep))
    return { kind: 'forbidden', reason: `Path escapes the app folder: ${pathname}` };
  return { kind: 'file', path: full };
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/** @param {string} filePath */
async function isFile(filePath) {
  try {
    return (await fs.stat(filePath)).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
function sendText(res, status, text) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * @param {string} root
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
function createHandler(root) {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    const resolved = resolveStaticPath(root, req.url ?? '/');
    if (resolved.kind !== 'file')
      return sendText(res, resolved.kind === 'bad-request' ? 400 : 403, resolved.reason);
    let filePath = resolved.path;
    if (!(await isFile(filePath))) {
      // Client-side routes have no extension; missing assets are a real 404.
      const index = path.join(path.resolve(root), 'index.html');
      if (path.extname(filePath) !== '' || !(await isFile(index))) return sendText(res, 404, 'Not found');
      filePath = index;
    }
    const { size } = await fs.stat(filePath);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeTypeFor(filePath),
      'Content-Length': size,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(filePath)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

/**
 * @typedef {object} RunningServer
 * @property {string} url
 * @property {number} port
 * @property {import('node:http').Server} server
 * @property {() => Promise<void>} close
 */

/**
 * Serves `root` on host:port (port 0 picks a free one). Rejects with a clear message when the
 * port is taken.
 * @param {{ root: string, port?: number, host?: string }} options
 * @returns {Promise<RunningServer>}
 */
export function serve({ root, port = DEFAULT_PORT, host = DEFAULT_HOST }) {
  const handle = createHandler(root);
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      const message =
        error.code === 'EADDRINUSE'
          ? `Port ${port} on ${host} is already in use; start with --port N (or ROOTLINE_PORT=N) to use another one.`
          : `Could not listen on ${host}:${port}: ${error.message}`;
      reject(new Error(message));
    });
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}/`,
        port: actualPort,
        server,
        close: () =>
          new Promise((/** @type {(value?: void) => void} */ done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
