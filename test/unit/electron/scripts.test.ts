import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeFallback,
  hasDisplay,
  locateElectron,
  planElectronE2e,
} from '../../../scripts/electron-binary.mjs';
import {
  CONTENT_SECURITY_POLICY,
  resolveStaticPath,
  serve,
  type RunningServer,
} from '../../../scripts/serve.mjs';
import { parseWebArgs, rendererBuildState } from '../../../scripts/web.mjs';

describe('serve', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rootline-serve-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Rootline</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
  let server: RunningServer;

  beforeAll(async () => {
    server = await serve({ root, port: 0 });
  });
  afterAll(() => server.close());

  it('serves on 127.0.0.1 with MIME types and the CSP header', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(new URL('assets/app.js', server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    await expect(res.text()).resolves.toBe('export {}');
  });

  it('falls back to index.html for routes, 404s missing assets, refuses other methods', async () => {
    const route = await fetch(new URL('incidents/abc', server.url));
    await expect(route.text()).resolves.toContain('<title>Rootline</title>');
    expect((await fetch(new URL('assets/nope.js', server.url))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('refuses encoded traversal', async () => {
    const res = await fetch(`${server.url}..%2F..%2Fetc%2Fpasswd`);
    expect(res.status).toBe(403);
    expect(resolveStaticPath('/srv/app', '/%2e%2e%2fsecret').kind).toBe('forbidden');
    expect(resolveStaticPath('/srv/app', '/a/b/')).toEqual({ kind: 'file', path: '/srv/app/a/b/index.html' });
  });

  it('says which port is taken and how to pick another', async () => {
    await expect(serve({ root, port: server.port })).rejects.toThrow(
      `Port ${server.port} on 127.0.0.1 is already in use; start with --port N (or ROOTLINE_PORT=N)`,
    );
  });
});

describe('locateElectron', () => {
  const root = '/proj';

  it('reports a missing install without touching the network', () => {
    const result = locateElectron({ root, env: {}, exists: () => false });
    expect(result).toMatchObject({ path: null, reason: 'not-installed' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const found = locateElectron({
      root,
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
      platform: 'linux',
      exists: (p) => p === '/opt/electron/electron',
    });
    expect(found).toEqual({ path: '/opt/electron/electron' });
    const missing = locateElectron({
      root,
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' },
      exists: () => false,
    });
    expect(missing).toMatchObject({ path: null, reason: 'missing-binary' });
  });
});

describe('the Electron e2e in npm test', () => {
  const found = { path: '/opt/electron/electron' };
  const missing = {
    path: null,
    reason: 'not-installed',
    detail: 'node_modules/electron/path.txt is missing',
  } as const;

  it('says in one line that it cannot run where the binary cannot be had, in CI too', () => {
    for (const ci of [false, true]) {
      const plan = planElectronE2e({ location: missing, display: false, xvfbRun: true, ci });
      expect(plan).toEqual({ notRun: expect.stringContaining("Electron's binary is not installed here") });
      expect('notRun' in plan && plan.notRun.includes('\n')).toBe(false);
    }
  });

  it('runs under xvfb-run without a display, directly with one', () => {
    expect(planElectronE2e({ location: found, display: false, xvfbRun: true, ci: true })).toEqual({
      prefix: ['xvfb-run', '--auto-servernum'],
    });
    expect(planElectronE2e({ location: found, display: true, xvfbRun: true, ci: true })).toEqual({
      prefix: [],
    });
  });

  it('runs in CI even with no way to show a window, so the skipped specs fail the step', () => {
    expect(planElectronE2e({ location: found, display: false, xvfbRun: false, ci: true })).toEqual({
      prefix: [],
    });
    expect(planElectronE2e({ location: found, display: false, xvfbRun: false, ci: false })).toHaveProperty(
      'notRun',
    );
  });
});

describe('start fallback', () => {
  it('needs a display on Linux only', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });

  it('explains the fallback in one sentence', () => {
    const missing = describeFallback({
      binaryMissing: true,
      downloadFailed: true,
      noDisplay: false,
      opensBrowser: true,
    });
    expect(missing).toBe(
      "Electron's binary is not installed (node_modules/electron/dist is missing and could not be downloaded), so Rootline is opening in your browser instead.",
    );
    const both = describeFallback({
      binaryMissing: true,
      downloadFailed: false,
      noDisplay: true,
      opensBrowser: false,
    });
    expect(both).toMatch(/not installed .* no display .*web app instead/);
    for (const sentence of [missing, both]) expect(sentence.match(/[.!?](\s|$)/g)).toHaveLength(1);
    expect(() =>
      describeFallback({ binaryMissing: false, downloadFailed: false, noDisplay: false, opensBrowser: true }),
    ).toThrow();
  });
});

describe('web script', () => {
  it('reads the port from --port, --port= or ROOTLINE_PORT, defaulting to 5217', () => {
    expect(parseWebArgs([], {})).toEqual({ port: 5217, build: false, open: false, help: false });
    expect(parseWebArgs(['--port', '6000', '--build'], {}).port).toBe(6000);
    expect(parseWebArgs(['--port=6001'], { ROOTLINE_PORT: '7000' }).port).toBe(6001);
    expect(parseWebArgs([], { ROOTLINE_PORT: '7000' }).port).toBe(7000);
    expect(() => parseWebArgs(['--port', 'abc'], {})).toThrow('Invalid port "abc"');
    expect(() => parseWebArgs(['--port'], {})).toThrow('--port needs a number');
  });

  it('refuses unknown switches unless the caller adds them', () => {
    expect(() => parseWebArgs(['--prot', '80'], {})).toThrow('Unknown option "--prot"');
    expect(parseWebArgs(['--web', '--help'], {}, ['--web']).help).toBe(true);
  });

  it('rebuilds when the build is missing or older than the sources', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'rootline-web-'));
    mkdirSync(path.join(root, 'renderer'));
    writeFileSync(path.join(root, 'renderer', 'main.tsx'), 'x');
    expect(rendererBuildState(root)).toEqual({
      stale: true,
      reason: 'dist/renderer/index.html does not exist',
    });
    mkdirSync(path.join(root, 'dist', 'renderer'), { recursive: true });
    const index = path.join(root, 'dist', 'renderer', 'index.html');
    writeFileSync(index, '<html>');
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, 'renderer', 'main.tsx'), past, past);
    utimesSync(path.join(root, 'renderer'), past, past);
    expect(rendererBuildState(root).stale).toBe(false);
    const older = new Date(Date.now() - 120_000);
    utimesSync(index, older, older);
    expect(rendererBuildState(root)).toEqual({ stale: true, reason: 'sources changed since the last build' });
  });
});
