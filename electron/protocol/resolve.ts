import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME } from '../constants';
import mimeTypes from './mime.json';

const MIME_TYPES: Readonly<Record<string, string>> = mimeTypes;

/** Where an app:// request points on disk, or why it may not be served. */
export type AppPathResolution =
  | { kind: 'file'; path: string }
  | { kind: 'bad-request'; reason: string }
  | { kind: 'forbidden'; reason: string };

/**
 * Maps `app://rootline/<path>` to a file under `root`. Percent-escapes are decoded first and the
 * result must stay inside `root`, so `..`, encoded `%2e%2e%2f`, backslashes and absolute or drive
 * paths cannot escape it. A path ending in `/` means its `index.html`.
 */
export function resolveAppRequestPath(
  root: string,
  requestUrl: string,
  path: typeof nodePath = nodePath,
): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'bad-request', reason: `Not a URL: ${requestUrl}` };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { kind: 'forbidden', reason: `Only ${APP_SCHEME}://${APP_HOST}/ is served` };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'bad-request', reason: `Malformed percent-encoding in ${url.pathname}` };
  }
  if (decoded.includes('\0')) return { kind: 'bad-request', reason: 'Path contains a NUL byte' };

  let relative = decoded.replace(/^[/\\]+/, '');
  if (relative === '' || /[/\\]$/.test(relative)) relative += 'index.html';
  const base = path.resolve(root);
  const full = path.resolve(base, relative);
  if (!full.startsWith(base + path.sep)) {
    return { kind: 'forbidden', reason: `Path escapes the app folder: ${decoded}` };
  }
  return { kind: 'file', path: full };
}

/** True when a missing path should get index.html (client-side routes have no extension). */
export function isSpaRoute(filePath: string, path: typeof nodePath = nodePath): boolean {
  return path.extname(filePath) === '';
}

/** Content-Type for a served file; unknown types are sent as opaque bytes. */
export function mimeTypeFor(filePath: string, path: typeof nodePath = nodePath): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
