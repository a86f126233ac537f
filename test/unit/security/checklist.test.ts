import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_CSP_DIRECTIVES } from '../../../electron/security/csp';
import { classify, parseReport, REVIEWED } from '../../../scripts/test/audit-electron.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');

function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourcesUnder(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

const created: unknown[] = [];
const opened: string[] = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      created.push(options);
    }
  },
  shell: {
    openExternal: async (url: string) => {
      opened.push(url);
    },
  },
}));

beforeEach(() => {
  created.length = 0;
  opened.length = 0;
});

describe('Electron checklist', () => {
  it('constructs windows in one place that forces the security switches on', async () => {
    const offenders = sourcesUnder('electron').filter(
      (file) =>
        file !== path.join('electron', 'window', 'create.ts') && /new BrowserWindow\(/.test(read(file)),
    );
    expect(offenders).toEqual([]);
    const { createLockedWindow } = await import('../../../electron/window/create');
    // A caller trying to relax the settings loses: the locked values are applied last.
    createLockedWindow({
      webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true, webSecurity: false },
    });
    expect(created[0]).toMatchObject({
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        webviewTag: false,
        allowRunningInsecureContent: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
  });

  it('calls shell.openExternal once, for http(s) only', async () => {
    const callers = sourcesUnder('electron').filter((file) => /\.openExternal\(/.test(read(file)));
    expect(callers).toEqual([path.join('electron', 'security', 'external.ts')]);
    const { openInBrowser } = await import('../../../electron/security/external');
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'smb://host/share',
      'ms-msdt:/id',
      'https:',
      'not a url',
    ])
      await expect(openInBrowser(url)).resolves.toBe(false);
    await expect(openInBrowser('https://example.com/a b')).resolves.toBe(true);
    expect(opened).toEqual(['https://example.com/a%20b']);
  });

  it('never turns a security switch off anywhere in electron/', () => {
    const bad =
      /(contextIsolation|sandbox|webSecurity):\s*false|(nodeIntegration\w*|allowRunningInsecureContent|webviewTag|experimentalFeatures):\s*true/;
    expect(sourcesUnder('electron').filter((file) => bad.test(read(file)))).toEqual([]);
  });

  it('denies every permission request, all network requests and sets the CSP header', async () => {
    const { hardenSession } = await import('../../../electron/session/harden');
    type Cb = (value: unknown) => void;
    let requestHandler: ((c: unknown, p: string, cb: Cb, d: { requestingUrl?: string }) => void) | undefined;
    let beforeRequest: ((d: { url: string }, cb: Cb) => void) | undefined;
    let headers:
      ((d: { url: string; responseHeaders: Record<string, string[]> }, cb: Cb) => void) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: () => undefined,
      webRequest: {
        onBeforeRequest: (h: typeof beforeRequest) => (beforeRequest = h),
        onHeadersReceived: (h: typeof headers) => (headers = h),
      },
    } as never);
    const contents = { getURL: () => 'app://rootline/index.html' };
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fullscreen',
      'midi',
    ]) {
      const cb = vi.fn();
      requestHandler?.(contents, permission, cb, { requestingUrl: 'app://rootline/index.html' });
      expect(cb).toHaveBeenCalledWith(false);
    }
    for (const [url, cancel] of [
      ['https://evil.example/x.js', true],
      ['http://127.0.0.1:9/', true],
      ['file:///etc/passwd', true],
      ['app://rootline/assets/x.js', false],
    ] as const) {
      const cb = vi.fn();
      beforeRequest?.({ url }, cb);
      expect(cb).toHaveBeenCalledWith({ cancel });
    }
    const cb = vi.fn();
    headers?.(
      {
        url: 'app://rootline/',
        responseHeaders: { 'content-security-policy': ["script-src 'unsafe-eval'"] },
      },
      cb,
    );
    const sent = (cb.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }).responseHeaders;
    expect(Object.keys(sent).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(sent['Content-Security-Policy']?.[0]).not.toContain('unsafe-eval');
  });

  it('has a meta CSP in index.html as strict as the header, and no inline scripts', () => {
    const html = read('renderer/index.html');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(meta)?.[1]?.trim();
    expect(scriptSrc).toBe("'self'");
    expect(meta).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
    expect(meta).toContain("object-src 'none'");
    expect(meta).toContain("base-uri 'none'");
    // Sync servers are reached over WebSockets only; the header names which (electron/sync/servers.ts).
    expect(/connect-src ([^;]+)/.exec(meta)?.[1]?.trim()).toBe("'self' ws: wss:");
    expect(APP_CSP_DIRECTIVES['script-src']).toEqual(["'self'"]);
    expect(JSON.stringify(APP_CSP_DIRECTIVES)).not.toMatch(/unsafe-eval/);
    // Every <script> loads a file; none carries code inline.
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [])
      expect(tag).toMatch(/^<script\b[^>]*\bsrc=[^>]*><\/script>$/);
  });

  it('sets the Electron fuses in the packaging config', () => {
    const yml = read('electron-builder.yml');
    const fuses = /electronFuses:\n((?:\s+\w+: \w+\n)+)/.exec(yml)?.[1] ?? '';
    const value = (name: string) => new RegExp(`\\b${name}: (\\w+)`).exec(fuses)?.[1];
    expect(value('runAsNode')).toBe('false');
    expect(value('enableNodeOptionsEnvironmentVariable')).toBe('false');
    expect(value('enableNodeCliInspectArguments')).toBe('false');
    expect(value('enableEmbeddedAsarIntegrityValidation')).toBe('true');
    expect(value('onlyLoadAppFromAsar')).toBe('true');
    expect(yml).toMatch(/^asar: true$/m);
  });
});

describe('audit:electron report handling', () => {
  const csv = [
    'issue, severity, confidence, filename, location, sample, description, url',
    'CSP_GLOBAL_CHECK,"LOW","TENTATIVE","src/session/harden.ts","28:15",N/A,"Failed to parse CSP",u',
    'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","src/security/external.ts","12:8","await shell.openExternal(safeUrl);","Review",u',
    'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","src/main.ts","3:1","shell.openExternal(url, { a, b });","Review",u',
    'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","src/main.ts","9:1","new BrowserWindow(x)","Review",u',
  ].join('\n');

  it('parses quoted fields with commas', () => {
    const findings = parseReport(csv);
    expect(findings).toHaveLength(4);
    expect(findings[2]?.sample).toBe('shell.openExternal(url, { a, b });');
  });

  it('fails high and medium findings unless reviewed for that exact code, once', () => {
    const { failing, accepted, minor } = classify(parseReport(csv), REVIEWED);
    expect(minor.map((f) => f.check)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(accepted.map((f) => f.file)).toEqual(['src/security/external.ts']);
    expect(failing.map((f) => `${f.check} ${f.file}`)).toEqual([
      'OPEN_EXTERNAL_JS_CHECK src/main.ts',
      'CONTEXT_ISOLATION_JS_CHECK src/main.ts',
    ]);
    const twice = parseReport(`${csv}\n${csv.split('\n')[2] ?? ''}`);
    expect(classify(twice, REVIEWED).failing).toHaveLength(3);
  });
});
