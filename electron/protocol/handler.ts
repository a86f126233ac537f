import nodePath from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { isSpaRoute, mimeTypeFor, resolveAppRequestPath } from './resolve';

/** File-system access the handler needs; injected so tests can run it on a temp folder. */
export interface StaticFileSystem {
  /** Resolves true for an existing regular file, false otherwise (never rejects). */
  isFile(path: string): Promise<boolean>;
  readFile(path: string): Promise<Uint8Array>;
  /** The path with every symlink resolved (rejects when it does not exist). */
  realPath(path: string): Promise<string>;
}

/** True when `file`, after symlinks, is inside `root` after symlinks: a link cannot lead out. */
async function staysInside(root: string, file: string, fs: StaticFileSystem): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([fs.realPath(root), fs.realPath(file)]);
    return realFile.startsWith(realRoot + nodePath.sep);
  } catch {
    return false;
  }
}

/** Headers every app:// response carries, error pages included. */
export function securityHeaders(csp: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

function textResponse(status: number, body: string, csp?: string): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Builds the `protocol.handle('app', …)` callback serving `root` (dist/renderer). Unknown
 * extension-less paths fall back to index.html so client-side routes survive a reload.
 */
export function createAppProtocolHandler(
  root: string,
  fs: StaticFileSystem,
  /** The policy to send (the configured sync servers open `connect-src`); the default otherwise. */
  csp: () => string = () => CONTENT_SECURITY_POLICY,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const policy = csp();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed', policy);
    }
    const resolved = resolveAppRequestPath(root, request.url);
    if (resolved.kind === 'bad-request') return textResponse(400, resolved.reason, policy);
    if (resolved.kind === 'forbidden') return textResponse(403, resolved.reason, policy);

    let filePath = resolved.path;
    if (!(await fs.isFile(filePath))) {
      const index = nodePath.join(nodePath.resolve(root), 'index.html');
      if (!isSpaRoute(filePath) || !(await fs.isFile(index))) return textResponse(404, 'Not found', policy);
      filePath = index;
    }
    if (!(await staysInside(root, filePath, fs))) {
      return textResponse(403, 'Path leads out of the app folder through a link', policy);
    }
    const body = request.method === 'HEAD' ? null : await fs.readFile(filePath);
    return new Response(body, {
      status: 200,
      headers: { ...securityHeaders(policy), 'Content-Type': mimeTypeFor(filePath) },
    });
  };
}
