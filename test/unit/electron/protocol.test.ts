import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/protocol/handler';
import { mimeTypeFor, resolveAppRequestPath } from '../../../electron/protocol/resolve';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp';

const ROOT = '/opt/rootline/dist/renderer';

describe('resolveAppRequestPath', () => {
  it('maps app URLs into the root, with index.html for folders', () => {
    expect(resolveAppRequestPath(ROOT, 'app://rootline/')).toEqual({
      kind: 'file',
      path: `${ROOT}/index.html`,
    });
    expect(resolveAppRequestPath(ROOT, 'app://rootline/assets/app-1.js?v=2#x')).toEqual({
      kind: 'file',
      path: `${ROOT}/assets/app-1.js`,
    });
    expect(resolveAppRequestPath(ROOT, 'app://rootline/my%20file.css')).toEqual({
      kind: 'file',
      path: `${ROOT}/my file.css`,
    });
  });

  it.each([
    'app://rootline/..%2F..%2Fetc%2Fpasswd',
    'app://rootline/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret',
    'app://rootline/%2Fetc%2Fpasswd/..%2F..%2F..%2F..%2Froot',
    'app://rootline/..%5C..%5Cwindows',
  ])('never escapes the root: %s', (url) => {
    const result = resolveAppRequestPath(ROOT, url);
    if (result.kind === 'file') expect(result.path.startsWith(`${ROOT}/`)).toBe(true);
    else expect(result.kind).toBe('forbidden');
  });

  it('refuses an encoded escape explicitly', () => {
    expect(resolveAppRequestPath(ROOT, 'app://rootline/..%2F..%2Fetc%2Fpasswd').kind).toBe('forbidden');
  });

  it('contains Windows paths too (backslashes, drive letters)', () => {
    const root = 'C:\\Program Files\\Rootline\\resources\\renderer';
    for (const url of ['app://rootline/..%5C..%5Csecret.txt', 'app://rootline/C:%5CWindows%5Cwin.ini']) {
      const result = resolveAppRequestPath(root, url, path.win32);
      expect(result.kind).toBe('forbidden');
    }
    expect(resolveAppRequestPath(root, 'app://rootline/assets/a.js', path.win32)).toEqual({
      kind: 'file',
      path: `${root}\\assets\\a.js`,
    });
  });

  it('rejects other hosts, schemes, malformed escapes and NUL bytes', () => {
    expect(resolveAppRequestPath(ROOT, 'app://evil/index.html').kind).toBe('forbidden');
    expect(resolveAppRequestPath(ROOT, 'file:///etc/passwd').kind).toBe('forbidden');
    expect(resolveAppRequestPath(ROOT, 'app://rootline/%E0%A4%A').kind).toBe('bad-request');
    expect(resolveAppRequestPath(ROOT, 'app://rootline/a%00.js').kind).toBe('bad-request');
  });
});

describe('mimeTypeFor', () => {
  it('knows the types a Vite build emits', () => {
    expect(mimeTypeFor('/a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/a/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/a/worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/a/app.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/a/logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/a/font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/a/mod.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('/a/blob.bin')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rootline-protocol-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Rootline</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(os.tmpdir(), 'rootline-secret.txt'), 'secret');
  const handle = createAppProtocolHandler(root, {
    isFile: (p) =>
      fs.stat(p).then(
        (s) => s.isFile(),
        () => false,
      ),
    readFile: (p) => fs.readFile(p),
    realPath: (p) => fs.realpath(p),
  });

  it('serves files with their MIME type and the CSP header', async () => {
    const res = await handle(new Request('app://rootline/assets/app.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    await expect(res.text()).resolves.toBe('console.log(1)');
  });

  it('falls back to index.html for client routes but 404s missing assets', async () => {
    const route = await handle(new Request('app://rootline/incidents/42'));
    expect(route.status).toBe(200);
    await expect(route.text()).resolves.toContain('<title>Rootline</title>');
    const missing = await handle(new Request('app://rootline/assets/missing.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses a symlink in the app folder that leads out of it (issue 11, item 10)', async () => {
    symlinkSync(path.join(os.tmpdir(), 'rootline-secret.txt'), path.join(root, 'assets', 'link.js'));
    const res = await handle(new Request('app://rootline/assets/link.js'));
    expect(res.status).toBe(403);
    await expect(res.text()).resolves.not.toContain('secret');
    expect((await handle(new Request('app://rootline/assets/app.js'))).status).toBe(200);
  });

  it('refuses traversal and non-GET methods', async () => {
    const escape = await handle(new Request('app://rootline/..%2Frootline-secret.txt'));
    expect(escape.status).toBe(403);
    await expect(escape.text()).resolves.not.toContain('secret\n');
    expect(
      (await handle(new Request('app://rootline/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
  });
});
